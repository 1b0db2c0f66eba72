"""The terminal brief at 60, 80 and 120 columns: nothing wider than the terminal, no header or count
reduced to `…`, no text cut silently, source links whole."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from relations_cli.areas import NAMES
from relations_cli.render_brief import TOP_PEOPLE

from .conftest import SAMPLE, Run

WIDTHS = (60, 80, 120)
LINK = re.compile(r"^\[\d+\] (https?://\S+)$")
LONG_AREA = "cooperation-on-the-peaceful-uses-of-nuclear-energy-and-radiation-safety"


def long_records() -> list[dict[str, object]]:
    """Sixteen areas and a long custom one, long names and texts, thirty years, a long link."""
    areas = sorted(NAMES)
    assert len(areas) == 16
    records: list[dict[str, object]] = []
    for i in range(30):
        records.append({
            "date": f"{1995 + i}-0{1 + i % 9}-1{i % 9}",
            "countries": ["AZE", "PAK"] + (["TUR"] if i % 4 == 0 else []),
            "kind": ("meeting", "call", "agreement", "exercise", "statement", "other")[i % 6],
            "areas": sorted({areas[i % 16], areas[(i * 7) % 16], *([LONG_AREA] if i % 5 == 0 else [])}),
            "location": {"country": "PAK", "place": "Islamabad Convention Centre, Constitution Avenue " * (1 + i % 2)},
            "participants": [
                {"name": "Muhammad Shehbaz Sharif Khan-Longname", "role": "Prime Minister of the Islamic Republic",
                 "country": "PAK"},
                {"name": f"Ilham Heydar oglu Aliyev the {i % 3}th", "role": "President", "country": "AZE"},
            ],
            "mentioned": ["ARM", "IRN", "RUS", "CHN", "USA", "GBR", "FRA", "DEU", "IND"][: 1 + i % 9],
            "summary": f"Engagement {i}: supercalifragilisticexpialidocious-length-word discussions on "
                       "intergovernmental commissions, transport corridors, energy, defence-industrial work.",
            "source": {"outlet": "The Very Long Name of a News Agency International",
                       "url": f"https://news.example/{i}/" + "a-very-long-slug-" * 8 + "?utm_source=rss&x=1"},
        })  # fmt: skip
    return records


@pytest.fixture
def long_db(run: Run, tmp_path: Path) -> Run:
    source = tmp_path / "long.json"
    source.write_text(json.dumps(long_records()))
    assert run("import", str(source)).exit_code == 0
    return run


def draw(run: Run, width: int, *args: str) -> str:
    result = run("brief", *args, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def shown_whole(word: str, lines: list[str]) -> bool:
    """The word is on a line, or folded: its pieces stacked at the same column on consecutive lines."""
    for i, line in enumerate(lines):
        start = line.find(word[:4])
        while start != -1:
            got, j = "", i
            while j < len(lines) and len(got) < len(word):
                piece = re.match(r"\S*", lines[j][start:])
                if piece is None or not piece.group():
                    break
                got, j = got + piece.group(), j + 1
            if got == word or (got.startswith(word) and not got[len(word)].isalnum()):
                return True
            start = line.find(word[:4], start + 1)
    return False


def check_screen(out: str, width: int, data: dict[str, object]) -> None:
    lines = out.splitlines()
    for line in lines:
        assert LINK.match(line) or len(line) <= width, f"{len(line)} > {width}: {line!r}"
    assert "…" not in out  # nothing shortened by Rich (the brief shortens lists itself, with +N)
    words = set(out.split())
    headline = data["headline"]
    assert isinstance(headline, dict)
    assert f"{headline['engagements']} engagement" in out
    for period in data["timeline"]["periods"]:  # type: ignore[index]
        assert re.search(rf"^{period['period']} +{period['engagements']} ", out + " ", re.M), period
    for item in data["latest"]:  # type: ignore[attr-defined]
        for word in item["summary"].split():
            assert word in words or shown_whole(word, lines), word
        assert item["date"] in words
        assert any(LINK.match(line) and line.endswith(" " + item["url"]) for line in lines), item["url"]
    for row in data["areas"]:  # type: ignore[attr-defined]
        assert shown_whole(row["area"], lines), row["area"]
    for header in ("Date", "What", "Source"):
        assert header in words


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("countries", [("AZ", "PK"), ("AZ",), ("PK", "TR")])
def test_sample_brief_fits(run: Run, width: int, countries: tuple[str, ...]) -> None:
    def on_sample(*args: str, env: dict[str, str] | None = None) -> object:
        return run("--db", str(SAMPLE), *args, env=env)

    out = draw(on_sample, width, *countries)  # type: ignore[arg-type]
    data = json.loads(run("--db", str(SAMPLE), "brief", *countries, "--json").stdout)
    check_screen(out, width, data)
    if len(countries) == 2:
        for header in ("Person", "Times", "Met", "All", "Trend"):
            assert header in out.split(), header
        for person in data["people"][:TOP_PEOPLE]:
            assert all(word in out.split() for word in person["name"].split()), person["name"]
        if len(data["people"]) > TOP_PEOPLE:
            assert f"+{len(data['people']) - TOP_PEOPLE} more" in out


@pytest.mark.parametrize("width", WIDTHS)
def test_long_texts_and_sixteen_areas_fit(long_db: Run, width: int) -> None:
    out = draw(long_db, width, "AZ", "PK")
    data = json.loads(long_db("brief", "AZ", "PK", "--json").stdout)
    check_screen(out, width, data)
    assert len(data["areas"]) == 17
    # Thirty years do not fit 60 columns as columns with headers: the strip says what it left out.
    if width == 60:
        assert "not shown" in out or "1995 to 2024" in out
    assert "+" in out  # lists that were cut say how many more there are


def test_at_80_columns_on_a_real_pseudo_terminal() -> None:
    from .conftest import at_a_terminal

    screen = at_a_terminal(["--db", str(SAMPLE), "brief", "AZ", "PK"], {"COLUMNS": "80"})
    text = re.sub(r"\x1b\[[0-9;]*m", "", screen).replace("\r\n", "\n")
    assert "Azerbaijan – Pakistan: the relationship" in text
    for line in text.splitlines():
        assert LINK.match(line) or len(line) <= 80, line
    assert "\x1b[" in screen  # colour on a terminal
