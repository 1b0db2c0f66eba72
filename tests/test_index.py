"""The derived index: used only while it matches the file, and never able to change what a read returns."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from relations_cli.cli import app
from relations_cli.storage import index

from .conftest import Run


def _listed(run: Run, *args: str) -> list[dict[str, object]]:
    result = run("list", "--json", *args)
    assert result.exit_code == 0, result.stderr
    listed: list[dict[str, object]] = json.loads(result.stdout)
    return listed


def _fill(run: Run) -> None:
    run("add", "AZ", "PK", "--date", "2021-12-01", "--area", "military", "--summary", "defence\x9b talks\u2028")
    run("add", "AZ", "TR", "--date", "2022-01-05", "--tag", "energy deal", "--participant", "Jane Doe|Minister|AZ")
    run("add", "AZ", "PK", "TR", "--date", "2020", "--kind", "call")
    run("delete", "2", "--yes")
    run("add", "GE", "AM", "--date", "2019-07-07", "--summary", "border talks")


def test_writers_keep_an_index_and_reads_through_it_equal_reads_of_the_file(run: Run, db: Path) -> None:
    _fill(run)
    assert index.path_for(db).exists()
    queries = [[], ["AZ", "PK"], ["--search", "talks"], ["--tag", "energy deal"], ["--kind", "call"], ["-n", "1"]]
    through_index = [_listed(run, *q) for q in queries]
    summaries = [run("summary", "--by", by, "--json").stdout for by in ("pair", "area", "year")]
    shown = run("show", "4", "--json").stdout
    lines = run("export", "--format", "jsonl").stdout  # the file's own bytes for each record
    index.path_for(db).unlink()
    assert run("export", "--format", "jsonl").stdout == lines  # parsed and dumped again
    assert [_listed(run, *q) for q in queries] == through_index
    assert [run("summary", "--by", by, "--json").stdout for by in ("pair", "area", "year")] == summaries
    assert run("show", "4", "--json").stdout == shown
    assert index.path_for(db).exists()  # the reader rebuilt it


def test_an_index_of_another_file_is_not_used(run: Run, db: Path, tmp_path: Path) -> None:
    _fill(run)
    other = tmp_path / "other.json"  # a different database, written by the program too
    assert CliRunner().invoke(app, ["--db", str(other), "add", "FR", "DE", "--date", "2024"]).exit_code == 0
    stale_index = index.path_for(db).read_bytes()
    shutil.copyfile(other, db)  # the database replaced behind the index's back
    index.path_for(db).write_bytes(stale_index)
    assert [r["countries"] for r in _listed(run)] == [["DEU", "FRA"]]


def test_a_damaged_or_unreadable_index_is_ignored(run: Run, db: Path) -> None:
    _fill(run)
    expected = _listed(run, "AZ")
    index.path_for(db).write_bytes(b"\x00garbage")
    assert _listed(run, "AZ") == expected
    index.path_for(db).unlink()
    index.path_for(db).mkdir()
    assert _listed(run, "AZ") == expected
    assert run("add", "FR", "DE", "--date", "2024").exit_code == 0
    os.rmdir(index.path_for(db))


def test_a_file_written_by_another_tool_is_read_without_an_index(run: Run, db: Path) -> None:
    _fill(run)
    expected = _listed(run)
    db.write_text(json.dumps(json.loads(db.read_text()), indent=4))  # same data, another layout
    index.path_for(db).unlink()
    assert _listed(run) == expected
    assert not index.path_for(db).exists()  # only files this program wrote are indexed


def _whole_write_agrees(db: Path, run: Run) -> None:
    """The file is what writing the whole database would give, and the index reads the same as the file."""
    from relations_cli.storage.store import _parse, dump

    raw = db.read_bytes()
    chunks, _ = dump(_parse(raw, db)[0])
    assert b"".join(chunks) == raw
    through_index = _listed(run)
    index.path_for(db).unlink()
    assert _listed(run) == through_index


def test_one_record_changed_in_place_gives_the_file_a_whole_write_would(
    run: Run, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from relations_cli.storage.inplace import InPlace

    calls: list[str] = []
    for name in ("insert", "replace", "delete"):
        original = getattr(InPlace, name)

        def spy(self: InPlace, *args: object, _name: str = name, _original: Any = original) -> Any:
            calls.append(_name)
            return _original(self, *args)

        monkeypatch.setattr(InPlace, name, spy)
    for year in range(2001, 2006):
        run("add", "AZ", "PK", "--date", str(year), "--summary", f"talks {year}")
    _whole_write_agrees(db, run)
    assert calls == ["insert"] * 3  # from the third record on
    calls.clear()
    steps = [
        ["add", "AZ", "TR", "--date", "2024", "--summary", "a new line at the end"],
        ["edit", "3", "--summary", "a much longer summary than the one before, to move every later line"],
        ["delete", "1", "--yes"],  # the first line
        ["delete", "4", "--yes"],  # a middle line
        ["delete", "6", "--yes"],  # the last line
        ["edit", "2", "--add-area", "trade"],
    ]
    for step in steps:
        assert run(*step).exit_code == 0
        _whole_write_agrees(db, run)
    assert calls == ["insert", "replace", "delete", "delete", "delete", "replace"]
    assert [r["id"] for r in _listed(run)] == [2, 3, 5]
    assert run("delete", "2", "3", "5", "--yes").exit_code == 0  # the last records go the ordinary way
    assert _listed(run) == []
    assert json.loads(db.read_text())["meta"]["1"]["next_id"] == 7


# -- a stale index never writes and never shows stale content (issue 15, item 1) -----------------


def _four(run: Run) -> None:
    for year, summary in ((2021, "alpha talks"), (2022, "bravo talks"), (2023, "charlie talks"), (2024, "delta")):
        assert run("add", "AZ", "PK", "--date", str(year), "--summary", summary).exit_code == 0


def _edit_in_place(db: Path, *pairs: tuple[bytes, bytes]) -> None:
    """Change the file's bytes as an editor would, keeping its size and putting its mtime back."""
    st = os.stat(db)
    raw = db.read_bytes()
    for old, new in pairs:
        raw = raw.replace(old, new)
    assert len(raw) == st.st_size
    with db.open("r+b") as f:  # the same inode, as `vim` with backupcopy or `dd conv=notrunc` keep it
        f.write(raw)
    os.utime(db, ns=(st.st_atime_ns, st.st_mtime_ns))


