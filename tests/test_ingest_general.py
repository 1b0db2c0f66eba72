"""ingest's general rules for real articles (issue 13, third pass): places from the event's sentence and a
gazetteer of towns, datelines in capitals with a colon, "here". Texts written for these tests."""

from __future__ import annotations

import pytest

from .conftest import Run
from .conftest import ingest_draft as _draft


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


# Which date is the engagement's: (text, what a user gives beside it, the date).
DATES = {
    "an arrival the night before loses to the meeting the next day": (
        "Ghana and Togo agreed to expand trade and security cooperation during a two-day visit. "
        "Foreign Minister Shirley Botchwey arrived in Lome late Monday night for her visit to Togo. "
        "She met Togolese Foreign Minister Robert Dussey on Tuesday morning.\n",
        ("--published", "2022-03-09"), "2022-03-08",
    ),
    "a photo caption's date and a date after the report are not the engagement's": (
        "Chile and Peru hold naval drills\n"
        "Chilean sailors at a ceremony in Valparaiso on May 2, 2023. [Photo/Archive]\n"
        "The navies of Chile and Peru began a joint naval exercise on Monday, the Chilean navy said. "
        "The exercise runs until May 30.\n",
        ("--published", "2023-05-17"), "2023-05-15",
    ),
    "the day a ministry told it is not the day of the visit": (
        "Laos and Cambodia signed agreements on trade and energy, the ministry said Friday. "
        "Lao President Thongloun Sisoulith was in Phnom Penh from Nov. 6-8 at the invitation of the King.\n",
        ("--published", "2023-11-10"), "2023-11-06",
    ),
    "the month in the URL dates a year-less date when no day is given": (
        "SEOUL, Nov. 1 (Yonhap) -- Mongolia and Laos agreed on annual talks between their foreign ministers. "
        "Laos's President was in Ulaanbaatar from Oct. 28-31, the first visit since 2011.\n",
        ("--url", "https://example.org/2013/11/laos-mongolia.html"), "2013-10-28",
    ),
    "this week gives only the month": (
        "Soldiers of Fiji and Tonga began a joint military exercise this week near Suva.\n",
        ("--published", "2025-10-21"), "2025-10",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(DATES))
def test_the_engagements_date_is_the_one_its_sentence_tells(run: Run, case: str) -> None:
    text, given, date = DATES[case]
    assert _draft(run, text, *given)["date"] == date


CALLED = "Kenyan President William Ruto {} Ugandan President Yoweri Museveni on Monday about trade.\n"

# (text, publication date, the kind the gold rules give): the cues for a call, a drill and a signing.
KINDS = {
    "a video-conference": (CALLED.format("held a video-conference with"), "2024-03-05", "call"),
    "a phoned leader": (CALLED.format("phoned"), "2024-03-05", "call"),
    "an online meeting": (CALLED.format("held an online meeting with"), "2024-03-05", "call"),
    "a drill named with its year, a training exercise": (
        "Mongolian and Kazakh troops took part as the Steppe Eagle 2024 exercise kicked off near Ulaanbaatar on "
        "Monday. It is a multinational peacekeeping training exercise.\n",
        "2024-07-30",
        "exercise",
    ),
    "agreements signed before, reviewed now": (
        "Angolan Foreign Minister Tete Antonio received the Namibian ambassador in Luanda on Thursday to review "
        "the trade agreements signed between both countries.\n",
        "2023-02-24",
        "meeting",
    ),
    "attending the signing of documents after the talks": (
        "Chinese President Xi Jinping held talks with Gabonese President Ali Bongo in Beijing on Monday. "
        "They discussed ties. Xi praised Gabon. Bongo thanked China. "
        "After the talks, the two presidents attended the signing of a number of cooperation documents.\n",
        "2023-04-20",
        "agreement",
    ),
    "a signing told later with the sides as subject": (
        "Uzbek Foreign Minister Bakhtiyor Saidov held talks with his Turkmen counterpart in Ashgabat on Monday. "
        "They discussed water. They praised ties. They spoke of trade. The two sides signed a protocol on visas.\n",
        "2024-05-14",
        "agreement",
    ),
}


@pytest.mark.parametrize("case", sorted(KINDS))
def test_the_kind_follows_its_cue(run: Run, case: str) -> None:
    text, published, kind = KINDS[case]
    assert _draft(run, text, "--published", published)["kind"] == kind


def test_every_country_listed_as_taking_part_in_a_multinational_drill_is_a_party(run: Run) -> None:
    text = (
        "A multinational naval exercise began off Mombasa on Monday, hosted by the Kenyan Navy. "
        "Sailors from 12 countries, including Kenya, India, France, Egypt and Brazil, are taking part.\n"
    )
    draft = _draft(run, text, "--published", "2024-03-05")
    assert draft["countries"] == ["BRA", "EGY", "FRA", "IND", "KEN"]


def test_a_country_named_after_its_office_acts_and_countries_others_are_urged_to_talk_to_do_not(run: Run) -> None:
    text = (
        "The Minister of Foreign Affairs of the Republic of Senegal met the President of Gambia in Banjul on "
        "Tuesday. The minister called for dialogue between Mali, Niger and Burkina Faso.\n"
    )
    draft = _draft(run, text, "--published", "2024-03-06")
    assert draft["countries"] == ["GMB", "SEN"]
    assert {"MLI", "NER", "BFA"} <= set(draft["mentioned"])


def test_a_government_sites_own_officials_make_its_country_a_party(run: Run) -> None:
    text = (
        "Minister Amery Browne held a teleconference on Friday with officials of the United States Government "
        "on vaccine donations.\n"
    )
    result = run("ingest", "-", "--json", "--published", "2021-06-04", input=text)
    assert result.exit_code == 2  # alone, the text names one country
    draft = _draft(run, text, "--published", "2021-06-04", "--url", "https://foreign.gov.tt/news/teleconference/")
    assert draft["countries"] == ["TTO", "USA"]
