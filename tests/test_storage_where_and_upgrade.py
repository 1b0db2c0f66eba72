"""Where the database is on each system, `check` on a file that is gone, and upgrades: one of two schemas,
and one that cannot keep its backup (issue #19, the storage mutation run on the final code).

Each test fails when a user would see something wrong: a database looked for in another folder than the
one the README names, a traceback instead of an empty check, an upgrade step skipped, or an error message
that hides its cause.
"""

from __future__ import annotations

import errno
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from relations_cli import files
from relations_cli.check import check
from relations_cli.storage import store as store_module
from relations_cli.storage.layout import Tables
from relations_cli.storage.store import SCHEMA_VERSION, Store, default_path

from .conftest import Run, pending_upgrade


def test_on_windows_the_database_is_in_one_relations_folder_of_the_local_app_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # platformdirs' own Windows rules, with the system's folder lookup stood in for: the folder is
    # %LOCALAPPDATA%\relations, not %LOCALAPPDATA%\relations\relations (an "author" folder named like the app).
    import platformdirs
    import platformdirs.windows

    local = tmp_path / "AppData" / "Local"

    def on_windows(*args: object, **kwargs: object) -> str:
        return platformdirs.windows.Windows(*args, **kwargs).user_data_dir  # type: ignore[arg-type]

    monkeypatch.setattr(platformdirs.windows, "get_win_folder", lambda _csidl: str(local))
    monkeypatch.setattr(platformdirs, "user_data_dir", on_windows)
    assert default_path() == local / "relations" / "relations.json"


def test_a_database_removed_just_before_it_is_checked_has_no_problems(tmp_path: Path) -> None:
    # `relations check` looks for the file first; one deleted between that look and the read is an
    # empty database, as a missing file is everywhere else, never a traceback.
    gone = Store(tmp_path / "gone.json")
    assert gone.raw() == ({}, {})
    assert check(gone) == []


def test_an_upgrade_whose_backup_cannot_be_written_says_why_and_writes_nothing(
    run: Run, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, backup = pending_upgrade(run, db, monkeypatch)
    real_write = files.atomic_write

    def disk_full_for_the_backup(path: Path, data: object, **kwargs: object) -> None:
        if path == backup:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(path, data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store_module, "atomic_write", disk_full_for_the_backup)
    result = run("add", "AZ", "TR", "--date", "2022")
    assert result.exit_code == 1
    # The system's words for the cause, not Python's "[Errno 28] …" form of the exception.
    assert result.stderr == f"Error: cannot back up {db} before upgrading it: No space left on device\n"
    assert db.read_bytes() == before and not backup.exists()


def test_a_file_two_schemas_old_is_upgraded_by_each_step_in_turn(
    run: Run, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("add", "AZ", "PK", "--date", "2021", "--summary", "before the upgrades")
    steps: list[int] = []

    def step(version: int) -> Callable[[Tables], Tables]:
        def upgrade(tables: Tables) -> Tables:
            steps.append(version)
            return {**tables, f"added_by_{version}": {}}

        return upgrade

    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 2)
    monkeypatch.setattr(store_module, "MIGRATIONS", {SCHEMA_VERSION: step(1), SCHEMA_VERSION + 1: step(2)})
    result = run("add", "AZ", "TR", "--date", "2022")
    assert result.exit_code == 0 and steps == [1, 2]
    saved = json.loads(db.read_text())
    assert saved["meta"]["1"]["schema"] == SCHEMA_VERSION + 2
    assert "added_by_1" in saved and "added_by_2" in saved  # the second step was not skipped
    assert [r["summary"] for r in json.loads(run("list", "--json").stdout)] == ["before the upgrades", None]