def _same_tick(db: Path) -> None:
    """Make the index name the file as it is now, as if the edit had come in the clock tick of the write."""
    import marshal

    data = list(marshal.loads(index.path_for(db).read_bytes()))
    data[1] = index.fingerprint(os.stat(db))
    index.path_for(db).write_bytes(marshal.dumps(tuple(data)))


@pytest.mark.parametrize("racy", [False, True], ids=["mtime put back", "same clock tick"])
def test_a_same_size_edit_is_what_reads_show_and_writes_keep(run: Run, db: Path, racy: bool) -> None:
    _four(run)
    # One summary grows and the next shrinks by as much, so later lines move; a date changes too.
    _edit_in_place(db, (b"bravo talks", b"bravo talks!!"), (b"charlie talks", b"charlie tal"), (b'"2024"', b'"2019"'))
    if racy:
        _same_tick(db)
    shown = run("show", "3", "--json")
    assert shown.exit_code == 0, shown.stderr
    assert json.loads(shown.stdout)["summary"] == "charlie tal"
    assert [r["date"] for r in _listed(run, "--since", "2022")] == ["2022", "2023"]
    assert '"2019"' in run("summary", "--by", "year", "--json").stdout
    assert run("delete", "3", "--yes").exit_code == 0
    assert run("add", "AZ", "TR", "--date", "2025").stdout == "5\n"
    assert run("check").exit_code == 0
    assert {r["id"]: r["summary"] for r in _listed(run)} == {1: "alpha talks", 2: "bravo talks!!", 4: "delta", 5: None}


@pytest.mark.parametrize("first", ["list", "summary"])
def test_the_first_read_after_an_edit_in_the_clock_tick_of_the_write_shows_the_edit(
    run: Run, db: Path, first: str
) -> None:
    """The index is not yet settled, so its CRC is checked: a read of the indexed fields alone sees the edit."""
    _four(run)
    assert len(_listed(run)) == 4  # a read just after the write: the index must not be marked settled yet
    _edit_in_place(db, (b'"2024"', b'"2019"'))
    _same_tick(db)
    if first == "list":
        assert [r["date"] for r in _listed(run, "--since", "2022")] == ["2022", "2023"]
    else:
        by_year = run("summary", "--by", "year", "--json").stdout
        assert '"2019"' in by_year and '"2024"' not in by_year


