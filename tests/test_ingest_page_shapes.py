"""ingest on shapes real pages and reports have that the first fixtures lacked (issue 13, fifth pass): regions and
currencies written with a country's name, China's full name, links to other stories and language menus saved
with the text, wire datelines whose parentheses hold the agencies and the date, a war's other side, calling a
leader, named drills, and offices written with their state's full name. Texts written for these tests."""

from __future__ import annotations

import pytest

from .conftest import Run
from .conftest import ingest_draft as _draft


def _areas_after_talks(run: Run, sentence: str) -> list[str]:
    """The areas of the draft for a report of Kenya-Uganda talks that goes on with `sentence`."""
    text = f"Kenya and Uganda held talks in Nairobi on Monday. {sentence}\n"
    areas: list[str] = _draft(run, text, "--published", "2024-04-10")["areas"]
    return areas


def _names(run: Run, text: str, published: str) -> set[str]:
    """The participants' names of the draft for `text`, published on that day."""
    return {p["name"] for p in _draft(run, text, "--published", published)["participants"]}


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


# (the article, its parties, a country it must not name): the country read right, and the page around it not read
NAMED_RIGHT = {
    "the People's Republic of China is China, not Taiwan": (
        "The People's Republic of China and Cyprus signed a memorandum on higher education in Nicosia on "
        "Friday. The Chinese ambassador and the Cypriot education minister signed it.\n",
        ["CHN", "CYP"],
        "TWN",
    ),
    "a many-word name before a hyphen is that country": (
        "Australia and Papua New Guinea signed the Papua New Guinea-Australia defence treaty in Port Moresby on "
        "Monday. PNG Prime Minister James Marape and Australian Prime Minister Anthony Albanese signed it.\n",
        ["AUS", "PNG"],
        "GIN",
    ),
    "links to other stories and a language menu are not the report": (
        "Kenya, Uganda sign pact on oil pipeline\n"
        "Kenya and Uganda signed an agreement on an oil pipeline in Nairobi on Tuesday.\n"
        "Related: Ethiopia, Sudan Agree to Reopen Border Crossing\n"
        "Read more: Nigerian President Meets French Envoy\n"
        "English French Arabic Spanish Russian\n",
        ["KEN", "UGA"],
        "ETH",
    ),
}


@pytest.mark.parametrize("case", NAMED_RIGHT)
def test_each_country_is_read_right_and_the_page_around_the_report_is_not_read(run: Run, case: str) -> None:
    text, parties, absent = NAMED_RIGHT[case]
    draft = _draft(run, text, "--published", "2024-04-10")
    assert draft["countries"] == parties
    assert absent not in draft["mentioned"]
    if "Related" in text:
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


def test_the_other_side_of_a_war_is_mentioned_not_a_party(run: Run) -> None:
    text = (
        "President Cyril Ramaphosa had a phone call with Ukrainian President Volodymyr Zelensky on Wednesday. "
        "Zelensky told him about the resistance to Russian aggression and the threat to food supplies. "
        "Ramaphosa has also spoken to Russia's President Vladimir Putin in recent weeks.\n"
    )
    draft = _draft(run, text, "--published", "2022-04-21")
    assert draft["countries"] == ["UKR", "ZAF"]
    assert "RUS" in draft["mentioned"]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("US President Donald Trump called Prime Minister Kyriakos Mitsotakis of Greece on Wednesday.", "call"),
        ("Greek Prime Minister Kyriakos Mitsotakis called his US counterpart on Wednesday.", "call"),
        ("The Japanese minister called on Prime Minister Imran Khan of Pakistan in Islamabad on Friday.", "meeting"),
        ("Navy warships of India and Australia completed a two-day Passage Exercise (PASSEX) on Thursday.", "exercise"),
    ],
)
def test_calling_a_leader_is_a_call_calling_on_one_is_a_visit_and_a_named_drill_is_an_exercise(
    run: Run, sentence: str, kind: str
) -> None:
    text = f"{sentence} They discussed regional security and trade.\n"
    assert _draft(run, text, "--published", "2020-08-28")["kind"] == kind


