"""Reading a news article and proposing the engagement it reports, with the evidence for each field.

Rules, not a model: the genre (agency and ministry reports of talks, calls,
signings and drills) is regular enough that patterns over sentences find the
parties, the date, the kind, the areas, the place and the people, and every
choice can be shown with the words that led to it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import countries
from ..dates import last_day
from ..errors import InvalidInput
from . import article as articles
from . import classify, leaders, participants, people, place, weights, when
from .evidence import Evidence, Why
from .mentions import Mention, find
from .parties import choose
from .people_lists import listed_people
from .web import date_in_url, government_of, month_in_url

if TYPE_CHECKING:
    from ..models import Engagement

_VERBS = {"meeting": "met", "call": "spoke by phone", "agreement": "signed a document",
          "exercise": "held a joint exercise", "statement": "made a statement", "other": "engaged"}  # fmt: skip


@dataclass
class Draft:
    """A proposed record (raw, to be validated like any other) and the evidence for each field."""

    record: dict[str, Any]  # "date" is None when no date was found and none given
    evidence: Evidence = field(default_factory=Evidence)
    warnings: list[str] = field(default_factory=list)


_ASSUMED_YEAR = "the year is the latest the article names, else today's: the article's date has none"


class TooFewParties(InvalidInput):
    """Fewer than two parties: the message says what was found and why."""


def propose(
    text: str,
    *,
    today: str,
    published: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    author: str | None = None,
    parties: list[str] | None = None,
    name: str = "the article",
    published_from: str = "--published",
    outlet_from: str = "--outlet",
) -> Draft:
    """The draft record an article reports, with the evidence for each field (date None if none is found)."""
    if len(text) > articles.MAX_TEXT:
        raise InvalidInput(
            f"{name}: {len(text):,} characters is more than the {articles.MAX_TEXT:,} an article may have; "
            "give the article alone"
        )
    url_month = month_in_url(url) if not published else None
    if url_month and last_day(url_month) < today:  # "/2013/11/": written by the end of that month
        today = last_day(url_month)
    art = articles.parse(text, today, year_known=url_month is not None)
    evidence = Evidence()
    warnings: list[str] = []
    if published:
        art.published, art.evidence["published"] = published, published_from
        art.year_from_clock = False
    elif art.published is None and date_in_url(url):
        art.published, art.evidence["published"] = date_in_url(url), f"the date in the URL: {url}"
    if author and not art.author:
        art.author, art.evidence["author"] = author, "the page's byline"
    if art.year_from_clock and art.published:
        warnings.append(f"{name}: the article's date has no year; {art.published[:4]} is assumed ({_ASSUMED_YEAR})")
    if outlet:
        art.outlet, art.evidence["outlet"] = outlet, outlet_from
    sentences = list(art.sentences)
    if art.headline:
        sentences = [articles.Sentence(art.headline, 0, -1)] + [
            articles.Sentence(s.text, s.index + 1, s.paragraph) for s in sentences
        ]
    if not sentences:
        raise InvalidInput(f"{name}: no text to read")
    mentions = {s.index: find(s.text) for s in sentences}
    found_people: list[people.Person] = []
    for s in sentences:
        found_people.extend(people.find_people(s.text, mentions[s.index], found_people))
        found_people.extend(listed_people(s.text, mentions[s.index]))
    found_people = [p for p in participants.merge(found_people) if participants.took_part(p, sentences)]
    for person in found_people:
        participants.complete(person, sentences, mentions)
    found_people = participants.merge(found_people)  # "Marcos" completed to "Marcos Jr" is "Ferdinand R. Marcos Jr"
    lead_size = weights.lead_size(art.headline is not None)
    aside = participants.bystanders(found_people, sentences, lead_size)
    found_people = [p for p in found_people if p.name not in aside]
    through_leaders = _place_leaders(found_people, int(art.published[:4]) if art.published else None)
    countries_of = Counter(p.country for p in found_people if p.country)
    unplaced = sum(1 for p in found_people if p.country is None)
    choice = choose(sentences, mentions, countries_of, lead_size, unplaced, through_leaders, _publisher(url))
    chosen = sorted({countries.resolve(c) for c in parties} if parties else choice.parties)
    if len(set(chosen)) < 2:
        raise TooFewParties(_too_few(name, choice.scores, choice.reasons))
    evidence.countries = {
        c: Why("parties.given", "--country") if parties else Why(choice.rules[c], choice.evidence.get(c, ""))
        for c in chosen
    }
    mentioned = sorted({m.code for ms in mentions.values() for m in ms if m.form != "city"} - set(chosen))
    evidence.mentioned = {c: "; ".join(choice.reasons.get(c, [])[:2]) for c in mentioned}

    named_year = today if url_month else when.year_reference(text, today)
    date, evidence.date = when.decide(
        sentences, art.published, art.dateline_date, today, lead_size, month_in_url(url),
        named_year if named_year != today else None,
    )  # fmt: skip
    if (art.year_from_clock or (not art.published and named_year != today)) and evidence.date.rule != "date.missing":
        evidence.date = Why(evidence.date.rule, f"{evidence.date.words} ({_ASSUMED_YEAR})")

    kind, evidence.kind = classify.kind(sentences[:lead_size], sentences)
    topics = classify.topics(sentences, [_between_others(s, mentions[s.index], chosen) for s in sentences])
    evidence.areas = dict(topics)
    country, where, evidence.location = place.locate(
        kind, sentences, mentions, chosen, art.dateline, art.dateline_country, lead_size, date
    )
    _fill_countries(found_people, chosen, mentions)
    taking_part = [p for p in found_people if p.country is None or p.country in chosen]
    evidence.participants = {p.name: Why(p.rule, p.evidence) for p in taking_part}
    for key in ("outlet", "author", "published"):
        if art.evidence.get(key):
            evidence.source[key] = art.evidence[key]
    record = {
        "date": date,
        "countries": chosen,
        "kind": kind,
        "areas": [a for a, _ in topics],
        "location": {"country": country, "place": where},
        "participants": [{"name": p.name, "role": p.role, "country": p.country} for p in taking_part],
        "mentioned": mentioned,
        "summary": _summary(chosen, kind, [a for a, _ in topics], taking_part, country),
        "source": {"outlet": art.outlet, "author": art.author, "url": url, "published": art.published},
        "tags": ["ingested"],
    }
    return Draft(record, evidence, warnings)


def _publisher(url: str | None) -> str | None:
    """The country whose government's site published the article ("foreign.gov.tt"), if it is one."""
    code = government_of(url)
    if code is None:
        return None
    try:
        return countries.resolve(code)
    except InvalidInput:
        return None


