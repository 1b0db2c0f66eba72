"""Where the database is, how long a writer waits, older files and their upgrade, and the index beside
the file (issue #19): each test fails when a user would see data in the wrong place, a write that does not
wait as told, an upgrade that loses the old file, or an index trusted for a file it was not made for.
"""

from __future__ import annotations

import dataclasses
import errno
import json
import marshal
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from relations_cli.storage import index, layout
from relations_cli.storage.records import INDEXED
from relations_cli.storage.store import SCHEMA_VERSION, Store, lock_timeout

from .conftest import Run, lock_held, pending_upgrade
from .test_edges_store import _doc, _file, _full, _settled_rows, _written

# -- where the database is, how long a writer waits, and older files -----------------------------------


def test_the_database_is_relations_db_else_the_user_data_dir(tmp_path: Path) -> None:
    from relations_cli.cli import app

    named = tmp_path / "named.json"
    add = ["add", "AZ", "PK", "--date", "2021"]
    assert CliRunner().invoke(app, add, env={"RELATIONS_DB": str(named)}).exit_code == 0
    assert [r.id for r in Store(named).rows()] == [1]
    default = tmp_path / "xdg" / "relations" / "relations.json"  # XDG_DATA_HOME is set by conftest
    assert not default.exists()
    assert CliRunner().invoke(app, add, env={"RELATIONS_DB": ""}).exit_code == 0
    assert [r.id for r in Store(default).rows()] == [1] and [r.id for r in Store(named).rows()] == [1]


@pytest.mark.parametrize(("value", "seconds"), [(None, 10.0), ("", 10.0), ("0", 0.0), ("2.5", 2.5)])
def test_a_writer_waits_as_long_as_relations_lock_timeout_says(
    monkeypatch: pytest.MonkeyPatch, value: str | None, seconds: float
) -> None:
    if value is not None:
        monkeypatch.setenv("RELATIONS_LOCK_TIMEOUT", value)
    assert lock_timeout() == seconds


@pytest.mark.parametrize("value", ["soon", "-1", "-0.5", "nan", "-inf"])
def test_a_lock_timeout_that_is_no_number_of_seconds_is_refused_and_nothing_written(
    run: Run, db: Path, value: str
) -> None:
    run("add", "AZ", "PK", "--date", "2021")
    before = db.read_bytes()
    result = run("add", "AZ", "TR", "--date", "2022", env={"RELATIONS_LOCK_TIMEOUT": value})
    assert result.exit_code == 2
    assert result.stderr == f"Error: RELATIONS_LOCK_TIMEOUT must be a number of seconds, not {value!r}\n"
    assert db.read_bytes() == before


def test_a_lock_timeout_of_zero_gives_up_at_once_on_a_held_lock(run: Run, db: Path) -> None:
    run("add", "AZ", "PK", "--date", "2021")
    before = db.read_bytes()
    with lock_held(db):
        result = run("add", "AZ", "TR", "--date", "2022", env={"RELATIONS_LOCK_TIMEOUT": "0"})
    assert result.exit_code == 75
    assert result.stderr == (
        f"Error: database {db} is locked by another relations process; gave up after 0s (RELATIONS_LOCK_TIMEOUT)\n"
    )
    assert db.read_bytes() == before


def test_an_older_schema_with_no_upgrade_is_refused_by_every_command(run: Run, db: Path) -> None:
    _file(db, {"1": _doc()}, next_id=2)
    db.write_text(db.read_text().replace(f'"schema": {SCHEMA_VERSION}', '"schema": 0'))
    before = db.read_bytes()
    for command in (["list"], ["add", "AZ", "PK", "--date", "2022"], ["delete", "1", "--yes"]):
        result = run(*command)
        assert result.exit_code == 1, command
        assert result.stderr == f"Error: {db} has schema 0, which this relations cannot upgrade\n"
    assert db.read_bytes() == before


