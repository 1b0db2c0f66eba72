"""Which countries ingest makes the parties and which only mentioned, on short articles written for these tests."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .conftest import Run

HEADLINE = "Azerbaijan and Pakistan held talks\n\n"


def _draft(run: Run, text: str) -> dict[str, Any]:
    result = run("ingest", "-", "--published", "2024-03-05", "--json", input=text + "\n")
    assert result.exit_code == 0, result.stderr
    draft: dict[str, Any] = json.loads(result.stdout)
    return draft


@pytest.mark.parametrize(
    ("text", "parties", "mentioned"),
    [
        # A war's other side, a region discussed, a passing remark: mentioned, not parties.
        (HEADLINE + "Azerbaijani and Pakistani ministers met in Baku on March 4 to discuss the war with Armenia.",
         ["AZE", "PAK"], ["ARM"]),
        ("Talks held in Baku\n\nThe defence ministers of Azerbaijan and Pakistan met in Baku on March 4 and "
         "discussed the conflict with Armenia.", ["AZE", "PAK"], ["ARM"]),
        # A context clause ends where the demonyms of the sides begin.
        ("Talks in Baku\n\nAmid the war with Armenia, Azerbaijani and Pakistani ministers met in Baku on March 4.",
         ["AZE", "PAK"], ["ARM"]),
        (HEADLINE + "Azerbaijani and Pakistani ministers met in Baku on March 4 to discuss the situation in Niger, "
         "Mali and Burkina Faso.", ["AZE", "PAK"], ["BFA", "MLI", "NER"]),
        (HEADLINE + "Azerbaijani and Pakistani officials met in Baku on March 4. The officials praised cooperation. "
         "Relations with India and Iran were mentioned in passing.", ["AZE", "PAK"], ["IND", "IRN"]),
        (HEADLINE + "Officials of Azerbaijan and Pakistan met in Baku on March 4, including observers from Iran.",
         ["AZE", "PAK"], ["IRN"]),
        # The sides named by their delegations; countries of a later unrelated sentence are context.
        ("Ministers meet in Baku\n\nThe Azerbaijani delegation met the Pakistani side on March 4. Iran and Turkey "
         "also sent observers to other events.", ["AZE", "PAK"], ["IRN", "TUR"]),
        ("Talks held in Baku\n\nThe defence ministers of Azerbaijan and Pakistan met in Baku on March 4 and "
         "discussed sanctions against Iran, Syria and Iraq.", ["AZE", "PAK"], ["IRN", "IRQ", "SYR"]),
        # A visit's host, a pair, a short report, a headline's list: the sides.
        ("Talks in Baku\n\nThe minister of Pakistan visited Azerbaijan on March 4 and met officials. Iran was not "
         "discussed.", ["AZE", "PAK"], ["IRN"]),
        ("Talks in Baku\n\nAzerbaijan-Pakistan talks were held in Baku on March 4. Iran was not discussed.",
         ["AZE", "PAK"], ["IRN"]),
        ("Talks in Baku\n\nAzerbaijan and Pakistan discussed trade on March 4.", ["AZE", "PAK"], []),
        ("Azerbaijan, Pakistan discuss trade\n\nOfficials discussed trade on March 4.", ["AZE", "PAK"], []),
        # Officials the text ties to no country act for the countries of the headline.
        (HEADLINE + "Defence Minister Zakir Hasanov met Defence Minister Khawaja Asif in Baku on March 4.",
         ["AZE", "PAK"], []),
        # Participants' countries are the parties.
        ("Ministers meet in Baku\n\nAzerbaijani Defence Minister Zakir Hasanov met Pakistani Defence Minister "
         "Khawaja Asif in Baku on March 4. Russia was not discussed.", ["AZE", "PAK"], ["RUS"]),
        # Leaders the text names only by title and surname still stand for their countries.
        ("Ministers meet in Baku\n\nPresident Aliyev received President Erdogan on March 4.", ["AZE", "TUR"], []),
        # A headline that names no country or place: the body's sides.
        ("Defence ministers hold talks\n\nAzerbaijani Defence Minister Zakir Hasanov met Pakistani Defence Minister "
         "Khawaja Asif on March 4.", ["AZE", "PAK"], []),
    ],
)  # fmt: skip
def test_the_parties_are_the_sides_that_took_part(
    run: Run, text: str, parties: list[str], mentioned: list[str]
) -> None:
    draft = _draft(run, text)
    assert (draft["countries"], draft["mentioned"]) == (parties, mentioned)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Trilateral talks held in Baku\n\nThe foreign ministers of Azerbaijan, Turkey and Pakistan met in Baku on "
         "March 4 for trilateral talks.", ["AZE", "PAK", "TUR"]),
        ("Leaders meet at the summit\n\nThe leaders of Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan held a "
         "summit in Astana on March 4.", ["KAZ", "KGZ", "TJK", "UZB"]),
        # Three countries listed in the headline, with no word such as "trilateral".
        ("Azerbaijan, Turkey and Pakistan hold talks in Baku\n\nThe foreign ministers of the three countries met in "
         "Baku on March 4.", ["AZE", "PAK", "TUR"]),
        ("Azerbaijan, Turkey and Pakistan discuss trade\n\nTheir foreign ministers met in Baku on March 4.",
         ["AZE", "PAK", "TUR"]),
        ("Summit of Turkic states opens in Baku\n\nLeaders of Azerbaijan, Turkey, Kazakhstan and Uzbekistan met in "
         "Baku on March 4.", ["AZE", "KAZ", "TUR", "UZB"]),
    ],
)  # fmt: skip
def test_every_side_of_a_meeting_of_more_than_two_is_a_party(run: Run, text: str, parties: list[str]) -> None:
    assert _draft(run, text)["countries"] == parties


@pytest.mark.parametrize(
    ("text", "url", "parties"),
    [
        # A government's own site tells its officials' doings: its country is a party though the text never names it.
        ("Ministers meet\n\nMinister Jeyhun Bayramov held talks with the Pakistani Ambassador on March 4.",
         "https://mfa.gov.az/en/news/1", ["AZE", "PAK"]),
        # Another government's site makes no party of its country.
        ("Talks in Baku\n\nAzerbaijani and Pakistani officials met on March 4.", "https://mfa.gov.tr/en/news/1",
         ["AZE", "PAK"]),
    ],
)  # fmt: skip
def test_a_government_site_speaks_for_its_own_country(run: Run, text: str, url: str, parties: list[str]) -> None:
    result = run("ingest", "-", "--published", "2024-03-05", "--url", url, "--json", input=text + "\n")
    assert result.exit_code == 0, result.stderr
    draft = json.loads(result.stdout)
    assert (draft["countries"], draft["mentioned"]) == (parties, [])


def test_without_its_site_a_text_naming_one_country_has_too_few_parties(run: Run) -> None:
    text = "Ministers meet\n\nMinister Jeyhun Bayramov held talks with the Pakistani Ambassador on March 4.\n"
    assert run("ingest", "-", "--published", "2024-03-05", "--json", input=text).exit_code == 2


def test_too_few_parties_says_why_each_country_named_is_not_one(run: Run) -> None:
    text = ("Ministers meet\n\nMinister Jeyhun Bayramov held talks with the Pakistani Ambassador on March 4. The talks "
            "lasted two hours. Iran-Turkey ties and Russia were not discussed.\n")  # fmt: skip
    result = run("ingest", "-", "--published", "2024-03-05", "--json", input=text)
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: stdin: fewer than two parties found. Countries named: "
        "Pakistan (PAK): named in the lead, an actor: “Pakistani Ambassador on March 4.”; "
        "Iran (IRN): named, paired with Turkey, named too little to be a party; "
        "Türkiye (TUR): named, paired with Iran, named too little to be a party; "
        "Russia (RUS): named, not shown taking part. Give the parties with --country\n"
    )


@pytest.mark.parametrize(
    ("text", "parties", "rule"),
    [
        ("Talks in Baku\n\nAzerbaijan and Pakistan discussed trade on March 4.", ["AZE", "PAK"], "parties.acting"),
        # Named in the lead only, each side through its minister: enough for a short report.
        ("Talks on trade\n\nMinister Ali Rahimov met Minister Omar Qureshi on March 4 to discuss Azerbaijan's trade "
         "with Pakistan.", ["AZE", "PAK"], "parties.lead-only"),
        # An envoy of no stated country acts for the other country of the lead.
        ("Azerbaijani minister meets envoy\n\nThe Azerbaijani minister met Ambassador Omar Qureshi on March 4 to "
         "discuss ties with Pakistan.", ["AZE", "PAK"], "parties.through-officials"),
        # The countries listed as taking part in a multilateral drill.
        ("Naval exercise begins\n\nA multinational naval exercise began on March 4. Sailors from Turkey, China and "
         "Azerbaijan are taking part.", ["AZE", "CHN", "TUR"], "parties.acting"),
    ],
)  # fmt: skip
def test_explain_names_the_rule_that_made_each_party(run: Run, text: str, parties: list[str], rule: str) -> None:
    result = run("ingest", "-", "--published", "2024-03-05", "--explain", "--json", input=text + "\n")
    draft = json.loads(result.stdout)
    assert draft["countries"] == parties
    assert {draft["evidence"]["rules"][f"countries.{c}"].split(":")[0] for c in parties} == {rule}


@pytest.mark.parametrize(
    ("drill", "taking_part"),
    [
        ("a multinational naval exercise", "Sailors from Turkey, China and Azerbaijan are taking part."),
        ("a multinational naval exercise", "Turkish, Chinese and Azerbaijani sailors are taking part."),
        # Observers named after the list are not in it.
        ("a multinational naval exercise",
         "Sailors from Turkey, China and Azerbaijan are taking part, as are observers from Iran."),
        # Where the lead does not say it is multilateral: the list after the sentence that counted them; the
        # contingents a later sentence lists.
        ("a naval exercise", "It is attended by units from three countries. They are Turkey, China and Azerbaijan."),
        ("a naval exercise", "The drill lasts ten days. Contingents at the base include Turkey, China and Azerbaijan."),
    ],
)  # fmt: skip
def test_countries_listed_as_taking_part_in_a_drill_are_parties_by_that_rule(
    run: Run, drill: str, taking_part: str
) -> None:
    text = f"Naval drill in Pakistan\n\nPakistani forces began {drill} off Karachi on March 4. {taking_part}\n"
    result = run("ingest", "-", "--published", "2024-03-05", "--explain", "--json", input=text)
    draft = json.loads(result.stdout)
    rules = {c: draft["evidence"]["rules"][f"countries.{c}"].split(":")[0] for c in draft["countries"]}
    assert rules == {"AZE": "parties.taking-part", "CHN": "parties.taking-part", "PAK": "parties.acting",
                     "TUR": "parties.taking-part"}  # fmt: skip


def test_third_countries_that_joined_something_in_a_bilateral_report_are_not_parties(run: Run) -> None:
    text = ("Azerbaijan and Pakistan held talks\n\nAzerbaijani Defence Minister Zakir Hasanov met Pakistani Defence "
            "Minister Khawaja Asif in Baku on March 4.\n\nThey noted that Egypt, Ethiopia and Iran joined the "
            "BRICS group last year.\n")  # fmt: skip
    assert _draft(run, text)["countries"] == ["AZE", "PAK"]


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        ("Talks in Baku\n\nThe minister of Pakistan visited Azerbaijan on March 4 and met officials. They discussed "
         "the war with Armenia.",
         {"AZE": ["named in the lead", "host of a visit"], "PAK": ["named in the lead", "an actor"],
          "ARM": ["context", "not shown taking part"]}),
        ("Ministers meet in Baku\n\nAzerbaijani Defence Minister Zakir Hasanov met Pakistani Defence Minister Khawaja "
         "Asif in Baku on March 4. Russia was not discussed.",
         {"AZE": ["named in the lead", "an actor", "a participant's country"],
          "PAK": ["named in the lead", "an actor", "a participant's country"],
          "RUS": ["named", "not shown taking part"]}),
        ("Talks in Baku\n\nAzerbaijan-Pakistan talks were held in Baku on March 4.",
         {"AZE": ["named in the lead", "paired with Pakistan"],
          "PAK": ["named in the lead", "paired with Azerbaijan"]}),
    ],
)  # fmt: skip
def test_explain_says_why_each_country_is_a_party_or_only_mentioned(
    run: Run, text: str, reasons: dict[str, list[str]]
) -> None:
    result = run("ingest", "-", "--published", "2024-03-05", "--explain", "--json", input=text + "\n")
    evidence = json.loads(result.stdout)["evidence"]
    told = {**evidence["countries"], **evidence["mentioned"]}
    assert {c: [r.split(":")[0] for r in why.split("; ")] for c, why in told.items()} == reasons


def test_a_list_of_countries_where_forces_are_is_no_list_of_parties(run: Run) -> None:
    text = ("Azerbaijan and Pakistan held talks\n\nAzerbaijani Defence Minister Zakir Hasanov met Pakistani Defence "
            "Minister Khawaja Asif in Baku on March 4.\n\nThey discussed the region, where Russian forces were "
            "fighting in Ukraine, Georgia and Moldova.\n")  # fmt: skip
    draft = _draft(run, text)
    assert draft["countries"] == ["AZE", "PAK"]
    assert {"GEO", "MDA", "UKR"} <= set(draft["mentioned"])


@pytest.mark.parametrize(
    "later",
    [
        # A count, then a sentence that lists other countries without introducing them as those counted.
        "Pakistan trades with 20 countries. Turkey, China and Iran are its largest partners.",
        # "They were …" with no count before it: the ministers, not a list of those taking part.
        "They were also concerned about Iran, Russia and Georgia.",
    ],
)
def test_a_list_is_of_parties_only_where_the_text_introduces_those_taking_part(run: Run, later: str) -> None:
    text = ("Azerbaijan and Pakistan held talks\n\nAzerbaijani Defence Minister Zakir Hasanov met Pakistani Defence "
            f"Minister Khawaja Asif in Baku on March 4.\n\n{later}\n")  # fmt: skip
    draft = _draft(run, text)
    assert draft["countries"] == ["AZE", "PAK"]


@pytest.mark.parametrize(
    ("text", "url", "reasons"),
    [
        # Each quote is the words next to the country that made the reason, as a reader checks them.
        ("Talks in Baku\n\nThe minister of Pakistan visited Azerbaijan on March 4 and met officials of the Azerbaijani "
         "government. They discussed the long and costly war with Armenia.", None,
         {"AZE": "named in the lead; host of a visit: “of Pakistan visited Azerbaijan”; an actor: “Azerbaijani "
                 "government.”",
          "PAK": "named in the lead; an actor: “The minister of Pakistan”",
          "ARM": "context: “the long and costly war with Armenia”; not shown taking part"}),
        ("Naval drill in Pakistan\n\nPakistani forces began a naval exercise off Karachi on March 4. It is attended "
         "by units from three countries. They are Turkey, China and Azerbaijan.", None,
         {"AZE": "named; paired with China; listed as taking part in a multilateral event",
          "CHN": "named; paired with Turkey; paired with Azerbaijan; listed as taking part in a multilateral event",
          "PAK": "named in the lead; an actor: “Pakistani forces began a naval exe”",
          "TUR": "named; paired with China; listed as taking part in a multilateral event"}),
        # A context clause, then the sides as demonyms: paired with each other, not with the context's country.
        ("Talks in Baku\n\nAmid the war with Armenia, Azerbaijani and Pakistani ministers met in Baku on March 4.",
         None,
         {"AZE": "named in the lead; an actor: “Azerbaijani and Pakistani ministers ”; paired with Pakistani",
          "PAK": "named in the lead; an actor: “Pakistani ministers met in Baku on”; paired with Azerbaijani",
          "ARM": "context: “Amid the war with Armenia”; not shown taking part"}),
        ("Ministers meet\n\nMinister Jeyhun Bayramov held talks with the Pakistani Ambassador on March 4.",
         "https://mfa.gov.az/en/news/1",
         {"AZE": "the publisher's government (its site)",
          "PAK": "named in the lead; an actor: “Pakistani Ambassador on March 4.”"}),
    ],
)  # fmt: skip
def test_explain_quotes_the_words_behind_each_reason(
    run: Run, text: str, url: str | None, reasons: dict[str, str]
) -> None:
    source = ["--url", url] if url else []
    result = run("ingest", "-", "--published", "2024-03-05", *source, "--explain", "--json", input=text + "\n")
    evidence = json.loads(result.stdout)["evidence"]
    assert {**evidence["countries"], **evidence["mentioned"]} == reasons


def test_forces_that_will_take_part_are_parties_and_countries_invited_as_observers_are_mentioned(run: Run) -> None:
    text = (
        "The largest ever Golden Falcon manoeuvres started on March 4.\n\n"
        "The exercises take place from 4 to 16 March at a base west of Mombasa.\n\n"
        "Land, naval and air forces from Kenya, Ghana, Senegal, Nigeria and Rwanda will take part in the drills.\n\n"
        "Uganda, Tanzania and Ethiopia have been invited to attend as observers.\n"
    )
    draft = _draft(run, text)
    assert draft["countries"] == ["GHA", "KEN", "NGA", "RWA", "SEN"]
    assert {"ETH", "TZA", "UGA"} <= set(draft["mentioned"])


def test_a_third_country_as_strongly_shown_acting_as_the_others_is_a_party_without_a_multilateral_word(
    run: Run,
) -> None:
    # No "trilateral" or "three countries": each side is named in the lead, acts through its officials and is
    # paired with another, so none of the three is left out to keep two.
    text = (
        "Kenya inks memorandum with Ghana and Senegal to develop Mombasa port\n\n"
        "Kenya on Tuesday signed a memorandum of cooperation with Ghana and Senegal to jointly develop a container "
        "terminal at Mombasa port.\n\n"
        "The memorandum was signed by Kenyan Transport Minister Kipchumba Murkomen, Ghanaian Ambassador Kwame "
        "Asante and Senegalese Ambassador Moussa Diop.\n\n"
        "The Ghanaian side and the Senegalese side will fund half of the terminal, Senegal said."
    )
    assert _draft(run, text)["countries"] == ["GHA", "KEN", "SEN"]
