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
        # The same with a minister no table of leaders knows: the country comes from the office before "and".
        ("Azerbaijani Foreign Minister Jeyhun Bayramov and Defence Minister Tural Mammadli met Pakistani Prime "
         "Minister Shehbaz Sharif in Baku on March 4.",
         [("Jeyhun Bayramov", "Foreign Minister", "AZE"), ("Tural Mammadli", "Defence Minister", "AZE"),
          ("Shehbaz Sharif", "Prime Minister", "PAK")]),
        # "his counterpart" in a later sentence holds the office of the person named before.
        ("Azerbaijani Defence Minister Zakir Hasanov arrived in Islamabad on March 4. He met his Pakistani "
         "counterpart, Khawaja Asif, the same day.", [HASANOV, ASIF]),
        # A spokesperson quoted and a leader merely recalled are no participants.
        (MET + " Foreign Ministry spokesperson Aykhan Hajizada said the talks went well.", [HASANOV, ASIF]),
        (MET + " Both sides recalled that President Putin had visited Baku in 2018.", [HASANOV, ASIF]),
        # One title over the countries, then their names in the same order, "respectively" written or not.
        ("The Defence Ministers of Azerbaijan and Pakistan, Tural Mammadli and Nadeem Rana, met in Baku on March 4.",
         [("Tural Mammadli", "Defence Minister", "AZE"), ("Nadeem Rana", "Defence Minister", "PAK")]),
        ("Azerbaijani and Pakistani Defence Ministers, Tural Mammadli and Nadeem Rana, respectively, met in Baku "
         "on March 4.", [("Tural Mammadli", "Defence Minister", "AZE"), ("Nadeem Rana", "Defence Minister", "PAK")]),
        # ... and with no comma between the countries and the names.
        ("The Defence Ministers of Azerbaijan and Pakistan Tural Mammadli and Nadeem Rana met in Baku on March 4.",
         [("Tural Mammadli", "Defence Minister", "AZE"), ("Nadeem Rana", "Defence Minister", "PAK")]),
        # An office that ends in title-case words ("... and International Cooperation") before the verb does not
        # hide the name after "with"; "for Pakistan" is the office's country, not its words.
        ("Zakir Hasanov, Minister of Defence and International Cooperation, met with Khawaja Asif, Minister of "
         "Defence for Pakistan, in Baku on March 4.",
         [("Zakir Hasanov", "Minister of Defence", "AZE"), ("Khawaja Asif", "Minister of Defence", "PAK")]),
        # "The Honourable" before a name and "the recently appointed" before an office are neither.
        ("The Honourable Zakir Hasanov, the recently appointed Defence Minister of Azerbaijan, met Khawaja Asif, "
         "Defence Minister of Pakistan, in Baku on March 4.", [HASANOV, ASIF]),
        # Initials before a name are part of it.
        ("Azerbaijani Defence Minister Zakir Hasanov met K.T.M. Nadeem Rana, Defence Secretary of Pakistan, in "
         "Baku on March 4.", [HASANOV, ("K.T.M. Nadeem Rana", "Defence Secretary", "PAK")]),
        # One office of several portfolios, listed with commas; two people in apposition, each with an office.
        ("Azerbaijani Minister of Agriculture, Water Resources, and Fisheries Majnun Mammadov met Pakistani "
         "Defence Minister Khawaja Asif in Baku on March 4.",
         [("Majnun Mammadov", "Minister of Agriculture, Water Resources, and Fisheries", "AZE"), ASIF]),
        ("Azerbaijani Minister of Foreign Affairs, Jeyhun Bayramov, and Pakistani Minister of Defence, Khawaja "
         "Asif, met in Baku on March 4.",
         [("Jeyhun Bayramov", "Minister of Foreign Affairs", "AZE"), ("Khawaja Asif", "Minister of Defence", "PAK")]),
        # A list after a colon: "attended by: Name, office; and Name, office".
        ("Azerbaijani and Pakistani delegations met in Baku on March 4. The talks were attended by: Zakir Hasanov, "
         "Defence Minister of Azerbaijan; and Khawaja Asif, Defence Minister of Pakistan.", [HASANOV, ASIF]),
        # A name that begins with a capital of Latin Extended: "Ł", "Š".
        ("Azerbaijani Defence Minister Zakir Hasanov met Pakistani Defence Minister Łukasz Šimonis in Baku on "
         "March 4.", [HASANOV, ("Łukasz Šimonis", "Defence Minister", "PAK")]),
    ],
)  # fmt: skip
def test_the_participants_and_their_offices(
    run: Run, body: str, people: list[tuple[str, str | None, str | None]]
) -> None:
    assert _participants(run, body) == people