@pytest.mark.parametrize(
    ("title", "name", "role"),
    [
        (
            "the Minister of National Defense of the Republic of Turkey",
            "Nurettin Canikli",
            "Minister of National Defense",
        ),
        ("the Tanzanian Minister of Foreign Affairs", "January Makamba", "Minister of Foreign Affairs"),
    ],
)
def test_a_name_after_an_office_ends_before_its_date_and_the_role_drops_the_states_name(
    run: Run, title: str, name: str, role: str
) -> None:
    text = (
        "Azerbaijan's Defence Minister Zakir Hasanov, on an official visit, "
        f"met {title} {name} on March 29. They discussed military cooperation.\n"
    )
    people = _draft(run, text, "--published", "2018-03-30")["participants"]
    assert {"name": name, "role": role} in [{"name": p["name"], "role": p["role"]} for p in people]
    assert all(p["name"] != "March" for p in people)


def test_a_name_followed_by_from_a_country_is_of_that_country_not_of_the_one_named_before(run: Run) -> None:
    text = (
        "Canada and Chile sign mining research arrangement\n\n"
        "The arrangement was signed in Ottawa on Tuesday by Canadian Natural Resources Minister Tom Harlow "
        "and Deputy Minister Camila Reyes from Chile's Ministry of Mining.\n"
    )
    people = {p["name"]: p["country"] for p in _draft(run, text, "--published", "2024-05-08")["participants"]}
    assert people == {"Tom Harlow": "CAN", "Camila Reyes": "CHL"}


def test_a_region_or_a_forum_in_an_office_is_no_participant(run: Run) -> None:
    text = (
        "Mexico and Panama held consultations in Panama City on Monday. Ana Ruiz, the Undersecretary of Affairs "
        "of Latin America and the Caribbean for the Foreign Ministry, led Mexico's side. Panama's Minister and "
        "Chairman of the Caribbean Forum (CF) Luis Vega received her.\n"
    )
    names = _names(run, text, "2024-06-04")
    assert names == {"Ana Ruiz", "Luis Vega"}  # past the body's initials in brackets to the name


def test_a_wing_commander_is_a_rank_not_part_of_the_name(run: Run) -> None:
    text = (
        "The air forces of India and Egypt began a joint air exercise at Jodhpur on Monday. "
        "Exercise Director Wing Commander Rahul Mehta said the Indian team would fly Su-30 jets.\n"
    )
    names = [p["name"] for p in _draft(run, text, "--published", "2023-06-20")["participants"]]
    assert "Rahul Mehta" in names
    assert not any("Wing" in name for name in names)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "Prime Minister James Marape of Papua New Guinea said this yesterday after receiving a call from "
            "Solomon Islands Prime Minister Manasseh Sogavare. Marape in February 2020 signed bilateral "
            "agreements with Sogavare during a visit to Honiara.",
            "call",
        ),
        (
            "The defence ministers of Australia, Japan and the United States convened a virtual trilateral "
            "defence ministerial meeting on Tuesday.",
            "call",
        ),
        (
            "Japan's Air Self-Defense Force and the German Air Force have conducted their first joint training "
            "in Japan, on Wednesday.",
            "exercise",
        ),
    ],
)
def test_a_call_received_a_virtual_meeting_and_a_joint_training_held(run: Run, sentence: str, kind: str) -> None:
    text = f"{sentence} They discussed regional security.\n"
    assert _draft(run, text, "--published", "2021-11-25")["kind"] == kind


