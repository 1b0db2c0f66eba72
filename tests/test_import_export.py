"""import and export: validation before writing, duplicates, formats, and lossless round trips."""

from __future__ import annotations

import json
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from relations_cli.cli import app

from .conftest import SAMPLE, Run, relations

RECORDS = [
    {"date": "2021-12-01", "countries": ["Azerbaijan", "PK"], "kind": "meeting", "areas": ["defence industry"],
     "summary": "Talks", "source": {"url": "http://a"}},
    {"date": "2022", "countries": ["TR", "PK"], "kind": "agreement", "summary": "Signed"},
]  # fmt: skip


def test_import_normalises_like_add_and_reports(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(RECORDS))
    result = run("import", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"imported": 2, "updated": 0, "unchanged": 0, "skipped": 0, "ids": [1, 2],
                                         "updated_ids": []}  # fmt: skip
    assert "imported 2, skipped 0" in result.stderr
    stored = json.loads(run("list", "--json").stdout)
    assert stored[0]["countries"] == ["AZE", "PAK"] and stored[0]["areas"] == ["military-industrial"]


def test_duplicates_are_skipped_within_the_file_and_against_the_database(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [*RECORDS, RECORDS[0]]) + "\n")
    assert "imported 2, skipped 1" in run("import", str(path)).stderr
    assert "imported 0, skipped 3" in run("import", str(path)).stderr


def test_any_invalid_record_means_nothing_is_written(run: Run, db: Path, tmp_path: Path) -> None:
    run("add", "AZ", "PK", "--date", "2020")
    before = db.read_bytes()
    bad = [*RECORDS, {"date": "2021-02-30", "countries": ["AZ", "PK"]}, {"date": "2021", "countries": ["AZ"]}]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in bad) + "\n")
    result = run("import", str(path))
    assert result.exit_code == 2
    assert "record 3 (line 3)" in result.stderr and "date" in result.stderr
    assert "record 4 (line 4)" in result.stderr and "countries" in result.stderr
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("content", "fmt", "message"),
    [
        ("[{", "json", "not valid JSON"),
        ('{"a": 1}', "json", "must be an array"),
        ("{not json}\n", "jsonl", "record 1 (line 1)"),
        ("nonsense,columns\n1,2\n", "csv", "unknown CSV column"),
    ],
)
def test_malformed_files_are_clear_errors(run: Run, tmp_path: Path, content: str, fmt: str, message: str) -> None:
    path = tmp_path / f"in.{fmt}"
    path.write_text(content)
    result = run("import", str(path))
    assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_json_lines_split_at_line_feeds_only(run: Run, tmp_path: Path) -> None:
    # JSON allows U+2028, NEL and form feed raw inside a string; str.splitlines would cut the record there.
    source = tmp_path / "odd.jsonl"
    rows = [{"date": "2021", "countries": ["AZ", "PK"], "summary": f"a{odd}b"} for odd in ("\u2028", "\x85", "\x0c")]
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\r\n" for r in rows), encoding="utf-8")
    assert run("import", str(source)).exit_code == 0
    assert [r["summary"] for r in json.loads(run("list", "--json").stdout)] == ["a\u2028b", "a\x85b", "a\x0cb"]


def test_dry_run_writes_nothing(run: Run, db: Path, tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps(RECORDS))
    result = run("import", str(path), "--dry-run")
    assert result.exit_code == 0 and "would import 2, skipped 0" in result.stderr
    assert not db.exists()


def test_stdin_is_sniffed(run: Run) -> None:
    result = run("import", "-", input="\n".join(json.dumps(r) for r in RECORDS))
    assert result.exit_code == 0 and "imported 2" in result.stderr


