"""pytest plugin for the mutation runs: every test starts with relations_cli's caches empty.

mutmut runs the clean tests in its main process and forks each mutant's worker from it, so a cache
filled by the clean run (documents._codes, areas.normalise, collapse._real_day, ...) would answer for
the mutant and hide it. Use: PYTHONPATH=scripts PYTEST_ADDOPTS="-p mutmut_coldcache" mutmut run ...
"""

from __future__ import annotations

import sys

import pytest


def pytest_runtest_setup(item: pytest.Item) -> None:
    for name, module in list(sys.modules.items()):
        if name.startswith("relations_cli") and module is not None:
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()