def test_names_with_initials_and_inner_quotes_and_a_portfolio_before_the_name(run: Run) -> None:
    text = (
        "Algeria and Tunisia signed a memorandum on shared groundwater in Algiers on Wednesday. "
        "Algerian Minister of Hydraulics Taha Derbal and Tunisian Minister of Agriculture Abdelmonem Belati "
        "signed it. The copies were exchanged by Air Vice Marshal H.S. Sampath Thuyacontha of Tunisia and "
        "Deputy Minister Pohiva Tu‘i‘onetoa of Algeria looked on, at the District General Hospital.\n"
    )
    names = _names(run, text, "2024-04-25")
    assert {"Taha Derbal", "Abdelmonem Belati", "H.S. Sampath Thuyacontha", "Pohiva Tu‘i‘onetoa"} <= names
    assert not names & {"Hospital", "Hydraulics Taha Derbal", "H.S."}


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        ("The ministers discussed strengthening ties between companies and research centres.", "political"),
        (
            "They discussed the foreign policy of each side and a visa waiver for diplomatic, service passports.",
            "political",
        ),
        ("They agreed to adapt to the new security environment and the changing global environment.", "environment"),
        ("Cooperation with Japan, the world's third-largest economy, was discussed.", "economic"),
        ("They discussed cooperation with the region's fastest-growing economy.", "economic"),
    ],
)
def test_words_that_only_look_like_an_area_name_none(run: Run, sentence: str, absent: str) -> None:
    assert absent not in _areas_after_talks(run, sentence)


@pytest.mark.parametrize(
    ("sentence", "area"),
    [
        ("The ministers discussed relations between the two countries.", "political"),
        ("They discussed ties between Kenya and Uganda.", "political"),
        ("The two leaders discussed de-escalation and regional stability.", "security"),
    ],
)
def test_relations_between_the_sides_and_regional_stability_are_areas(run: Run, sentence: str, area: str) -> None:
    assert area in _areas_after_talks(run, sentence)


@pytest.mark.parametrize(
    ("sentence", "country", "place"),
    [
        (
            "India and Sri Lanka deepened their partnership on Saturday. Seven memoranda were exchanged this "
            "morning (April 5) at the Presidential Secretariat in Colombo.",
            "LKA",
            "Colombo",
        ),
        (
            "Naval forces of Egypt and Greece began a joint drill on Monday along Egypt's Mediterranean coast.",
            "EGY",
            None,
        ),
        (
            "A signing ceremony between Turkmenistan and the United Kingdom took place at the Ministry of Foreign "
            "Affairs of Turkmenistan on April 23.",
            "TKM",
            "Ministry of Foreign Affairs of Turkmenistan",
        ),
        ("Morocco is hosting a joint military exercise with the US military, which began on Tuesday.", "MAR", None),
    ],
)
def test_where_from_an_exchange_a_coast_an_institution_and_a_host(
    run: Run, sentence: str, country: str, place: str | None
) -> None:
    location = _draft(run, f"{sentence}\n", "--published", "2024-04-24")["location"]
    assert location["country"] == country
    if place:
        assert location["place"] == place


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        ("India, Australia leaders hold telephonic conversation on trade", "call"),
        ("Kenya's Ruto talks over phone with Tanzania's Hassan on border trade", "call"),
        ("Kenya, Uganda sign pact on oil pipeline", "agreement"),
        ("Philippines, Japan ink deal on coast guard vessels", "agreement"),
        ("Indonesian and Malaysian navies begin an exercise in the Strait of Malacca", "exercise"),
    ],
)
def test_a_headline_in_the_present_tense_and_telephonic_talks_tell_the_kind(run: Run, headline: str, kind: str) -> None:
    text = f"{headline}\nThe two sides discussed trade, energy and security cooperation on Monday.\n"
    assert _draft(run, text, "--published", "2024-04-10")["kind"] == kind


@pytest.mark.parametrize("when", ["this afternoon", "this evening"])
def test_this_afternoon_or_evening_is_the_publication_day(run: Run, when: str) -> None:
    text = (
        f"The Prime Minister spoke to German Chancellor Olaf Scholz {when} about the situation in Ukraine. "
        "He updated the Chancellor on his talks this week.\n"
    )
    assert _draft(run, text, "--published", "2022-02-04", "--country", "GBR", "--country", "DEU")["date"] == (
        "2022-02-04"
    )


