"""What an imported GDELT or ICEWS engagement says: code names, counts, places and ids, worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .conftest import Run
from .test_events import EXCERPT, gdelt_row


def _gdelt(run: Run, tmp_path: Path, *rows: str) -> list[dict[str, Any]]:
    source = tmp_path / "events.CSV"
    source.write_text("\n".join(rows) + "\n")
    result = run("import", str(source), "--from", "gdelt")
    assert result.exit_code == 0, result.stderr
    records: list[dict[str, Any]] = json.loads(run("export").stdout)
    return records


def test_a_sub_code_without_a_name_of_its_own_is_named_by_its_parent(run: Run, tmp_path: Path) -> None:
    # CAMEO 0341 (intent to change leadership) has no entry of its own; 034 is its parent.
    [record] = _gdelt(run, tmp_path, gdelt_row("20240306", "ROM", "MDA", "0341"))
    assert record["summary"] == "Moldova and Romania: express intent to institute political reform (1 GDELT event)"
    assert (record["kind"], record["areas"], record["tags"]) == ("statement", ["political"], ["cameo:0341", "gdelt"])


HEADER = EXCERPT.read_text().splitlines()[0]


def _icews_row(date: str, source: str, target: str, code: str = "040", city: str = "Paris",
               country: str = "France", events: int = 1) -> str:  # fmt: skip
    row = ["1", date, "A", "Gov", source, "Consult", code, "1", "B", "Gov", target, "9", "1", "Pub",
           city, "NA", "NA", country, "0", "0"]  # fmt: skip
    return "\n".join(["\t".join(row)] * events)


def _icews(run: Run, tmp_path: Path, *rows: str) -> list[dict[str, Any]]:
    source = tmp_path / "events.tab"
    source.write_text("\n".join([HEADER, *rows]) + "\n")
    result = run("import", str(source), "--from", "icews")
    assert result.exit_code == 0, result.stderr
    records: list[dict[str, Any]] = json.loads(run("export").stdout)
    return records


def test_one_codes_events_in_two_countries_claim_no_place(run: Run, tmp_path: Path) -> None:
    [visit] = _gdelt(run, tmp_path, gdelt_row("20240305", "FRA", "DEU", "042", "Berlin, Berlin, Germany", "GM"),
                     gdelt_row("20240305", "DEU", "FRA", "042", "Paris, Paris, France", "FR"))  # fmt: skip
    assert visit["location"] == {"country": None, "place": None}
    assert visit["summary"] == "Germany and France: make a visit (2 GDELT events)"


def test_an_icews_place_in_a_country_not_recognised_is_no_place(run: Run, tmp_path: Path) -> None:
    [talks] = _icews(run, tmp_path, _icews_row("2018-06-01", "France", "Germany", country="Atlantis"))
    assert talks["location"] == {"country": None, "place": None}


def test_one_codes_events_in_two_cities_of_one_country_keep_the_country_not_a_city(run: Run, tmp_path: Path) -> None:
    [visit] = _gdelt(run, tmp_path, gdelt_row("20240305", "FRA", "DEU", "042", "Berlin, Berlin, Germany", "GM"),
                     gdelt_row("20240305", "FRA", "DEU", "042", "Munich, Bayern, Germany", "GM"))  # fmt: skip
    assert visit["location"] == {"country": "DEU", "place": None}
