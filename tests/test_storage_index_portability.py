"""The index on a system whose `os` lacks the POSIX open flags (Windows has no O_NOFOLLOW, O_NONBLOCK or
O_CLOEXEC): reads still go through it (issue #19, the storage mutation run on the final code).

Each test fails when a user would see something wrong: a traceback on every read, or, more quietly, every
read parsing the whole file because the index could not be opened.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from relations_cli.storage.store import Store

from .conftest import Run


@pytest.mark.parametrize(
    "missing", [("O_NOFOLLOW",), ("O_NONBLOCK",), ("O_CLOEXEC",), ("O_NOFOLLOW", "O_NONBLOCK", "O_CLOEXEC")]
)
def test_without_the_posix_open_flags_reads_still_go_through_the_index(
    run: Run, db: Path, monkeypatch: pytest.MonkeyPatch, missing: tuple[str, ...]
) -> None:
    run("add", "AZ", "PK", "--date", "2021")
    run("add", "AZ", "TR", "--date", "2022")
    for name in missing:
        monkeypatch.delattr(os, name, raising=False)
    rows = Store(db).rows()
    assert [r.id for r in rows] == [1, 2]
    assert all(r.source is not None and r.parsed is None for r in rows)  # from the index, the file not parsed
    result = run("list", "AZ", "--format", "ids")
    assert result.exit_code == 0 and result.stdout.split() == ["1", "2"]