def test_a_style_written_in_initials_is_not_part_of_the_name(run: Run) -> None:
    body = ("H.H. Sheikh Zakir Hasanov, Defence Minister of Azerbaijan, met Khawaja Asif, Defence Minister of "
            "Pakistan, in Baku on March 4.")  # fmt: skip
    assert [name for name, _, _ in _participants(run, body)] == ["Zakir Hasanov", "Khawaja Asif"]


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
        # A page's credit line in title case names no one.
        ("By Office of Assistant to Deputy Secretary for State Documents & Translation     Date 5 March 2024\n\n"
         + MET, [HASANOV, ASIF]),
        # Someone named only in the caption of a photo from the archive is of another day.
        ("Prime Minister Shehbaz Sharif during his visit to Baku. (Twitter/PMO/File)\n\n" + MET, [HASANOV, ASIF]),
        # A social-media handle quoted from a post is no one's name, even before an office.
        (MET + ' Hasanov wrote: "We discussed the visit to Baku by H.E. @ArifAlvi President of Pakistan."',
         [HASANOV, ASIF]),
        # A two-word honorific whose words are also names: "Tan Sri" (but "Tan" alone may be a surname).
        ("Azerbaijani Defence Minister Zakir Hasanov met Pakistani Defence Minister Tan Sri Khawaja Asif in Baku "
         "on March 4.", [HASANOV, ASIF]),
        # A name written short where the participants are found and whole elsewhere is written whole; a
        # country's name or an office after it is not part of it.
        ("Azerbaijani Defence Minister Zakir Hasanov met Pakistani Interior Minister Mohsin bin Naqvi in Baku on "
         "March 4. The talks had been prepared by Mohsin bin Naqvi Al Hamdani and Zakir Hasanov Azerbaijan's envoy.",
         [HASANOV, ("Mohsin bin Naqvi Al Hamdani", "Interior Minister", "PAK")]),
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


