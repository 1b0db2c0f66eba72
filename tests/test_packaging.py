"""What `pip install .` ships: every subpackage of relations_cli (an editable install hides a missing one)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_listed_for_installation() -> None:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    listed = re.search(r"^packages = \[(.*?)\]", text, re.S | re.M)
    assert listed is not None
    packages = set(re.findall(r'"([\w.]+)"', listed.group(1)))
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "relations_cli").rglob("__init__.py")}
    assert found <= packages, f"not installed by pip install .: {sorted(found - packages)}"
