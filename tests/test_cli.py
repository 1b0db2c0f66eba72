"""The commands through Typer's CliRunner: stdout, stderr and exit codes as a user sees them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from relations_cli import __version__

from .conftest import Run

AddFn = Callable[..., int]


def test_version(run: Run) -> None:
    result = run("--version")
    assert result.stdout == f"relations {__version__}\n"


def test_add_prints_the_new_id_alone(run: Run, db: Path) -> None:
    result = run("add", "Azerbaijan", "PK", "--date", "2021-12-01")
    assert (result.exit_code, result.stdout) == (0, "1\n")
    assert run("add", "TR", "PK", "--date", "2022").stdout == "2\n"
    assert db.exists()


def test_add_json_prints_the_whole_record(run: Run) -> None:
    result = run(
        "add", "Azerbaijani", "Pakistan", "--date", "2021-12-01", "--area", "military technical",
        "--area", "defence industry", "--location", "Azerbaijan", "--place", "Baku",
        "--participant", "Zakir Hasanov|Defence Minister|AZ", "--mentioned", "Turkey",
        "--summary", "Talks.", "--outlet", "Azernews", "--author", "Vugar Khalilov",
        "--published", "2021-12-02", "--tag", "trilateral", "--json",
    )  # fmt: skip
    record = json.loads(result.stdout)
    assert record["id"] == 1
    assert record["countries"] == ["AZE", "PAK"]
    assert record["areas"] == ["military-industrial", "military-technical"]
    assert record["location"] == {"country": "AZE", "place": "Baku"}
    assert record["participants"] == [{"name": "Zakir Hasanov", "role": "Defence Minister", "country": "AZE"}]
    assert record["source"] == {
        "outlet": "Azernews",
        "author": "Vugar Khalilov",
        "url": None,
        "published": "2021-12-02",
    }
    assert record["created"] == record["updated"] and record["created"].endswith("Z")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["AZ", "--date", "2021"], "at least two distinct countries"),
        (["AZ", "Azerbaijan", "--date", "2021"], "at least two distinct countries"),
        (["AZ", "Narnia", "--date", "2021"], "unknown country 'Narnia'"),
        (["AZ", "Korea", "--date", "2021"], "ambiguous country 'Korea'"),
        (["AZ", "PK", "--date", "2021-02-30"], "no such calendar date"),
        (["AZ", "PK", "--date", "2021", "--kind", "summit"], "unknown kind 'summit'"),
        (["AZ", "PK", "--date", "2021", "--participant", "a|b|c|d"], "bad participant"),
        (["AZ", "PK", "--date", "2021", "--area", "  "], "empty area"),
        (["AZ", "PK"], "Missing option '--date'"),
    ],
)
def test_bad_add_exits_2_with_one_line_and_leaves_the_file_unchanged(
    run: Run, add: AddFn, db: Path, args: list[str], message: str
) -> None:
    add("TR", "AZ", "--date", "2020")
    before = db.read_bytes()
    result = run("add", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == before


@pytest.fixture
def sample(add: AddFn) -> None:
    add("AZ", "PK", "--date", "2021-12-01", "--area", "military-technical", "--summary", "Defence talks in Baku",
        "--tag", "x", "--participant", "Zakir Hasanov|Defence Minister|AZ")  # fmt: skip
    add("AZ", "PK", "TR", "--date", "2021-09", "--kind", "exercise", "--area", "military")
    add("TR", "PK", "--date", "2022", "--kind", "agreement", "--area", "trade", "--area", "military-technical")
    add("CN", "PK", "--date", "2023-04-26", "--kind", "call", "--place", "Beijing")


@pytest.mark.usefixtures("sample")
@pytest.mark.parametrize(
    ("args", "ids"),
    [
        ([], [2, 1, 3, 4]),
        (["AZ", "PK"], [2, 1]),
        (["Pakistani", "Turkish"], [2, 3]),
        (["--area", "military-technical"], [1, 3]),
        (["--area", "military technical", "--area", "trade"], [3]),
        (["--kind", "exercise"], [2]),
        (["--since", "2021-10"], [1, 3, 4]),
        (["--until", "2021-09"], [2]),  # a partial date counts as its first day
        (["--until", "2021"], [2, 1]),  # a partial bound means its last day
        (["--since", "2022", "--until", "2022"], [3]),
        (["--tag", "x"], [1]),
        (["--search", "BAKU"], [1]),
        (["--search", "hasanov"], [1]),
        (["--search", "beijing"], [4]),
        (["--sort", "-date"], [4, 3, 1, 2]),
        (["--sort", "-date", "--limit", "2"], [4, 3]),
    ],
)
def test_list_filters(run: Run, args: list[str], ids: list[int]) -> None:
    result = run("list", *args, "--format", "ids")
    assert result.exit_code == 0, result.stderr
    assert [int(line) for line in result.stdout.split()] == ids


@pytest.mark.usefixtures("sample")
def test_list_formats(run: Run) -> None:
    as_json = json.loads(run("list", "--json").stdout)
    assert [r["id"] for r in as_json] == [2, 1, 3, 4]
    lines = run("list", "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == as_json
    csv_lines = run("list", "--format", "csv").stdout.splitlines()
    assert csv_lines[0].startswith("id,date,countries,kind,areas")
    assert len(csv_lines) == 5
    table = run("list").stdout
    assert "Türkiye" in table and "Azerbaijan" in table and "4 engagements" in table


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Narnia"], "unknown country"),
        (["--kind", "summit"], "unknown kind"),
        (["--since", "2021-13"], "bad --since"),
        (["--sort", "name"], "unknown sort"),
        (["--json", "--format", "csv"], "contradict"),
    ],
)
def test_bad_list_arguments_exit_2(run: Run, args: list[str], message: str) -> None:
    result = run("list", *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert message in result.stderr


def test_reading_a_missing_database_is_empty_and_creates_nothing(run: Run, db: Path) -> None:
    assert run("list", "--json").stdout == "[]\n"
    result = run("list")
    assert (result.exit_code, result.stdout) == (0, "")
    assert run("areas", "--json").exit_code == 0
    assert not db.exists() and not db.parent.joinpath(db.name + ".lock").exists()


def test_show(run: Run, add: AddFn) -> None:
    add("AZ", "PK", "--date", "2021-12-01", "--summary", "Talks")
    assert json.loads(run("show", "1", "--json").stdout)["summary"] == "Talks"
    assert "Engagement 1" in run("show", "1").stdout
    missing = run("show", "9")
    assert missing.exit_code == 1 and "no engagement with id 9" in missing.stderr
    assert run("show", "x").exit_code == 2


def test_edit_changes_fields_and_lists(run: Run, add: AddFn) -> None:
    add("AZ", "PK", "--date", "2021", "--area", "trade", "--tag", "a", "--summary", "s")
    before = json.loads(run("show", "1", "--json").stdout)
    result = run("edit", "1", "--add-area", "defence industry", "--remove-area", "trade", "--add-tag", "b",
                 "--country", "TR", "--country", "Pakistan", "--summary", "", "--date", "2021-05")  # fmt: skip
    assert (result.exit_code, result.stdout) == (0, "1\n"), result.stderr
    after = json.loads(run("show", "1", "--json").stdout)
    assert after["areas"] == ["military-industrial"]
    assert after["tags"] == ["a", "b"]
    assert after["countries"] == ["PAK", "TUR"]
    assert after["summary"] is None and after["date"] == "2021-05"
    assert after["created"] == before["created"]
    assert run("edit", "1", "--area", "energy", "--area", "trade").exit_code == 0
    assert json.loads(run("show", "1", "--json").stdout)["areas"] == ["energy", "trade"]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["1", "--country", "TR"], 2, "at least two"),
        (["1", "--kind", "summit"], 2, "unknown kind"),
        (["1"], 2, "nothing to change"),
        (["1", "--date", "2021-02-30"], 2, "no such calendar date"),
        (["7", "--summary", "x"], 1, "no engagement with id 7"),
    ],
)
def test_bad_edit_leaves_the_file_unchanged(
    run: Run, add: AddFn, db: Path, args: list[str], code: int, message: str
) -> None:
    add("AZ", "PK", "--date", "2021")
    before = db.read_bytes()
    result = run("edit", *args)
    assert result.exit_code == code
    assert message in result.stderr
    assert db.read_bytes() == before


def test_delete_needs_yes_without_a_terminal(run: Run, add: AddFn, db: Path) -> None:
    add("AZ", "PK", "--date", "2021")
    add("AZ", "PK", "--date", "2022")
    before = db.read_bytes()
    refused = run("delete", "1")
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    missing = run("delete", "1", "9", "--yes")
    assert missing.exit_code == 1 and "9" in missing.stderr
    assert db.read_bytes() == before
    done = run("delete", "2", "1", "--yes")
    assert (done.exit_code, done.stdout) == (0, "1\n2\n")
    assert run("list", "--json").stdout == "[]\n"


def test_countries_resolves_and_lists(run: Run) -> None:
    rows = json.loads(run("countries", "Türkiye", "Ivory Coast", "azerbaijani", "UK", "--json").stdout)
    assert [r["code"] for r in rows] == ["TUR", "CIV", "AZE", "GBR"]
    assert rows[2]["matched"] == "demonym"
    everything = json.loads(run("countries", "--json").stdout)
    assert len(everything) == 250
    bad = run("countries", "Korea")
    assert bad.exit_code == 2 and "South Korea (KOR)" in bad.stderr


def test_areas_lists_vocabulary_and_custom_areas_with_counts(run: Run, add: AddFn) -> None:
    add("AZ", "PK", "--date", "2021", "--area", "Food Security", "--area", "trade")
    rows = {r["area"]: r for r in json.loads(run("areas", "--json").stdout)}
    assert rows["trade"]["engagements"] == 1 and not rows["trade"]["custom"]
    assert rows["food-security"] == {
        "area": "food-security", "custom": True, "family": "custom", "aliases": [], "engagements": 1,
    }  # fmt: skip
    assert "defence industry" in rows["military-industrial"]["aliases"]


def test_user_text_is_shown_as_text(run: Run, add: AddFn) -> None:
    add(
        "AZ",
        "PK",
        "--date",
        "2021",
        "--summary",
        "[bold]x[/] [link=http://e.vil]y[/link] \x1b]0;title\x07 \x1b[2J",
    )
    for args in (["list"], ["show", "1"]):
        out = run(*args).stdout
        assert "\x1b" not in out and "\x07" not in out
        assert "[bold]x[/]" in out
    assert "\\x1b[2J" in run("list").stdout
    assert "\\u001b[2J" in run("list", "--json").stdout


def test_csv_keeps_control_characters_for_files_but_not_for_a_terminal(run: Run, add: AddFn) -> None:
    import io

    from relations_cli.formats import write_csv

    add("AZ", "PK", "--date", "2021", "--summary", "a\x1b[2Jb")
    assert "a\x1b[2Jb" in run("list", "--format", "csv").stdout  # exact, for export and import

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    write_csv([{"summary": "a\x1b[2Jb"}], ["summary"], screen)
    assert screen.getvalue() == "summary\r\na\\x1b[2Jb\r\n"


def test_csv_cells_that_look_like_formulas_are_guarded(run: Run, add: AddFn) -> None:
    add("AZ", "PK", "--date", "2021", "--summary", "=HYPERLINK(1)", "--place", "@home")
    row = run("list", "--format", "csv").stdout.splitlines()[1]
    assert "'=HYPERLINK(1)" in row and "'@home" in row


def test_arguments_that_are_not_utf8_are_invalid_input(run: Run, db: Path) -> None:
    result = run("add", "AZ", "PK", "--date", "2021", "--summary", "bad \udcff byte")
    assert result.exit_code == 2 and "not valid UTF-8" in result.stderr
    assert not db.exists()


def test_check(run: Run, add: AddFn, db: Path) -> None:
    missing = run("check")
    assert missing.exit_code == 0 and "no database" in missing.stderr
    add("AZ", "PK", "--date", "2021")
    assert run("check").exit_code == 0
    data = json.loads(db.read_text())
    data["engagements"]["1"]["countries"] = ["AZE", "XXX"]
    db.write_text(json.dumps(data))
    before = db.read_bytes()
    bad = run("check", "--json")
    assert bad.exit_code == 1
    assert json.loads(bad.stdout)[0]["field"] == "countries"
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["show", "abc"], "Invalid value for 'ID': 'abc' is not an integer in ASCII digits (see relations show -h)"),
        (["lst"], "No such command 'lst'. Did you mean 'list'? (see relations -h)"),
        (["list", "--bogus"], "No such option: --bogus (see relations list -h)"),
    ],
)
def test_a_usage_error_is_one_line_naming_the_help(run: Run, args: list[str], said: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr == f"Error: {said}\n"
