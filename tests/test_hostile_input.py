"""Hostile input against every command that writes (stored exactly or refused, the screen clean, the
database unchanged on refusal), and input validated once at the edge: other digits, long CSV cells,
extra cells, ids at the top of the range, damaged records named (issues 3 and 15)."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from relations_cli.cli import app

from .conftest import Run, relations

# -- hostile input against every command that writes -----------------------------------

HOSTILE_PIECES = [
    "\u200f", "\u202e", "\u200d", "\u0301", "🇦🇿", "👩‍👩‍👧", "[bold]", "[link=http://e.vil]x[/link]", "[/]",
    "\x1b[31m", "\x1b]8;;http://e.vil\x1b\\", "\x1b[2J", "\x1b[1A", "\x07", "\x00", "\x9b", "\r", "\t", "\n",
    "=cmd|' /C calc'!A0", "+1", "-1", "@SUM(1)", "'", '"', ";", ",", "\\", "(", ")", "|", "%s", "{}", "null",
]  # fmt: skip
hostile = st.lists(st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(max_size=8)), max_size=8).map("".join)
ESCAPES = re.compile(r"\x1b\[[0-9;]*m")  # the program's own colours, when forced


def _screen_is_clean(run: Run) -> None:
    for args in (["list"], ["show", "1"], ["summary"]):
        out = run(*args, env={"FORCE_COLOR": "1", "COLUMNS": "200"}).stdout
        assert "\x1b" not in ESCAPES.sub("", out) and "\x07" not in out and "\x9b" not in out


def _unchanged_unless_ok(result: Any, db: Path, before: bytes | None) -> bool:
    assert result.exit_code in (0, 2), result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if result.exit_code == 2:
        assert (db.read_bytes() if db.exists() else None) == before
        assert result.stderr.startswith("Error: ")
    return bool(result.exit_code == 0)


HYPOTHESIS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@HYPOTHESIS
@given(summary=hostile, place=hostile, person=hostile, tag=hostile, area=hostile)
def test_add_stores_hostile_text_exactly_or_refuses_it(
    run: Run, db: Path, summary: str, place: str, person: str, tag: str, area: str
) -> None:
    db.unlink(missing_ok=True)
    run("add", "AZ", "PK", "--date", "2021")
    before = db.read_bytes()
    args = ["--summary", summary, "--place", place, "--participant", person, "--tag", tag, "--area", area]
    result = run("add", "AZ", "PK", "--date", "2022", *args)
    if _unchanged_unless_ok(result, db, before):
        stored = json.loads(run("show", "2", "--json").stdout)
        assert stored["summary"] == (summary or None)  # exactly what was given
        _screen_is_clean(run)


@HYPOTHESIS
@given(summary=hostile, outlet=hostile)
def test_edit_stores_hostile_text_exactly_or_refuses_it(run: Run, db: Path, summary: str, outlet: str) -> None:
    db.unlink(missing_ok=True)
    run("add", "AZ", "PK", "--date", "2021")
    before = db.read_bytes()
    result = run("edit", "1", "--summary", summary, "--outlet", outlet)
    if _unchanged_unless_ok(result, db, before):
        stored = json.loads(run("show", "1", "--json").stdout)
        assert stored["summary"] == (summary or None)  # exactly what was given
        _screen_is_clean(run)


@HYPOTHESIS
@given(record_id=hostile)
def test_delete_refuses_hostile_ids(run: Run, db: Path, record_id: str) -> None:
    db.unlink(missing_ok=True)
    run("add", "AZ", "PK", "--date", "2021")
    before = db.read_bytes()
    result = run("delete", record_id)
    assert result.exit_code in (0, 1, 2)
    if result.exit_code:
        assert db.read_bytes() == before


@HYPOTHESIS
@given(summary=hostile, country=hostile, fmt=st.sampled_from(["json", "jsonl", "csv"]), noise=hostile)
def test_import_takes_hostile_records_exactly_or_none_of_them(
    run: Run, db: Path, summary: str, country: str, fmt: str, noise: str
) -> None:
    db.unlink(missing_ok=True)
    run("add", "AZ", "PK", "--date", "2021")
    before = db.read_bytes()
    record = {"date": "2022-01-01", "countries": ["AZ", country or "PK"], "summary": summary}
    if fmt == "json":
        text = json.dumps([record, {"date": "2022-01-02", "countries": ["AZ", "TR"]}])
    elif fmt == "jsonl":
        text = json.dumps(record) + "\n" + noise + "\n"
    else:
        text = f"date,countries,summary\n2022-01-01,AZ; PK,{noise}\n"
    result = run("import", "-", "--format", fmt, input=text)
    _unchanged_unless_ok(result, db, before)
    _screen_is_clean(run)


@HYPOTHESIS
@given(article=hostile, name=hostile)
def test_ingest_of_a_hostile_article_saves_a_clean_record_or_nothing(
    run: Run, db: Path, article: str, name: str
) -> None:
    db.unlink(missing_ok=True)
    run("add", "AZ", "PK", "--date", "2021")
    before = db.read_bytes()
    text = f"date 2024-05-02\n\n{name} Azerbaijani Defence Minister Zakir Hasanov met Pakistani Minister {article}.\n"
    result = run("ingest", "-", "--yes", input=text)
    _unchanged_unless_ok(result, db, before)
    _screen_is_clean(run)


def test_a_megabyte_field_is_stored_and_shown_whole(run: Run, db: Path) -> None:
    big = "ж" * 1_000_000
    assert run("add", "AZ", "PK", "--date", "2021", "--summary", big).exit_code == 0
    assert json.loads(run("show", "1", "--json").stdout)["summary"] == big


# -- input validated once, at the edge; damaged records named, never a traceback (issue 15) -----------


def test_dates_in_other_digits_are_refused_at_once_everywhere(db: Path, tmp_path: Path) -> None:
    arabic = "\u0662\u0660\u0662\u0661"  # 2021 in Arabic-Indic digits
    relations("add", "AZ", "PK", "--date", "2021", db=db)
    before = db.read_bytes()
    started = time.monotonic()
    result = relations("summary", "--by", "year", "--since", arabic, db=db)  # used to run forever, 60 MB/s
    assert time.monotonic() - started < 30  # a generous guard: it answers at once
    assert result.returncode == 2 and b"bad --since" in result.stderr
    assert relations("add", "AZ", "PK", "--date", f"{arabic}-\u0660\u0663-\u0660\u0661", db=db).returncode == 2
    jsonl = tmp_path / "other.jsonl"
    jsonl.write_text(json.dumps({"date": arabic, "countries": ["AZ", "PK"]}) + "\n")
    assert relations("import", str(jsonl), db=db).returncode == 2
    assert db.read_bytes() == before


def test_a_cell_longer_than_the_csv_default_limit_round_trips(run: Run, tmp_path: Path) -> None:
    long = "x" * 200_000  # the csv module's default limit is 131,072
    run("add", "AZ", "PK", "--date", "2021", "--summary", long)
    exported = run("export", "--format", "csv")
    assert exported.exit_code == 0
    other = CliRunner().invoke(app, ["--db", str(tmp_path / "b.json"), "import", "-", "--format", "csv"],
                               input=exported.stdout)  # fmt: skip
    assert other.exit_code == 0, other.stderr
    shown = CliRunner().invoke(app, ["--db", str(tmp_path / "b.json"), "show", "1", "--json"])
    assert json.loads(shown.stdout)["summary"] == long


def test_extra_csv_cells_are_an_error_naming_the_record(run: Run, db: Path) -> None:
    text = "date,countries,summary\n2021,AZ; PK,fine\n2022,AZ; TR,talks,stray cell\n"
    result = run("import", "-", "--format", "csv", input=text)
    assert result.exit_code == 2 and "record 2 (line 3)" in result.stderr and "1 cell more" in result.stderr
    assert not db.exists()


def test_errors_in_a_json_array_name_the_line_each_record_starts_on(run: Run, db: Path) -> None:
    run("add", "AZ", "TR", "--date", "2020")
    good = '{"date": "2021", "countries": ["AZ", "PK"], "summary": "a [ , ] {\\n"}'
    text = f"[\n  {good},\n\n  {good.replace('2021', '2021-13')} ,\n  {good},{good.replace('PK', 'AZ')}\n]\n"
    before = db.read_bytes()
    result = run("import", "-", "--format", "json", input=text)
    assert result.exit_code == 2
    assert "record 2 (line 4): bad date" in result.stderr
    assert "record 4 (line 5): at least two distinct countries" in result.stderr
    assert db.read_bytes() == before


def test_ids_at_the_top_of_the_range(run: Run, db: Path) -> None:
    huge = [{"id": 2**64 - 1, "date": "2021", "countries": ["AZ", "PK"]}]
    result = run("import", "-", "--format", "json", input=json.dumps(huge))
    assert result.exit_code == 2 and "id must be an integer from 1 to 9007199254740991" in result.stderr
    top = [{"id": 2**53 - 2, "date": "2021", "countries": ["AZ", "PK"]}]
    assert run("import", "-", "--format", "json", input=json.dumps(top)).exit_code == 0
    assert run("add", "AZ", "TR", "--date", "2022").stdout == f"{2**53 - 1}\n"
    before = db.read_bytes()
    result = run("add", "AZ", "GE", "--date", "2023")
    assert result.exit_code == 1 and result.stderr == "Error: no ids left: the highest id is 9007199254740991\n"
    assert db.read_bytes() == before
    assert run("check").exit_code == 0


DAMAGE = {
    "a field missing": ('"kind":"meeting",', "", "record 2: field 'kind' is missing"),
    "a key that is no id": ('    "2": ', '    "x": ', "record x: key 'x' is not an id"),
    "countries null": ('"countries":["AZE","TUR"]', '"countries":null', "record 2: countries is not a list"),
    "location null": ('"location":{"country":null,"place":null},"participants":[],"mentioned":[],"summary":"two"',
                      '"location":null,"participants":[],"mentioned":[],"summary":"two"', "record 2: location is not"),
    "next_id a string": ('"next_id":4', '"next_id":"5"', "meta: next_id '5' is not an id"),
}  # fmt: skip
EVERY_COMMAND = [
    ["list"], ["list", "AZ", "TR"], ["show", "2"], ["show", "1"], ["summary"], ["summary", "--by", "area"], ["matrix"],
    ["export"], ["add", "AZ", "GE", "--date", "2024"], ["edit", "1", "--summary", "x"], ["delete", "1", "--yes"],
    ["import", "-", "--format", "jsonl"], ["areas"], ["check"],
]  # fmt: skip


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_hand_damaged_record_stops_every_command_naming_it(run: Run, db: Path, damage: str) -> None:
    for summary in ("one", "two", "three"):
        run("add", "AZ", "TR" if summary == "two" else "PK", "--date", "2021", "--summary", summary)
    old, new, named = DAMAGE[damage]
    lines = db.read_text().splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if ('"next_id"' if "next_id" in old else '"two"') in line)
    assert old in lines[at]
    lines[at] = lines[at].replace(old, new)
    db.write_text("".join(lines))
    before = db.read_bytes()
    for command in EVERY_COMMAND:
        result = run(*command, input='{"date": "2022", "countries": ["AZ", "GE"]}\n')
        assert result.exit_code == 1, (command, result.stdout, result.exception)
        assert result.exception is None or isinstance(result.exception, SystemExit), (command, result.exception)
        if command != ["check"]:
            assert result.stderr.startswith("Error: ") and named in result.stderr, (command, result.stderr)
        assert db.read_bytes() == before


def test_an_unreadable_database_exits_1_without_a_usage_banner(
    run: Run, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("add", "AZ", "PK", "--date", "2021")
    real_open = os.open

    def denied(path: Any, *args: Any, **kwargs: Any) -> int:
        if str(path) == str(db):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    for command in (["list"], ["show", "1"], ["summary"], ["add", "AZ", "TR", "--date", "2022"]):
        result = run(*command)
        assert result.exit_code == 1, (command, result.stderr)
        assert result.stderr == f"Error: cannot read database {db}: Permission denied\n"