def test_a_headline_possessive_an_office_letter_and_a_chamber_are_not_names(run: Run) -> None:
    text = (
        "Details of President Ruto’s Phone Conversation With US Secretary Marco Rubio\n"
        "Kenyan President William Ruto held a phone call with US Secretary of State Marco Rubio on Monday. "
        "Indian Army chief General Manoj Pande COAS was chief guest. Speaker of the House of Representatives "
        "Nancy Pelosi also met Ruto.\n"
    )
    names = _names(run, text, "2025-03-11")
    assert "Ruto’s Phone Conversation" not in names
    assert not any(name.endswith("COAS") for name in names)
    assert "Representatives Nancy Pelosi" not in names


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        (
            "Soldiers of Papua New Guinea and Australia began Exercise Wantok Warrior this week in Morobe Province.",
            "PNG",
        ),
        ("The armies of India and Thailand began a joint exercise in Meghalaya on Monday.", "IND"),
    ],
)
def test_a_province_or_state_places_the_engagement_in_its_country(run: Run, sentence: str, country: str) -> None:
    assert _draft(run, f"{sentence}\n", "--published", "2025-10-20")["location"]["country"] == country


def test_a_head_of_state_named_only_after_a_ministers_lead_is_not_a_participant(run: Run) -> None:
    text = (
        "US Secretary of State Marco Rubio spoke with Brazilian Foreign Minister Mauro Vieira on Thursday.\n"
        "The two discussed trade. The call comes after President Donald Trump imposed tariffs on Brazilian "
        "goods and President Lula criticised them.\n"
    )
    names = _names(run, text, "2025-08-01")
    assert names == {"Marco Rubio", "Mauro Vieira"}


def test_a_head_of_state_in_the_lead_keeps_the_others_who_took_part(run: Run) -> None:
    text = (
        "President William Ruto received Tanzanian Foreign Minister January Makamba in Nairobi on Monday.\n"
        "Prime Minister Musalia Mudavadi also attended the talks on trade.\n"
    )
    names = _names(run, text, "2023-10-10")
    assert {"William Ruto", "January Makamba", "Musalia Mudavadi"} <= names


def test_every_nation_listed_as_taking_part_in_a_drill_is_a_party_saints_included(run: Run) -> None:
    text = (
        "Tradewinds exercise kicks off\n"
        "Members of 11 Caribbean partner nations joined the US military in Antigua yesterday to begin Tradewinds "
        "2014. The partner nations, Antigua and Barbuda, Bahamas, Belize, Jamaica, St. Kitts and Nevis, "
        "St. Vincent and the Grenadines, and Suriname, deployed units to take part in the training.\n"
    )
    draft = _draft(run, text, "--published", "2014-06-05")
    assert {"ATG", "BHS", "BLZ", "JAM", "KNA", "VCT", "SUR", "USA"} <= set(draft["countries"])


@pytest.mark.parametrize("words", ["road links", "a new air services agreement", "the airport"])
def test_roads_air_services_and_airports_are_transport(run: Run, words: str) -> None:
    text = f"Kenya and Uganda signed an agreement in Nairobi on Tuesday. The agreement covers {words}.\n"
    assert "transport" in _draft(run, text, "--published", "2024-04-10")["areas"]


HARD_WRAPPED = """Armenian, Georgian PMs Meet in Batumi

    The Prime Ministers of Armenia and Georgia, Aram Petrosyan and Levan
    Kvaratskhelia, respectively, met in Batumi on Friday to discuss the
    transit of goods and the new road across their common border.

    Petrosyan, who is on a two-day visit to Georgia, said the road would
    open next year. Kvaratskhelia said trade between the two countries
    had doubled since 2009.
"""


