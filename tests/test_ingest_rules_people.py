"""Who ingest finds took part, on short articles written for these tests: each participant's name, role and country."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .conftest import Run

HEADLINE = "Azerbaijan and Pakistan held talks\n\n"
HASANOV = ("Zakir Hasanov", "Defence Minister", "AZE")
ASIF = ("Khawaja Asif", "Defence Minister", "PAK")
MET = "Azerbaijani Defence Minister Zakir Hasanov met Pakistani Defence Minister Khawaja Asif in Baku on March 4."


def _participants(run: Run, body: str) -> list[tuple[str, str | None, str | None]]:
    result = run("ingest", "-", "--published", "2024-03-05", "--json", input=HEADLINE + body + "\n")
    assert result.exit_code == 0, result.stderr
    draft: dict[str, Any] = json.loads(result.stdout)
    assert draft["countries"] == ["AZE", "PAK"]
    return [(p["name"], p["role"], p["country"]) for p in draft["participants"]]


@pytest.mark.parametrize(
    ("body", "people"),
    [
        (MET, [HASANOV, ASIF]),
        # "his counterpart" holds the office of the person before it.
        ("Azerbaijani Defence Minister Zakir Hasanov met his Pakistani counterpart, Khawaja Asif, in Baku on "
         "March 4.", [HASANOV, ASIF]),
        # The office spelt out before the country, then the name in apposition.
        ("The Minister of Foreign Affairs of Azerbaijan, Jeyhun Bayramov, met the Minister of Foreign Affairs of "
         "Pakistan, Ishaq Dar, in Baku on March 4.",
         [("Jeyhun Bayramov", "Minister of Foreign Affairs", "AZE"), ("Ishaq Dar", "Minister of Foreign Affairs",
                                                                       "PAK")]),
        # The role as written; a rank between the title and the name is not part of the name.
        ("Minister of National Defence Zakir Hasanov met Pakistani Defence Minister Khawaja Asif in Baku on March 4.",
         [("Zakir Hasanov", "Minister of National Defence", "AZE"), ASIF]),
        ("Azerbaijani Defence Minister Colonel General Zakir Hasanov met Pakistani Defence Minister Khawaja Asif "
         "in Baku on March 4. Hasanov praised the ties.", [HASANOV, ASIF]),
        # Two offices of one country joined by "and": the second is of the same country.
        ("Azerbaijani Foreign Minister Jeyhun Bayramov and Defence Minister Zakir Hasanov met Pakistani Prime "
         "Minister Shehbaz Sharif in Baku on March 4.",
         [("Jeyhun Bayramov", "Foreign Minister", "AZE"), HASANOV, ("Shehbaz Sharif", "Prime Minister", "PAK")]),
        # A spokesperson quoted and a leader merely recalled are no participants.
        (MET + " Foreign Ministry spokesperson Aykhan Hajizada said the talks went well.", [HASANOV, ASIF]),
        (MET + " Both sides recalled that President Putin had visited Baku in 2018.", [HASANOV, ASIF]),
    ],
)  # fmt: skip
def test_the_participants_and_their_offices(
    run: Run, body: str, people: list[tuple[str, str | None, str | None]]
) -> None:
    assert _participants(run, body) == people


def test_an_ambassador_to_the_host_is_of_the_sending_country(run: Run) -> None:
    body = ("Pakistani Ambassador to Azerbaijan Qasim Mohiuddin met Azerbaijani Defence Minister Zakir Hasanov in "
            "Baku on March 4.")  # fmt: skip
    found = {(name, country) for name, _, country in _participants(run, body)}
    assert found == {("Qasim Mohiuddin", "PAK"), ("Zakir Hasanov", "AZE")}


@pytest.mark.parametrize(
    ("body", "people"),
    [
        # A leader whose greetings or letter are carried is mentioned, not a participant.
        ("Azerbaijani Defence Minister Zakir Hasanov met Pakistani Prime Minister Shehbaz Sharif in Baku on March 4. "
         "Hasanov conveyed President Ilham Aliyev's greetings to Sharif.",
         [HASANOV, ("Shehbaz Sharif", "Prime Minister", "PAK")]),
        (MET + " Hasanov handed over a letter from President Ilham Aliyev.", [HASANOV, ASIF]),
        # A rank is the role as written; the country may follow the name.
        ("Azerbaijani Defence Minister Zakir Hasanov met Major General Asim Malik of Pakistan in Baku on March 4.",
         [HASANOV, ("Asim Malik", "Major General", "PAK")]),
        # One person named twice: once in full with the office, once by surname or rank.
        ("Azerbaijani Defence Minister Zakir Hasanov and Pakistani Defence Minister Khawaja Asif met in Baku on "
         "March 4. Minister Hasanov said the ties were strong.", [HASANOV, ASIF]),
        ("General Hasanov met Pakistani Defence Minister Khawaja Asif in Baku on March 4. Azerbaijani Defence "
         "Minister Zakir Hasanov praised the ties.", [HASANOV, ASIF]),
        # Honorifics and ranks before a name are not part of it; particles and initials inside it are.
        ("Azerbaijani Defence Minister Zakir Hasanov met Pakistani Interior Minister Mohsin bin Naqvi in Baku on "
         "March 4.", [HASANOV, ("Mohsin bin Naqvi", "Interior Minister", "PAK")]),
        ("Azerbaijani Defence Minister Zakir Hasanov met Pakistani Defence Minister Dr. Khawaja Asif in Baku on "
         "March 4.", [HASANOV, ASIF]),
        ("Azerbaijani Defence Minister Zakir Hasanov met Pakistani Ambassador Maj Gen Qasim Mohiuddin in Baku on "
         "March 4.", [HASANOV, ("Qasim Mohiuddin", "Ambassador", "PAK")]),
        ("Azerbaijani Defence Minister Zakir Hasanov met Pakistani Ambassador H.E. Qasim Mohiuddin in Baku on "
         "March 4.", [HASANOV, ("Qasim Mohiuddin", "Ambassador", "PAK")]),
        ("Azerbaijani Defence Minister Zakir Hasanov met Pakistani Defence Minister Khawaja M. Asif in Baku on "
         "March 4.", [HASANOV, ("Khawaja M. Asif", "Defence Minister", "PAK")]),
        ("Azerbaijani Deputy Defence Minister Kerim Veliyev met Pakistani Deputy Defence Minister Khawaja Asif in "
         "Baku on March 4.", [("Kerim Veliyev", "Deputy Defence Minister", "AZE"),
                              ("Khawaja Asif", "Deputy Defence Minister", "PAK")]),
        # An office named again without a name is no one new.
        (MET + " The Pakistani Minister praised the ties.", [HASANOV, ASIF]),
        # A third official who attended is a participant too.
        (MET + " Pakistani Ambassador Qasim Mohiuddin also attended.",
         [HASANOV, ASIF, ("Qasim Mohiuddin", "Ambassador", "PAK")]),
        # The office of a country, then the name; the name, then the office of a country.
        ("Azerbaijani Defence Minister Zakir Hasanov met the Chief of the General Staff of Pakistan Sahir Shamshad "
         "Mirza in Baku on March 4.", [HASANOV, ("Sahir Shamshad Mirza", "Chief of the General Staff", "PAK")]),
        ("Azerbaijani Defence Minister Zakir Hasanov met with Sahir Shamshad Mirza, Chairman of the Joint Chiefs of "
         "Staff Committee of Pakistan, in Baku on March 4.",
         [HASANOV, ("Sahir Shamshad Mirza", "Chairman of the Joint Chiefs of Staff Committee", "PAK")]),
        (MET[:-len(" in Baku on March 4.")] + " and Pakistani Ambassador Qasim Mohiuddin in Baku on March 4.",
         [HASANOV, ASIF, ("Qasim Mohiuddin", "Ambassador", "PAK")]),
    ],
)  # fmt: skip
def test_who_took_part_and_who_was_only_named(
    run: Run, body: str, people: list[tuple[str, str | None, str | None]]
) -> None:
    assert _participants(run, body) == people
