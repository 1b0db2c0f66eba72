"""What a person sees: every table and panel on real pseudo-terminals of 60, 80 and 120 columns by 24 rows.

Each screen is checked for what a reader would notice: no line wider than the terminal, no header or
number cut to `…` or left empty, text shortened only with a `…`, URLs whole.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from relations_cli.areas import VOCABULARY
from relations_cli.cli import app

from .conftest import SAMPLE, Run, at_a_terminal

WIDTHS = (60, 80, 120)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r")
LONG_URL = "https://www.example.org/news/2024/03/05/" + "bilateral-cooperation-" * 7 + "ministers-met.html"
AREAS = [area.name for area in VOCABULARY]  # all sixteen, in the vocabulary's order
COUNTRIES = ["BIH", "VCT", "CAF", "GBR", "USA", "PNG", "AZE", "TUR"]


def long_records() -> list[dict[str, Any]]:
    """Long names, long summaries, every area and a custom one, a long URL: what squeezes a table."""
    records: list[dict[str, Any]] = []
    for i in range(30):
        a, b = COUNTRIES[i % 8], COUNTRIES[(i * 3 + 1) % 8]
        if a == b:
            b = "FRA"
        records.append(
            {
                "date": f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "countries": sorted([a, b]),
                "kind": ["meeting", "call", "agreement", "exercise"][i % 4],
                "areas": AREAS[i % 16 : i % 16 + 1 + i % 7] + (["food-security"] if i % 5 == 0 else []),
                "location": {"country": a, "place": "Saint John's Conference Centre"},
                "participants": [
                    {"name": f"Minister Number {i}", "role": "Minister of Foreign Affairs and Trade", "country": a}
                ],
                "summary": f"Record {i}: " + "the two delegations discussed a long list of shared concerns " * 4,
                "source": {
                    "outlet": "The Long-Named Daily Chronicle",
                    "author": None,
                    "url": f"{LONG_URL}?r={i}",
                    "published": None,
                },
            }
        )
    return records


@pytest.fixture
def long_db(run: Run, db: Path) -> Path:
    result = run("import", "-", "--format", "json", input=json.dumps(long_records()))
    assert result.exit_code == 0, result.stderr
    return db


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    copy = tmp_path / "sample.json"
    shutil.copyfile(SAMPLE, copy)
    return copy


def screen(db: Path, width: int, *args: str, env: dict[str, str] | None = None) -> list[str]:
    shown = at_a_terminal(["--db", str(db), *args], env or {}, size=(width, 24))
    return ANSI.sub("", shown).split("\n")


def assert_readable(lines: list[str], width: int, whole: tuple[str, ...] = ()) -> None:
    """No line too wide (but a URL printed whole), no header or number cut, no empty header."""
    for line in lines:
        if not any(url in line for url in whole):
            assert cell_len(line) <= width, f"wider than {width}: {line!r}"
        assert not re.search(r"\d…|…\d|(^|\s)…(\s|$)", line), f"a number, date or cell cut: {line!r}"
    rules = [i for i, line in enumerate(lines) if re.match(r"\s*[─━]{3}", line)]
    for i in rules[:1]:
        header = lines[i - 1]
        assert "…" not in header, f"a header cut: {header!r}"
        cells = re.split(r"\s*[┃│]\s*|\s{2,}", header.strip())
        assert all(cells), f"an empty header: {header!r}"


COMMANDS = [
    ("list",),
    ("list", "--wide"),
    ("summary",),
    ("summary", "--by", "area"),
    ("summary", "--by", "country"),
    ("summary", "--by", "kind"),
    ("summary", "--by", "year"),
    ("summary", "--by", "month", "--since", "2021"),
    ("matrix",),
    ("areas",),
    ("countries", "Bosnia", "Saint Vincent", "UK"),
]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_table_is_readable_at_common_widths(
    sample_db: Path, long_db: Path, width: int, args: tuple[str, ...]
) -> None:
    for db in (sample_db, long_db):
        lines = screen(db, width, *args)
        assert any(line.strip() for line in lines), f"{args} drew nothing"
        assert_readable(lines, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_list_cuts_summaries_only_with_an_ellipsis(long_db: Path, width: int) -> None:
    lines = screen(long_db, width, "list")
    body = lines[next(i for i, line in enumerate(lines) if line.startswith("──")) + 1 :]
    assert sorted(int(line.split()[0]) for line in body[:30]) == list(range(1, 31)), "one line per engagement"
    for i, record in enumerate(long_records(), start=1):
        row = next(line for line in lines if re.match(rf"\s*{i}\s", line))
        summary = str(record["summary"]).strip()
        shown = row[row.index("Record") :].rstrip() if "Record" in row else ""
        assert shown, f"the summary of {i} is missing at {width}: {row!r}"
        assert summary.startswith(shown) or (shown.endswith("…") and summary.startswith(shown[:-1]))
    assert any("relations show ID" in line for line in lines), "the reader is told where the whole text is"


@pytest.mark.parametrize("width", WIDTHS)
def test_matrix_shows_every_count_or_says_which_areas_it_left_out(long_db: Path, width: int) -> None:
    lines = screen(long_db, width, "matrix")
    text = "\n".join(lines)
    header = lines[next(i for i, line in enumerate(lines) if line.startswith("──")) - 1].split()
    shown = len(header) - 2  # Pair, the areas, engagements
    assert shown >= 5, f"only {shown} area columns at {width}"
    if shown < 17:
        assert "Not shown at this width:" in text
    totals = next(line for line in lines if line.startswith("Total")).split()
    assert totals[-1] == "30", "the total counts each engagement once"


def test_matrix_total_counts_a_trilateral_once(sample_db: Path) -> None:
    lines = screen(sample_db, 120, "matrix", "AZ")
    total = next(line for line in lines if line.startswith("Total")).split()[-1]
    ids = at_a_terminal(["--db", str(sample_db), "list", "AZ", "--format", "ids"], {}).split()
    assert int(total) == len(ids) == 11


@pytest.mark.parametrize("width", WIDTHS)
def test_show_keeps_the_url_whole(long_db: Path, width: int) -> None:
    shown = at_a_terminal(["--db", str(long_db), "show", "3"], {}, size=(width, 24))
    assert f"{LONG_URL}?r=2" in ANSI.sub("", shown)
    assert_readable(screen(long_db, width, "show", "3"), width, whole=(LONG_URL,))


def data(db: Path, *args: str) -> object:
    result = CliRunner().invoke(app, ["--db", str(db), *args, "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_pairs_read_in_name_order_on_screen_and_in_code_order_in_data(sample_db: Path) -> None:
    lines = screen(sample_db, 120, "summary")
    assert any(line.startswith("France – Germany") for line in lines)
    assert ["DEU", "FRA"] in [row["pair"] for row in data(sample_db, "summary")]  # type: ignore[attr-defined]


def test_summary_limit_counts_rows_not_records(sample_db: Path) -> None:
    every: Any = data(sample_db, "summary")
    top: Any = data(sample_db, "summary", "--limit", "3")
    assert top == every[:3] and top[0]["engagements"] == 6
    grid: Any = data(sample_db, "matrix", "--limit", "2")
    assert [row["pair"] for row in grid] == [row["pair"] for row in every[:2]]
    years: Any = data(sample_db, "summary", "--by", "year", "--limit", "2")
    assert [row["period"] for row in years] == ["2024", "2025"]


def test_a_tall_table_goes_through_the_pager_and_a_short_one_does_not(sample_db: Path) -> None:
    pager = {"RELATIONS_PAGER": "sed s/^/PAGED:/"}
    tall = screen(sample_db, 80, "list", env=pager)
    assert len(tall) > 24 and tall[0].startswith("PAGED:")
    short = screen(sample_db, 80, "summary", "--by", "kind", env=pager)
    assert not any(line.startswith("PAGED:") for line in short)
    assert not any("PAGED:" in line for line in screen(sample_db, 80, "--no-pager", "list", env=pager))
    assert not any("PAGED:" in line for line in screen(sample_db, 80, "list", "--no-pager", env=pager))
    off = screen(sample_db, 80, "list", env={"RELATIONS_PAGER": "", "PAGER": "sed s/^/PAGED:/"})
    assert not any("PAGED:" in line for line in off)


def test_a_pairs_brief_taller_than_the_terminal_goes_through_the_pager_from_its_headline(sample_db: Path) -> None:
    # Printed straight out, its headline and timeline scrolled off a 24-row screen before anyone saw them.
    paged = screen(sample_db, 80, "brief", "AZ", "PK", env={"RELATIONS_PAGER": "sed s/^/PAGED:/"})
    assert len(paged) > 24
    assert paged[0] == "PAGED:Azerbaijan – Pakistan: the relationship"
    assert all(line.startswith("PAGED:") for line in paged if line.strip())
    direct = screen(sample_db, 80, "brief", "AZ", "PK", "--no-pager", env={"RELATIONS_PAGER": "sed s/^/PAGED:/"})
    assert direct[0] == "Azerbaijan – Pakistan: the relationship"


def test_bidi_controls_are_shown_escaped_on_a_terminal_and_stored_exactly(run: Run, db: Path) -> None:
    added = run("add", "AZ", "PK", "--date", "2024-01-01", "--summary", "abc\u202edcba")
    assert added.exit_code == 0, added.stderr
    for args in (["show", "1"], ["list"], ["list", "--format", "csv"], ["list", "--format", "jsonl"]):
        shown = at_a_terminal(["--db", str(db), *args], {})
        assert "\u202e" not in shown and "\\u202e" in shown, args
    assert json.loads(at_a_terminal(["--db", str(db), "show", "1", "--json"], {}))["summary"] == "abc\u202edcba"
    assert json.loads(run("show", "1", "--json").stdout)["summary"] == "abc\u202edcba"


def test_matrix_totals_follow_the_rows_a_limit_leaves(sample_db: Path) -> None:
    lines = screen(sample_db, 120, "matrix", "AZ", "--limit", "2")
    total = next(line for line in lines if line.startswith("Total")).split()[-1]
    assert total == "8", "Azerbaijan–Türkiye (6) and Azerbaijan–Pakistan (4) share two trilaterals"


def test_ties_are_in_the_order_of_the_names_shown(sample_db: Path) -> None:
    pairs = [line.split("  ")[0] for line in screen(sample_db, 120, "summary") if " – " in line]
    ones = pairs[pairs.index("Azerbaijan – Belarus") :]
    assert ones == sorted(ones, key=str.casefold)
    assert pairs.index("Ethiopia – Kenya") < pairs.index("France – Germany")


def test_show_marks_empty_fields(sample_db: Path) -> None:
    lines = screen(sample_db, 80, "show", "24")
    assert any(re.match(r"│ Tags\s+—", line) for line in lines)
