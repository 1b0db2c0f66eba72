"""The list filters at their edges: --limit 0, negative and past the data; ties; every filter alone and together."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from relations_cli.errors import InvalidInput
from relations_cli.query import build_filters, row_test
from relations_cli.storage.records import Stored

from .conftest import Run

AddFn = Callable[..., int]


def ids(run: Run, *args: str) -> list[int]:
    result = run("list", *args, "--format", "ids")
    assert result.exit_code == 0, result.stderr
    return [int(line) for line in result.stdout.split()]


@pytest.fixture
def three(add: AddFn) -> list[int]:
    """Three records added out of date order: ids 1, 2, 3 are dated 2022, 2021-06-01, 2023-01."""
    return [
        add("AZ", "PK", "--date", "2022", "--kind", "agreement", "--area", "trade", "--tag", "a", "--tag", "b"),
        add("AZ", "PK", "TR", "--date", "2021-06-01", "--area", "military", "--area", "trade", "--tag", "a",
            "--summary", "Joint drills near Baku"),
        add("CN", "PK", "--date", "2023-01", "--kind", "call", "--area", "energy", "--tag", "b"),
    ]  # fmt: skip


@pytest.mark.usefixtures("three")
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--limit", "0"], []),
        (["--limit", "1"], [2]),
        (["--limit", "2"], [2, 1]),
        (["--limit", "3"], [2, 1, 3]),
        (["--limit", "4"], [2, 1, 3]),
        (["--limit", "1000000"], [2, 1, 3]),
        (["--sort", "-date", "--limit", "1"], [3]),
        (["--sort", "-date", "--limit", "0"], []),
        (["PK", "--limit", "2"], [2, 1]),  # the limit cuts after filtering and sorting
        (["--area", "trade", "--sort", "-date", "--limit", "1"], [1]),
    ],
)
def test_limit_zero_some_all_and_more_than_the_data(run: Run, args: list[str], expected: list[int]) -> None:
    assert ids(run, *args) == expected


@pytest.mark.usefixtures("three")
def test_limit_zero_prints_empty_json_and_csv_headers(run: Run) -> None:
    assert json.loads(run("list", "--limit", "0", "--json").stdout) == []
    csv_lines = run("list", "--limit", "0", "--format", "csv").stdout.splitlines()
    assert len(csv_lines) == 1 and csv_lines[0].startswith("id,date")


@pytest.mark.usefixtures("three")
@pytest.mark.parametrize("command", ["list", "export", "summary", "matrix"])
@pytest.mark.parametrize("limit", ["-1", "-5"])
def test_a_negative_limit_is_refused(run: Run, command: str, limit: str) -> None:
    result = run(command, "--limit", limit)
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: --limit must be 0 or more"
    assert result.stdout == ""


def test_a_limit_on_an_empty_database_lists_nothing(run: Run) -> None:
    assert ids(run, "--limit", "5") == []
    assert ids(run, "--limit", "0") == []


@pytest.mark.usefixtures("three")
def test_summary_limit_shows_the_busiest_rows_or_the_latest_periods(run: Run) -> None:
    # --limit on a summary counts rows shown, not records read (CONTRACT §9).
    rows = json.loads(run("summary", "--by", "year", "--limit", "2", "--json").stdout)
    assert [(r["period"], r["engagements"]) for r in rows] == [("2022", 1), ("2023", 1)]
    rows = json.loads(run("summary", "--limit", "1", "--json").stdout)
    assert [(r["pair"], r["engagements"]) for r in rows] == [(["AZE", "PAK"], 2)]
    assert json.loads(run("summary", "--by", "year", "--limit", "0", "--json").stdout) == []


def test_records_on_one_date_keep_id_order_both_ways(run: Run, add: AddFn) -> None:
    added = [add("AZ", "PK", "--date", date, "--force") for date in ("2021-05", "2021-05-01", "2021", "2021-05-01")]
    assert ids(run) == [added[2], added[0], added[1], added[3]]
    assert ids(run, "--sort", "-date") == [added[3], added[1], added[0], added[2]]
    assert ids(run, "--limit", "2") == [added[2], added[0]]


@pytest.mark.usefixtures("three")
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["PK"], [2, 1, 3]),
        (["AZ", "TR"], [2]),  # every country given must take part
        (["AZ", "CN"], []),
        (["--kind", "agreement"], [1]),
        (["--kind", "meeting"], [2]),
        (["--area", "trade"], [2, 1]),
        (["--area", "trade", "--area", "military"], [2]),  # every area given
        (["--area", "energy", "--area", "trade"], []),
        (["--tag", "a"], [2, 1]),
        (["--tag", "a", "--tag", "b"], [1]),  # every tag given
        (["--tag", "c"], []),
        (["--search", "DRILLS"], [2]),
        (["--search", "drills", "--kind", "agreement"], []),
        (["--search", "nothing like it"], []),
        (["PK", "--kind", "call", "--area", "energy", "--tag", "b", "--since", "2023", "--until", "2023"], [3]),
        (["PK", "--kind", "call", "--until", "2022"], []),
        (["AZ", "--kind", "agreement", "--area", "trade", "--tag", "b", "--since", "2022-01-02"], []),
    ],
)
def test_each_filter_alone_and_together(run: Run, args: list[str], expected: list[int]) -> None:
    assert ids(run, *args) == expected


def test_a_tag_is_found_whatever_its_case(run: Run, add: AddFn) -> None:
    tagged = add("AZ", "PK", "--date", "2024", "--tag", "Trilateral")
    add("AZ", "TR", "--date", "2024", "--tag", "bilateral")
    for typed in ("Trilateral", "trilateral", "TRILATERAL"):
        assert ids(run, "--tag", typed) == [tagged], typed


@pytest.mark.usefixtures("three")
def test_export_and_matrix_apply_the_same_filters(run: Run) -> None:
    exported = json.loads(run("export", "--tag", "a", "--sort", "-date", "--limit", "1").stdout)
    assert [r["id"] for r in exported] == [1]
    grid = json.loads(run("matrix", "--area", "trade", "--json").stdout)
    assert grid[0]["pair"] == ["AZE", "PAK"] and grid[0]["engagements"] == 2


def test_filters_from_what_was_typed() -> None:
    f = build_filters(
        ["Azerbaijan", "pk"], ["military technical", "trade-and-economic"], "exercise", "2021-02", "2022", ["x"],
        "BaKu", "-date", 3,
    )  # fmt: skip
    assert f.countries == frozenset({"AZE", "PAK"})
    assert f.areas == frozenset({"military-technical", "economic", "trade"})
    assert (f.kind, f.since, f.until, f.search) == ("exercise", "2021-02-01", "2022-12-31", "baku")
    assert f.tags == frozenset({"x"})
    assert (f.newest_first, f.limit) == (True, 3)
    plain = build_filters()
    assert (plain.since, plain.until, plain.search, plain.newest_first, plain.limit) == (None, None, None, False, None)
    assert build_filters(limit=0).limit == 0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "summit"}, "unknown kind 'summit'; known: meeting, call, agreement, exercise, statement, other"),
        ({"sort": "name"}, "unknown sort 'name'; use date or -date"),
        ({"limit": -1}, "--limit must be 0 or more"),
        ({"since": "2021-13"}, "bad --since '2021-13'"),
        ({"until": "2021-02-30"}, "bad --until '2021-02-30'"),
    ],
)
def test_bad_filters_are_named(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        build_filters(**kwargs)  # type: ignore[arg-type]
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("kwargs", "row", "passes"),
    [
        ({"since": "2021"}, ("2020-12-31", ["AZE", "PAK"], "meeting", [], []), False),
        ({"since": "2021"}, ("2021", ["AZE", "PAK"], "meeting", [], []), True),
        ({"until": "2021"}, ("2021-12-31", ["AZE", "PAK"], "meeting", [], []), True),
        ({"until": "2021"}, ("2022", ["AZE", "PAK"], "meeting", [], []), False),
        ({"kind": "call"}, ("2021", ["AZE", "PAK"], "meeting", [], []), False),
        ({"kind": "call"}, ("2021", ["AZE", "PAK"], "call", [], []), True),
        ({"area_names": ["trade"]}, ("2021", ["AZE", "PAK"], "call", ["energy"], []), False),
        ({"tags": ["x"]}, ("2021", ["AZE", "PAK"], "call", [], ["y"]), False),
        ({"tags": ["x"]}, ("2021", ["AZE", "PAK"], "call", [], ["x", "y"]), True),
        ({"tags": ["ENERGY"]}, ("2021", ["AZE", "PAK"], "call", [], ["Energy"]), True),  # tags compare without case
        ({"country_names": ["TR"]}, ("2021", ["AZE", "PAK"], "call", [], []), False),
    ],
)
def test_the_column_test_alone(kwargs: dict[str, object], row: tuple[object, ...], passes: bool) -> None:
    test = row_test(build_filters(**kwargs))  # type: ignore[arg-type]
    assert test is not None
    assert test(Stored(1, *row)) is passes  # type: ignore[arg-type]


def test_no_column_filter_means_no_row_test() -> None:
    assert row_test(build_filters()) is None
    assert row_test(build_filters(search="baku", sort="-date", limit=2)) is None


# -- selecting by id and by when a record was stored (--id, --after-id, --created-since, --updated-since) --

STAMPED = [
    {"id": 1, "date": "2020", "countries": ["AZ", "TR"], "summary": "a",
     "created": "2026-01-01T10:00:00Z", "updated": "2026-02-01T10:00:00Z"},
    {"id": 2, "date": "2021", "countries": ["AZ", "PK"], "summary": "b",
     "created": "2026-01-01T10:00:01Z", "updated": "2026-01-01T10:00:01Z"},
    # A stamp with a fraction of a second (another tool wrote it): compared to the second.
    {"id": 3, "date": "2019", "countries": ["AZ", "PK"], "summary": "c",
     "created": "2026-01-02T00:00:00.5Z", "updated": "2026-01-02T00:00:00.5Z"},
]  # fmt: skip


@pytest.fixture
def stamped(run: Run) -> None:
    """Three records restored with their own ids and stamps (an import into an empty database keeps them)."""
    result = run("import", "-", "--format", "jsonl", input="\n".join(json.dumps(r) for r in STAMPED))
    assert result.exit_code == 0, result.stderr


@pytest.mark.usefixtures("stamped")
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--id", "1,3"], [3, 1]),  # by date, as always
        (["--id", "1 3"], [3, 1]),
        (["--id", "1,,3,"], [3, 1]),
        (["--id", "2", "--id", "1"], [1, 2]),
        (["--id", "9"], []),
        (["--id", "1,2", "PK"], [2]),
        (["--after-id", "1"], [3, 2]),
        (["--after-id", "0"], [3, 1, 2]),
        (["--after-id", "3"], []),
        (["--id", "1,3", "--after-id", "1"], [3]),
        (["--created-since", "2026-01-01T10:00:01Z"], [3, 2]),
        (["--created-since", "2026-01-01T10:00:00.9Z"], [3, 1, 2]),  # the bound is cut to the second too
        (["--created-since", "2026-01-02"], [3]),  # 00:00:00.5 is in the second 00:00:00
        (["--created-since", " 2026-01-02T00:00:00Z "], [3]),
        (["--created-since", "2026-01"], [3, 1, 2]),
        (["--created-since", "2027"], []),
        (["--updated-since", "2026-01-02"], [3, 1]),
        (["--updated-since", "2026-02"], [1]),
        (["--created-since", "2026-01-01T10:00:01Z", "--updated-since", "2026-01-01T10:00:02Z"], [3]),
        (["--updated-since", "2026-01-02", "--sort", "-date", "--limit", "1"], [1]),
    ],
)
def test_ids_and_store_times_select_records(run: Run, args: list[str], expected: list[int]) -> None:
    assert ids(run, *args) == expected


@pytest.mark.usefixtures("stamped")
@pytest.mark.parametrize("value", ["0", "x", "1.5", "²", "٣", "1,-2"])
def test_an_id_that_is_not_a_positive_integer_is_refused(run: Run, value: str) -> None:
    result = run("list", "--id", value)
    assert result.exit_code == 2 and result.stdout == ""
    bad = value.split(",")[-1]
    assert result.stderr.strip() == f"Error: bad --id {bad!r}: ids are positive integers"


@pytest.mark.usefixtures("stamped")
@pytest.mark.parametrize("option", ["--created-since", "--updated-since"])
@pytest.mark.parametrize("value", ["last week", "2026-13", "2026-01-01T10:00:00", "2026-01-01 10:00:00Z",
                                   "٢٠٢٦-01-02T00:00:00Z", "2026-01-01T10:00:00+00:00"])  # fmt: skip
def test_a_store_time_that_is_not_a_date_or_utc_time_is_refused(run: Run, option: str, value: str) -> None:
    result = run("list", option, value)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == (
        f"Error: bad {option} {value!r}: expected a date (YYYY[-MM[-DD]]) or a UTC time like 2026-11-27T22:10:00Z"
    )
