"""ingest's general rules for real articles (issue 13, third pass): places from the event's sentence and a
gazetteer of towns, datelines in capitals with a colon, "here". Texts written for these tests."""

from __future__ import annotations

import json
from typing import Any

from .conftest import Run


def _draft(run: Run, text: str, *args: str) -> dict[str, Any]:
    result = run("ingest", "-", "--json", *args, input=text)
    assert result.exit_code == 0, result.stderr
    draft: dict[str, Any] = json.loads(result.stdout)
    return draft


def test_a_town_that_is_not_a_capital_places_the_engagement_in_its_partys_country(run: Run) -> None:
    text = (
        "The navies of India and Sri Lanka began a joint naval exercise off Galle on Monday. "
        "Indian Navy ships and Sri Lankan Navy vessels take part in the drill.\n"
    )
    draft = _draft(run, text, "--published", "2023-03-07")
    assert draft["location"] == {"country": "LKA", "place": "Galle"}


def test_a_capitals_dateline_with_a_colon_and_here_place_the_meeting(run: Run) -> None:
    text = (
        "KANDY: Sri Lanka and Maldives agreed to expand fisheries trade at talks held here on Tuesday. "
        "Sri Lankan Foreign Minister Ali Sabry met Maldivian Foreign Minister Moosa Zameer at the hotel here.\n"
    )
    draft = _draft(run, text, "--published", "2023-03-08")
    assert draft["location"]["country"] == "LKA"


def test_a_visits_destination_outranks_a_country_named_as_subject_matter(run: Run) -> None:
    text = (
        "Spain and Portugal signed an energy accord during a visit of Prime Minister Luis Montenegro to Madrid "
        "on Friday. The ministers discussed power lines built by companies in Portugal.\n"
    )
    assert _draft(run, text, "--published", "2024-05-10")["location"]["country"] == "ESP"


def test_a_city_outranks_a_country_named_as_where_the_subject_matter_lies(run: Run) -> None:
    text = (
        "The Kenyan education minister signed a memorandum with his Indian counterpart to open campuses of Indian "
        "universities in Kenya. The signing took place at a forum that opened in Mumbai on Monday.\n"
    )
    assert _draft(run, text, "--published", "2024-02-14")["location"]["country"] == "IND"
