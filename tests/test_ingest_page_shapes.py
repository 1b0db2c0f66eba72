"""ingest on shapes real pages have that the first fixtures lacked (issue 13, fifth pass): regions and currencies
written with a country's name, China's full name, links to other stories and language menus saved with the
text, and wire datelines whose parentheses hold the agencies and the date. Texts written for these tests."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .conftest import Run


def _draft(run: Run, text: str, *args: str) -> dict[str, Any]:
    result = run("ingest", "-", "--json", *args, input=text)
    assert result.exit_code == 0, result.stderr
    draft: dict[str, Any] = json.loads(result.stdout)
    return draft


@pytest.mark.parametrize(
    "words",
    ["Latin America and the Caribbean", "the Ibero-American summit", "South American markets", "US$40 million"],
)
def test_a_region_or_a_currency_named_after_america_names_no_country(run: Run, words: str) -> None:
    text = (
        "Foreign Minister Santiago Cafiero of Argentina met Brazilian Foreign Minister Carlos França in Brasilia "
        f"on Monday. They discussed trade and {words}.\n"
    )
    draft = _draft(run, text, "--published", "2022-03-08")
    assert draft["countries"] == ["ARG", "BRA"]
    assert "USA" not in draft["mentioned"]


def test_the_peoples_republic_of_china_is_china_not_taiwan(run: Run) -> None:
    text = (
        "The People's Republic of China and Cyprus signed a memorandum on higher education in Nicosia on "
        "Friday. The Chinese ambassador and the Cypriot education minister signed it.\n"
    )
    draft = _draft(run, text, "--published", "2022-05-14")
    assert draft["countries"] == ["CHN", "CYP"]
    assert "TWN" not in draft["mentioned"]


def test_links_to_other_stories_and_a_language_menu_are_not_the_report(run: Run) -> None:
    text = (
        "Kenya, Uganda sign pact on oil pipeline\n"
        "Kenya and Uganda signed an agreement on an oil pipeline in Nairobi on Tuesday.\n"
        "Related: Ethiopia, Sudan Agree to Reopen Border Crossing\n"
        "Read more: Nigerian President Meets French Envoy\n"
        "English French Arabic Spanish Russian\n"
    )
    draft = _draft(run, text, "--published", "2024-04-10")
    assert draft["countries"] == ["KEN", "UGA"]
    assert draft["mentioned"] == []


def test_a_dateline_with_the_agencies_and_the_date_in_parentheses_dates_the_report(run: Run) -> None:
    text = (
        "Turkish, Iranian defence chiefs meet\n"
        "ANKARA, (APP - Wire One / Pakistan Point News - 16th Sep, 2019 ) :Turkey's Defence Minister Hulusi Akar "
        "met his Iranian counterpart Amir Hatami on Monday. They discussed regional security.\n"
    )
    draft = _draft(run, text)
    assert draft["date"] == "2019-09-16"
    assert "PAK" not in draft["mentioned"]
