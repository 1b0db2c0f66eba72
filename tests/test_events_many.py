"""import --from with many files, filters and re-imports, and the printed SQL run by DuckDB itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .conftest import Run
from .test_events import GDELT_ROWS, gdelt_row


def _write(path: Path, *rows: str) -> Path:
    path.write_text("\n".join(rows) + "\n")
    return path


def _export(run: Run) -> list[dict[str, Any]]:
    result = run("export")
    assert result.exit_code == 0, result.stderr
    records: list[dict[str, Any]] = json.loads(result.stdout)
    return records


def _quarter_hours(tmp_path: Path) -> Path:
    """One day's France-Germany visit cut across two 15-minute files, as GDELT publishes them."""
    folder = tmp_path / "day"
    folder.mkdir()
    berlin = ("Berlin, Berlin, Germany", "GM")
    _write(folder / "20240305000000.export.CSV",
           gdelt_row("20240305", "FRA", "DEU", "042", *berlin, "https://example.org/a"))  # fmt: skip
    _write(folder / "20240305001500.export.CSV",
           gdelt_row("20240305", "DEU", "FRA", "043", *berlin, "https://example.org/b"),
           gdelt_row("20240305", "DEU", "FRA", "046", *berlin, "https://example.org/c"))  # fmt: skip
    return folder


def test_a_day_split_across_files_is_one_engagement_with_every_code(run: Run, tmp_path: Path) -> None:
    folder = _quarter_hours(tmp_path)
    report = json.loads(run("import", str(folder), "--from", "gdelt", "--json").stdout)
    assert (report["imported"], report["events"]["taken"]) == (1, 3)
    [visit] = _export(run)
    assert visit["tags"] == ["cameo:042", "cameo:043", "cameo:046", "gdelt"]
    assert visit["summary"].endswith("(3 GDELT events)")
    assert visit["source"]["url"] == "https://example.org/a"  # the first event's


def test_files_globs_and_folders_are_one_stream(run: Run, tmp_path: Path, db: Path) -> None:
    folder = _quarter_hours(tmp_path)
    files = sorted(str(p) for p in folder.iterdir())
    for args in (files, [str(folder / "*.CSV")]):
        db.unlink(missing_ok=True)
        result = run("import", *args, "--from", "gdelt", "--json")
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["imported"] == 1
    missing = run("import", str(folder / "*.zip"), "--from", "gdelt")
    assert missing.exit_code == 2 and "no file matches" in missing.stderr


def test_reimporting_merges_into_earlier_imports_and_never_touches_a_record_entered_by_hand(
    run: Run, tmp_path: Path
) -> None:
    hand = run("add", "France", "Germany", "--date", "2024-03-06", "--kind", "meeting", "--summary", "Talks in Paris")
    assert hand.exit_code == 0
    before = run("show", hand.stdout.strip(), "--json").stdout
    first = _write(tmp_path / "a.CSV", gdelt_row("20240305", "FRA", "DEU", "042", url="https://example.org/a"),
                   gdelt_row("20240306", "FRA", "DEU", "042", url="https://example.org/x"))  # fmt: skip
    second = _write(tmp_path / "b.CSV", gdelt_row("20240305", "DEU", "FRA", "043", url="https://example.org/b"),
                    gdelt_row("20240306", "DEU", "FRA", "043", url="https://example.org/y"))  # fmt: skip
    report = json.loads(run("import", str(first), "--from", "gdelt", "--json").stdout)
    assert (report["imported"], report["skipped"]) == (1, 1)
    again = run("import", str(second), "--from", "gdelt", "--json")
    assert "imported 0, merged 1, skipped 1" in again.stderr
    assert json.loads(again.stdout)["merged"] == 1
    records = {r["date"]: r for r in _export(run)}
    merged = records["2024-03-05"]
    assert merged["tags"] == ["cameo:042", "cameo:043", "gdelt"]
    assert merged["summary"] == "Germany and France: make a visit; host a visit (2 GDELT events)"
    assert merged["source"]["url"] == "https://example.org/a"
    assert run("show", hand.stdout.strip(), "--json").stdout == before
    # The same file once more brings nothing new: nothing changes.
    third = json.loads(run("import", str(second), "--from", "gdelt", "--json").stdout)
    assert (third["imported"], third["merged"], third["skipped"]) == (0, 0, 2)
    assert _export(run) == list(records.values())


