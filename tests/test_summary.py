"""summary and matrix on a small dataset whose figures were worked out by hand."""

from __future__ import annotations

import io
import json
from collections.abc import Callable

import pytest
from rich.console import Console

from relations_cli.models import parse_record
from relations_cli.render_tables import matrix_table, summary_table
from relations_cli.summary import matrix, matrix_totals, summarise

from .conftest import Run

# Four engagements: one trilateral (AZE-PAK-TUR), a partial year date and a partial month date.
DATA = [
    {"date": "2021-12-01", "countries": ["AZE", "PAK"], "kind": "meeting", "areas": ["military-technical", "trade"]},
    {"date": "2021-09", "countries": ["AZE", "PAK", "TUR"], "kind": "exercise", "areas": ["military"]},
    {"date": "2022", "countries": ["PAK", "TUR"], "kind": "agreement", "areas": ["military-technical"]},
    {"date": "2023-03-05", "countries": ["AZE", "TUR"], "kind": "meeting", "areas": ["energy", "military"]},
]
RECORDS = [parse_record(d) for d in DATA]


def test_by_pair_counts_a_trilateral_toward_each_pair() -> None:
    rows = summarise(RECORDS, "pair")
    assert [(r["pair"], r["engagements"]) for r in rows] == [
        (["AZE", "PAK"], 2), (["AZE", "TUR"], 2), (["PAK", "TUR"], 2),
    ]  # fmt: skip
    aze_pak = rows[0]
    assert aze_pak["areas"] == {"military": 1, "military-technical": 1, "trade": 1}
    assert aze_pak["kinds"] == {"exercise": 1, "meeting": 1}
    assert (aze_pak["first"], aze_pak["last"]) == ("2021-09", "2021-12-01")
    assert rows[2]["first"] == "2021-09" and rows[2]["last"] == "2022"


def test_by_area_country_and_kind() -> None:
    by_area = {r["area"]: r for r in summarise(RECORDS, "area")}
    assert by_area["military"]["engagements"] == 2
    assert by_area["military"]["pairs"] == 3  # the trilateral gives three pairs
    assert by_area["military"]["busiest_pair"] == ["AZE", "TUR"]  # two military engagements
    assert by_area["military-technical"]["pairs"] == 2
    by_country = {r["country"]: r for r in summarise(RECORDS, "country")}
    assert by_country["AZE"]["engagements"] == 3
    assert by_country["AZE"]["partners"] == {"PAK": 2, "TUR": 2}
    assert by_country["PAK"]["areas"] == {"military": 1, "military-technical": 2, "trade": 1}
    assert next(iter(by_country["PAK"]["areas"])) == "military-technical"  # most frequent first
    assert [(r["kind"], r["engagements"]) for r in summarise(RECORDS, "kind")] == [
        ("meeting", 2), ("agreement", 1), ("exercise", 1),
    ]  # fmt: skip


def test_timelines_have_no_holes() -> None:
    years = summarise(RECORDS, "year")
    assert [(r["period"], r["engagements"]) for r in years] == [("2021", 2), ("2022", 1), ("2023", 1)]
    months = summarise(RECORDS, "month")
    assert months[0]["period"] == "2021-09" and months[-1]["period"] == "2023-03"
    assert len(months) == 19
    assert {r["period"]: r["engagements"] for r in months}["2022-01"] == 1  # "2022" counts as its first day
    wider = summarise(RECORDS, "year", span=("2019-01-01", "2024-12-31"))
    assert [r["period"] for r in wider] == ["2019", "2020", "2021", "2022", "2023", "2024"]


def test_positional_countries_narrow_the_pairs() -> None:
    rows = summarise([r for r in RECORDS if "AZE" in r.countries], "pair", frozenset({"AZE"}))
    assert [r["pair"] for r in rows] == [["AZE", "PAK"], ["AZE", "TUR"]]
    grid = matrix(RECORDS, frozenset({"TUR"}))
    assert grid[0] == {"pair": ["AZE", "TUR"], "areas": {"military": 2, "energy": 1}, "engagements": 2}


def render(table: object, width: int = 200) -> str:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(table)
    return out.getvalue()


def test_the_renderer_shows_names_counts_and_the_caption() -> None:
    shown = render(summary_table(summarise(RECORDS, "pair"), "pair"))
    assert "Azerbaijan – Pakistan" in shown and "military-technical ×1" in shown
    assert "counts toward each of its pairs" in shown
    bars = render(summary_table(summarise(RECORDS, "year"), "year"))
    assert "█" * 30 in bars and "█" * 16 not in bars.split("2022")[1].split("\n")[0]
    grid = render(matrix_table(matrix(RECORDS), matrix_totals(RECORDS)))
    assert "Total" in grid and "military" in grid
    assert "no engagements match" in render(summary_table([], "pair"))
    narrow = render(summary_table(summarise(RECORDS, "pair"), "pair"), width=60)
    assert max(len(line) for line in narrow.splitlines()) <= 60


@pytest.fixture
def loaded(run: Run) -> Callable[..., object]:
    result = run("import", "-", "--format", "json", input=json.dumps(DATA))
    assert result.exit_code == 0, result.stderr

    def rows(*args: str) -> object:
        out = run(*args, "--json")
        assert out.exit_code == 0, out.stderr
        return json.loads(out.stdout)

    return rows


def test_summary_and_matrix_commands(loaded: Callable[..., object], run: Run) -> None:
    assert loaded("summary") == summarise(RECORDS, "pair")
    assert loaded("summary", "--by", "area", "--kind", "meeting") == summarise(
        [r for r in RECORDS if r.kind == "meeting"], "area"
    )
    assert loaded("matrix", "TR") == matrix(RECORDS, frozenset({"TUR"}))
    csv_rows = run("summary", "--format", "csv").stdout.splitlines()
    assert csv_rows[0] == "pair,engagements,areas,kinds,first,last"
    assert csv_rows[1].startswith("AZE; PAK,2,military=1; military-technical=1; trade=1,")
    assert run("summary", "--by", "galaxy").exit_code == 2


def test_empty_database_gives_empty_rows(run: Run) -> None:
    assert run("summary", "--json").stdout == "[]\n"
    assert run("matrix", "--json").stdout == "[]\n"
    assert "no engagements match" in run("summary").stdout
