"""The machine face (issue 18): what shell scripts and cron jobs rely on, through real processes where it
is about processes. Each test names the numbered item of the issue it holds."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from relations_cli.storage.store import Store

from .conftest import Run, lock_held, relations

BIN = str(Path(sys.executable).parent)
needs_jq = pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed (.ci/run installs it)")


def bash(script: str, db: Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a shell snippet with `relations` on PATH and the database in RELATIONS_DB."""
    full = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    full.update({"PATH": f"{BIN}:{full.get('PATH', '')}", "RELATIONS_DB": str(db), **(env or {})})
    return subprocess.run(
        ["bash", "-c", script], cwd=cwd, env=full, capture_output=True, text=True, timeout=120, check=False
    )


def seed(db: Path, n: int = 3) -> None:
    for i in range(n):
        done = relations(
            "add", "AZ", "PK", "--date", f"202{i}", "--summary", f"talks {i}", "--tag", "Trilateral", db=db
        )
        assert done.returncode == 0, done.stderr


def records(db: Path) -> list[dict[str, object]]:
    return json.loads(relations("list", "--json", db=db).stdout)  # type: ignore[no-any-return]


# -- 1. outputs go where the user pointed ---------------------------------------------------------


def test_1_dash_is_stdout_and_process_substitution_gets_the_data(db: Path, tmp_path: Path) -> None:
    seed(db)
    to_stdout = relations("export", "-o", "-", "--format", "jsonl", db=db)
    assert to_stdout.returncode == 0 and len(to_stdout.stdout.splitlines()) == 3
    assert not (tmp_path / "-").exists() and not Path("-").exists()
    done = bash("relations export -o >(gzip > out.gz) && sleep 0.5", db, tmp_path)
    assert done.returncode == 0, done.stderr
    import gzip

    assert len(json.loads(gzip.decompress((tmp_path / "out.gz").read_bytes()))) == 3


def test_1_a_fifo_is_written_to_its_reader_and_stays_a_fifo(db: Path, tmp_path: Path) -> None:
    seed(db)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    done = relations("export", "-o", str(fifo), "--format", "jsonl", db=db)
    reader.join(timeout=30)
    assert done.returncode == 0, done.stderr
    assert len(got[0].splitlines()) == 3
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this platform")
def test_1_a_full_device_is_an_error_and_is_never_replaced(db: Path) -> None:
    from relations_cli.outputs import is_stream

    # Checked in-process first: a build that would rename a file over the device must not get to run
    # as root (it would replace the machine's /dev/full, as the issue saw).
    assert is_stream("/dev/full") and is_stream("/dev/null")
    seed(db)
    done = relations("export", "-o", "/dev/full", db=db)
    assert done.returncode == 1
    assert done.stderr.decode().startswith("Error: cannot write /dev/full") and b"Traceback" not in done.stderr
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_1_a_symlink_is_written_through_to_its_target(db: Path, tmp_path: Path) -> None:
    seed(db)
    (tmp_path / "data").mkdir()
    target = tmp_path / "data" / "export.json"
    target.write_text("old")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    assert relations("export", "-o", str(link), db=db).returncode == 0
    assert link.is_symlink() and len(json.loads(target.read_text())) == 3
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["export.json"]  # no temporary left


def test_1_export_onto_its_own_database_is_refused(db: Path, tmp_path: Path) -> None:
    seed(db)
    before = db.read_bytes()
    link = tmp_path / "alias.json"
    link.symlink_to(db)
    for target in (str(db), str(link)):
        done = relations("export", "-o", target, db=db)
        assert done.returncode == 2 and b"database" in done.stderr
    assert db.read_bytes() == before


# -- 2. write errors on stdout -------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this platform")
def test_2_a_full_stdout_is_an_error_line_not_a_traceback(db: Path, tmp_path: Path) -> None:
    seed(db)
    for command in ("list --format jsonl", "list", "export --format csv", "summary --json"):
        done = bash(f"relations {command} > /dev/full", db, tmp_path)
        assert done.returncode == 1, command
        assert done.stderr.startswith("Error: cannot write to stdout: No space left on device"), done.stderr
        assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1


