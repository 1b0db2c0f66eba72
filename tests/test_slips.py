"""Slips a user makes are caught: --db after the command, a mistyped database, a new area, a city, a repeated add."""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from relations_cli.cli import app

from .conftest import Run, at_a_terminal

AddFn = Callable[..., int]
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


# -- --db after the command ---------------------------------------------------------------------


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_takes_db_after_its_name(name: str) -> None:
    result = CliRunner().invoke(app, [name, "--help"])
    assert result.exit_code == 0 and "--db FILE" in result.stdout


def test_db_after_the_command_is_the_database_used(tmp_path: Path) -> None:
    db = tmp_path / "x.json"
    added = CliRunner().invoke(app, ["add", "AZ", "PK", "--date", "2021", "--db", str(db)])
    assert (added.exit_code, added.stdout) == (0, "1\n"), added.stderr
    assert db.exists()
    listed = CliRunner().invoke(app, ["list", "--db", str(db), "--format", "ids"])
    assert (listed.exit_code, listed.stdout) == (0, "1\n")
    shown = CliRunner().invoke(app, ["show", "1", "--json", "--db", str(db)])
    assert json.loads(shown.stdout)["countries"] == ["AZE", "PAK"]
    # After the command it wins over the one before it, as the later of two options does.
    other = tmp_path / "other.json"
    assert CliRunner().invoke(app, ["--db", str(other), "list", "--db", str(db), "-f", "ids"]).stdout == "1\n"


# -- a database that is not there ---------------------------------------------------------------


def test_reading_a_missing_database_says_so_and_creates_nothing(run: Run, db: Path) -> None:
    for args in (["list"], ["summary"], ["matrix", "--json"], ["export"], ["check"]):
        result = run(*args)
        assert result.exit_code == 0, args
        assert f"no database at {db}" in result.stderr, args
        assert result.stderr.count("no database") == 1, args
    assert not db.exists()


def test_the_first_write_says_it_created_the_file_and_later_ones_do_not(run: Run, db: Path) -> None:
    first = run("add", "AZ", "PK", "--date", "2021")
    assert first.exit_code == 0 and f"created {db}" in first.stderr
    second = run("add", "AZ", "PK", "--date", "2022")
    assert "created" not in second.stderr and "no database" not in second.stderr
    assert "no database" not in run("list").stderr


def test_a_failed_write_to_a_missing_database_creates_nothing_and_does_not_claim_to(run: Run, db: Path) -> None:
    result = run("add", "AZ", "Narnia", "--date", "2021")
    assert result.exit_code == 2 and "created" not in result.stderr
    assert not db.exists()


# -- custom areas -------------------------------------------------------------------------------


def test_a_new_custom_area_is_kept_with_a_warning_naming_the_nearest_built_in(run: Run, db: Path) -> None:
    result = run("add", "AZ", "PK", "--date", "2021", "--area", "militery")
    assert result.exit_code == 0
    assert "new custom area 'militery'" in result.stderr and "did you mean military?" in result.stderr
    assert json.loads(run("show", "1", "--json").stdout)["areas"] == ["militery"]
    # Once in the database it is a known custom area: no more warnings.
    again = run("add", "AZ", "TR", "--date", "2021", "--area", "militery")
    assert "custom area" not in again.stderr
    built_in = run("add", "AZ", "GE", "--date", "2021", "--area", "defence")
    assert "custom area" not in built_in.stderr


def test_edit_and_import_warn_about_new_custom_areas_too(run: Run, add: AddFn, tmp_path: Path) -> None:
    add("AZ", "PK", "--date", "2021")
    edited = run("edit", "1", "--add-area", "enrgy")
    assert edited.exit_code == 0 and "did you mean energy?" in edited.stderr
    source = tmp_path / "in.jsonl"
    rows = [{"date": "2022", "countries": ["AZ", "TR"], "areas": ["secruity", "enrgy"]}]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows))
    imported = run("import", str(source))
    assert imported.exit_code == 0
    assert "new custom area 'secruity': did you mean security?" in imported.stderr
    assert "enrgy" not in imported.stderr  # already in the database


def test_an_area_far_from_every_built_in_is_still_named_but_not_offered(run: Run) -> None:
    result = run("add", "AZ", "PK", "--date", "2021", "--area", "space")
    assert "new custom area 'space'" in result.stderr
    assert "nearest built-in area is" in result.stderr and "did you mean" not in result.stderr


# -- --location given a city --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "country", "place"),
    [
        ("Baku", "AZE", "Baku"),  # a capital: an error before
        ("Moscow", "RUS", "Moscow"),  # a capital: the city was dropped before
        ("istanbul", "TUR", "Istanbul"),  # a city ingest knows, in any case
        ("Azerbaijan", "AZE", None),  # a country stays a country
        ("Singapore", "SGP", None),  # a city-state is its country
    ],
)
def test_location_takes_any_capital_or_known_city_the_same_way(
    run: Run, given: str, country: str, place: str | None
) -> None:
    assert run("add", "AZ", "PK", "--date", "2021", "--location", given).exit_code == 0
    assert json.loads(run("show", "1", "--json").stdout)["location"] == {"country": country, "place": place}


