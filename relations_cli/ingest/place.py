"""Where an engagement happened: "talks in Baku", a visit's destination, or the dateline's city."""

from __future__ import annotations

import re

from .. import countries
from . import lexicon as lx
from . import weights as w
from .article import Sentence, before
from .evidence import Why
from .mentions import Mention, find

_AT = re.compile(r"\b(in|at|near|off)\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
_FOLLOWED_BY_DATE = re.compile(
    r"^\s*(?:on|,|from|this|last|yesterday|today|earlier)\b|^\s*(?:\.|$)", re.I
)  # "in Baku on Monday", "in Baku."
_CAPITAL_OF = re.compile(
    r"\b(?:in|at)\s+the\s+(?P<who>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s+capital(?:,\s+(?P<city>[A-Z][\w'’-]+))?"
)
# "a state visit by President Ilham Aliyev to Tashkent"
_VISIT_TO = re.compile(r"\bvisit\b[^.]{0,80}?\bto\s+(?:the\s+)?(?=[A-Z])")


def locate(
    kind: str,
    sentences: list[Sentence],
    mentions: dict[int, list[Mention]],
    parties: list[str],
    dateline: str | None,
    dateline_country: str | None,
    lead_size: int,
) -> tuple[str | None, str | None, Why]:
    """(country, place, evidence). A call has no place; a place must be in a party's country."""
    if kind == "call":
        return None, None, Why("location.call")
    early = lead_size + w.PLACE_PAST_LEAD
    best: tuple[int, str | None, str | None, str] | None = None
    for s in sentences:
        if not lx.ENGAGED.search(s.text):
            continue
        for m in _AT.finditer(s.text):
            place = m.group("place")
            ahead = before(s.text, m.start())
            if place.split()[0] in lx.NOT_PLACES or lx.SITUATION.search(ahead) or lx.FUTURE.search(ahead):
                continue
            known = next((x for x in mentions.get(s.index, []) if x.start == m.start("place")), None)
            code = known.code if known else _country_after(s.text, m.end(), mentions.get(s.index, []), parties)
            code = code or _city_within(place, parties)
            if code is not None and code not in parties:
                continue
            score = (w.PLACE_KNOWN if known else 0) + (
                w.PLACE_THEN_DATE if _FOLLOWED_BY_DATE.match(s.text[m.end() :]) else 0
            )
            score += w.PLACE_IN if m.group(1) == "in" else 0
            score -= s.index if s.index >= early else 0
            city = None if known and known.form in ("name", "demonym") else place
            if known and known.form == "capital" and m.group(1) == "near":
                city = None
            if best is None or score > best[0]:
                best = (score, code, city, s.text)
    if best is not None:
        _, code, city, why = best
        if code is None:
            code = _host(sentences, mentions) or _dateline_code(dateline, dateline_country, parties)
        return code, city, Why("location.in-at", why)
    for s in sentences:
        for m in _CAPITAL_OF.finditer(s.text):
            found = find(m.group("who"))
            if found and found[0].code in parties:
                city = m.group("city") or countries.get(found[0].code).capital
                return found[0].code, city, Why("location.capital-of", s.text)
    host = _host(sentences, mentions)
    if host:
        same = _dateline_code(dateline, dateline_country, parties) == host
        return host, dateline if same else None, Why("location.host")
    code = _dateline_code(dateline, dateline_country, parties)
    if code:
        return code, dateline, Why("location.dateline", f"the dateline: {dateline}")
    return None, None, Why("location.unknown")


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


def _dateline_code(dateline: str | None, named: str | None, parties: list[str]) -> str | None:
    """The dateline's country, when it is a party's: "KARACHI, Pakistan", or a capital such as "BAKU"."""
    for text in (named, dateline):
        found = find(text) if text else []
        if found and found[0].code in parties:
            return found[0].code
    return None


def _country_after(text: str, end: int, found: list[Mention], parties: list[str]) -> str | None:
    """The country an unknown place is placed in right after it: "the Kakheti region of Georgia",
    "Parliament House, Canberra"."""
    for m in found:
        if m.start >= end and m.code in parties and lx.PLACED_IN.match(text[end : m.start]):
            return m.code
    return None


def _city_within(place: str, parties: list[str]) -> str | None:
    """The party whose capital or city an unknown place's name holds: "Metro Manila", "Greater Jakarta"."""
    found = [m for m in find(place) if m.form in ("capital", "city")]
    return found[0].code if found and found[0].code in parties else None