@pytest.mark.parametrize(
    ("body", "people"),
    [
        # A title's words after "for", "on" or "of the" are part of it, up to an honorific before the name.
        ("Azerbaijani Minister for Digital Development Mr Rashad Nabiyev met Pakistani Adviser on National Security "
         "Mr Asim Malik in Baku on March 4.",
         [("Rashad Nabiyev", "Minister for Digital Development", "AZE"),
          ("Asim Malik", "Adviser on National Security", "PAK")]),
        ("Azerbaijani Minister of the Economy Mr Mikayil Jabbarov hosted a dinner for Pakistani Defence Minister "
         "Khawaja Asif in Baku on March 4.", [("Mikayil Jabbarov", "Minister of the Economy", "AZE"), ASIF]),
        # The word before a title is not part of it: "for", "of", an article, a country's possessive.
        ("Azerbaijan hosted a dinner for Pakistani Defence Minister Khawaja Asif in Baku on March 4 after a visit of "
         "Azerbaijani President Ilham Aliyev to the fleet.", [ASIF, ("Ilham Aliyev", "President", "AZE")]),
        ("A Pakistani Navy Admiral Naveed Ashraf met Pakistan's Defence Minister Khawaja Asif and Azerbaijani Defence "
         "Minister Zakir Hasanov in Baku on March 4. An Azerbaijani Deputy Defence Minister Kerim Veliyev also "
         "attended.",
         [("Naveed Ashraf", "Navy Admiral", "PAK"), ASIF, HASANOV,
          ("Kerim Veliyev", "Deputy Defence Minister", "AZE")]),
        # A country named inside the title is the participant's country, not part of the role.
        ("Azerbaijani Defence Minister Zakir Hasanov met the Chief of Pakistan Army Staff General Asim Munir in Baku "
         "on March 4.", [HASANOV, ("Asim Munir", "Chief of Army Staff", "PAK")]),
        # A portfolio of several words, joined by "for" or "and", then the name.
        ("Pakistani Minister of State for Foreign Affairs Hina Rabbani Khar met Azerbaijani Foreign Minister Jeyhun "
         "Bayramov in Baku on March 4.",
         [("Hina Rabbani Khar", "Minister of State for Foreign Affairs", "PAK"),
          ("Jeyhun Bayramov", "Foreign Minister", "AZE")]),
        ("Azerbaijani Minister of Ecology and Natural Resources Mukhtar Babayev met Pakistani Minister of Culture and "
         "Tourism Ali Pervaiz in Baku on March 4.",
         [("Mukhtar Babayev", "Minister of Ecology and Natural Resources", "AZE"),
          ("Ali Pervaiz", "Minister of Culture and Tourism", "PAK")]),
        # The name after a portfolio, even when a title of the next person follows, or the surname alone.
        ("Pakistani Minister of Defence Khawaja Asif met Defence Minister Zakir Hasanov of Azerbaijan in Baku on "
         "March 4.", [("Khawaja Asif", "Minister of Defence", "PAK"), HASANOV]),
        ("Pakistani Minister of Defence Asif met Azerbaijani Defence Minister Zakir Hasanov in Baku on March 4.",
         [("Asif", "Minister of Defence", "PAK"), HASANOV]),
        # An honorific before a name given with its title after it is not part of the name.
        ("Dr Khawaja Asif, the Defence Minister of Pakistan, met Azerbaijani Defence Minister Zakir Hasanov in Baku "
         "on March 4.", [ASIF, HASANOV]),
        ("Dr Asif, the Defence Minister of Pakistan, met Azerbaijani Defence Minister Zakir Hasanov in Baku on "
         "March 4.", [("Asif", "Defence Minister", "PAK"), HASANOV]),
        # An office with a title after it is no one's name.
        ("Azerbaijani Defence Minister Zakir Hasanov held talks with Pakistani Ambassador, the head of the "
         "delegation, in Baku on March 4.", [HASANOV]),
        # "on" before a title is not part of it; "Amir" after one is a first name.
        ("Azerbaijani Defence Minister Zakir Hasanov called on Pakistani Prime Minister Shehbaz Sharif in Islamabad "
         "on March 4.", [HASANOV, ("Shehbaz Sharif", "Prime Minister", "PAK")]),
        ("Azerbaijani Defence Minister Zakir Hasanov met his Pakistani counterpart Amir Muqam in Baku on March 4.",
         [HASANOV, ("Amir Muqam", "Defence Minister", "PAK")]),
        # A name at the end of the sentence, or followed by a day.
        ("In Baku on March 4, Azerbaijani Defence Minister Zakir Hasanov met Pakistani Defence Minister Khawaja Asif.",
         [HASANOV, ASIF]),
        ("In Baku on March 4, Azerbaijani Defence Minister Zakir Hasanov met Pakistani Defence Minister Asif.",
         [HASANOV, ("Asif", "Defence Minister", "PAK")]),
        ("Pakistani Defence Minister Khawaja Asif Tuesday met Azerbaijani Defence Minister Zakir Hasanov in Baku.",
         [ASIF, HASANOV]),
        ("In Baku, Azerbaijani Defence Minister Zakir Hasanov met Pakistani Defence Minister Khawaja Asif Monday.",
         [HASANOV, ASIF]),
        # A title word before a comma names no one there; the titles after it still do.
        ("After a call with the President, Azerbaijani Defence Minister Zakir Hasanov met Pakistani Defence Minister "
         "Khawaja Asif in Baku on March 4.", [HASANOV, ASIF]),
        # "and" before another title word begins the next person's title.
        ("Pakistani Minister of Defence Khawaja Asif and Chairman of the Azerbaijani Parliament Sahiba Gafarova met "
         "in Baku on March 4.",
         [("Khawaja Asif", "Minister of Defence", "PAK"), ("Sahiba Gafarova", "Chairman of the Parliament", "AZE")]),
        # A name of three words and the surname alone later: one person.
        ("Pakistani Interior Minister Ali Pervaiz Malik met Azerbaijani Defence Minister Zakir Hasanov in Baku on "
         "March 4. Minister Malik praised the ties.", [("Ali Pervaiz Malik", "Interior Minister", "PAK"), HASANOV]),
    ],
)  # fmt: skip
def test_where_a_title_begins_and_ends(run: Run, body: str, people: list[tuple[str, str | None, str | None]]) -> None:
    assert _participants(run, body) == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # A participant named by the surname alone takes the first name the body gives it; the headline, in title
        # case, is not read for names ("Veliyev Hosts").
        ("Veliyev Hosts Pakistani Minister\n\nAzerbaijani Deputy Defence Minister Veliyev met Pakistani Defence "
         "Minister Khawaja Asif in Baku on March 4.\n\nKerim Veliyev said the talks were useful.",
         [("Kerim Veliyev", "Deputy Defence Minister", "AZE"), ASIF]),
        # A headline without a full stop that ends in a name is read for participants too.
        ("Talks in Baku with Minister of Defence Khawaja Asif\n\nAzerbaijani Defence Minister Zakir Hasanov met "
         "Pakistani Minister of Defence Khawaja Asif in Baku on March 4.\n\nThey praised the ties.",
         [("Khawaja Asif", "Minister of Defence", "PAK"), HASANOV]),
        # ... or the surname the body writes after a first name.
        ("Shehbaz Visits Azerbaijan\n\nPakistani Prime Minister Shehbaz met Azerbaijani President Ilham Aliyev in "
         "Baku on March 4.\n\nShehbaz Sharif praised the ties.",
         [("Shehbaz Sharif", "Prime Minister", "PAK"), ("Ilham Aliyev", "President", "AZE")]),
        # A country's name, a plural title or a word such as "Both" before the surname is no first name.
        ("Aliyev Meets Zardari\n\nAzerbaijani President Aliyev met Pakistani President Asif Ali Zardari in Baku on "
         "March 4.\n\nPresidents Aliyev and Zardari signed a declaration.",
         [("Aliyev", "President", "AZE"), ("Asif Ali Zardari", "President", "PAK")]),
        (HEADLINE + "Azerbaijani Defence Minister Hasanov met Pakistani Defence Minister Khawaja Asif in Baku on "
         "March 4.\n\nThe talks between Azerbaijan's Hasanov and Pakistan's Asif lasted two hours. Both Hasanov and "
         "Asif praised the ties.",
         [("Hasanov", "Defence Minister", "AZE"), ASIF]),
        # A king or prince known by one name keeps the title in it; a sheikh's full name does not take it, nor
        # does the office written before it.
        ("Jordan and Bahrain Hold Talks\n\nJordan's King Abdullah received Bahraini Foreign Minister Sheikh Khalid "
         "bin Ahmed Al Khalifa in Amman on March 4.\n\nThe King praised the ties.",
         [("King Abdullah", "King", "JOR"), ("Khalid bin Ahmed Al Khalifa", "Foreign Minister", "BHR")]),
    ],
)  # fmt: skip
def test_a_participant_named_by_one_name_takes_the_fullest_form_the_body_gives(
    run: Run, text: str, people: list[tuple[str, str | None, str | None]]
) -> None:
    result = run("ingest", "-", "--published", "2024-03-05", "--json", input=text + "\n")
    assert result.exit_code == 0, result.stderr
    assert [(p["name"], p["role"], p["country"]) for p in json.loads(result.stdout)["participants"]] == people