def _between_others(s: articles.Sentence, found: list[Mention], parties: list[str]) -> set[str]:
    """Third countries a sentence is about ("ties between North Korea and Russia"), when it names no party."""
    between = s.text.find(" between ")
    if between < 0 or any(m.code in parties for m in found):
        return set()
    return {m.code for m in found if m.start > between}


def _place_leaders(found: list[people.Person], year: int | None) -> dict[str, str]:
    """Give people the text ties to no country the country of the leader the table knows by that title and name
    ("President Duterte"); the countries so found, each with the words that showed it."""
    placed: dict[str, str] = {}
    for p in found:
        code = None if p.country else leaders.country_of(p.name, p.role, year)
        if code:
            p.country, p.rule = code, "participants.leader"
            placed.setdefault(code, f"{p.role} {p.name}")
    return placed


def _fill_countries(found: list[people.Person], parties: list[str], mentions: dict[int, list[Mention]]) -> None:
    """People named without a country ("Prime Minister Pham Minh Chinh") belong to the parties no one speaks for,
    in the order the article names those parties."""
    unknown = [p for p in found if p.country is None]
    represented = {p.country for p in found}
    silent = [c for c in dict.fromkeys(m.code for ms in mentions.values() for m in ms) if c in parties]
    silent = [c for c in silent if c not in represented]
    if unknown and len(silent) == 1:
        for p in unknown:
            p.country = silent[0]
    elif unknown and len(unknown) == len(silent):
        for p, code in zip(unknown, silent, strict=True):
            p.country = code


def _summary(codes: list[str], kind: str, areas: list[str], who: list[people.Person], where: str | None) -> str:
    names = [countries.display_name(c) for c in codes]
    pair = "–".join(names)
    actors = [f"{p.role} {p.name}" if p.role else p.name for p in who[:3]]
    subject = " and ".join([", ".join(actors[:-1]), actors[-1]] if len(actors) > 1 else actors) or " and ".join(names)
    text = f"{pair}: {subject} {_VERBS[kind]}"
    if areas:
        listed = ", ".join(areas[:-1]) + (" and " if len(areas) > 1 else "") + areas[-1]
        text += f" on {listed} cooperation"
    if where and kind != "call":
        text += f" in {countries.display_name(where)}"
    return text + "."


def summary_of(record: Engagement) -> str:
    """The one-line summary ingest writes, made again from a record's (edited) fields."""
    who = [people.Person(p.name, p.role, p.country, "") for p in record.participants]
    return _summary(list(record.countries), record.kind, list(record.areas), who, record.location.country)


def _too_few(name: str, scores: dict[str, float], reasons: dict[str, list[str]]) -> str:
    if not scores:
        return f"{name}: no country found in the article, so no parties; give them with --country"
    found = "; ".join(
        f"{countries.display_name(c)} ({c}): {', '.join(dict.fromkeys(reasons[c]))[:120]}"
        for c in sorted(scores, key=lambda c: -scores[c])[:5]
    )
    return f"{name}: fewer than two parties found. Countries named: {found}. Give the parties with --country"


__all__ = ["Draft", "Mention", "TooFewParties", "propose", "summary_of"]
