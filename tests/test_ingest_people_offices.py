"""Where a participant's name begins and ends among the words around it: after a long portfolio ("Minister
of Energy and Natural Resources", "Minister of Higher Education, Scientific Research and Innovation"), whose
words are the role, never the name; after a title word that is also a first name; with a bare initial."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .conftest import Run

HEAD = "Azerbaijan and Pakistan held talks\n\n"
Participant = tuple[str, str | None, str | None]


def _draft(run: Run, text: str, *options: str) -> dict[str, Any]:
    result = run("ingest", "-", "--published", "2024-03-05", "--json", *options, input=text + "\n")
    assert result.exit_code == 0, result.stderr
    draft: dict[str, Any] = json.loads(result.stdout)
    return draft


def _people(draft: dict[str, Any]) -> list[Participant]:
    return [(p["name"], p["role"], p["country"]) for p in draft["participants"]]


def _names(run: Run, body: str) -> list[str]:
    return sorted(name for name, _, _ in _people(_draft(run, HEAD + body)))


@pytest.mark.parametrize(
    ("body", "names"),
    [
        # A portfolio before the name is the role, however long.
        ("Pakistani Minister of Electricity Awais Leghari met Azerbaijani Minister of Energy Parviz Shahbazov "
         "in Baku on March 4.", ["Awais Leghari", "Parviz Shahbazov"]),
        ("The memorandum was signed in Baku on March 4 by the Pakistani Minister of Higher Education, Scientific "
         "Research and Innovation, Ahmed Khan, and his Azerbaijani counterpart Emin Amrullayev.",
         ["Ahmed Khan", "Emin Amrullayev"]),
        ("Pakistan was represented at the talks in Baku on March 4 by the Minister of Energy and Natural Resources "
         "Ali Pervaiz, Azerbaijan by the Minister of Energy Parviz Shahbazov.", ["Ali Pervaiz", "Parviz Shahbazov"]),
        # "Amir" after a title is a first name, not the title of an emir.
        ("Azerbaijani Defence Minister Zakir Hasanov met his Pakistani counterpart Amir Khan in Baku on March 4.",
         ["Amir Khan", "Zakir Hasanov"]),
        # "and" before a title word starts the next person's title, not more of the first one's office.
        ("Delegations led by Deputy Foreign Minister of Azerbaijan Elnur Mammadov and Chairman of the Pakistani "
         "Senate Yousaf Gilani met in Baku on March 4.", ["Elnur Mammadov", "Yousaf Gilani"]),
        # A rank of two short words is a title ("Lt Gen"), but "Gen" alone may be a first name.
        ("Pakistani Lt Gen Asim Malik met Azerbaijani Defence Minister Zakir Hasanov in Baku on March 4.",
         ["Asim Malik", "Zakir Hasanov"]),
        # A name then its title, for the one met as for the one meeting.
        ("Zakir Hasanov, the Defence Minister of Azerbaijan, met Khawaja Asif, the Defence Minister of Pakistan, "
         "in Baku on March 4.", ["Khawaja Asif", "Zakir Hasanov"]),
        # A middle initial without its dot is part of the name.
        ("The memorandum was signed in Baku on March 4 by the Minister of Foreign Affairs and International "
         "Cooperation of Pakistan, Professor Ali S Khan, and Azerbaijani Foreign Minister Jeyhun Bayramov.",
         ["Ali S Khan", "Jeyhun Bayramov"]),
    ],
)  # fmt: skip
def test_a_participants_name_is_cut_cleanly_from_the_words_around_it(run: Run, body: str, names: list[str]) -> None:
    assert _names(run, body) == names


@pytest.mark.parametrize(
    ("body", "names"),
    [
        # One plural title over two people, each followed by their country.
        ("Defence Ministers Zakir Hasanov of Azerbaijan and Khawaja Asif of Pakistan met in Baku on March 4.",
         ["Khawaja Asif", "Zakir Hasanov"]),
        # Honorifics before the name and letters after it (MP, OBE) are neither name nor title.
        ("The talks in Baku on March 4 were co-chaired by the Hon Elmar Rustamov MP, Minister for Foreign Affairs, "
         "and the Hon Ali Khan OBE MP, Pakistan's Minister for Trade.", ["Ali Khan", "Elmar Rustamov"]),
        ("The memorandum, signed in Baku on March 4 by H.E Jeyhun Bayramov, Minister of Foreign Affairs, and "
         "Ms. Hina Khar, Minister of State of Pakistan, covers trade.", ["Hina Khar", "Jeyhun Bayramov"]),
        # An office "for" a portfolio or "to" a country, then the name in apposition.
        ("Azerbaijani Foreign Minister Jeyhun Bayramov met Pakistan's Minister for Foreign Affairs, Ishaq Dar, in "
         "Baku on March 4.", ["Ishaq Dar", "Jeyhun Bayramov"]),
        ("Azerbaijani Foreign Minister Jeyhun Bayramov received Pakistan's Extraordinary and Plenipotentiary "
         "Ambassador to Azerbaijan, Qasim Mohiuddin, in Baku on March 4.", ["Jeyhun Bayramov", "Qasim Mohiuddin"]),
        # A portfolio after "for" is no one's name, but an office's words before a name end there.
        ("Azerbaijani Foreign Minister Jeyhun Bayramov met Pakistani Foreign Minister Ishaq Dar in Baku on March 4. "
         "They were joined by the Pakistani Director for Emerging Biological Threats at the Foreign Office, the "
         "Director for Regional Threats at the ministry and the Senior Director for the Western Hemisphere.",
         ["Ishaq Dar", "Jeyhun Bayramov"]),
        ("Pakistan's Minister for Foreign Affairs Ishaq Dar met Azerbaijani Foreign Minister Jeyhun Bayramov in Baku "
         "on March 4.", ["Ishaq Dar", "Jeyhun Bayramov"]),
        # "of the", "for the" after a name end it.
        ("The Pakistani Ambassador to Azerbaijan Qasim Mohiuddin of the embassy met Azerbaijani Foreign Minister "
         "Jeyhun Bayramov in Baku on March 4.", ["Jeyhun Bayramov", "Qasim Mohiuddin"]),
        ("The Pakistani Ambassador to Azerbaijan Qasim Mohiuddin for the second time met Azerbaijani Foreign "
         "Minister Jeyhun Bayramov in Baku on March 4.", ["Jeyhun Bayramov", "Qasim Mohiuddin"]),
        # "on behalf of" after a name ends it.
        ("The memorandum was signed in Baku on March 4 by the Pakistani Ambassador to Azerbaijan Qasim Mohiuddin on "
         "behalf of the government, and Azerbaijani Foreign Minister Jeyhun Bayramov.",
         ["Jeyhun Bayramov", "Qasim Mohiuddin"]),
        # An institution "on" a matter is part of the office.
        ("Delegations led by Azerbaijani Deputy Foreign Minister Elnur Mammadov and Chairman of the Pakistani "
         "Committee on Water Affairs Ali Haider met in Baku on March 4.", ["Ali Haider", "Elnur Mammadov"]),
    ],
)  # fmt: skip
def test_a_participant_is_found_in_the_ways_agencies_write_offices(run: Run, body: str, names: list[str]) -> None:
    assert _names(run, body) == names


@pytest.mark.parametrize(
    ("body", "names"),
    [
        # A shorter form of a name is the same person: without a middle name, or without its accents.
        ("Azerbaijani Foreign Minister Jeyhun Bayramov met Pakistani Prime Minister Shehbaz Sharif in Baku on "
         "March 4. Prime Minister Shehbaz Muhammad Sharif thanked Bayramov.", ["Jeyhun Bayramov",
                                                                               "Shehbaz Muhammad Sharif"]),
        ("Azerbaijani Foreign Minister Jeyhun Bayramov met Pakistani Minister Ahsán Iqbal in Baku on March 4. "
         "Bayramov thanked Minister Ahsan.", ["Ahsán Iqbal", "Jeyhun Bayramov"]),
        # A social-media handle is nobody's name.
        ("Azerbaijani Foreign Minister Jeyhun Bayramov met Pakistani Prime Minister Shehbaz Sharif in Baku on "
         "March 4. He thanked @ShehbazSharif Prime Minister of Pakistan for the visit.",
         ["Jeyhun Bayramov", "Shehbaz Sharif"]),
        # A leader named only in a meeting still to come took no part.
        ("Azerbaijani Foreign Minister Jeyhun Bayramov met Pakistani Foreign Minister Ishaq Dar in Baku on March 4. "
         "Dar will meet President Ilham Aliyev next month.", ["Ishaq Dar", "Jeyhun Bayramov"]),
    ],
)  # fmt: skip
def test_one_person_once_and_no_one_who_was_only_named(run: Run, body: str, names: list[str]) -> None:
    assert _names(run, body) == names


@pytest.mark.parametrize(
    ("body", "people"),
    [
        # A surname alone takes the name the body writes in full: a first name before it, or a second name after.
        ("President Aliyev met Pakistani Prime Minister Sharif in Baku on March 4. Ilham Aliyev said ties were "
         "strong. Shehbaz Sharif agreed.",
         [("Ilham Aliyev", "President", "AZE"), ("Shehbaz Sharif", "Prime Minister", "PAK")]),
        ("Azerbaijani President Aliyev met Pakistani Prime Minister Sharif in Baku on March 4. Aliyev Ilham said "
         "ties were strong.", [("Aliyev Ilham", "President", "AZE"), ("Sharif", "Prime Minister", "PAK")]),
        # A country's or an office's word beside the surname is no part of the name.
        ("Azerbaijani Defence Minister Hasanov met Pakistani Defence Minister Asif in Baku on March 4. Pakistani "
         "Asif thanked Azerbaijani Hasanov. Minister Asif Defence said more.",
         [("Hasanov", "Defence Minister", "AZE"), ("Asif", "Defence Minister", "PAK")]),
        # An office found later outranks an honorific or a rank as the role.
        ("Azerbaijani Dr. Zakir Hasanov met Pakistani Defence Minister Khawaja Asif in Baku on March 4. Defence "
         "Minister Hasanov spoke.", [("Zakir Hasanov", "Defence Minister", "AZE"), ("Khawaja Asif",
                                                                                   "Defence Minister", "PAK")]),
        ("Azerbaijani General Zakir Hasanov met Pakistani Defence Minister Khawaja Asif in Baku on March 4. "
         "Azerbaijani Defence Minister Hasanov spoke.",
         [("Zakir Hasanov", "Defence Minister", "AZE"), ("Khawaja Asif", "Defence Minister", "PAK")]),
        # An office with no name after it gives no one, and lends no one its country.
        ("Pakistan's Minister of Defence met Azerbaijani Defence Minister Zakir Hasanov in Baku on March 4.",
         [("Zakir Hasanov", "Defence Minister", "AZE")]),
        # An office "of" an institution after another person's name in the sentence starts at its own title word.
        ("Azerbaijani Defence Minister Zakir Hasanov met the Commander of the Pakistan Navy, Admiral Naveed Ashraf, "
         "in Baku on March 4.", [("Zakir Hasanov", "Defence Minister", "AZE"), ("Naveed Ashraf",
                                                                              "Commander of the Navy", "PAK")]),
        # "General" after Director or Secretary is part of the office, not a rank.
        ("Pakistani Director General Ahmed Khan met Azerbaijani Defence Minister Colonel General Zakir Hasanov in "
         "Baku on March 4.", [("Ahmed Khan", "Director General", "PAK"), ("Zakir Hasanov", "Defence Minister",
                                                                          "AZE")]),
        # A rank of two words is the role, never the name.
        ("Azerbaijani Lt Gen Zakir Hasanov met Pakistani Defence Minister Khawaja Asif in Baku on March 4.",
         [("Zakir Hasanov", "Lt Gen", "AZE"), ("Khawaja Asif", "Defence Minister", "PAK")]),
        # Someone named only as the sender of greetings took no part.
        ("Azerbaijani Defence Minister Zakir Hasanov met Pakistani Defence Minister Khawaja Asif in Baku on March 4. "
         "Asif conveyed Prime Minister Sharif's greetings.",
         [("Zakir Hasanov", "Defence Minister", "AZE"), ("Khawaja Asif", "Defence Minister", "PAK")]),
    ],
)  # fmt: skip
def test_each_participant_once_with_the_fullest_name_and_the_best_role(
    run: Run, body: str, people: list[Participant]
) -> None:
    assert _people(_draft(run, HEAD + body)) == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # Two people who share a first name are two people.
        (HEAD + "Azerbaijani Foreign Minister Ali Hasanov met Pakistani Foreign Minister Ali Khan in Baku on March 4.",
         [("Ali Hasanov", "Foreign Minister", "AZE"), ("Ali Khan", "Foreign Minister", "PAK")]),
        # The same person with a middle name, and with a name before a surname the body gives alone.
        (HEAD + "Azerbaijani Foreign Minister Jeyhun Bayramov met Pakistani President Ferdinand Marcos Jr in Baku on "
         "March 4. Ferdinand Romualdez Marcos Jr, the President of Pakistan, thanked him.",
         [("Jeyhun Bayramov", "Foreign Minister", "AZE"), ("Ferdinand Romualdez Marcos Jr", "President", "PAK")]),
        (HEAD + "Pakistani President Asif Ali Zardari met Azerbaijani President Ilham Aliyev in Baku on March 4. "
         "President Zardari thanked him.",
         [("Asif Ali Zardari", "President", "PAK"), ("Ilham Aliyev", "President", "AZE")]),
        (HEAD + "Azerbaijani Defence Minister Zakir Abbas Hasanov met Pakistani Defence Minister Khawaja Asif in Baku "
         "on March 4. Minister Hasanov thanked him.",
         [("Zakir Abbas Hasanov", "Defence Minister", "AZE"), ("Khawaja Asif", "Defence Minister", "PAK")]),
        (HEAD + "Pakistani President Zardari met Azerbaijani President Ilham Aliyev in Baku on March 4. Ali Zardari "
         "thanked him.", [("Ali Zardari", "President", "PAK"), ("Ilham Aliyev", "President", "AZE")]),
        # A headline in title case is no source of first names, but the body after it is.
        ("Talks In Baku As Aliyev Receives Guests\n\nAzerbaijani President Aliyev met Pakistani Prime Minister "
         "Sharif in Baku on March 4.\n\nIlham Aliyev said ties were strong.",
         [("Ilham Aliyev", "President", "AZE"), ("Sharif", "Prime Minister", "PAK")]),
        # The first name is the word just before the surname where both are written, wherever else they are.
        (HEAD + "Azerbaijani President Aliyev met Pakistani Prime Minister Sharif in Baku on March 4. Aliyev praised "
         "the talks, and Ilham Aliyev thanked Sharif and Ilham Mammadov.",
         [("Ilham Aliyev", "President", "AZE"), ("Sharif", "Prime Minister", "PAK")]),
        # A country learnt from a later mention stays with the person.
        (HEAD + "Defence Minister Zakir Hasanov met Defence Minister Khawaja Asif in Baku on March 4.\n\nAzerbaijani "
         "Defence Minister Hasanov and Pakistani Defence Minister Asif praised the ties.",
         [("Zakir Hasanov", "Defence Minister", "AZE"), ("Khawaja Asif", "Defence Minister", "PAK")]),
        # Where a page's text was cut mid-name, an initial alone is no one.
        (HEAD + "Azerbaijani Foreign Minister Jeyhun Bayramov met Pakistan's State Minister for Foreign A",
         [("Jeyhun Bayramov", "Foreign Minister", "AZE")]),
        # A rank written before the name is the role only until an office is found; never part of the name.
        (HEAD + "Lt Gen Asim Malik, the Chief of the General Staff of Pakistan, met Azerbaijani Defence Minister "
         "Zakir Hasanov in Baku on March 4.",
         [("Asim Malik", "Chief of the General Staff", "PAK"), ("Zakir Hasanov", "Defence Minister", "AZE")]),
        # A name of short words is still a name.
        ("China and Pakistan held talks\n\nChinese President Xi met Pakistani Prime Minister Shehbaz Sharif in "
         "Beijing on March 4.", [("Xi", "President", "CHN"), ("Shehbaz Sharif", "Prime Minister", "PAK")]),
    ],
)  # fmt: skip
def test_one_person_is_one_participant_however_the_body_names_them(
    run: Run, text: str, people: list[Participant]
) -> None:
    assert _people(_draft(run, text)) == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # The title in the singular is each one's role: Ministers, Secretaries, Chairmen; "of the" before a country.
        ("Azerbaijan and the Philippines held talks\n\nForeign Ministers Jeyhun Bayramov of Azerbaijan and Enrique "
         "Manalo of the Philippines met in Baku on March 4.",
         [("Jeyhun Bayramov", "Foreign Minister", "AZE"), ("Enrique Manalo", "Foreign Minister", "PHL")]),
        (HEAD + "Foreign Secretaries Elnur Mammadov of Azerbaijan and Amna Baloch of Pakistan met in Baku on March 4.",
         [("Elnur Mammadov", "Foreign Secretary", "AZE"), ("Amna Baloch", "Foreign Secretary", "PAK")]),
        (HEAD + "Parliamentary Chairmen Sahiba Gafarova of Azerbaijan and Yousaf Gilani of Pakistan met in Baku on "
         "March 4.", [("Sahiba Gafarova", "Parliamentary Chairman", "AZE"), ("Yousaf Gilani", "Parliamentary Chairman",
                                                                              "PAK")]),
        # A plural title over one name and no country is no list; a later one in the sentence still is.
        (HEAD + "Trade Ministers Ali Khan of Commerce met on March 4 in Baku, and Foreign Ministers Jeyhun Bayramov of "
         "Azerbaijan and Ishaq Dar of Pakistan joined them.",
         [("Jeyhun Bayramov", "Foreign Minister", "AZE"), ("Ishaq Dar", "Foreign Minister", "PAK")]),
    ],
)  # fmt: skip
def test_one_plural_title_over_names_and_their_countries(run: Run, text: str, people: list[Participant]) -> None:
    draft = _draft(run, text, "--explain")
    assert _people(draft) == people
    # --explain quotes the title and the list up to each one's country
    for name, _, _ in people:
        quote = draft["evidence"]["participants"][name]
        assert quote.split()[1].endswith(("Ministers", "Secretaries", "Chairmen")) and name in quote


def test_a_list_of_offices_each_with_its_name_gives_each_name_without_the_next_ones_office(run: Run) -> None:
    # Each name follows its own office; read as "a name, then its office" the list would glue one office's last
    # words to the next name ("Aide Yury ...", "Ecology Alexander ...") and make a person of an office.
    text = (
        "Kenya and Ghana held talks in Nairobi on Monday.\n\n"
        "Kenya's delegation included Foreign Minister Musalia Mudavadi, Deputy Chief of Staff of the Executive "
        "Office Felix Koskei, Presidential Aide Dennis Itumbi, Presidential Press Secretary Hussein Mohamed, "
        "Ambassador to Ghana Eunice Kiprono, Minister of Natural Resources and Ecology Soipan Tuya, Trade "
        "Minister Rebecca Miano.\n"
    )
    names = {p["name"] for p in _draft(run, text, "--published", "2024-04-10")["participants"]}
    assert {"Dennis Itumbi", "Hussein Mohamed", "Soipan Tuya", "Eunice Kiprono"} <= names
    assert all(not n.startswith(("Aide", "Press", "Ecology", "Presidential")) for n in names), names


def test_a_rank_written_with_a_hyphen_is_not_part_of_the_name(run: Run) -> None:
    text = (
        "Kenya and Ghana held talks in Nairobi on Monday.\n\n"
        "Kenyan Defense Minister Col-Gen Aden Duale met Ghanaian Air Force Commander Air Vice Marshal Frank "
        "Hanson.\n"
    )
    names = {p["name"] for p in _draft(run, text, "--published", "2024-04-10")["participants"]}
    assert "Aden Duale" in names


def test_a_plural_office_of_countries_then_the_names_between_dashes_pairs_them_in_order(run: Run) -> None:
    text = (
        "On 16 July, the foreign ministers of Kenya, Ghana and Senegal – Musalia Mudavadi, Samuel Ablakwa and "
        "Yassine Fall – met in Nairobi to discuss trade.\n"
    )
    people = {
        (p["name"], p["role"], p["country"]) for p in _draft(run, text, "--published", "2025-07-17")["participants"]
    }
    assert people == {
        ("Musalia Mudavadi", "foreign minister", "KEN"),
        ("Samuel Ablakwa", "foreign minister", "GHA"),
        ("Yassine Fall", "foreign minister", "SEN"),
    }


def test_a_headlines_verb_in_title_case_after_an_office_is_no_name(run: Run) -> None:
    text = (
        "Ghana Secretary of the Navy Kicks Off Golden Anchor Exercise in Accra\n\n"
        "Navies of Ghana and Kenya began the Golden Anchor exercise in Accra on Monday.\n"
    )
    names = {p["name"] for p in _draft(run, text, "--published", "2024-04-10")["participants"]}
    assert not any("Kicks" in n for n in names), names
