"""An outside attempt to break the storage: files planted beside the database, names that look alike,
and a link moved during a write. Each test is a way a user's data was lost, hung or sent elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import Run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symbolic links as on POSIX")


def _two(run: Run) -> None:
    for day in ("01", "02"):
        assert run("add", "AZ", "PK", "--date", f"2021-12-{day}", "--summary", day).exit_code == 0


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """The real program, with a time limit: the failures here were hangs."""
    return subprocess.run(
        [sys.executable, "-m", "relations_cli", "--db", str(db), *args], capture_output=True, timeout=15
    )


def test_a_fifo_planted_as_the_index_neither_hangs_reads_nor_holds_the_lock(run: Run, db: Path) -> None:
    # Anyone who can write the folder can put a FIFO where the index goes: opening it for reading waited
    # for a writer forever, so every read hung, and every write hung holding the lock.
    _two(run)
    index = db.with_name(f".{db.name}.index")
    index.unlink()
    os.mkfifo(index)
    listed = _cli(db, "list", "--format", "ids")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.split() == [b"1", b"2"]
    added = _cli(db, "add", "AZ", "TR", "--date", "2022", "--summary", "after")
    assert added.returncode == 0, added.stderr
    assert [r["summary"] for r in json.loads(_cli(db, "export").stdout)] == ["01", "02", "after"]


def test_an_index_linked_to_an_endless_device_is_not_read(run: Run, db: Path) -> None:
    # `.NAME.index -> /dev/zero` was read to the end: the command ate memory until it died.
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    _two(run)
    index = db.with_name(f".{db.name}.index")
    index.unlink()
    index.symlink_to("/dev/zero")
    shown = _cli(db, "show", "2", "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["summary"] == "02"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file to another user")
def test_an_index_planted_by_another_user_is_not_believed(run: Run, db: Path) -> None:
    # In a shared folder another user could write `.NAME.index` (before the owner's first write, or
    # after they deleted it, which the README says is always safe) with the right fingerprint and CRC,
    # and columns of their own: `list` and the summaries showed what the index said, not the file.
    import marshal

    _two(run)
    index = db.with_name(f".{db.name}.index")
    payload = list(marshal.loads(index.read_bytes()))
    countries = payload[6]  # (version, fingerprint, crc, settled, ids, dates, countries, ...)
    assert countries == [("AZE", "PAK"), ("AZE", "PAK")]
    payload[6] = [("AZE", "PAK"), ("DEU", "FRA")]
    index.write_bytes(marshal.dumps(tuple(payload)))
    os.chown(index, 4242, 4242)
    assert run("list", "FR", "DE", "--format", "ids").stdout == ""
    assert run("list", "AZ", "PK", "--format", "ids").stdout.split() == ["1", "2"]


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("relations.json", ".relations.json.old.4242.0123abcd.tmp"),  # a write to relations.json.old under way
        ("relations.json", ".relations.json.csv.4242.0123abcd.tmp"),  # export -o relations.json.csv under way
        ("db[1].json", ".db1.json.4242.0123abcd.tmp"),  # the name read as a glob matched db1.json's
        ("relations.json", ".relations.json.notes.tmp"),  # the user's own file
    ],
)
def test_a_write_removes_only_its_own_killed_writers_temporaries(tmp_path: Path, name: str, other: str) -> None:
    # The next write removes what a killed writer left; it removed every `.NAME.*.tmp`, which is also
    # another database's or an export's temporary while it is being written (that write then failed),
    # and, with [ ] or * in the name, files matched as a pattern.
    from typer.testing import CliRunner

    from relations_cli.cli import app

    db = tmp_path / name
    killed = tmp_path / f".{name}.999.89abcdef.tmp"
    killed.write_bytes(b"half a database")
    (tmp_path / other).write_bytes(b"someone else's")
    result = CliRunner().invoke(app, ["--db", str(db), "add", "AZ", "PK", "--date", "2021"])
    assert result.exit_code == 0, result.stderr
    assert not killed.exists()
    assert (tmp_path / other).read_bytes() == b"someone else's"


def test_a_temporary_that_cannot_be_removed_does_not_stop_every_write(run: Run, db: Path) -> None:
    # A directory (or, in a shared folder, another user's file) named like a killed writer's temporary
    # could not be removed, and every write failed on it: nothing could be saved until it was found.
    _two(run)
    (db.parent / f".{db.name}.77.0badcafe.tmp").mkdir()
    added = run("add", "AZ", "TR", "--date", "2022")
    assert added.exit_code == 0, added.stderr
    assert run("list", "AZ", "TR", "--format", "ids").stdout.split() == ["3"]


def _linked(tmp_path: Path) -> tuple[Path, Path, Path]:
    """`current.json -> 2025.json`, and 2026.json beside it; each with its own records."""
    from typer.testing import CliRunner

    from relations_cli.cli import app

    old, new, link = tmp_path / "2025.json", tmp_path / "2026.json", tmp_path / "current.json"
    for path, summary in ((old, "of 2025"), (new, "of 2026"), (new, "also of 2026")):
        added = CliRunner().invoke(app, ["--db", str(path), "add", "AZ", "PK", "--date", "2025", "--summary", summary])
        assert added.exit_code == 0, added.stderr
    link.symlink_to(old.name)
    return old, new, link


@pytest.mark.parametrize("moment", ["after the read", "before the read"])
def test_a_link_moved_during_a_write_never_puts_one_files_records_in_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, moment: str
) -> None:
    # `current.json -> 2025.json` is re-pointed at 2026.json (ln -sfn) while `add` runs on current.json:
    # the write read and locked 2025.json, then resolved the link again to write, and replaced 2026.json
    # with 2025's records and the new one. 2026's records were gone.
    from typer.testing import CliRunner

    from relations_cli.cli import app
    from relations_cli.storage import change, store

    old, new, link = _linked(tmp_path)
    before = {p: p.read_bytes() for p in (old, new)}

    def move() -> None:
        link.unlink()
        link.symlink_to(new.name)

    if moment == "after the read":
        made = change.Batch.__init__

        def moving(self: change.Batch, *args: object, **kwargs: object) -> None:
            move()
            made(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(change.Batch, "__init__", moving)
    else:
        remove = store.Store._remove_stale_temporaries

        def moving_too(self: store.Store) -> None:
            move()
            remove(self)

        monkeypatch.setattr(store.Store, "_remove_stale_temporaries", moving_too)
    added = CliRunner().invoke(app, ["--db", str(link), "add", "AZ", "TR", "--date", "2026", "--summary", "new"])
    assert new.read_bytes() == before[new]  # never written without its lock, never given 2025's records
    if added.exit_code == 0:  # the write went, whole, to the file it read and locked
        summaries = [r["summary"] for r in json.loads(CliRunner().invoke(app, ["--db", str(old), "export"]).stdout)]
        assert summaries == ["of 2025", "new"]
    else:
        assert "moved" in added.stderr
        assert old.read_bytes() == before[old]


def _planted(tmp_path: Path, points_to: Path, name: str) -> Path:
    """A symbolic link another user (uid 4242) made in a shared folder (sticky, writable by all, as /tmp)."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    link = shared / name
    link.symlink_to(points_to)
    os.lchown(link, 4242, 4242)
    return link