def test_explain_quotes_each_participants_title_and_name(run: Run) -> None:
    body = ("The Pakistani Defence Minister Khawaja Asif met the Azerbaijani Defence Minister Zakir Hasanov in Baku on "
            "March 4.")  # fmt: skip
    result = run("ingest", "-", "--published", "2024-03-05", "--json", "--explain", input=HEADLINE + body + "\n")
    assert json.loads(result.stdout)["evidence"]["participants"] == {
        "Khawaja Asif": "Pakistani Defence Minister Khawaja Asif",
        "Zakir Hasanov": "Azerbaijani Defence Minister Zakir Hasanov",
    }


@pytest.mark.parametrize(
    ("body", "people"),
    [
        # "Deputy" before "Head of the delegation of Pakistan, X": found only by the office-of-country-then-name form.
        ("The Deputy Head of the delegation of Pakistan, Ishaq Dar, met Azerbaijani Foreign Minister Jeyhun Bayramov "
         "in Baku on March 4.",
         [("Ishaq Dar", "Deputy Head of the delegation", "PAK"), ("Jeyhun Bayramov", "Foreign Minister", "AZE")]),
        # The only title word comes after the first "of": the office is the words before the name.
        ("Officers of the Pakistan Navy Chief, Admiral Naveed Ashraf, met Azerbaijani Defence Minister Zakir Hasanov "
         "in Baku on March 4.", [("Naveed Ashraf", "Navy Chief", "PAK"), HASANOV]),
    ],
)  # fmt: skip
def test_an_office_spelt_out_before_its_country_then_the_name(
    run: Run, body: str, people: list[tuple[str, str | None, str | None]]
) -> None:
    assert sorted(_participants(run, body)) == sorted(people)


