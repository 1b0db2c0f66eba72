"""The real program in child processes: exit codes, streams, pipes, terminals and parallel writers."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import at_a_terminal, relations


def test_exit_codes_and_stream_separation(db: Path) -> None:
    ok = relations("add", "AZ", "PK", "--date", "2021", db=db)
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, b"1\n", f"created {db}\n".encode())  # the first write says so
    again = relations("add", "AZ", "PK", "--date", "2022", db=db)
    assert (again.returncode, again.stdout, again.stderr) == (0, b"2\n", b"")
    bad = relations("add", "AZ", "Narnia", "--date", "2021", db=db)
    assert bad.returncode == 2 and bad.stdout == b""
    assert bad.stderr.decode().startswith("Error: ") and len(bad.stderr.decode().splitlines()) == 1
    missing = relations("show", "5", db=db)
    assert missing.returncode == 1 and missing.stderr.startswith(b"Error: ")


def test_a_damaged_database_exits_1_naming_the_file(db: Path) -> None:
    db.write_text('{"engagements": ')
    result = relations("list", db=db)
    assert result.returncode == 1
    assert str(db).encode() in result.stderr and b"Traceback" not in result.stderr
    assert db.read_text() == '{"engagements": '


def test_json_output_pipes_into_another_program(db: Path) -> None:
    relations("add", "AZ", "PK", "--date", "2021", "--summary", "x" * 500, db=db)
    listed = relations("list", "--json", db=db)
    parsed = json.loads(listed.stdout)  # not wrapped at any console width
    assert parsed[0]["summary"] == "x" * 500


def test_the_db_comes_from_the_environment_then_the_user_data_dir(tmp_path: Path) -> None:
    env_db = tmp_path / "env.json"
    relations("add", "AZ", "PK", "--date", "2021", env={"RELATIONS_DB": str(env_db)})
    assert env_db.exists()
    xdg = tmp_path / "xdg"
    env = {"XDG_DATA_HOME": str(xdg), "HOME": str(tmp_path)}
    relations("add", "AZ", "PK", "--date", "2021", env=env)
    assert (xdg / "relations" / "relations.json").exists()


def test_piped_tables_are_plain_and_full_width(db: Path) -> None:
    relations("add", "AZ", "PK", "--date", "2021", "--summary", "word " * 40, db=db)
    out = relations("list", db=db).stdout.decode()
    assert "\x1b" not in out
    assert ("word " * 40).strip() in out  # one line: not squeezed to 80 columns
    narrow = relations("list", db=db, env={"COLUMNS": "60"}).stdout.decode()
    assert max(len(line) for line in narrow.splitlines()) <= 60


def test_a_piped_draft_panel_is_a_page_wide_not_as_wide_as_the_pipe_allows(db: Path, tmp_path: Path) -> None:
    # `relations ingest report.txt > draft.txt`: the panel fills its width, so on a pipe it is given a page's.
    article = tmp_path / "report.txt"
    long_sentence = "Kenya and Uganda signed an agreement on an oil pipeline in Nairobi on Tuesday, " + "and more " * 60
    article.write_text("Kenya, Uganda sign pipeline pact\n\n" + long_sentence.strip() + ".\n")
    out = relations("ingest", str(article), "--published", "2024-03-07", db=db).stdout.decode()
    lines = out.splitlines()
    assert lines[0].startswith("╭─ Draft from") and lines[-1].startswith("╰")
    assert max(len(line) for line in lines) == 100
    narrow = relations("ingest", str(article), "--published", "2024-03-07", db=db, env={"COLUMNS": "70"})
    assert max(len(line) for line in narrow.stdout.decode().splitlines()) == 70


def test_colour_on_a_terminal_unless_no_color_or_dumb(db: Path) -> None:
    relations("add", "AZ", "PK", "--date", "2021", "--area", "military", db=db)
    args = ["--db", str(db), "list"]
    assert "\x1b[" in at_a_terminal(args, {})
    assert "\x1b" not in at_a_terminal(args, {"NO_COLOR": "1"})
    assert "\x1b" not in at_a_terminal(args, {"TERM": "dumb"})
    forced = relations("list", db=db, env={"FORCE_COLOR": "1"})
    assert b"\x1b[" in forced.stdout


def test_import_and_export_draw_a_progress_bar_only_on_a_terminal(db: Path, tmp_path: Path) -> None:
    source = tmp_path / "many.jsonl"
    lines = [json.dumps({"date": "2021-01-01", "countries": ["AZ", "PK"], "summary": f"talks {i}"}) for i in range(400)]
    source.write_text("\n".join(lines) + "\n")
    on_terminal = at_a_terminal(["--db", str(db), "import", str(source), "--dry-run"], {}, stream="stderr")
    assert "validating" in on_terminal and "400/400" in on_terminal
    piped = relations("import", str(source), db=db)
    assert piped.stderr == f"imported 400, skipped 0\ncreated {db}\n".encode()
    exported = at_a_terminal(["--db", str(db), "export", "-o", str(tmp_path / "out.json")], {}, stream="stderr")
    assert "exporting" in exported
    assert relations("export", "-o", str(tmp_path / "out2.json"), db=db).stderr.decode().startswith("exported 400")
