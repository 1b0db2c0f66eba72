"""Where ingest places an engagement, on short articles written for these tests: the draft's location."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .conftest import Run

HEADLINE = "Azerbaijan and Pakistan held talks\n\n"


def _draft(run: Run, text: str) -> dict[str, Any]:
    result = run("ingest", "-", "--published", "2024-03-05", "--json", input=text)
    assert result.exit_code == 0, result.stderr
    draft: dict[str, Any] = json.loads(result.stdout)
    assert draft["countries"] == sorted(draft["countries"]) and len(draft["countries"]) >= 2
    return draft


@pytest.mark.parametrize(
    ("text", "country", "place"),
    [
        # A call has no place, even when a city is named in its sentence.
        (HEADLINE + "The presidents of Azerbaijan and Pakistan held a phone call on March 4 and discussed trade "
         "in Baku.", None, None),
        # Talks in a capital: its country and the city.
        (HEADLINE + "Azerbaijani and Pakistani ministers held talks in Islamabad on March 4.", "PAK", "Islamabad"),
        (HEADLINE + "Azerbaijani and Pakistani ministers held talks on March 4 in Baku.", "AZE", "Baku"),
        # A country named as the venue is the location, and no city.
        (HEADLINE + "Azerbaijani and Pakistani ministers met in Azerbaijan on March 4.", "AZE", None),
        (HEADLINE + "Azerbaijani and Pakistani ministers met in Pakistan on March 4.", "PAK", None),
        # A site the text places in a party's country: the site, in that country.
        (HEADLINE + "Azerbaijani and Pakistani ministers met in the Kakheti region of Azerbaijan on March 4.",
         "AZE", "Kakheti"),
        # A city known to the country tables though not its capital.
        ("Philippines and Japan held talks\n\nPhilippine and Japanese ministers met in Cebu on March 4.",
         "PHL", "Cebu"),
        # A city with its country after it; a city in a sentence that gives no date.
        (HEADLINE + "Azerbaijani and Pakistani ministers held talks in Ganja, Azerbaijan, on March 4.", "AZE", "Ganja"),
        (HEADLINE + "Azerbaijani and Pakistani ministers met in Lahore, Pakistan on March 4.", "PAK", "Lahore"),
        (HEADLINE + "Azerbaijani and Pakistani ministers held talks. The talks were held in Baku.", "AZE", "Baku"),
        # A third country's city told as the venue: on the sidelines of a meeting there.
        (HEADLINE + "Azerbaijani and Pakistani ministers met on the sidelines of the summit in Astana on March 4.",
         "KAZ", "Astana"),
        (HEADLINE + "Azerbaijani and Pakistani ministers met on March 4. The talks took place in Astana.",
         "KAZ", "Astana"),
        # ... and otherwise a topic: the talks were in Baku.
        (HEADLINE + "Azerbaijani and Pakistani ministers met on March 4 to discuss the situation in Kabul. The "
         "talks were held in Baku.", "AZE", "Baku"),
        # A country discussed is not the venue.
        (HEADLINE + "Azerbaijani and Pakistani ministers held talks on March 4 in Baku. They discussed the security "
         "situation in Pakistan.", "AZE", "Baku"),
        # Where the meeting was, not where the next one will be.
        (HEADLINE + "Azerbaijani and Pakistani ministers held talks in Baku on March 4. They will meet in Islamabad "
         "next year.", "AZE", "Baku"),
        # a seat of government known by its own name
        ("The US Defense Secretary hosted his Kenyan counterpart for a meeting at the Pentagon on Monday.", "USA",
         "Pentagon"),
        ("The Russian and Kenyan presidents held talks at the Kremlin on Monday.", "RUS", "Kremlin"),
        # a city's name with a particle inside
        ("Brazilian and Kenyan ministers signed an agreement in Rio de Janeiro on Monday.", "BRA", "Rio de Janeiro"),
        # a town whose own name begins with "The" (the seats' "the Kremlin" takes "the" off only for them)
        ("THE WOODLANDS, March 4 (Reuters) - US and Kenyan energy ministers held talks here on Monday.", "USA",
         "The Woodlands"),
    ],
)  # fmt: skip
def test_the_venue_the_text_names(run: Run, text: str, country: str | None, place: str | None) -> None:
    draft = _draft(run, text + "\n")
    assert draft["location"] == {"country": country, "place": place}


@pytest.mark.parametrize(
    "body",
    [
        "Azerbaijani President Ilham Aliyev received the Pakistani Defence Minister on March 4.",
        "The Pakistani Defence Minister paid a visit to Azerbaijan on March 4 and held talks.",
        "The Pakistani Defence Minister arrived in Azerbaijan on a visit on March 4 and held talks.",
        "Azerbaijan hosted the Pakistani Defence Minister for talks on March 4.",
    ],
)
def test_the_host_of_a_visit_is_the_location(run: Run, body: str) -> None:
    draft = _draft(run, HEADLINE + body + "\n")
    assert draft["location"]["country"] == "AZE"


def test_a_visit_by_a_leader_to_a_capital_is_in_that_capitals_country(run: Run) -> None:
    text = ("Uzbekistan and Azerbaijan held talks\n\nUzbek and Azerbaijani ministers held talks on March 4 during a "
            "state visit by President Ilham Aliyev to Tashkent.\n")  # fmt: skip
    assert _draft(run, text)["location"]["country"] == "UZB"


@pytest.mark.parametrize(
    ("dateline", "host", "guest", "code"),
    [
        ("BAKU", "Azerbaijani President Ilham Aliyev", "the Pakistani Defence Minister", "AZE"),
        ("KARACHI, Pakistan", "Pakistani Prime Minister Shehbaz Sharif", "the Azerbaijani Defence Minister", "PAK"),
    ],
)
def test_a_leader_received_in_the_reports_city_is_there(
    run: Run, dateline: str, host: str, guest: str, code: str
) -> None:
    text = f"{dateline}, March 4 -- {host} received {guest}.\n"
    assert _draft(run, text)["location"] == {"country": code, "place": dateline.split(",")[0].title()}


def test_the_side_that_received_the_other_is_the_host(run: Run) -> None:
    body = "Pakistani Prime Minister Shehbaz Sharif received Azerbaijani Defence Minister Zakir Hasanov on March 4.\n"
    assert _draft(run, HEADLINE + body)["location"]["country"] == "PAK"


@pytest.mark.parametrize(
    ("body", "location"),
    [
        # The capital is the city, named or not.
        ("met in the Azerbaijani capital on March 4.", {"country": "AZE", "place": "Baku"}),
        ("met in the Pakistani capital on March 4.", {"country": "PAK", "place": "Islamabad"}),
        ("met in the Azerbaijani capital, Baku, on March 4.", {"country": "AZE", "place": "Baku"}),
    ],
)
def test_talks_in_a_named_countrys_capital(run: Run, body: str, location: dict[str, str]) -> None:
    text = HEADLINE + "Azerbaijani and Pakistani ministers " + body + "\n"
    assert _draft(run, text)["location"] == location


@pytest.mark.parametrize(
    ("body", "place"),
    [
        # A site the tables do not know keeps its name, whatever country the sentence names after it.
        ("Azerbaijani and Pakistani ministers met in Shahdag on March 4 and discussed Armenia.", "Shahdag"),
        ("Azerbaijani and Pakistani ministers met in Borjomi, Georgia, on March 4.", "Borjomi"),
    ],
)
def test_an_unknown_site_is_still_the_place(run: Run, body: str, place: str) -> None:
    assert _draft(run, HEADLINE + body + "\n")["location"]["place"] == place


def test_the_venue_told_early_beats_an_earlier_meeting_told_late(run: Run) -> None:
    body = ("Azerbaijani and Pakistani defence ministers met on March 4. The talks were held in Gulustan Palace with "
            "the defence officials. They praised the ties. They discussed the region. The sides last met in "
            "Islamabad.\n")  # fmt: skip
    location = _draft(run, HEADLINE + body)["location"]
    assert location["place"] == "Gulustan Palace"
    assert location["country"] != "PAK"


def test_no_venue_in_the_text_is_no_location(run: Run) -> None:
    # Neither the countries of the headline nor an embassy visited say where the talks were.
    text = HEADLINE + "Azerbaijani and Pakistani ministers held talks on March 4.\n"
    assert _draft(run, text)["location"] == {"country": None, "place": None}
    text = HEADLINE + ("The Azerbaijani minister visited the Pakistani embassy on March 4 and held talks with the "
                       "ambassador.\n")  # fmt: skip
    assert _draft(run, text)["location"]["country"] != "PAK"


def test_the_host_received_the_guest_wherever_the_host_had_come_from(run: Run) -> None:
    body = "The Pakistani Prime Minister, back from Ganja, received the Azerbaijani minister on March 4.\n"
    assert _draft(run, HEADLINE + body)["location"]["country"] == "PAK"


def test_a_visit_to_a_capital_is_there_whichever_country_is_named_first(run: Run) -> None:
    text = ("Azerbaijan and Uzbekistan held talks\n\nUzbek and Azerbaijani ministers held talks on March 4 during a "
            "state visit by President Ilham Aliyev to Tashkent.\n")  # fmt: skip
    assert _draft(run, text)["location"]["country"] == "UZB"


@pytest.mark.parametrize(("area", "code"), [("Metro Manila", "PHL"), ("Greater Tokyo", "JPN"), ("Metro Cebu", "PHL")])
def test_a_metropolitan_area_is_in_its_citys_country(run: Run, area: str, code: str) -> None:
    text = f"Philippines and Japan held talks\n\nPhilippine and Japanese ministers met in {area} on March 4.\n"
    assert _draft(run, text)["location"] == {"country": code, "place": area}


@pytest.mark.parametrize(
    "body",
    [
        # A country discussed, a meeting still to come and a stop on the way, each told before the venue.
        "Azerbaijani and Pakistani ministers met on March 4 and discussed the situation in Pakistan. The talks were "
        "held in Baku.",
        "Azerbaijani and Pakistani ministers said on March 4 that they will meet in Islamabad. They held talks in "
        "Baku.",
        "After a stop in Paris, the Pakistani minister held talks in Baku on March 4 with Azerbaijani officials.",
        # ... or in the same sentence.
        "Azerbaijani and Pakistani ministers discussed the situation in Pakistan at talks in Baku on March 4.",
        # A sentence of background first.
        "The two countries are close friends. Azerbaijani and Pakistani ministers held talks in Baku on March 4.",
    ],
)
def test_the_venue_is_found_past_places_told_before_it_that_are_not_the_venue(run: Run, body: str) -> None:
    assert _draft(run, HEADLINE + body + "\n")["location"] == {"country": "AZE", "place": "Baku"}


@pytest.mark.parametrize(
    ("text", "location", "rule"),
    [
        (HEADLINE + "Azerbaijani and Pakistani ministers held talks in Islamabad on March 4.",
         {"country": "PAK", "place": "Islamabad"}, "location.in-at"),
        (HEADLINE + "Azerbaijani and Pakistani navies held drills off Karachi on March 4.",
         {"country": "PAK", "place": "Karachi"}, "location.in-at"),
        # "Here" is the dateline's city.
        ("BAKU, March 4 -- Azerbaijani and Pakistani ministers met here on Monday.",
         {"country": "AZE", "place": "Baku"}, "location.in-at"),
        (HEADLINE + "Azerbaijani President Ilham Aliyev received the Pakistani Defence Minister on March 4.",
         {"country": "AZE", "place": None}, "location.host"),
        (HEADLINE + "Azerbaijani and Pakistani ministers held talks on March 4.", {"country": None, "place": None},
         "location.unknown"),
        (HEADLINE + "The presidents of Azerbaijan and Pakistan held a phone call on March 4.",
         {"country": None, "place": None}, "location.call"),
    ],
)  # fmt: skip
def test_explain_names_the_rule_that_placed_the_engagement(
    run: Run, text: str, location: dict[str, str | None], rule: str
) -> None:
    result = run("ingest", "-", "--published", "2024-03-05", "--explain", "--json", input=text + "\n")
    draft = json.loads(result.stdout)
    assert draft["location"] == location
    assert draft["evidence"]["rules"]["location"].startswith(rule + ": ")


@pytest.mark.parametrize(
    ("text", "location"),
    [
        # Near a capital is its country, not the city itself.
        (HEADLINE + "Azerbaijani and Pakistani troops held drills near Baku on March 4.",
         {"country": "AZE", "place": None}),
        # A leader's visit to a capital: the capital is the place too.
        ("Uzbekistan and Azerbaijan held talks\n\nUzbek and Azerbaijani ministers held talks on March 4 during a state "
         "visit by President Ilham Aliyev to Tashkent.", {"country": "UZB", "place": "Tashkent"}),
        # The first sentence counts whatever its verb; a later one only when it tells the engagement.
        ("Pakistan and Azerbaijan agreed in Baku on March 4 to expand defence ties.",
         {"country": "AZE", "place": "Baku"}),
        (HEADLINE + "The Pakistani minister grew up in Lahore. Azerbaijani and Pakistani ministers held talks on "
         "March 4.",
         {"country": None, "place": None}),
        # A country visited, told without "in" or "to".
        (HEADLINE + "The Pakistani Defence Minister visited Azerbaijan on March 4 and held talks.",
         {"country": "AZE", "place": None}),
        # A district named after a capital the town tables do not hold is in the capital's country.
        ("Malta and Italy held talks\n\nMaltese and Italian ministers met in Greater Valletta on March 4.",
         {"country": "MLT", "place": "Greater Valletta"}),
        # A town only the town tables know.
        (HEADLINE + "Azerbaijani and Pakistani ministers held talks in Sialkot on March 4.",
         {"country": "PAK", "place": "Sialkot"}),
        # A month after "in" is no place, nor is "here" without a dateline; a venue after them still counts.
        (HEADLINE + "Azerbaijani and Pakistani ministers held talks in March.", {"country": None, "place": None}),
        (HEADLINE + "Azerbaijani and Pakistani ministers held talks in March in Baku.",
         {"country": "AZE", "place": "Baku"}),
        (HEADLINE + "Azerbaijani and Pakistani ministers met here on March 4 and then held talks in Baku.",
         {"country": "AZE", "place": "Baku"}),
        # "Here" in a dateline's city the country tables or only the town tables know.
        ("VALLETTA, March 4 -- Maltese and Italian ministers met here on Monday.",
         {"country": "MLT", "place": "Valletta"}),
        ("SIALKOT, March 4 -- Azerbaijani and Pakistani ministers met here on Monday.",
         {"country": "PAK", "place": "Sialkot"}),
        ("MURREE, Pakistan, March 4 -- Azerbaijani and Pakistani ministers met here on Monday.",
         {"country": "PAK", "place": "Murree"}),
        # A site the tables do not know takes the country of a town told with it, or of the dateline's city.
        (HEADLINE + "Azerbaijani and Pakistani ministers met in Shahdag on March 4 near Gabala in the north.",
         {"country": "AZE", "place": "Shahdag"}),
        ("BAKU, March 4 -- Azerbaijani and Pakistani ministers met in Shahdag on Monday.",
         {"country": "AZE", "place": "Shahdag"}),
        # A meeting still to come in a capital that is no country's is no venue.
        (HEADLINE + "Azerbaijani and Pakistani ministers held talks on March 4. They will meet in the Caucasus capital "
         "next year.", {"country": None, "place": None}),
    ],
)  # fmt: skip
def test_the_venue_near_visited_or_in_a_later_sentence(run: Run, text: str, location: dict[str, str | None]) -> None:
    assert _draft(run, text + "\n")["location"] == location


@pytest.mark.parametrize(
    "body",
    [
        # Another place named in the venue's sentence: a meeting before, a stop on the way, a plan not kept.
        "Azerbaijani and Pakistani ministers met in Baku on March 4, a week after talks at Islamabad.",
        "The Pakistani minister, back from a stop in Lahore, held talks in Baku on March 4.",
        "Azerbaijani and Pakistani ministers held talks at Islamabad and in Baku on March 4.",
        "Azerbaijani and Pakistani ministers met on March 4 in Baku, not at Islamabad as planned.",
        "Azerbaijani and Pakistani ministers, who last met at Lahore, held talks in Baku on March 4.",
    ],
)
def test_the_venue_beats_another_place_in_its_sentence(run: Run, body: str) -> None:
    assert _draft(run, HEADLINE + body + "\n")["location"] == {"country": "AZE", "place": "Baku"}


def test_explain_quotes_the_sentence_that_names_the_capital(run: Run) -> None:
    sentence = "Azerbaijani and Pakistani ministers met in the Azerbaijani capital on March 4."
    result = run("ingest", "-", "--published", "2024-03-05", "--explain", "--json", input=HEADLINE + sentence + "\n")
    evidence = json.loads(result.stdout)["evidence"]
    assert evidence["rules"]["location"].startswith("location.capital-of: ")
    assert evidence["location"] == sentence


@pytest.mark.parametrize(
    ("text", "location", "rule", "quote"),
    [
        # A capital told as such in a later sentence, when no sentence about the talks names a place.
        (HEADLINE + "Azerbaijani and Pakistani ministers held talks on March 4. Security was tight in the Pakistani "
         "capital.", {"country": "PAK", "place": "Islamabad"}, "location.capital-of",
         "Security was tight in the Pakistani capital."),
        (HEADLINE + "Azerbaijani and Pakistani ministers held talks in Islamabad on March 4.",
         {"country": "PAK", "place": "Islamabad"}, "location.in-at",
         "Azerbaijani and Pakistani ministers held talks in Islamabad on March 4."),
        # The host's country, not the city the report was filed from.
        ("ISLAMABAD, March 4 -- Azerbaijani President Ilham Aliyev received the Pakistani Defence Minister.",
         {"country": "AZE", "place": None}, "location.host", None),
    ],
)  # fmt: skip
def test_explain_quotes_what_placed_the_engagement(
    run: Run, text: str, location: dict[str, str | None], rule: str, quote: str | None
) -> None:
    result = run("ingest", "-", "--published", "2024-03-05", "--explain", "--json", input=text + "\n")
    draft = json.loads(result.stdout)
    assert draft["location"] == location
    assert draft["evidence"]["rules"]["location"].startswith(rule + ": ")
    if quote is not None:
        assert draft["evidence"]["location"] == quote


@pytest.mark.parametrize(
    "earlier",
    [
        "They reviewed the outcomes of their meeting in Islamabad on 30 July 2012.",
        "The meeting followed up on the one they had in Islamabad on Feb. 16.",
        "Their deputies met in Islamabad last year.",
        "Their deputies met in Islamabad in 2019.",
    ],
)
def test_a_place_told_with_another_day_is_another_meetings(run: Run, earlier: str) -> None:
    text = (
        "Azerbaijan and Pakistan discuss trade\n\n"
        f"The foreign ministers of Azerbaijan and Pakistan held talks on March 4. {earlier}\n\n"
        "They agreed to expand trade, the ministry in Baku said.\n"
    )
    assert _draft(run, text)["location"]["place"] != "Islamabad"


def test_a_month_only_engagement_with_a_place_told_on_a_day_is_read(run: Run) -> None:
    # the engagement's date is a month; the day told after a place is compared with it, not parsed as a day
    text = (
        "In February 2024, the foreign ministers of Azerbaijan and Pakistan held talks in Baku on trade, and "
        "recalled their meeting in Islamabad on 30 July 2012.\n"
    )
    result = run("ingest", "-", "--json", input=text)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["location"] == {"country": "AZE", "place": "Baku"}


def test_a_drill_in_a_gulf_is_at_sea_and_not_in_the_datelines_country(run: Run) -> None:
    text = (
        "NEW DELHI, June 9 (PTI) -- The navies of India, France and the UAE conducted their first joint maritime "
        "exercise in the Gulf of Oman on Wednesday.\n"
    )
    draft = _draft(run, text)
    assert draft["kind"] == "exercise"
    assert draft["location"] == {"country": None, "place": None}


def test_talks_about_a_sea_are_not_held_at_sea(run: Run) -> None:
    text = (
        "The energy ministers of Azerbaijan and Kazakhstan held talks in Baku on March 4, on the framework in the "
        "Caspian Sea for future energy projects.\n"
    )
    assert _draft(run, text)["location"] == {"country": "AZE", "place": "Baku"}


def test_a_place_told_with_the_engagements_own_year_is_still_where(run: Run) -> None:
    text = "The foreign ministers of Azerbaijan and Pakistan signed an agreement in Baku in 2024, on March 4.\n"
    assert _draft(run, text)["location"] == {"country": "AZE", "place": "Baku"}