def test_2_a_closed_pipe_stays_quiet_under_pipefail(db: Path, tmp_path: Path) -> None:
    seed(db, 2)
    many = b"".join(b'{"date":"2020","countries":["AZ","TR"],"summary":"n%d"}\n' % i for i in range(3000))
    relations("import", "-", "--format", "jsonl", db=db, input=many)
    done = bash("set -o pipefail; relations export --format jsonl | head -1 >/dev/null", db, tmp_path)
    assert (done.returncode, done.stderr) == (0, "")


# -- 3. exit codes a script can branch on ------------------------------------------------------------


def test_3_a_lock_timeout_is_75_a_missing_id_1_bad_input_2(db: Path) -> None:
    seed(db, 1)
    with lock_held(db):
        locked = relations("edit", "1", "--add-tag", "x", db=db, env={"RELATIONS_LOCK_TIMEOUT": "0.2"})
    assert locked.returncode == 75 and locked.stderr.startswith(b"Error: ")
    assert relations("show", "9", db=db).returncode == 1
    assert relations("add", "AZ", "--date", "2021", db=db).returncode == 2
    assert relations("edit", "1", "--add-tag", "x", db=db).returncode == 0  # the retry succeeds


def test_3_the_exit_codes_are_in_help_and_the_readme_table(run: Run) -> None:
    from .test_docs import README

    shown = run("--help").stdout
    table = README.split("## Scripting", 1)[1].split("\n#", 1)[0]
    for code in ("0", "1", "2", "75"):
        assert f"  {code}  " in shown
        assert f"| {code} |" in table


# -- 6. no-op edits are not changes ------------------------------------------------------------------


def test_6_an_edit_that_changes_nothing_writes_nothing(db: Path) -> None:
    seed(db)
    assert relations("edit", "1", "2", "--add-tag", "urgent", db=db).returncode == 0
    before = db.read_bytes()
    time.sleep(1.1)  # timestamps are to the second: a rewrite now would show
    again = relations("edit", "1", "2", "--add-tag", "URGENT", "--add-tag", "trilateral", db=db)
    assert again.returncode == 0 and again.stdout == b"1\n2\n"
    assert b"changed 0, unchanged 2" in again.stderr
    assert db.read_bytes() == before  # byte for byte: `updated` kept, nothing to diff


def test_6_removing_what_is_not_there_and_deleting_twice_are_not_errors(db: Path) -> None:
    seed(db)
    before = db.read_bytes()
    assert relations("edit", "1", "--remove-tag", "absent", "--remove-area", "energy", db=db).returncode == 0
    assert db.read_bytes() == before
    assert relations("delete", "3", "--yes", db=db).returncode == 0
    assert relations("delete", "3", "--yes", db=db).returncode == 1  # without the flag a missing id is an error
    again = relations("delete", "3", "2", "--yes", "--missing-ok", db=db)
    assert (again.returncode, again.stdout) == (0, b"2\n") and b"3" in again.stderr
    assert relations("delete", "3", "--yes", "--missing-ok", db=db).returncode == 0


def test_6_tags_compare_without_case_and_keep_their_first_spelling(db: Path) -> None:
    seed(db, 2)
    relations("edit", "1", "--add-tag", "trilateral", "--add-tag", "Energy", db=db)
    relations("edit", "2", "--add-tag", "ENERGY", db=db)
    assert [r["tags"] for r in records(db)] == [["Energy", "Trilateral"], ["Energy", "Trilateral"]]
    assert relations("list", "--tag", "energy", "--count", db=db).stdout == b"2\n"
    relations("edit", "1", "--remove-tag", "TRILATERAL", db=db)
    assert records(db)[0]["tags"] == ["Energy"]
    relations("add", "AZ", "TR", "--date", "2024", "--tag", "energy", "--tag", "New", "--tag", "NEW", db=db)
    assert records(db)[-1]["tags"] == ["Energy", "New"]


# -- 7. import can update ------------------------------------------------------------------------------


