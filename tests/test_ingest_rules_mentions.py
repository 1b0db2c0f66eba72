"""The countries a sentence names, as ingest reads them (`mentions.find`): each name, where it stands, and how."""

from __future__ import annotations

import pytest

from relations_cli.ingest.mentions import find


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # The longest name wins: not Guinea in Papua New Guinea, not Korea in North Korea.
        ("Papua New Guinea and New Zealand signed.", [("PNG", "Papua New Guinea"), ("NZL", "New Zealand")]),
        ("North Korea and Russia held talks.", [("PRK", "North Korea"), ("RUS", "Russia")]),
        ("The United States and South Korea held talks.", [("USA", "United States"), ("KOR", "South Korea")]),
        ("He met Guinea-Bissau officials.", [("GNB", "Guinea-Bissau")]),
        ("Bosnia and Herzegovina joined.", [("BIH", "Bosnia and Herzegovina")]),
        ("the Republic of Korea and the Democratic People's Republic of Korea",
         [("KOR", "Republic of Korea"), ("PRK", "Democratic People's Republic of Korea")]),
        # Abbreviations, possessives, both names of one country.
        ("US and UK officials met.", [("USA", "US"), ("GBR", "UK")]),
        ("The U.S. delegation arrived.", [("USA", "U.S.")]),
        ("Pakistan’s minister spoke to Pakistan's press.", [("PAK", "Pakistan’s"), ("PAK", "Pakistan's")]),
        ("Türkiye and Turkey", [("TUR", "Türkiye"), ("TUR", "Turkey")]),
        # Joined demonyms are each a country.
        ("Azerbaijani-Pakistani ties grew.", [("AZE", "Azerbaijani"), ("PAK", "Pakistani")]),
        # A capital and a city stand for their country.
        ("Xinhua reported from Beijing. China agreed.", [("CHN", "Beijing"), ("CHN", "China")]),
        ("They met in Cebu.", [("PHL", "Cebu")]),
        # No country: a peninsula (whatever its case), a lower-case word.
        ("Tensions on the Korean Peninsula rose.", []),
        ("Tensions on the Korean peninsula rose.", []),
        ("They ate turkey in Chad's capital.", [("TCD", "Chad's")]),
        # A comma or a full stop between two words ends a name: no South Africa here.
        ("Ministers from the Global South, Africa and Asia met.", []),
        ("Both sides called for a louder voice for the Global South. Africa was not discussed.", []),
        # Abbreviations in a list, with a possessive, or joined to a word.
        ("UAE, DPRK and PRC envoys met.", [("ARE", "UAE"), ("PRK", "DPRK"), ("CHN", "PRC")]),
        ("The UAE's envoy met the UK's.", [("ARE", "UAE's"), ("GBR", "UK's")]),
        ("The U.S.-led talks went on.", [("USA", "U.S.")]),
        # A headline in capitals: a name ending in X is still whole.
        ("MANX AND BRITISH OFFICIALS MEET", [("IMN", "MANX"), ("GBR", "BRITISH")]),
        # Northern Ireland is in the United Kingdom, not Ireland.
        ("Security in Northern Ireland was raised.", [("GBR", "Northern Ireland")]),
        # A news agency's name in a credit names no country in the story.
        ("ANKARA, Nov 28 (Kuwait News Agency) -- Oman and Jordan signed.",
         [("TUR", "ANKARA"), ("OMN", "Oman"), ("JOR", "Jordan")]),
        ("The Saudi Press Agency reported that Qatar agreed.", [("QAT", "Qatar")]),
        # A name whose shorter form is itself a name: Bosnia alone, then Serbia.
        ("Bosnia and Serbia signed.", [("BIH", "Bosnia"), ("SRB", "Serbia")]),
    ],
)  # fmt: skip
def test_each_country_named_in_order(text: str, named: list[tuple[str, str]]) -> None:
    found = find(text)
    assert [(m.code, m.text) for m in found] == named
    assert all(text[m.start : m.end] == m.text for m in found)


def test_each_mention_says_how_the_country_is_named() -> None:
    forms = [(m.code, m.form) for m in find("Azerbaijani officials from Baku and Cebu met Pakistan's envoy.")]
    assert forms == [("AZE", "demonym"), ("AZE", "capital"), ("PHL", "city"), ("PAK", "name")]


def test_the_offsets_count_from_where_the_text_starts_in_the_article() -> None:
    [baku] = find("They met in Baku.", 100)
    assert (baku.start, baku.end) == (112, 116)
    [uk, chad] = find("UK, Chad", 10)
    assert [(m.code, m.form, m.start, m.end) for m in (uk, chad)] == [("GBR", "name", 10, 12), ("TCD", "name", 14, 18)]
    parts = find("Azerbaijani-Pakistani ties", 50)
    assert [(m.code, m.start, m.end) for m in parts] == [("AZE", 50, 61), ("PAK", 62, 71)]
    later = find("He praised Azerbaijani-Pakistani ties.", 7)
    assert [(m.code, m.start, m.end) for m in later] == [("AZE", 18, 29), ("PAK", 30, 39)]
