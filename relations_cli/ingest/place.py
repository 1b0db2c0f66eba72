"""Where an engagement happened: "talks in Baku", a visit's destination, or the dateline's city."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import countries
from ..dates import last_day
from . import gazetteer, when
from . import lexicon as lx
from . import weights as w
from .article import Sentence, before
from .evidence import Why
from .mentions import Mention, find

# A place's name: up to three capitalised words, a particle between them ("Rio de Janeiro").
_NAME = r"[A-Z][\w'’-]+(?:\s+(?:(?:de|da|do|del|di|la|es)\s+)?[A-Z][\w'’-]+){0,2}"
# "in Baku", "in northern Egypt", "in the capital Ankara", "in the port city of Gwadar"
_AT = re.compile(
    r"\b(in|at|near|off|outside|along)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+|central\s+|(?:capital|(?:port\s+)?city)(?:\s+of)?,?\s+)?"
    rf"(?P<place>{_NAME})"
)
_FOLLOWED_BY_DATE = re.compile(
    r"^\s*(?:on|,|from|this|last|yesterday|today|earlier)\b|^\s*(?:\.|$)", re.I
)  # "in Baku on Monday", "in Baku."
_CAPITAL_OF = re.compile(
    r"\b(?:in|at)\s+the\s+(?P<who>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s+capital(?:,\s+(?P<city>[A-Z][\w'’-]+))?"
)
# "a state visit by President Ilham Aliyev to Tashkent"
_VISIT_TO = re.compile(r"\bvisit\b[^.]{0,80}?\bto\s+(?:the\s+)?(?=[A-Z])")
_PLACE_NAME = re.compile(_NAME)
# A venue in a country of neither side, told as the venue: "took place on the margins of the Forum meeting in
# Suva", "met on the sidelines of the summit in Astana". Elsewhere a third country's place is a topic.
_THIRD_VENUE = re.compile(r"\b(?:took place|on the (?:sidelines|side-lines|margins) of)\b[^.;]{0,80}$", re.I)
# "met here on Monday", "at the ministry here": the dateline's city
_HERE = re.compile(r"\b(?:in|at|held|met|meet|signed|hosted|opened|began|arrived|place)\b[^.,;]{0,40}?\b(here)\b")


def _places_in(text: str) -> list[tuple[str, int, str]]:
    """(preposition, offset, place) for each place a sentence may put the engagement in: "in Baku", "off
    Trincomalee", "just outside Lae", "a visit by X to Rome", "held here"."""
    places = [(m.group(1), m.start("place"), m.group("place")) for m in _AT.finditer(text)]
    for m in _VISIT_TO.finditer(text):
        name = _PLACE_NAME.match(text, m.end())
        if name:
            places.append(("to", name.start(), name.group()))
    places.extend(("in", m.start(1), "here") for m in _HERE.finditer(text))
    return sorted(places, key=lambda p: p[1])


def locate(
    kind: str,
    sentences: list[Sentence],
    mentions: dict[int, list[Mention]],
    parties: list[str],
    dateline: str | None,
    dateline_country: str | None,
    lead_size: int,
    date: str | None = None,
) -> tuple[str | None, str | None, Why]:
    """(country, place, evidence). A call has no place; a place must be in a party's country, and not told with
    another day than the engagement's `date`."""
    if kind == "call":
        return None, None, Why("location.call")
    here = _dateline_code(dateline, dateline_country, parties)
    found = _candidates(sentences, mentions, parties, here, dateline, lead_size + w.PLACE_PAST_LEAD, date)
    if kind != "exercise":  # only a drill is held at sea; talks "on the Caspian Sea" are about it
        found = [f for f in found if not f.sea]
    if found:
        best = max(found, key=lambda f: f.score)  # the first of the best
        if best.sea:
            return None, None, Why("location.sea", best.sentence)
        code = best.code
        # "in Morobe Province, just outside Lae": the town the table knows, told in the same sentence (a
        # place in another sentence may be another meeting's: "the sides last met in Islamabad").
        placed = [f for f in found if f.code is not None and f.sentence == best.sentence]
        if code is None and placed:
            code = max(placed, key=lambda f: f.score).code
        if code is None:
            code = _host(sentences, mentions) or here
        if best.city is None:  # "met in the Azerbaijani capital(, Baku)": the "in" found the country only
            capital = _capital_of(best.sentence, parties)
            if capital is not None and capital[0] == code:
                return capital[0], capital[1], Why("location.capital-of", best.sentence)
        return code, best.city, Why("location.in-at", best.sentence)
    for s in sentences:
        capital = _capital_of(s.text, parties)
        if capital is not None:
            return capital[0], capital[1], Why("location.capital-of", s.text)
    host = _host(sentences, mentions)
    if host:
        same = _dateline_code(dateline, dateline_country, parties) == host
        return host, dateline if same else None, Why("location.host")
    code = _dateline_code(dateline, dateline_country, parties)
    if code:
        return code, dateline, Why("location.dateline", f"the dateline: {dateline}")
    return None, None, Why("location.unknown")


@dataclass
class _Place:
    score: int
    code: str | None
    city: str | None
    sentence: str
    sea: bool = False


