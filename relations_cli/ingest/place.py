"""Where an engagement happened: "talks in Baku", a visit's destination, or the dateline's city."""

from __future__ import annotations

import re

from .. import countries
from .article import Sentence, before
from .lexicon import Mention, find

_ENGAGED = re.compile(
    r"\b(held|hold|holds|took place|met|meet|meets|meeting|talks|signed|sign|hosted|received|receives|convened|"
    r"gathered|arrived|summit|visit|visited|conference|ceremony|exercises?|drills?|session|forum|retreat|"
    r"discussed|began|begin|launched|opened)\b"
)
_AT = re.compile(r"\b(in|at|near|off)\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")
_FOLLOWED_BY_DATE = re.compile(
    r"^\s*(?:on|,|from|this|last|yesterday|today|earlier)\b|^\s*(?:\.|$)", re.I
)  # "in Baku on Monday", "in Baku."
_CAPITAL_OF = re.compile(
    r"\b(?:in|at)\s+the\s+(?P<who>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s+capital(?:,\s+(?P<city>[A-Z][\w'’-]+))?"
)
_VISIT = re.compile(
    r"\b(?:visit(?:ed|ing|s)?|visit to|trip to|arrived in|arrives in|tour of|travelled to|traveled to)\s+(?:the\s+)?$",
    re.I,
)
_NOT_PLACES = set(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "The",
        "This",
        "That",
        "Which",
        "Order",
        "Accordance",
        "Addition",
        "Particular",
        "Turn",
        "Total",
        "Response",
        "Light",
        "Line",
        "Charge",
    ]
)
_SITUATION = re.compile(r"\b(situation|crisis|war|conflict|peace|tensions|developments|stability|events)\s*$", re.I)
# "a state visit by President Ilham Aliyev to Tashkent"
_VISIT_TO = re.compile(r"\bvisit\b[^.]{0,80}?\bto\s+(?:the\s+)?(?=[A-Z])")
# Active voice only: in "was received by", what comes before is the guest.
_RECEIVED = re.compile(r"(?<!was )(?<!were )(?<!been )\b(received|receives|hosted|hosts|welcomed|welcomes)\b")
_LEAD = 4  # the place of the engagement is told early


def locate(
    kind: str,
    sentences: list[Sentence],
    mentions: dict[int, list[Mention]],
    parties: list[str],
    dateline: str | None,
    dateline_country: str | None = None,
) -> tuple[str | None, str | None, str | None]:
    """(country, place, evidence). A call has no place; a place must be in a party's country."""
    if kind == "call":
        return None, None, None
    best: tuple[int, str | None, str | None, str] | None = None
    for s in sentences[:_LEAD] + sentences[_LEAD:]:
        if not _ENGAGED.search(s.text):
            continue
        for m in _AT.finditer(s.text):
            place = m.group("place")
            if place.split()[0] in _NOT_PLACES or _SITUATION.search(before(s.text, m.start())):
                continue
            known = next((x for x in mentions.get(s.index, []) if x.start == m.start("place")), None)
            code = known.code if known else None
            if code is not None and code not in parties:
                continue
            score = (2 if known else 0) + (2 if _FOLLOWED_BY_DATE.match(s.text[m.end() :]) else 0)
            score += 1 if m.group(1) == "in" else 0
            score -= s.index if s.index >= _LEAD else 0
            city = None if known and known.form in ("name", "demonym") else place
            if known and known.form == "capital" and m.group(1) == "near":
                city = None
            if best is None or score > best[0]:
                best = (score, code, city, s.text)
    if best is not None:
        _, code, city, why = best
        if code is None:
            code = _host(sentences, mentions) or _dateline_code(dateline, dateline_country, parties)
        return code, city, why
    for s in sentences:
        for m in _CAPITAL_OF.finditer(s.text):
            found = find(m.group("who"))
            if found and found[0].code in parties:
                return found[0].code, m.group("city") or countries.get(found[0].code).capital, s.text
    host = _host(sentences, mentions)
    if host:
        same = _dateline_code(dateline, dateline_country, parties) == host
        return host, dateline if same else None, "the country visited"
    code = _dateline_code(dateline, dateline_country, parties)
    if code:
        return code, dateline, f"the dateline: {dateline}"
    return None, None, None


def _host(sentences: list[Sentence], mentions: dict[int, list[Mention]]) -> str | None:
    """The country visited, or the one whose leader received or hosted the other side."""
    for s in sentences:
        received = _RECEIVED.search(s.text)
        if received:
            guests = [m for m in mentions.get(s.index, []) if m.end <= received.start() and m.form != "city"]
            if guests:
                return guests[-1].code
    for s in sentences:
        visited = {v.end() for v in _VISIT_TO.finditer(s.text)}
        for m in mentions.get(s.index, []):
            if m.form != "demonym" and (_VISIT.search(before(s.text, m.start)) or m.start in visited):
                return m.code
    return None


def _dateline_code(dateline: str | None, named: str | None, parties: list[str]) -> str | None:
    """The dateline's country, when it is a party's: "KARACHI, Pakistan", or a capital such as "BAKU"."""
    for text in (named, dateline):
        found = find(text) if text else []
        if found and found[0].code in parties:
            return found[0].code
    return None