def test_export_to_a_file(run: Run, tmp_path: Path) -> None:
    run("import", "-", input=json.dumps(RECORDS))
    out = tmp_path / "out.csv"
    result = run("export", "TR", "--format", "csv", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text().splitlines()[1].startswith("2,2022,PAK; TUR,agreement")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_the_sample_round_trips_through_every_format(tmp_path: Path, fmt: str) -> None:
    exported = relations("--db", str(SAMPLE), "export", "--format", fmt).stdout
    other = tmp_path / "other.json"
    imported = relations("import", "-", "--format", fmt, db=other, input=exported)
    assert imported.returncode == 0, imported.stderr
    again = relations("export", "--format", fmt, db=other).stdout
    assert again == exported
    assert relations("--db", str(SAMPLE), "export").stdout == relations("export", db=other).stdout


# Text that stresses CSV and JSON: quotes, separators, escapes, newlines, formula starts, odd unicode.
tricky_text = st.text(
    alphabet=st.sampled_from(
        list(string.printable) + list(";,()\\'\"=+-@ \n\t") + ["é", "ß", "‏", "‍", "😀", "́", "\x1b", "\x9b"]
    ),
    min_size=1,
    max_size=30,
)
optional_text = st.none() | tricky_text
country = st.sampled_from(["AZE", "PAK", "TUR", "XKX", "USA", "CIV"])
record_strategy = st.fixed_dictionaries(
    {
        "date": st.sampled_from(["2021", "2021-02", "2024-02-29", "1999-12-31"]),
        "countries": st.lists(country, min_size=2, max_size=3, unique=True),
        "kind": st.sampled_from(["meeting", "call", "agreement", "exercise", "statement", "other"]),
        "areas": st.lists(st.sampled_from(["military", "trade", "food-security", "energy"]), unique=True),
        "location": st.fixed_dictionaries({"country": st.none() | country, "place": optional_text}),
        "participants": st.lists(
            st.fixed_dictionaries(
                {"name": tricky_text.filter(str.strip), "role": optional_text, "country": st.none() | country}
            ),
            max_size=3,
        ),
        "summary": optional_text,
        "source": st.fixed_dictionaries(
            {"outlet": optional_text, "author": optional_text, "url": optional_text, "published": st.none()}
        ),
        "tags": st.lists(tricky_text.filter(str.strip), unique=True, max_size=3),
    }
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(record_strategy, min_size=1, max_size=4), fmt=st.sampled_from(["json", "jsonl", "csv"]))
def test_export_import_export_is_lossless(tmp_path_factory: Any, records: list[dict[str, Any]], fmt: str) -> None:
    folder = tmp_path_factory.mktemp("roundtrip")
    first, second = folder / "a.json", folder / "b.json"
    runner = CliRunner()
    loaded = runner.invoke(app, ["--db", str(first), "import", "-", "--format", "json"], input=json.dumps(records))
    assert loaded.exit_code == 0, loaded.stderr
    # stdout_bytes: Click's Result.stdout turns every CRLF into LF, even inside a quoted CSV cell.
    exported = runner.invoke(app, ["--db", str(first), "export", "--format", fmt]).stdout_bytes.decode()
    back = runner.invoke(app, ["--db", str(second), "import", "-", "--format", fmt], input=exported)
    assert back.exit_code == 0, back.stderr
    assert (
        runner.invoke(app, ["--db", str(second), "export"]).stdout
        == runner.invoke(app, ["--db", str(first), "export"]).stdout
    )


def test_text_that_is_neither_json_nor_csv_is_named_as_such(run: Run, db: Path) -> None:
    result = run("import", "-", input="this is not json\n")
    assert result.exit_code == 2 and not db.exists()
    assert result.stderr.startswith("Error: -: not JSON (which starts with [ or {) nor CSV with relations' columns")
    assert "'this is not json'" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("onto", ["the database", "its lock", "its index", "a link to the database"])
def test_export_refuses_to_write_onto_the_database_or_the_files_beside_it(
    run: Run, db: Path, tmp_path: Path, onto: str
) -> None:
    # Replacing the lock file would let two writers hold different locks on one database.
    run("add", "AZ", "PK", "--date", "2021")
    run("list")  # the index is written by the first read
    link = tmp_path / "alias.json"
    link.symlink_to(db)
    target = {"the database": db, "its lock": db.with_name(f"{db.name}.lock"),
              "its index": db.with_name(f".{db.name}.index"), "a link to the database": link}[onto]  # fmt: skip
    assert target.exists()
    files = {p: p.read_bytes() for p in (db, db.with_name(f".{db.name}.index"))}
    result = run("export", "-o", str(target))
    assert result.exit_code == 2 and result.stderr.startswith("Error: refusing to write onto the database")
    assert {p: p.read_bytes() for p in files} == files