def test_an_index_that_lies_outright_is_caught_at_the_record_and_never_written_through(run: Run, db: Path) -> None:
    """Even an index whose fingerprint and checksum match (made by hand) cannot make a write go wrong."""
    import marshal

    _four(run)
    _edit_in_place(db, (b"bravo talks", b"bravo talks!!"), (b"charlie talks", b"charlie tal"))
    data = list(marshal.loads(index.path_for(db).read_bytes()))
    data[1:4] = [index.fingerprint(os.stat(db)), index.crc([db.read_bytes()]), True]
    index.path_for(db).write_bytes(marshal.dumps(tuple(data)))
    assert json.loads(run("show", "3", "--json").stdout)["summary"] == "charlie tal"  # the span is off by two
    data = list(marshal.loads(index.path_for(db).read_bytes()))
    assert data[-2][2] == data[-1][1] + len(b',\n    "3": ')  # the reader rebuilt the index
    index.path_for(db).write_bytes(marshal.dumps(tuple(data)))
    _edit_in_place(db, (b"charlie tal", b"charlie t!!"))
    data[1:4] = [index.fingerprint(os.stat(db)), index.crc([db.read_bytes()]), True]
    data[-2][2] += 1  # and now the index is wrong about where record 3 begins
    index.path_for(db).write_bytes(marshal.dumps(tuple(data)))
    assert run("edit", "3", "--summary", "edited").exit_code == 0
    assert run("delete", "2", "--yes").exit_code == 0
    assert run("check").exit_code == 0
    assert {r["id"]: r["summary"] for r in _listed(run)} == {1: "alpha talks", 3: "edited", 4: "delta"}


# -- edges of the fast paths (issue 19): missing and present ids on databases of 0, 1, 2 and many records --


@pytest.mark.parametrize("size", [0, 1, 2, 4, 7])
def test_every_write_on_a_missing_id_is_no_such_id_and_on_a_present_one_touches_only_it(
    run: Run, db: Path, size: int
) -> None:
    for n in range(size):
        run("add", "AZ", "PK", "--date", str(2001 + n), "--summary", f"record {n + 1}")
    if size > 2:
        assert run("delete", "2", "--yes").exit_code == 0  # a gap in the ids, as after any delete
    present = [int(str(r["id"])) for r in _listed(run)]
    before = db.read_bytes() if db.exists() else None
    for missing in (2, 99):
        if missing in present:
            continue
        commands = (["edit", str(missing), "--summary", "X"], ["delete", str(missing), "--yes"], ["show", str(missing)])
        for command in commands:
            result = run(*command)
            assert result.exit_code == 1 and f"no engagement with id {missing}" in result.stderr, (
                command,
                result.stderr,
            )
        assert (db.read_bytes() if db.exists() else None) == before
    for target in present:
        assert run("edit", str(target), "--summary", f"edited {target}").exit_code == 0
        summaries = {r["id"]: r["summary"] for r in _listed(run)}
        assert summaries == {i: f"edited {i}" if i <= target else f"record {i}" for i in present}
    if present:
        middle = present[len(present) // 2]
        assert run("delete", str(middle), "--yes").exit_code == 0
        assert [r["id"] for r in _listed(run)] == [i for i in present if i != middle]
    assert run("check").exit_code == 0


@pytest.mark.parametrize("limit", ["0", "1", "3", "10"])
def test_limit_zero_some_or_more_than_there_are(run: Run, limit: str) -> None:
    for year in (2003, 2001, 2002):
        run("add", "AZ", "PK", "--date", str(year))
    dates = [r["date"] for r in _listed(run, "--limit", limit)]
    assert dates == ["2001", "2002", "2003"][: int(limit)]


def test_a_negative_limit_is_refused(run: Run) -> None:
    run("add", "AZ", "PK", "--date", "2021")
    result = run("list", "--limit", "-1")
    assert result.exit_code == 2 and "--limit" in result.stderr