def _candidates(
    sentences: list[Sentence],
    mentions: dict[int, list[Mention]],
    parties: list[str],
    here: str | None,
    dateline: str | None,
    early: int,
    date: str | None = None,
) -> list[_Place]:
    """Each place the sentences about the engagement put it in (the first sentence always counts), scored: a
    known place, followed by the date, "in", a city, early in the article."""
    found: list[_Place] = []
    for s in sentences:
        if s.index > 0 and not (lx.ENGAGED.search(s.text) or lx.PRESENT_IN.search(s.text)):
            continue
        for preposition, start, place in _places_in(s.text):
            ahead = before(s.text, start)
            if place.split()[0] in lx.NOT_PLACES or lx.SITUATION.search(ahead) or lx.FUTURE.search(ahead):
                continue
            end = start + len(place)
            if _another_day(s.text[end:], date):  # "their meeting in Sydney on 30 July 2012", "in Tashkent last year"
                continue
            known = next((x for x in mentions.get(s.index, []) if x.start == start), None)
            if known and known.form == "demonym" and place.split()[1:2] in (["Ocean"], ["Sea"]):
                continue  # "in the (east) Indian Ocean": a sea, not India
            code: str | None = known.code if known else None
            town: str | None = None
            sea = not known and bool({place.split()[0], place.split()[-1]} & lx.SEAS)  # "in the Gulf of Oman"
            if place == "here":  # "met here on Monday": the dateline's city
                if not here:
                    continue
                code = town = here
                place = dateline or place
            elif not known and not sea:
                code, through = _country_after(s.text, end, mentions.get(s.index, []), parties)
                if through:  # "the Ministry of Foreign Affairs of Turkmenistan" is the place, not "Ministry"
                    place, end = s.text[start:through], through
                town = None if code else gazetteer.party_of(place, parties)
                code = code or _city_within(place, parties) or town
            if code is not None and code not in parties and not _THIRD_VENUE.search(ahead):
                continue
            score = (w.PLACE_KNOWN if known or town else 0) + (
                w.PLACE_THEN_DATE if _FOLLOWED_BY_DATE.match(s.text[end:]) else 0
            )
            score += w.PLACE_IN if preposition in ("in", "to") else 0
            score += w.PLACE_CITY if town or (known and known.form in ("capital", "city")) else 0
            score -= s.index if s.index >= early else 0
            city: str | None = None if known and known.form in ("name", "demonym") else place
            if known and known.form == "capital" and preposition == "near":
                city = None
            found.append(_Place(score, code, None if sea else city, s.text, sea))
    return found


_TOLD_ON = re.compile(rf"^\s*,?\s*on\s+(?:\w+day,?\s+)?(?P<day>{when.DATE_TEXT})")
_LONG_AGO = re.compile(r"^\s*,?\s*(?:last (?:year|month)|(?:\w+ )?(?:years?|months?) ago)\b", re.I)
_IN_YEAR = re.compile(r"^\s*,?\s*in ((?:19|20)\d\d)\b")


def _another_day(after: str, date: str | None) -> bool:
    """Whether the words after a place tell another day than the engagement's: a past meeting's place."""
    if date is None:
        return False
    year = _IN_YEAR.match(after)
    if _LONG_AGO.match(after) or (year and not date.startswith(year.group(1))):
        return True
    told = _TOLD_ON.match(after)
    day = when.absolute_date(told.group("day"), last_day(date)) if told else None  # "2018-01" read to its end
    return day is not None and not date.startswith(day) and not day.startswith(date)


def _host(sentences: list[Sentence], mentions: dict[int, list[Mention]]) -> str | None:
    """The country visited, or the one whose leader received or hosted the other side."""
    for s in sentences:
        received = lx.RECEIVED.search(s.text)
        if received:
            guests = [m for m in mentions.get(s.index, []) if m.end <= received.start() and m.form != "city"]
            if guests:
                return guests[-1].code
    for s in sentences:
        visited = {v.end() for v in _VISIT_TO.finditer(s.text)}
        for m in mentions.get(s.index, []):
            if m.form != "demonym" and (lx.VISITED.search(before(s.text, m.start)) or m.start in visited):
                return m.code
    return None


def _capital_of(text: str, parties: list[str]) -> tuple[str, str | None] | None:
    """A party's capital told as such: "in the Azerbaijani capital, Baku", "in the capital of Pakistan"."""
    for m in _CAPITAL_OF.finditer(text):
        named = find(m.group("who"))
        if named and named[0].code in parties:
            return named[0].code, m.group("city") or countries.get(named[0].code).capital
    return None


def _dateline_code(dateline: str | None, named: str | None, parties: list[str]) -> str | None:
    """The dateline's country, when it is a party's: "KARACHI, Pakistan", or a capital such as "BAKU"."""
    for text in (named, dateline):
        found = find(text) if text else []
        if found and found[0].code in parties:
            return found[0].code
    return gazetteer.party_of(dateline, parties) if dateline else None


def _country_after(text: str, end: int, found: list[Mention], parties: list[str]) -> tuple[str | None, int | None]:
    """The country an unknown place is placed in right after it: "the Kakheti region of Georgia",
    "Parliament House, Canberra"; with where the place's name ends when the country is part of it ("the Ministry
    of Foreign Affairs of Turkmenistan")."""
    for m in found:
        placed = lx.PLACED_IN.match(text[end : m.start]) if m.start >= end and m.code in parties else None
        if placed:
            return m.code, (m.end if placed.group("institution") else None)
    return None, None


def _city_within(place: str, parties: list[str]) -> str | None:
    """The party whose capital or city an unknown place's name holds: "Metro Manila", "Greater Jakarta"."""
    found = [m for m in find(place) if m.form in ("capital", "city")]
    return found[0].code if found and found[0].code in parties else None