@pytest.mark.parametrize(
    ("body", "person", "quote", "rule"),
    [
        # A name then its title: a minister no table of leaders knows, beside one of the same country, so that the
        # title after the name is the only source of the country.
        ("Tural Mammadli, the Deputy Defence Minister of Azerbaijan, and Azerbaijani Defence Minister Zakir Hasanov "
         "met Pakistani Defence Minister Khawaja Asif in Baku on March 4.",
         ("Tural Mammadli", "Deputy Defence Minister", "AZE"),
         "Tural Mammadli, the Deputy Defence Minister of Azerbaijan", "participants.name-title"),
        # An office of a country, then the name.
        ("The Deputy Head of the delegation of Pakistan, Ali Raza Khan, and Pakistani Defence Minister Khawaja Asif "
         "met Azerbaijani Defence Minister Zakir Hasanov in Baku on March 4.",
         ("Ali Raza Khan", "Deputy Head of the delegation", "PAK"),
         "The Deputy Head of the delegation of Pakistan, Ali Raza Khan", "participants.title-of-name"),
    ],
)  # fmt: skip
def test_a_country_named_in_the_title_is_the_participants_and_explain_quotes_title_and_name(
    run: Run, body: str, person: tuple[str, str, str], quote: str, rule: str
) -> None:
    result = run("ingest", "-", "--published", "2024-03-05", "--json", "--explain", input=HEADLINE + body + "\n")
    draft = json.loads(result.stdout)
    assert sorted((p["name"], p["role"], p["country"]) for p in draft["participants"]) == sorted(
        [ASIF, person, HASANOV]
    )
    assert draft["evidence"]["participants"][person[0]] == quote
    assert draft["evidence"]["rules"][f"participants.{person[0]}"].startswith(rule + ": ")