def test_place_given_with_a_city_location_wins(run: Run) -> None:
    run("add", "AZ", "PK", "--date", "2021", "--location", "Baku", "--place", "Gulustan Palace")
    assert json.loads(run("show", "1", "--json").stdout)["location"] == {"country": "AZE", "place": "Gulustan Palace"}
    run("edit", "1", "--location", "Ankara")
    assert json.loads(run("show", "1", "--json").stdout)["location"] == {"country": "TUR", "place": "Ankara"}


def test_an_unknown_location_is_an_error_that_says_what_to_do(run: Run, db: Path) -> None:
    result = run("add", "AZ", "PK", "--date", "2021", "--location", "Gotham")
    assert result.exit_code == 2 and "--location" in result.stderr and "--place CITY" in result.stderr
    assert not db.exists()


# -- the same engagement twice ------------------------------------------------------------------


def test_add_refuses_an_engagement_already_stored_unless_forced(run: Run, add: AddFn, db: Path) -> None:
    add("AZ", "PK", "--date", "2021-12-01", "--summary", "Defence talks.")
    before = db.read_bytes()
    again = run("add", "Pakistan", "Azerbaijan", "--date", "2021-12-01", "--summary", "Defence talks.")
    assert again.exit_code == 1 and again.stdout == ""
    assert "stored as 1" in again.stderr and "--force" in again.stderr
    assert db.read_bytes() == before
    forced = run("add", "AZ", "PK", "--date", "2021-12-01", "--summary", "Defence talks.", "--force")
    assert (forced.exit_code, forced.stdout) == (0, "2\n")


def test_the_duplicate_rule_is_imports(run: Run, add: AddFn) -> None:
    add("AZ", "PK", "--date", "2021", "--url", "https://example.org/a", "--summary", "one")
    # The same url is the same engagement, whatever the summary says ...
    assert run("add", "AZ", "PK", "--date", "2021", "--url", "https://example.org/a", "--summary", "two").exit_code == 1
    # ... and another url, kind or date is another one.
    assert run("add", "AZ", "PK", "--date", "2021", "--url", "https://example.org/b").exit_code == 0
    assert run("add", "AZ", "PK", "--date", "2021", "--url", "https://example.org/a", "--kind", "call").exit_code == 0
    assert run("add", "AZ", "PK", "--date", "2022", "--url", "https://example.org/a").exit_code == 0


# -- the delete prompt --------------------------------------------------------------------------


def _two_records(db: Path) -> None:
    for args in (["AZ", "PK", "--date", "2021-12-01", "--summary", "Defence ministers met."],
                 ["DE", "FR", "--date", "2022-03-04", "--summary", "Energy talks."]):  # fmt: skip
        assert CliRunner().invoke(app, ["--db", str(db), "add", *args]).exit_code == 0


def test_the_delete_prompt_shows_what_it_deletes_and_asks_again_until_answered(db: Path) -> None:
    _two_records(db)
    shown = at_a_terminal(["--db", str(db), "delete", "1", "2"], {"COLUMNS": "100"}, stream="stderr",
                          answers="sure\nn\n")  # fmt: skip
    assert "2021-12-01  Azerbaijan – Pakistan  Defence ministers met." in shown
    assert "2022-03-04  France – Germany  Energy talks." in shown
    assert shown.count("[y/n]") == 2 and "nothing deleted" in shown
    assert len(json.loads(CliRunner().invoke(app, ["--db", str(db), "list", "--json"]).stdout)) == 2
    at_a_terminal(["--db", str(db), "delete", "2"], {}, stream="stderr", answers="yes\n")
    assert CliRunner().invoke(app, ["--db", str(db), "list", "-f", "ids"]).stdout == "1\n"


def test_end_of_input_at_the_delete_prompt_deletes_nothing(db: Path) -> None:
    _two_records(db)
    before = db.read_bytes()
    shown = at_a_terminal(["--db", str(db), "delete", "1"], {}, stream="stderr", answers="\x04")
    assert "nothing deleted" in shown
    assert db.read_bytes() == before


# -- areas --------------------------------------------------------------------------------------


def test_areas_marks_custom_areas_instead_of_printing_true_or_false(run: Run, add: AddFn) -> None:
    plain = run("areas")
    assert "False" not in plain.stdout and "Custom" not in plain.stdout
    add("AZ", "PK", "--date", "2021", "--area", "space")
    table = run("areas", env={"COLUMNS": "200"}).stdout
    assert "False" not in table and "True" not in table
    space = next(line for line in table.splitlines() if line.split()[:1] == ["space"])
    assert "custom" in space
    military = next(line for line in table.splitlines() if line.split()[:1] == ["military"])
    assert "custom" not in military
    rows = {r["area"]: r for r in json.loads(run("areas", "--json").stdout)}
    assert rows["space"]["custom"] is True and rows["military"]["custom"] is False


def test_ctrl_c_at_the_delete_prompt_deletes_nothing(db: Path) -> None:
    _two_records(db)
    before = db.read_bytes()
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "relations_cli", "--db", str(db), "delete", "1"],
                            stdin=follower, stdout=subprocess.PIPE, stderr=follower)  # fmt: skip
    os.close(follower)
    shown = b""
    while b"[y/n]" not in shown and select.select([leader], [], [], 30)[0]:
        shown += os.read(leader, 4096)
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=30) == 1
    while select.select([leader], [], [], 1)[0]:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert b"nothing deleted" in shown and b"Traceback" not in shown
    assert db.read_bytes() == before
