"""The relationship brief: each section's figures as plain typed rows (no Rich, no HTML).

A brief is of two countries (their relationship) or of one (its relations). Every figure comes
from the records the list filters chose, read once; an engagement of three or more countries
counts toward each of its pairs, and a partial date counts as its first day, as in summaries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import fields, replace
from typing import Any

from . import dates
from .brief_rows import AreaRow, Brief, Headline, Item, Partner, Period, Person, Place, Timeline
from .query import Row
from .summary import summarise

__all__ = ["AreaRow", "Brief", "Headline", "Item", "Partner", "Period", "Person", "Place", "Timeline", "build",
           "to_json"]  # fmt: skip

LATEST = 5
# Short spans read better by month: at most this many months from the first to the last.
MONTHLY_UP_TO = 24


def to_json(brief: Brief) -> dict[str, Any]:
    """Every figure under the keys the README documents; pair-only or country-only keys are left out."""
    # Shallow: the sections stay dataclasses, which orjson writes itself, far faster than asdict's deep copy.
    data = {"kind": "pair" if brief.is_pair else "country",
            **{f.name: getattr(brief, f.name) for f in fields(brief)}}  # fmt: skip
    drop = ("partners",) if brief.is_pair else ("agreements", "people", "places", "third_countries", "mentioned")
    for key in drop:
        del data[key]
    return data


def build(records: Sequence[Row], countries: Sequence[str], span: tuple[str | None, str | None] = (None, None),
          latest: int = LATEST) -> Brief:  # fmt: skip
    """The brief of one country or a pair from the records that passed the filters (any order)."""
    codes = sorted(set(countries))
    only = frozenset(codes)
    ordered = ordered_by_date(records)
    newest = ordered[::-1][:latest] if latest > 0 else []
    timeline = _timeline(ordered, span)
    brief = Brief(
        countries=codes,
        headline=_headline(ordered, only),
        timeline=timeline,
        areas=_area_rows(timeline),
        latest=[_item(r, d) for r, d in zip(newest, _docs(newest), strict=True)],
    )
    if len(codes) == 1:
        return replace(brief, partners=_partners(ordered, only))
    # Only a pair's brief reads past the indexed fields of every record (people, places, sources).
    docs = _docs(ordered)
    return replace(
        brief,
        agreements=[_item(r, d) for r, d in zip(ordered, docs, strict=True) if r.kind == "agreement"],
        people=_people(docs),
        places=_places(docs),
        third_countries=_ranked(Counter(c for r in ordered for c in r.countries if c not in only)),
        mentioned=_ranked(Counter(c for d in docs for c in d["mentioned"] if c not in only)),
    )


def ordered_by_date(records: Sequence[Row]) -> list[Row]:
    first_day = dates.first_day
    return sorted(records, key=lambda r: (r.date if len(r.date) == 10 else first_day(r.date), r.id or 0))


def _docs(records: Sequence[Row]) -> list[dict[str, Any]]:
    """The stored documents of the records (or the JSON of built ones): the store reads them its own way."""
    from .storage.records import documents

    return documents(records)


def _ranked(counter: dict[Any, int]) -> dict[Any, int]:
    if len(counter) < 2:  # most people met one counterpart in one role: nothing to sort
        return dict(counter)  # a plain dict always (asdict rebuilds a Counter wrongly, from its pairs)
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))))


def _headline(records: Sequence[Row], only: frozenset[str]) -> Headline:
    years: dict[str, int] = {}
    kinds: dict[str, int] = {}
    areas: set[str] = set()
    others: set[str] = set()
    military = 0
    last_day, last = "", None
    for r in records:  # one loop: it runs over every engagement of the brief
        day = r.date if len(r.date) == 10 else dates.first_day(r.date)
        years[day[:4]] = years.get(day[:4], 0) + 1
        kinds[r.kind] = kinds.get(r.kind, 0) + 1
        areas.update(r.areas)
        others.update(r.countries)
        if any(a == "military" or a.startswith("military-") for a in r.areas):
            military += 1
        if day >= last_day:
            last_day, last = day, r.date
    busiest = min(years.items(), key=lambda kv: (-kv[1], kv[0])) if years else None
    return Headline(
        engagements=len(records),
        first=records[0].date if records else None,
        last=last,
        busiest_year=busiest[0] if busiest else None,
        busiest_year_engagements=busiest[1] if busiest else 0,
        kinds=_ranked(kinds),
        military=military,
        military_share=round(military / len(records), 3) if records else None,
        areas=len(areas),
        partners=len(others - only),
    )


def timeline_unit(records: Sequence[Row], span: tuple[str | None, str | None]) -> str:
    """Months when the records (and the --since/--until range) cover at most two years' worth, else years."""
    days = [dates.first_day(r.date) for r in records] + [d for d in span if d]
    if not days:
        return "year"
    first, last = min(days), max(days)
    months = (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7]) + 1
    return "month" if months <= MONTHLY_UP_TO else "year"


