"""The derived index: used only while it matches the file, and never able to change what a read returns."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from relations_cli import index
from relations_cli.cli import app

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
    from relations_cli.store import _parse, dump

    raw = db.read_bytes()
    chunks, _ = dump(_parse(raw, db)[0])
    assert b"".join(chunks) == raw
    through_index = _listed(run)
    index.path_for(db).unlink()
    assert _listed(run) == through_index


def test_one_record_changed_in_place_gives_the_file_a_whole_write_would(
    run: Run, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from relations_cli.splice import Splice

    calls: list[str] = []
    for name in ("insert", "replace", "delete"):
        original = getattr(Splice, name)

        def spy(self: Splice, *args: object, _name: str = name, _original: Any = original) -> Any:
            calls.append(_name)
            return _original(self, *args)

        monkeypatch.setattr(Splice, name, spy)
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