def test_a_text_hard_wrapped_at_a_fixed_width_reads_as_its_paragraphs(run: Run) -> None:
    # As a plain-text archive or lines copied from a PDF come: a name broken over two lines is one name.
    draft = _draft(run, HARD_WRAPPED, "--published", "2011-11-19")
    assert (draft["countries"], draft["date"], draft["kind"]) == (["ARM", "GEO"], "2011-11-18", "meeting")
    assert {p["name"] for p in draft["participants"]} == {"Aram Petrosyan", "Levan Kvaratskhelia"}
    # ... where each paragraph on one line of its own, as a saved page has it, is read as it was
    assert _names(run, " ".join(HARD_WRAPPED.split("\n    ")), "2011-11-19") == {
        "Aram Petrosyan",
        "Levan Kvaratskhelia",
    }


@pytest.mark.parametrize(
    ("sentence", "country", "place"),
    [
        ("Egyptian and Sudanese forces began joint drills in northern Egypt on Tuesday.", "EGY", None),
        ("Egypt and Sudan signed an agreement in the capital Cairo on Tuesday.", "EGY", "Cairo"),
        ("Indian and Australian warships held a passage exercise in the east Indian Ocean on Tuesday.", None, None),
        ("Indian and Australian warships held a passage exercise in the Indian Ocean on Tuesday.", None, None),
    ],
)
def test_a_region_of_a_country_or_its_capital_named_as_such_is_where_and_a_sea_is_no_country(
    run: Run, sentence: str, country: str | None, place: str | None
) -> None:
    location = _draft(run, sentence + "\n", "--published", "2021-10-20")["location"]
    assert location == {"country": country, "place": place}


def test_a_photo_caption_and_the_headline_again_before_the_report_are_not_its_lead(run: Run) -> None:
    # The caption tells of another day's summit in Nairobi; the report, after the headline repeated with curly
    # quotes, tells of a call.
    text = (
        "Kenya's President, Ghana's President discuss trade\n\n"
        "A handout picture provided by the State House shows President William Ruto chairing a regional summit "
        "in Nairobi on December 14, 2021. (AFP)\n\n"
        "Kenya’s President, Ghana’s President discuss trade\n\n"
        "Kenya’s President William Ruto received a phone call on Friday from Ghana's President John Mahama.\n\n"
        "During the phone call, they discussed trade between the two countries.\n"
    )
    draft = _draft(run, text, "--published", "2022-02-11")
    assert (draft["countries"], draft["kind"], draft["location"]["country"]) == (["GHA", "KEN"], "call", None)
    assert {p["name"] for p in draft["participants"]} == {"William Ruto", "John Mahama"}


def test_a_headline_under_its_countrys_name_is_a_headline_not_a_dateline(run: Run) -> None:
    # "Kenya:" before a headline in title case names the section, as a news aggregator writes it, not a city the
    # report was filed from; the chrome after it ("Tagged:", "Photo: ...") is passed over.
    text = (
        "8 March 2017\n\n"
        "Kenya: William Ruto, John Mahama Discuss Trade and Terrorism\n\n"
        "Tagged:\n\n"
        "Photo: example.org\n\n"
        "President John Mahama spoke on Tuesday with President William Ruto about trade.\n\n"
        "The telephone conversation also focused on terrorism.\n"
    )
    draft = _draft(run, text)
    assert (draft["countries"], draft["kind"]) == (["GHA", "KEN"], "call")
    assert draft["location"] == {"country": None, "place": None}
    assert draft["date"] == "2017-03-07"


def test_a_communiques_paragraph_numbers_are_not_sentences_of_its_lead(run: Run) -> None:
    text = (
        "Kenya - Ghana Ministerial Forum - Joint Communique\n\n"
        "1. The Kenya - Ghana Ministerial Forum was held on 3 March 2016.\n\n"
        "2. The foreign ministers of Kenya and Ghana co-chaired the Forum by video conference.\n\n"
        "3. Ministers discussed trade.\n"
    )
    draft = _draft(run, text, "--published", "2016-03-04")
    assert (draft["countries"], draft["kind"], draft["date"]) == (["GHA", "KEN"], "call", "2016-03-03")
