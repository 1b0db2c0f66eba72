"""ingest on the shapes real articles take (issue 13): leaders named without their country, people only
mentioned, page stamps, year-less dates, signings told after the talks. Texts written for these tests."""

from __future__ import annotations

import json

from .conftest import Run
from .conftest import ingest_draft as _draft

CALL = (
    "Leaders discuss relief cooperation\n\n"
    "President Rodrigo Duterte on Sunday received a phone call from US President Donald Trump. "
    "The two leaders discussed cooperation against the pandemic.\n"
)


def test_a_leader_named_without_the_country_makes_it_a_party_in_the_years_of_the_office(run: Run) -> None:
    draft = _draft(run, CALL, "--published", "2020-04-20")
    assert draft["countries"] == ["PHL", "USA"]
    assert {p["name"]: p["country"] for p in draft["participants"]}["Rodrigo Duterte"] == "PHL"
    assert draft["date"] == "2020-04-19"
    # before his term the name stands for no country: one party is not enough
    assert run("ingest", "-", "--json", "--published", "2010-04-20", input=CALL).exit_code == 2


def test_a_leader_only_sending_a_message_is_mentioned_not_a_participant(run: Run) -> None:
    text = (
        "Kenyan President Uhuru Kenyatta on Wednesday received Ethiopian envoy Hailemariam Desalegn in Nairobi. "
        "Hailemariam delivered a message from Ethiopian Prime Minister Abiy Ahmed on regional security.\n"
    )
    names = {p["name"] for p in _draft(run, text, "--published", "2021-01-28")["participants"]}
    assert "Abiy Ahmed" not in names and "Uhuru Kenyatta" in names


def test_a_page_stamp_with_a_glued_time_is_the_publication_date(run: Run) -> None:
    text = (
        "Latest News\n\n18:1620.04.2019\n\n"
        "Azerbaijani Energy Minister Parviz Shahbazov met Turkish Energy Minister Fatih Donmez in Istanbul. "
        "The ministers discussed gas supplies.\n"
    )
    draft = _draft(run, text)
    assert (draft["date"], draft["source"]["published"]) == ("2019-04-20", "2019-04-20")


def test_a_year_less_date_takes_the_year_the_text_names_not_todays(run: Run) -> None:
    text = (
        "The air forces of Azerbaijan and Turkey have begun a joint military exercise in Azerbaijan. "
        "The Azerbaijani Defence Ministry said the TurAz Eagle-2017 drill got under way on September 18.\n"
    )
    result = run("ingest", "-", "--json", "--explain", input=text)
    draft = json.loads(result.stdout)
    assert draft["date"] == "2017-09-18"
    assert "latest the article names" in draft["evidence"]["date"]


def test_a_signing_after_the_talks_makes_an_agreement_wherever_it_is_told(run: Run) -> None:
    text = (
        "Chinese President Xi Jinping held talks with Kazakh President Kassym-Jomart Tokayev in Beijing on Monday. "
        "The two presidents discussed trade and energy. They agreed to deepen ties. Tokayev praised the talks. "
        "Xi said the two countries were good neighbours. "
        "After the talks, the two presidents attended the signing ceremony of a number of cooperation documents.\n"
    )
    assert _draft(run, text, "--published", "2023-05-15")["kind"] == "agreement"


def test_a_participant_known_by_one_name_takes_the_full_name_the_text_gives(run: Run) -> None:
    text = (
        "Brazilian President Dilma Rousseff met Argentine President Cristina Fernandez in Buenos Aires on Monday. "
        "Presidents Rousseff and Fernandez held their first bilateral summit. President Rousseff spoke on trade.\n"
    )
    names = {p["name"] for p in _draft(run, text, "--published", "2011-01-31")["participants"]}
    assert "Dilma Rousseff" in names and "Rousseff" not in names