def _round_trip(db: Path, tmp_path: Path, fmt: str, edit: str) -> dict[str, object]:
    seed(db)
    before = records(db)
    done = bash(
        f"relations export --format {fmt} > all.{fmt} && {edit} && relations import edited.{fmt} --upsert", db, tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == "imported 0, updated 1, unchanged 2, skipped 0\n"
    after = records(db)
    assert len(after) == 3 and [r["id"] for r in after] == [1, 2, 3]
    assert after[0]["created"] == before[0]["created"] and after[2] == before[2]
    return after[0]


@needs_jq
def test_7_round_trip_json_through_jq_and_upsert(db: Path, tmp_path: Path) -> None:
    edit = (
        """jq '(.[] | select(.id == 1) | .source.outlet) = "Azernews" | (.[] | select(.id == 1) | .date) = "2019-05"'"""
        " all.json > edited.json"
    )
    first = _round_trip(db, tmp_path, "json", edit)
    assert first["source"]["outlet"] == "Azernews" and first["date"] == "2019-05"  # type: ignore[index]


@needs_jq
def test_7_round_trip_jsonl_through_jq_and_upsert(db: Path, tmp_path: Path) -> None:
    edit = """jq -c 'if .id == 1 then .source.outlet = "Azernews" else . end' all.jsonl > edited.jsonl"""
    assert _round_trip(db, tmp_path, "jsonl", edit)["source"]["outlet"] == "Azernews"  # type: ignore[index]


def test_7_round_trip_csv_through_a_spreadsheet_and_upsert(db: Path, tmp_path: Path) -> None:
    # A spreadsheet, played by Python's csv module: change one cell, save.
    edit = (
        f"{sys.executable} -c \"import csv,sys; rows=list(csv.DictReader(open('all.csv', newline=''))); "
        "rows[0]['source_outlet']='Azernews'; w=csv.DictWriter(open('edited.csv','w',newline=''), rows[0].keys()); "
        'w.writeheader(); w.writerows(rows)"'
    )
    assert _round_trip(db, tmp_path, "csv", edit)["source"]["outlet"] == "Azernews"  # type: ignore[index]


def test_7_without_upsert_edits_are_skipped_and_upsert_can_match_by_identity(run: Run, db: Path) -> None:
    seed(db, 2)
    changed = [{**r, "source": {**r["source"], "outlet": "Azernews"}} for r in records(db)]  # type: ignore[dict-item]
    plain = run("import", "-", "--format", "json", input=json.dumps(changed))
    assert plain.stderr.splitlines() == [
        "imported 0, skipped 2", "2 skipped record(s) differ from the stored ones; --upsert would update them"
    ]  # fmt: skip
    by_identity = [{k: v for k, v in r.items() if k != "id"} | {"tags": ["x"]} for r in records(db)]
    done = run("import", "-", "--format", "json", "--upsert", "--match", "identity", "--json",
               input=json.dumps(by_identity))  # fmt: skip
    assert json.loads(done.stdout)["updated_ids"] == [1, 2]
    assert [r["tags"] for r in records(db)] == [["x"], ["x"]]


# -- 8. bulk edits in one write --------------------------------------------------------------------------


def test_8_edit_takes_many_ids_from_stdin_in_one_write(db: Path, tmp_path: Path) -> None:
    lines = b"".join(b'{"date":"2020","countries":["AZ","TR"],"summary":"n%d"}\n' % i for i in range(1200))
    assert relations("import", "-", "--format", "jsonl", db=db, input=lines).returncode == 0
    started = time.monotonic()
    done = bash("relations list --format ids | relations edit --ids-from - --add-tag reviewed", db, tmp_path)
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started < 30  # a generous guard: one call, not 1,200
    assert relations("list", "--tag", "reviewed", "--count", db=db).stdout == b"1200\n"


def test_8_several_ids_are_one_write_and_all_or_nothing(run: Run, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seed(db)
    saves: list[int] = []
    original = Store._save

    def counting(self: Store, *args: object) -> None:
        saves.append(1)
        original(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "_save", counting)
    assert run("edit", "1", "2", "3", "--add-tag", "x").exit_code == 0
    assert len(saves) == 1
    before = db.read_bytes()
    missing = run("edit", "1", "9", "--add-tag", "y")
    assert missing.exit_code == 1 and "9" in missing.stderr and db.read_bytes() == before


# -- 9. selecting what is new ------------------------------------------------------------------------------


def test_9_select_by_id_after_id_and_time(db: Path) -> None:
    seed(db, 2)
    time.sleep(1.1)  # timestamps have whole seconds: the third record must be newer than the first two
    seed_third = relations("add", "AZ", "PK", "--date", "2022", "--summary", "talks 2", "--tag", "Trilateral", db=db)
    assert seed_third.returncode == 0, seed_third.stderr
    assert relations("list", "--id", "1,3", "--format", "ids", db=db).stdout == b"1\n3\n"
    assert relations("list", "--after-id", "1", "--format", "ids", db=db).stdout == b"2\n3\n"
    stamp = str(records(db)[2]["created"])
    time.sleep(1.1)
    relations("edit", "1", "--summary", "changed", db=db)
    edited = str(records(db)[0]["updated"])
    assert relations("list", "--created-since", stamp, "--format", "ids", db=db).stdout == b"3\n"
    assert relations("export", "--updated-since", edited, "--format", "jsonl", "--count", db=db).stdout == b"1\n"
    assert relations("list", "--created-since", "2999-01-01", "--count", db=db).stdout == b"0\n"
    rows = json.loads(relations("summary", "--updated-since", edited, "--json", db=db).stdout)
    assert rows[0]["engagements"] == 1
    assert relations("list", "--created-since", "last week", db=db).returncode == 2


def test_9_imported_records_are_new_here_unless_restored_into_an_empty_database(db: Path, tmp_path: Path) -> None:
    old = {"date": "2020", "countries": ["AZ", "TR"], "summary": "old news", "created": "2001-01-01T00:00:00Z"}
    seed(db, 1)
    time.sleep(1.1)  # timestamps have whole seconds: the seed must be older than the import
    relations("import", "-", "--format", "jsonl", db=db, input=json.dumps(old).encode())
    imported = records(db)[-1]
    assert imported["created"] != old["created"] and str(imported["created"]) > "2026"
    week = relations("list", "--created-since", str(imported["created"]), "--format", "ids", db=db)
    assert week.stdout == b"2\n"
    restored = tmp_path / "restored.json"
    relations("import", "-", "--format", "jsonl", db=restored, input=json.dumps({**old, "id": 4}).encode())
    assert records(restored)[0]["created"] == old["created"] and records(restored)[0]["id"] == 4


def test_9_fields_narrow_every_machine_format(db: Path) -> None:
    seed(db, 1)
    line = relations("list", "--format", "jsonl", "--fields", "id,date,source.outlet", db=db).stdout
    assert json.loads(line) == {"id": 1, "date": "2020", "source": {"outlet": None}}
    table = list(csv.reader(io.StringIO(relations("export", "--format", "csv", "--fields", "id,location", db=db)
                                        .stdout.decode())))  # fmt: skip
    assert table[0] == ["id", "location_country", "location_place"]
    assert relations("list", "--fields", "nonsense", "--json", db=db).returncode == 2
    assert relations("list", "--fields", "id", db=db).returncode == 2  # not for tables


# -- 10. the smaller ones ----------------------------------------------------------------------------------


def test_10_csv_guard_covers_tab_and_cr_and_raw_turns_it_off(run: Run, tmp_path: Path) -> None:
    for summary in ("-3% drop", "\tTAB", "\rCR"):
        run("add", "AZ", "PK", "--date", "2021", "--summary", summary)
    guarded = list(csv.reader(io.StringIO(run("export", "--format", "csv").stdout, newline="")))
    assert [row[9] for row in guarded[1:]] == ["'-3% drop", "'\tTAB", "'\rCR"]
    raw = list(csv.reader(io.StringIO(run("export", "--format", "csv", "--raw").stdout, newline="")))
    assert [row[9] for row in raw[1:]] == ["-3% drop", "\tTAB", "\rCR"]
    assert run("export", "--raw").exit_code == 2  # json has nothing to turn off
    exported = tmp_path / "back.csv"
    run("export", "--format", "csv", "-o", str(exported))
    other = tmp_path / "other.json"
    relations("import", str(exported), db=other)
    assert [r["summary"] for r in records(other)] == ["-3% drop", "\tTAB", "\rCR"]


def test_10_countries_resolves_each_name_on_its_own(db: Path) -> None:
    done = relations("countries", "Turkey", "Congo", "Azerbaijan", "--json", db=db)
    assert done.returncode == 2
    rows = json.loads(done.stdout)
    assert [(r["input"], r["status"], r["code"]) for r in rows] == [
        ("Turkey", "ok", "TUR"), ("Congo", "ambiguous", None), ("Azerbaijan", "ok", "AZE")
    ]  # fmt: skip
    assert b"Republic of the Congo" in done.stderr
    assert relations("countries", "Turkey", "AZ", db=db).returncode == 0


def test_10_the_schema_describes_what_list_prints_and_the_readme_documents_every_field(db: Path) -> None:
    from .test_docs import README

    schema = json.loads(relations("schema").stdout)
    assert schema["schema_version"] == 1 and schema["$ref"] == "#/$defs/engagement"
    record = schema["$defs"]["engagement"]
    seed(db, 1)
    printed = records(db)[0]
    assert list(printed) == record["required"] == list(record["properties"])
    for name, value in printed.items():
        allowed = record["properties"][name].get("type")
        kinds = {"string": str, "integer": int, "array": list, "object": dict, "null": type(None)}
        assert allowed is None or isinstance(
            value, tuple(kinds[t] for t in ([allowed] if isinstance(allowed, str) else allowed))
        )
    row = json.loads(relations("summary", "--json", db=db).stdout)[0]
    assert list(row) == schema["$defs"]["summary-pair"]["required"]
    section = README.split("## Scripting", 1)[1].split("\n## ", 1)[0]
    for name in [*record["properties"], "location.country", "location.place", "participants[].name",
                 "participants[].role", "participants[].country", "source.outlet", "source.author", "source.url",
                 "source.published"]:  # fmt: skip
        assert f"`{name}`" in section, name


# -- the README's jobs run as written ---------------------------------------------------------------------


def readme_script(heading: str) -> str:
    from .test_docs import README

    return README.split(f"### {heading}", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]


def test_the_readme_nightly_ingest_job_runs_as_written_and_twice_is_harmless(db: Path, tmp_path: Path) -> None:
    from .conftest import ROOT

    home, articles = tmp_path / "home", ROOT / "tests" / "fixtures" / "articles"
    inbox = home / "news" / "inbox"
    inbox.mkdir(parents=True)
    names = ["01-xinhua-pakistan-china.txt", "02-tass-russia-belarus-call.txt", "33-france-germany.txt"]

    def deliver() -> None:
        for name in names:
            shutil.copy(articles / name, inbox / name)
        (inbox / "weather.txt").write_text("Rain is expected in the north on Tuesday.\n")

    script = readme_script("A nightly ingest job")
    deliver()
    first = bash(script, db, tmp_path, env={"HOME": str(home)})
    assert first.returncode == 0, first.stderr
    assert sorted(p.name for p in (inbox / "done").iterdir()) == sorted(names)
    assert [p.name for p in (inbox / "rejected").iterdir()] == ["weather.txt"]
    stored = records(db)
    assert len(stored) == 3
    deliver()
    again = bash(script, db, tmp_path, env={"HOME": str(home)})
    assert again.returncode == 0, again.stderr
    assert records(db) == stored


@needs_jq
def test_the_readme_weekly_report_runs_as_written_and_sees_imports_of_old_events(db: Path, tmp_path: Path) -> None:
    seed(db, 2)
    old = {
        "date": "1999-05-01",
        "countries": ["FR", "DE"],
        "summary": "Elysee talks",
        "created": "1999-05-02T00:00:00Z",
    }
    relations("import", "-", "--format", "jsonl", db=db, input=json.dumps(old).encode())
    done = bash(readme_script('A weekly "what\'s new" report'), db, tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("New engagements since ") and lines[0].endswith(": 3")
    assert "1999-05-01  DEU-FRA  meeting  Elysee talks" in lines
    assert sorted(lines[-1].split()[1:]) == ["1", "2", "3"]
    assert (tmp_path / "weekly-pairs.csv").read_text().startswith("pair,engagements")