def test_an_upgrade_keeps_the_old_file_once_whichever_way_the_first_write_goes(
    run: Run, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from relations_cli.storage import store as store_module

    run("add", "AZ", "PK", "--date", "2021")
    run("add", "AZ", "TR", "--date", "2022")  # two records: an edit could be made in place
    before = db.read_bytes()
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setattr(store_module, "MIGRATIONS", {SCHEMA_VERSION: lambda tables: tables})
    backup = Store(db).backup_path(SCHEMA_VERSION)
    result = run("edit", "1", "--summary", "upgraded")
    assert result.exit_code == 0 and backup.read_bytes() == before
    assert result.stderr == (
        f"upgraded {db} from schema {SCHEMA_VERSION} to {SCHEMA_VERSION + 1}; the old file is kept as {backup}\n"
    )
    assert json.loads(db.read_text())[layout.META]["1"]["schema"] == SCHEMA_VERSION + 1
    result = run("edit", "2", "--summary", "later")
    assert result.exit_code == 0 and result.stderr == "" and backup.read_bytes() == before


def test_an_upgrade_that_cannot_keep_the_old_file_writes_nothing(
    run: Run, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, backup = pending_upgrade(run, db, monkeypatch)
    for planted in ("link", "directory"):
        if planted == "link":
            backup.symlink_to(backup.name)  # a link to itself: no backup can be written there
        else:
            backup.unlink()
            backup.mkdir()  # a directory would pass for a backup kept
        result = run("add", "AZ", "TR", "--date", "2022")
        assert result.exit_code == 1
        assert result.stderr == f"Error: cannot back up {db} before upgrading it: {backup} is not a regular file\n"
        assert db.read_bytes() == before


# -- the index: beside the file, and trusted only for exactly that file -------------------------------------


def test_the_index_is_a_hidden_file_beside_the_database_and_deleting_it_loses_nothing(run: Run, db: Path) -> None:
    run("add", "AZ", "PK", "--date", "2021")
    beside = db.with_name(".relations.json.index")
    assert sorted(p.name for p in db.parent.iterdir() if p.name.startswith(".")) == [beside.name]
    expected = run("list", "--json").stdout
    beside.unlink()
    assert run("list", "--json").stdout == expected and beside.exists()


def _settled(db: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """The database's index once settled (its file no longer checked against its CRC)."""
    monkeypatch.setattr(index, "SETTLED_NS", -1)
    _settled_rows(db)
    saved = index.path_for(db).read_bytes()
    assert marshal.loads(saved)[3] is True
    return saved


def test_a_settled_index_is_not_used_once_another_file_took_its_place(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _written(db, 3)
    stale = _settled(db, monkeypatch)
    other = tmp_path / "other.json"
    with Store(other).writing() as batch:
        batch.insert([dataclasses.replace(_full(n), summary=f"other {n}") for n in (1, 2)])
    shutil.copyfile(other, db)  # the same file, other bytes: its size and times moved
    index.path_for(db).write_bytes(stale)
    assert [r.to_dict()["summary"] for r in Store(db).rows()] == ["other 1", "other 2"]


def test_an_index_of_another_version_is_not_used_even_for_its_own_file(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _written(db, 3)
    data = list(marshal.loads(_settled(db, monkeypatch)))
    data[0] = index.VERSION + 1  # written by another version of the program, which may mean other things by it
    data[4 + INDEXED.index("date")] = ["1999"] * 3
    index.path_for(db).write_bytes(marshal.dumps(tuple(data)))
    assert [r.to_dict() for r in Store(db).rows()] == expected


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give the file away")
def test_no_index_is_written_beside_another_users_database(run: Run, db: Path) -> None:
    # In a shared folder, reading someone else's database leaves nothing of ours beside it (its owner
    # would not believe our index anyway).
    run("add", "AZ", "PK", "--date", "2021")
    index.path_for(db).unlink()
    os.chown(db, 4321, -1)
    result = run("list", "--format", "ids")
    assert result.exit_code == 0 and result.stdout == "1\n"
    assert not index.path_for(db).exists()


def test_a_database_link_moved_to_another_file_during_a_write_writes_neither_file(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The link is resolved once per write: if it is pointed elsewhere meanwhile, the write must not put
    # one file's records into the other (or lose either).
    from relations_cli.lock import acquired
    from relations_cli.storage import store as store_module

    ours, theirs, link = tmp_path / "ours.json", tmp_path / "theirs.json", tmp_path / "db.json"
    for path, summary in ((ours, "ours"), (theirs, "theirs")):
        assert run("--db", str(path), "add", "AZ", "PK", "--date", "2021", "--summary", summary).exit_code == 0
    link.symlink_to(ours.name)
    before = ours.read_bytes(), theirs.read_bytes()

    def moved_while_locking(*args: object, **kwargs: object) -> object:
        link.unlink()
        link.symlink_to(theirs.name)
        return acquired(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store_module, "acquired", moved_while_locking)
    result = run("--db", str(link), "add", "AZ", "TR", "--date", "2022")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: database {link} was moved to another file while it was being written; "
        "nothing was written, run the command again\n"
    )
    assert (ours.read_bytes(), theirs.read_bytes()) == before


def test_a_write_the_disk_refuses_names_the_database_and_the_cause_in_words(
    run: Run, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from relations_cli.storage import store as store_module

    run("add", "AZ", "PK", "--date", "2021")
    before = db.read_bytes()

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module, "atomic_write", full)
    result = run("add", "AZ", "TR", "--date", "2022")
    assert result.exit_code == 1
    assert result.stderr == f"Error: cannot write database {db}: No space left on device\n"  # not "[Errno 28] …"
    assert db.read_bytes() == before
