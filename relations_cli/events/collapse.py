"""The query's rows folded into draft engagements: one per pair of countries, date and kind, either direction.

The engine has already grouped the events by pair, day, kind and CAMEO code; here the codes of one
engagement come together, its place is settled, and it gets its summary and tags. Memory follows
the number of engagements, not of events.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date as calendar_date
from functools import lru_cache
from typing import Any

from ..countries import display_name
from ..models import Engagement, Location, Source
from . import cameo
from .sql import MALFORMED, ORDER_WIDTH, OUTSIDE, SAME_COUNTRY, UNKNOWN_COUNTRY, EngineFilters

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass
class Tally:
    """What happened to each event read, for the report."""

    read: int = 0
    taken: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def skip(self, reason: str, n: int = 1) -> None:
        self.read += n
        self.skipped[reason] += n

    def to_dict(self) -> dict[str, Any]:
        return {"read": self.read, "taken": self.taken, "skipped": dict(sorted(self.skipped.items()))}


@dataclass
class _Draft:
    """One engagement being gathered from its rows."""

    events: int = 0
    codes: set[str] = field(default_factory=set)
    areas: set[str] = field(default_factory=set)
    placed: int = 0
    named: int = 0
    place_first: str | None = None
    place_last: str | None = None
    country_first: str | None = None
    country_last: str | None = None
    outlet: str | None = None
    url: str | None = None

    def add(self, row: tuple[Any, ...], countries: tuple[str | None, str | None]) -> None:
        events, placed, named, first, last, _, _, outlet, url = row[7:]
        place_first, place_last = countries
        self.events += int(events)
        self.codes.add(row[6])
        self.areas.add(row[5])
        if place_first is not None and place_last is not None and int(placed):
            self.placed += int(placed)
            self.named += int(named)
            self.place_first = _least(self.place_first, first)
            self.place_last = _most(self.place_last, last)
            self.country_first = _least(self.country_first, place_first)
            self.country_last = _most(self.country_last, place_last)
        self.outlet = _least(self.outlet, outlet)
        self.url = _least(self.url, url)

    def location(self) -> Location:
        # One place named for every placed event: that place; places in one country only: that country.
        if self.country_first is None or self.country_first != self.country_last:
            return Location()
        same_place = self.named == 0 or (self.named == self.placed and self.place_first == self.place_last)
        return Location(self.country_first, self.place_first if same_place else None)


def fold(
    rows: Iterable[tuple[Any, ...]],
    dataset: str,
    filters: EngineFilters,
    country_of: Callable[[str | None], str | None] | None = None,
) -> tuple[list[Engagement], Tally]:
    """Draft engagements in date order (then pair, then kind), and the tally of every event read.

    `country_of` turns the query's country values into ISO codes (ICEWS gives names); GDELT's are
    codes already. Filters the engine could not apply (countries and areas for ICEWS) apply here.
    """
    tally = Tally()
    drafts: dict[tuple[str, str, str, str], _Draft] = {}
    for row in rows:
        reason, one, two, day, kind = row[:5]
        events = int(row[7])
        if reason:
            tally.skip(reason, events)
            continue
        a, b = (country_of(one), country_of(two)) if country_of else (one, two)
        if a is None or b is None:
            tally.skip(UNKNOWN_COUNTRY, events)
        elif a == b:
            tally.skip(SAME_COUNTRY, events)
        elif not _real_day(day):
            tally.skip(MALFORMED, events)
        else:
            key = (day, a, b, kind) if a < b else (day, b, a, kind)
            draft = drafts.get(key)
            if draft is None:
                draft = drafts[key] = _Draft()
            if country_of is None:
                draft.add(row, (row[12], row[13]))
            else:  # one place country per row (it is in the key): resolved as a name
                place = country_of(row[12]) if row[12] else None
                draft.add(row, (place, place))
    records = []
    for key in sorted(drafts):
        draft = drafts.pop(key)
        if not _wanted(key, draft, filters):
            tally.skip(OUTSIDE, draft.events)
            continue
        tally.read += draft.events
        tally.taken += draft.events
        records.append(_record(key, draft, DATASET_NAMES[dataset]))
    return records, tally


DATASET_NAMES = {"icews": "ICEWS", "gdelt": "GDELT"}


def _wanted(key: tuple[str, str, str, str], draft: _Draft, f: EngineFilters) -> bool:
    day, a, b, kind = key
    return (
        f.countries <= {a, b}
        and (f.kind is None or kind == f.kind)
        and (f.since is None or day >= f.since)
        and (f.until is None or day <= f.until)
        and f.areas <= draft.areas
    )


@lru_cache(maxsize=65536)  # a month of events has some thirty days
def _real_day(day: str | None) -> bool:
    if not day or not _DAY.fullmatch(day):
        return False
    try:
        calendar_date(int(day[:4]), int(day[5:7]), int(day[8:10]))
    except ValueError:
        return False
    return True


def _record(key: tuple[str, str, str, str], draft: _Draft, dataset: str) -> Engagement:
    day, a, b, kind = key
    codes = sorted(draft.codes)
    return Engagement(
        date=day,
        countries=[a, b],
        kind=kind,
        areas=sorted(draft.areas),
        location=draft.location(),
        summary=summary(a, b, codes, draft.events, dataset),
        source=Source(outlet=_unordered(draft.outlet), url=_unordered(draft.url)),
        tags=sorted([dataset.lower(), *(f"cameo:{code}" for code in codes)]),
    )


def summary(a: str, b: str, codes: list[str], events: int, dataset: str) -> str:
    """ "Israel and Russia: consult; discuss by telephone (3 ICEWS events)"."""
    what = "; ".join(cameo.name(code) for code in codes)
    names = " and ".join(display_name(code) for code in (a, b))
    return f"{names}: {what} ({events} {dataset} event{'s' if events != 1 else ''})"


def _unordered(value: str | None) -> str | None:
    return value[ORDER_WIDTH:] if value is not None else None


def _least(old: str | None, new: str | None) -> str | None:
    return new if old is None or (new is not None and new < old) else old


def _most(old: str | None, new: str | None) -> str | None:
    return new if old is None or (new is not None and new > old) else old
