"""summary rows by every --by, worked out by hand: ties, partial dates, timelines across years, narrowing by country."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from relations_cli.models import parse_record
from relations_cli.summary import BY, COLUMNS, matrix_totals, pairs_of, summarise

from .conftest import Run

# Records 1 and 2 fall on the same first day (2021-09-01), so ties show which date text is kept.
DATA = [
    {"date": "2021-09-01", "countries": ["AZE", "PAK"], "kind": "meeting", "areas": ["trade"]},
    {"date": "2021-09", "countries": ["AZE", "PAK", "TUR"], "kind": "exercise", "areas": ["military", "trade"]},
    {"date": "2022", "countries": ["PAK", "TUR"], "kind": "agreement", "areas": ["military"]},
    {"date": "2022-12-31", "countries": ["AZE", "TUR"], "kind": "meeting", "areas": ["energy"]},
    {"date": "2024-02-29", "countries": ["CHN", "PAK"], "kind": "call", "areas": ["trade"]},
]

BY_PAIR = [
    {"pair": ["AZE", "PAK"], "engagements": 2, "areas": {"trade": 2, "military": 1},
     "kinds": {"exercise": 1, "meeting": 1}, "first": "2021-09-01", "last": "2021-09-01"},
    {"pair": ["AZE", "TUR"], "engagements": 2, "areas": {"energy": 1, "military": 1, "trade": 1},
     "kinds": {"exercise": 1, "meeting": 1}, "first": "2021-09", "last": "2022-12-31"},
    {"pair": ["PAK", "TUR"], "engagements": 2, "areas": {"military": 2, "trade": 1},
     "kinds": {"agreement": 1, "exercise": 1}, "first": "2021-09", "last": "2022"},
    {"pair": ["CHN", "PAK"], "engagements": 1, "areas": {"trade": 1}, "kinds": {"call": 1},
     "first": "2024-02-29", "last": "2024-02-29"},
]  # fmt: skip
BY_AREA = [
    {"area": "trade", "engagements": 3, "kinds": {"call": 1, "exercise": 1, "meeting": 1}, "pairs": 4,
     "busiest_pair": ["AZE", "PAK"], "first": "2021-09-01", "last": "2024-02-29"},
    {"area": "military", "engagements": 2, "kinds": {"agreement": 1, "exercise": 1}, "pairs": 3,
     "busiest_pair": ["PAK", "TUR"], "first": "2021-09", "last": "2022"},
    {"area": "energy", "engagements": 1, "kinds": {"meeting": 1}, "pairs": 1, "busiest_pair": ["AZE", "TUR"],
     "first": "2022-12-31", "last": "2022-12-31"},
]  # fmt: skip
BY_COUNTRY = [
    {"country": "PAK", "engagements": 4, "areas": {"trade": 3, "military": 2},
     "kinds": {"agreement": 1, "call": 1, "exercise": 1, "meeting": 1}, "partners": {"AZE": 2, "TUR": 2, "CHN": 1},
     "first": "2021-09-01", "last": "2024-02-29"},
    {"country": "AZE", "engagements": 3, "areas": {"trade": 2, "energy": 1, "military": 1},
     "kinds": {"meeting": 2, "exercise": 1}, "partners": {"PAK": 2, "TUR": 2},
     "first": "2021-09-01", "last": "2022-12-31"},
    {"country": "TUR", "engagements": 3, "areas": {"military": 2, "energy": 1, "trade": 1},
     "kinds": {"agreement": 1, "exercise": 1, "meeting": 1}, "partners": {"AZE": 2, "PAK": 2},
     "first": "2021-09", "last": "2022-12-31"},
    {"country": "CHN", "engagements": 1, "areas": {"trade": 1}, "kinds": {"call": 1}, "partners": {"PAK": 1},
     "first": "2024-02-29", "last": "2024-02-29"},
]  # fmt: skip
BY_KIND = [
    {"kind": "meeting", "engagements": 2, "areas": {"energy": 1, "trade": 1}, "first": "2021-09-01",
     "last": "2022-12-31"},
    {"kind": "agreement", "engagements": 1, "areas": {"military": 1}, "first": "2022", "last": "2022"},
    {"kind": "call", "engagements": 1, "areas": {"trade": 1}, "first": "2024-02-29", "last": "2024-02-29"},
    {"kind": "exercise", "engagements": 1, "areas": {"military": 1, "trade": 1}, "first": "2021-09",
     "last": "2021-09"},
]  # fmt: skip
BY_YEAR = [
    {"period": "2021", "engagements": 2, "areas": {"trade": 2, "military": 1}, "kinds": {"exercise": 1, "meeting": 1}},
    {"period": "2022", "engagements": 2, "areas": {"energy": 1, "military": 1},
     "kinds": {"agreement": 1, "meeting": 1}},
    {"period": "2023", "engagements": 0, "areas": {}, "kinds": {}},
    {"period": "2024", "engagements": 1, "areas": {"trade": 1}, "kinds": {"call": 1}},
]  # fmt: skip
EXPECTED = {"pair": BY_PAIR, "area": BY_AREA, "country": BY_COUNTRY, "kind": BY_KIND, "year": BY_YEAR}


def months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


@pytest.fixture
def rows(run: Run) -> Callable[..., Any]:
    result = run("import", "-", "--format", "json", input=json.dumps(DATA))
    assert result.exit_code == 0, result.stderr

    def summary(*args: str) -> Any:
        out = run("summary", *args, "--json")
        assert out.exit_code == 0, out.stderr
        return json.loads(out.stdout)

    return summary


@pytest.mark.parametrize("by", ["pair", "area", "country", "kind", "year"])
def test_every_by_gives_the_rows_worked_out_by_hand(rows: Callable[..., Any], by: str) -> None:
    got = rows("--by", by)
    assert got == EXPECTED[by]
    assert [list(row) for row in got] == [COLUMNS[by]] * len(got)  # the keys, in the documented order


def test_by_month_has_every_month_from_the_first_to_the_last(rows: Callable[..., Any]) -> None:
    got = rows("--by", "month")
    assert [r["period"] for r in got] == months("2021-09", "2024-02")  # across two new years, Dec then Jan
    counts = {r["period"]: r["engagements"] for r in got if r["engagements"]}
    assert counts == {"2021-09": 2, "2022-01": 1, "2022-12": 1, "2024-02": 1}
    assert got[0] == {"period": "2021-09", "engagements": 2, "areas": {"trade": 2, "military": 1},
                      "kinds": {"exercise": 1, "meeting": 1}}  # fmt: skip
    assert got[1] == {"period": "2021-10", "engagements": 0, "areas": {}, "kinds": {}}


def test_the_default_is_by_pair(rows: Callable[..., Any]) -> None:
    assert rows() == BY_PAIR


@pytest.mark.parametrize(
    ("args", "periods"),
    [
        (["--by", "year", "--since", "2019"], ["2019", "2020", "2021", "2022", "2023", "2024"]),
        (["--by", "year", "--until", "2026-03"], ["2021", "2022", "2023", "2024", "2025", "2026"]),
        (["--by", "year", "--since", "2022-06", "--until", "2023"], ["2022", "2023"]),
        (["--by", "month", "--since", "2021-07-15", "--until", "2021-09"], ["2021-07", "2021-08", "2021-09"]),
        (["--by", "month", "--since", "2023-11", "--until", "2024-02-10"], months("2023-11", "2024-02")),
        (["--by", "month", "--since", "2024-03"], ["2024-03"]),  # nothing matches: the span alone
    ],
)
def test_a_timeline_widens_to_the_span_asked_for(rows: Callable[..., Any], args: list[str], periods: list[str]) -> None:
    assert [r["period"] for r in rows(*args)] == periods


def test_a_span_without_records_in_it_counts_zero(rows: Callable[..., Any]) -> None:
    assert rows("--by", "year", "--since", "2023", "--until", "2023") == [
        {"period": "2023", "engagements": 0, "areas": {}, "kinds": {}}
    ]


def test_positional_countries_narrow_pairs_and_country_rows(rows: Callable[..., Any]) -> None:
    assert [(r["pair"], r["engagements"]) for r in rows("AZ")] == [(["AZE", "PAK"], 2), (["AZE", "TUR"], 2)]
    assert [(r["pair"], r["engagements"]) for r in rows("AZ", "TR")] == [(["AZE", "TUR"], 2)]
    assert [r["country"] for r in rows("AZ", "--by", "country")] == ["AZE"]
    assert [r["country"] for r in rows("TR", "PK", "--by", "country")] == ["PAK", "TUR"]
    by_area = {r["area"]: r for r in rows("TR", "--by", "area")}
    assert (by_area["military"]["pairs"], by_area["military"]["busiest_pair"]) == (2, ["PAK", "TUR"])
    assert (by_area["trade"]["pairs"], by_area["trade"]["busiest_pair"]) == (2, ["AZE", "TUR"])


@pytest.mark.parametrize("by", BY)
def test_an_empty_selection_gives_no_rows(rows: Callable[..., Any], by: str) -> None:
    assert rows("--by", by, "--kind", "statement") == []


def test_first_and_last_keep_the_earlier_records_text_on_a_tie() -> None:
    records = [parse_record(d) for d in DATA[:2]]
    row = summarise(records, "pair")[0]
    assert (row["first"], row["last"]) == ("2021-09-01", "2021-09-01")
    row = summarise(list(reversed(records)), "pair")[0]
    assert (row["first"], row["last"]) == ("2021-09", "2021-09")


def test_an_unknown_by_is_refused() -> None:
    with pytest.raises(ValueError, match="galaxy"):
        summarise([], "galaxy")


def test_pairs_of_keeps_only_pairs_with_every_country_given() -> None:
    assert list(pairs_of(["AZE", "PAK", "TUR"])) == [("AZE", "PAK"), ("AZE", "TUR"), ("PAK", "TUR")]
    assert list(pairs_of(["AZE", "PAK", "TUR"], frozenset({"TUR"}))) == [("AZE", "TUR"), ("PAK", "TUR")]
    assert list(pairs_of(["AZE", "PAK", "TUR"], frozenset({"AZE", "TUR"}))) == [("AZE", "TUR")]


def test_csv_rows_by_every_by_have_the_documented_columns(run: Run, rows: Callable[..., Any]) -> None:
    for by in BY:
        lines = run("summary", "--by", by, "--format", "csv").stdout.splitlines()
        assert lines[0] == ",".join(COLUMNS[by])
    country = run("summary", "--by", "country", "--format", "csv").stdout.splitlines()[1]
    assert country.split(",") == [
        "PAK", "4", "trade=3; military=2", "agreement=1; call=1; exercise=1; meeting=1", "AZE=2; TUR=2; CHN=1",
        "2021-09-01", "2024-02-29",
    ]  # fmt: skip


def test_by_area_with_three_countries_has_no_pair_to_name(rows: Callable[..., Any]) -> None:
    # A pair holds two countries, so none can include all three given: the row says so instead of failing.
    got = rows("AZ", "PK", "TR", "--by", "area")
    assert [(r["area"], r["engagements"], r["pairs"], r["busiest_pair"]) for r in got] == [
        ("military", 1, 0, None), ("trade", 1, 0, None),
    ]  # fmt: skip


# -- the matrix's footer: each engagement once, not once per pair ------------------------------------

RECORDS = [parse_record(d) for d in DATA]


@pytest.mark.parametrize(
    ("only", "shown", "engagements", "areas"),
    [
        # Every record once, the trilateral too (the pair rows add up to 7).
        ((), None, 5, {"trade": 3, "military": 2, "energy": 1}),
        # Countries given: only the records with a pair that includes them all.
        (("AZE",), None, 3, {"trade": 2, "energy": 1, "military": 1}),
        (("AZE", "TUR"), None, 2, {"energy": 1, "military": 1, "trade": 1}),
        (("AZE", "CHN"), None, 0, {}),
        # A limit drew only some pairs: the records of those pairs, each once.
        ((), [["AZE", "PAK"]], 2, {"trade": 2, "military": 1}),
        ((), [["AZE", "PAK"], ["PAK", "TUR"]], 3, {"military": 2, "trade": 2}),
        (("PAK",), [["CHN", "PAK"]], 1, {"trade": 1}),
        ((), [], 0, {}),
    ],
)
def test_matrix_totals_count_each_engagement_once_among_the_pairs_shown(
    only: tuple[str, ...], shown: list[list[str]] | None, engagements: int, areas: dict[str, int]
) -> None:
    totals = matrix_totals(RECORDS, frozenset(only), shown)
    assert totals == {"engagements": engagements, "areas": areas}
    assert list(totals["areas"]) == list(areas)  # most first, then by name


def test_the_matrix_footer_counts_the_trilateral_once(run: Run, rows: Callable[..., Any]) -> None:
    lines = run("matrix").stdout.splitlines()
    total = next(line for line in lines if line.startswith("Total")).split()
    assert total[-1] == "5"