def _timeline(records: Sequence[Row], span: tuple[str | None, str | None]) -> Timeline:
    by = timeline_unit(records, span)
    # Every period from the first to the last, empty ones included: summary's own timeline. Each record
    # is one engagement here (a pair's or a country's), so no narrowing to pairs applies.
    rows = summarise(records, by, frozenset(), span)
    return Timeline(by, [Period(r["period"], r["engagements"], r["kinds"], r["areas"]) for r in rows])


def _area_rows(timeline: Timeline) -> list[AreaRow]:
    """Areas × periods, busiest first; the trend compares the last period with the mean of those before."""
    periods = timeline.periods
    totals: Counter[str] = Counter()
    for p in periods:
        totals.update(p.areas)
    rows = []
    for area, total in totals.items():
        counts = [p.areas.get(area, 0) for p in periods]
        latest, earlier = counts[-1], counts[:-1]
        before = sum(earlier) / len(earlier) if earlier else 0.0
        rows.append(AreaRow(area, total, counts, latest, round(before, 2), _trend(latest, earlier, before)))
    rows.sort(key=lambda r: (-r.engagements, r.area))
    return rows


def _trend(latest: int, earlier: list[int], before: float) -> str:
    if not earlier:
        return ""
    if latest and not any(earlier):
        return "new"
    if latest > before:
        return "rising"
    if latest < before:
        return "fading"
    return "steady"


def _item(record: Row, doc: dict[str, Any]) -> Item:
    source = doc["source"]
    return Item(
        id=record.id or 0, date=record.date, kind=record.kind, countries=list(record.countries),
        summary=doc["summary"], outlet=source["outlet"], url=source["url"],
    )  # fmt: skip


def _people(docs: Sequence[dict[str, Any]]) -> list[Person]:
    """Everyone who took part, with their roles and the people of other countries they met, most often first."""
    # Plain dicts, each made once per person: this runs over every participant of every engagement.
    times: dict[tuple[str, str | None], int] = {}
    roles: dict[tuple[str, str | None], dict[str, int]] = {}
    met: dict[tuple[str, str | None], dict[str, int]] = {}
    for doc in docs:
        people = [(p["name"], p["country"], p["role"]) for p in doc["participants"]]
        seen = set()
        for name, country, role in people:
            key = (name, country)
            if key not in times:
                times[key], roles[key], met[key] = 0, {}, {}
            if role:
                held = roles[key]
                held[role] = held.get(role, 0) + 1
            if key in seen:
                continue
            seen.add(key)
            times[key] += 1
            others = met[key]
            for other, other_country, _ in people:
                if other != name and (country is None or other_country != country):
                    others[other] = others.get(other, 0) + 1
    found = [Person(name, country, list(_ranked(roles[(name, country)])), n, _ranked(met[(name, country)]))
             for (name, country), n in times.items()]  # fmt: skip
    found.sort(key=lambda p: (-p.engagements, p.name))
    return found


def _places(docs: Sequence[dict[str, Any]]) -> list[Place]:
    """Where they met: place and country, most often first (engagements with no location are left out)."""
    counts = Counter(
        (doc["location"]["place"], doc["location"]["country"])
        for doc in docs
        if doc["location"]["place"] or doc["location"]["country"]
    )
    return [
        Place(place, country, n)
        for (place, country), n in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0][1]), str(kv[0][0])))
    ]


def _partners(records: Sequence[Row], only: frozenset[str]) -> list[Partner]:
    """A country's partners, most engaged first: summary's pair rows, named by the other country."""
    (country,) = only
    partners = []
    for row in summarise(records, "pair", only):
        other = row["pair"][1] if row["pair"][0] == country else row["pair"][0]
        partners.append(Partner(other, row["engagements"], row["first"], row["last"], row["areas"], row["kinds"]))
    return partners
