"""Participants named several under one title: "Defence Ministers X of Russia and Y of Belarus", "the
Ministers of Transport of Kazakhstan and Uzbekistan, Marat Karabayev and Ilkhom Makhkamov"."""

from __future__ import annotations

import re

from .mentions import Mention
from .people import NAME, Person, role_of

_PLURAL = r"(?:Ministers|Presidents|Premiers|Secretaries|Ambassadors|Chiefs|Commanders|Speakers|Chairmen)"
_PLURAL_TITLE = re.compile(rf"\b(?P<title>(?:[A-Z][\w'’-]*\s+){{0,3}}{_PLURAL})\s+")
_NAME_OF = re.compile(rf"(?P<name>{NAME})\s+of\s+")
_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
# The countries in the title, the names after it: "Armenian and Georgian Prime Ministers, Tigran Sargsyan and
# Nika Gilauri, respectively"; "the Foreign Ministers of India and Japan, A, B".
_TITLE_THEN_NAMES = re.compile(
    rf"(?P<title>(?:[A-Z][\w'’-]*,?\s+(?:and\s+)?){{0,6}}{_PLURAL}(?:\s+(?:of|for)\s+[^,;:()]{{2,80}}?)?),\s+"
    rf"(?P<names>{NAME}(?:(?:,\s+(?:and\s+)?|\s+and\s+){NAME})+)"
)
# ... and with no comma, where the countries are single words: "Prime Ministers of Latvia and Estonia
# Krišjanis Kariņš and Kaja Kallas".
_TITLE_OF_THEN_NAMES = re.compile(
    rf"(?P<title>(?:[A-Z][\w'’-]*\s+){{0,3}}{_PLURAL}\s+of\s+[A-Z][\w'’-]+(?:,\s+[A-Z][\w'’-]+)*,?\s+and\s+"
    rf"[A-Z][\w'’-]+)\s+(?P<names>{NAME}(?:(?:,\s+(?:and\s+)?|\s+and\s+){NAME})+)"
)
# ... and between dashes, the title perhaps in lower case: "the foreign ministers of Ukraine, Lithuania and
# Poland – A, B and C – met in Lublin".
_TITLE_DASH_NAMES = re.compile(
    rf"(?P<title>(?:[A-Za-z][\w'’-]*\s+){{0,3}}(?i:{_PLURAL})\s+(?:of|for)\s+[^;:()–—]{{2,80}}?)\s+[–—]\s+"
    rf"(?P<names>{NAME}(?:(?:,\s+(?:and\s+)?|\s+and\s+){NAME})+)"
)
_BETWEEN_NAMES = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
_SINGULAR = {"Secretaries": "Secretary", "Chairmen": "Chairman"}


def listed_people(sentence: str, mentions: list[Mention]) -> list[Person]:
    """People named under one title in the plural, each given a country of the title's in turn."""
    return [*_each_with_its_country(sentence, mentions), *_names_in_order(sentence, mentions)]


def _singular(role: str) -> str:
    def one(m: re.Match[str]) -> str:
        word = _SINGULAR.get(m.group().capitalize(), m.group()[:-1])
        return word if m.group()[0].isupper() else word.lower()

    return re.sub(rf"\b(?i:{_PLURAL})", one, role)


def _each_with_its_country(sentence: str, mentions: list[Mention]) -> list[Person]:
    """ "Defence Ministers X of Russia and Y of Belarus": one title in the plural, each name followed by its
    country. Two at least, or it is no such list."""
    people = []
    for head in _PLURAL_TITLE.finditer(sentence):
        role = _singular(role_of(head.group("title"), mentions, head.start()) or "")
        found: list[Person] = []
        at = head.end()
        while (named := _NAME_OF.match(sentence, at)) is not None:
            country = next((c for c in mentions if named.end() <= c.start <= named.end() + 4), None)
            if country is None:
                break
            evidence = sentence[head.start() : country.end]
            found.append(Person(named.group("name"), role, country.code, evidence, "participants.plural-title"))
            following = _NEXT.match(sentence, country.end)
            if following is None:
                break
            at = following.end()
        if len(found) > 1:
            people.extend(found)
    return people


def _names_in_order(sentence: str, mentions: list[Mention]) -> list[Person]:
    """ "The Ministers of Transport of Kazakhstan and Uzbekistan, Marat Karabayev and Ilkhom Makhkamov": as many
    names as the title has countries, paired in order (as "respectively" says, written or not)."""
    people = []
    lists = (_TITLE_THEN_NAMES, _TITLE_OF_THEN_NAMES, _TITLE_DASH_NAMES)
    for m in [found for pattern in lists for found in pattern.finditer(sentence)]:
        codes = list(dict.fromkeys(c.code for c in mentions if m.start("title") <= c.start < m.end("title")))
        names = _BETWEEN_NAMES.split(m.group("names"))
        if len(codes) < 2 or len(names) != len(codes):
            continue
        role = role_of(m.group("title"), mentions, m.start("title")) or ""
        role = re.sub(r"^(?:(?:and|,)\s*)+|(?:\s+(?:of|and|the|,))+$", "", role)
        for name, code in zip(names, codes, strict=True):
            people.append(Person(name, _singular(role) or None, code, m.group(0), "participants.in-order"))
    return people