def test_the_list_filters_choose_what_is_stored(run: Run, tmp_path: Path) -> None:
    source = _write(tmp_path / "events.CSV", *GDELT_ROWS)

    def imported(*options: str) -> list[list[str]]:
        result = run("import", str(source), "--from", "gdelt", "--dry-run", "--format", "jsonl", *options)
        assert result.exit_code == 0, result.stderr
        return [json.loads(line)["countries"] for line in result.stdout.splitlines()]

    assert imported("--country", "Azerbaijan") == [["AZE", "PAK"]]
    assert imported("--country", "DE", "--country", "FR") == [["DEU", "FRA"]]
    assert imported("--country", "AZ", "--country", "FR") == []
    assert imported("--since", "2024-03-06") == [["MDA", "ROU"], ["AZE", "PAK"]]
    assert imported("--until", "2024-03-05") == [["DEU", "FRA"]]
    assert imported("--kind", "agreement") == [["AZE", "PAK"]]
    assert imported("--area", "military") == [["MDA", "ROU"]]
    assert imported("--area", "military", "--area", "trade") == []
    report = json.loads(run("import", str(source), "--from", "gdelt", "--country", "AZ", "--json").stdout)
    # Events without Azerbaijan are counted as outside the filters, whatever else is wrong with them.
    assert report["events"]["skipped"]["outside the filters"] == 5 and report["imported"] == 1
    assert run("import", str(source), "--from", "gdelt", "--country", "Atlantis").exit_code == 2
    assert run("import", str(source), "--country", "AZ").exit_code == 2  # the filters go with --from


def test_the_printed_sql_run_by_duckdb_gives_the_same_drafts_as_the_import(run: Run, tmp_path: Path) -> None:
    import duckdb

    rows = [*GDELT_ROWS, gdelt_row("20240305", "DEU", "FRA", "046", "Munich, Bayern, Germany", "GM")]
    source = _write(tmp_path / "events.CSV", *rows)
    printed = run("events-sql", "--from", "gdelt")
    assert printed.exit_code == 0 and printed.stdout.startswith("WITH")
    names = ["GLOBALEVENTID", "SQLDATE", "Actor1CountryCode", "Actor2CountryCode", "EventCode",
             "ActionGeo_FullName", "ActionGeo_CountryCode", "SOURCEURL"]  # fmt: skip
    at = [0, 1, 7, 17, 26, 52, 53, 60]
    con = duckdb.connect()
    columns = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(61))
    chosen = ", ".join(f"c{i} AS {name}" for i, name in zip(at, names, strict=True))
    con.execute(f"CREATE VIEW events AS SELECT {chosen} FROM read_csv('{source}', delim = '\t', header = false, "
                f"quote = '', columns = {{{columns}}})")  # fmt: skip
    result = tmp_path / "collapsed.csv"
    con.execute(f"COPY ({printed.stdout}) TO '{result}' (HEADER, DELIMITER ',')")
    from_sql = run("import", str(result), "--from", "gdelt", "--collapsed", "--dry-run", "--json")
    built_in = run("import", str(source), "--from", "gdelt", "--dry-run", "--json")
    assert from_sql.exit_code == built_in.exit_code == 0, from_sql.stderr
    assert json.loads(from_sql.stdout) == json.loads(built_in.stdout)
    assert len(json.loads(built_in.stdout)["drafts"]) == 3


def test_a_real_process_reads_a_zip_of_many_members_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    import io
    import zipfile

    from .conftest import relations

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("20240305000000.export.CSV", gdelt_row("20240305", "FRA", "DEU", "042") + "\n")
        archive.writestr("20240305001500.export.CSV", gdelt_row("20240305", "DEU", "FRA", "043") + "\n")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    done = relations("import", "-", "--from", "gdelt", "--json", db=tmp_path / "r.json", input=buffer.getvalue(),
                     env={"TMPDIR": str(scratch)})  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["imported"] == 1
    assert list(scratch.iterdir()) == []


def test_a_terminated_import_removes_what_it_staged_as_ctrl_c_does(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR")} | {"TMPDIR": str(scratch)}
    command = [
        sys.executable,
        "-m",
        "relations_cli",
        "--db",
        str(tmp_path / "r.json"),
        "import",
        "-",
        "--from",
        "gdelt",
    ]
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdin is not None
    proc.stdin.write((gdelt_row("20240305", "FRA", "DEU", "042") + "\n").encode())
    proc.stdin.flush()  # stdin stays open: the import is staging it, as from a slow download
    deadline = time.monotonic() + 30
    while not list(scratch.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert list(scratch.iterdir()), "the import never staged stdin"
    proc.send_signal(signal.SIGTERM)  # as `kill` or `timeout` sends it
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and b"Traceback" not in err
    assert list(scratch.iterdir()) == []
    assert not (tmp_path / "r.json").exists()