root_only = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="a link of another user")


@root_only
def test_export_into_a_shared_folder_does_not_follow_another_users_link(run: Run, tmp_path: Path) -> None:
    # `relations export -o /tmp/export.json`, where someone had put `/tmp/export.json -> ~/thesis.tex`:
    # the link was resolved by the program itself, so the kernel's guard for shared folders
    # (fs.protected_symlinks, which stops `> /tmp/export.json`) never saw it, and the thesis was replaced.
    _two(run)
    thesis = tmp_path / "thesis.tex"
    thesis.write_text("three years of work")
    link = _planted(tmp_path, thesis, "export.json")
    result = run("export", "-o", str(link))
    assert result.exit_code == 1
    assert "symbolic link" in result.stderr and str(link) in result.stderr
    assert thesis.read_text() == "three years of work"
    # through a planted link to a folder, too
    (tmp_path / "again").mkdir()
    folder = _planted(tmp_path / "again", tmp_path, "out")
    assert run("export", "-o", str(folder / "thesis.tex")).exit_code == 1
    assert thesis.read_text() == "three years of work"


@root_only
def test_a_database_link_planted_by_another_user_in_a_shared_folder_is_not_followed(
    run: Run, db: Path, tmp_path: Path
) -> None:
    # `--db /tmp/scratch.json` where another user had linked it to the user's own database: a scratch
    # import or delete went into the real records.
    _two(run)
    before = db.read_bytes()
    link = _planted(tmp_path, db, "scratch.json")
    from typer.testing import CliRunner

    from relations_cli.cli import app

    deleted = CliRunner().invoke(app, ["--db", str(link), "delete", "1", "--yes"])
    assert deleted.exit_code == 1
    assert "symbolic link" in deleted.stderr
    assert db.read_bytes() == before


@root_only
def test_ones_own_link_in_a_shared_folder_is_still_followed(run: Run, db: Path, tmp_path: Path) -> None:
    _two(run)
    link = _planted(tmp_path, db, "mine.json")
    os.lchown(link, os.geteuid(), os.getegid())
    from typer.testing import CliRunner

    from relations_cli.cli import app

    assert CliRunner().invoke(app, ["--db", str(link), "delete", "1", "--yes"]).exit_code == 0
    assert run("list", "--format", "ids").stdout.split() == ["2"]
    assert link.is_symlink()
