"""The query's rows folded into draft engagements: one per pair of countries, date and kind, either direction.

GDELT's rows come one per engagement (grouping.py): here each is checked, tallied and made into its
stored document. ICEWS's come one per engagement, CAMEO code and place, with country names that only
Python resolves: here the codes of one engagement come together and its place is settled first.
Memory follows the number of engagements, not of events.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date as calendar_date
from functools import lru_cache
from typing import Any

from ..models import Location
from .documents import Described, Document, Drafter
from .grouping import codes_of
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
    """One engagement's figures, gathered from its rows (one per CAMEO code)."""

    events: int
    codes: list[str]
    areas: set[str]
    location: Location
    outlet: str | None
    url: str | None


def _draft(rows: list[tuple[Any, ...]], country_of: Callable[[str | None], str | None] | None) -> _Draft:
    placed: list[tuple[tuple[Any, ...], str, str]] = []
    for row in rows:
        if country_of is None:
            first, last = row[12], row[13]
        else:  # ICEWS: one place country per row (it is in the key), resolved as a name
            first = last = country_of(row[12]) if row[12] else None
        if first is not None and last is not None and int(row[8]):
            placed.append((row, first, last))
    location = Location()
    if placed:
        country = min(p[1] for p in placed)
        if country == max(p[2] for p in placed):
            # One place named for every placed event: that place; places in one country only: that country.
            named = sum(int(p[0][9]) for p in placed)
            names = [p[0][10] for p in placed if p[0][10] is not None] + [p[0][11] for p in placed if p[0][11]]
            same = named == 0 or (named == sum(int(p[0][8]) for p in placed) and len(set(names)) == 1)
            location = Location(country, names[0] if same and names else None)
    return _Draft(
        events=sum(int(row[7]) for row in rows),
        codes=sorted({row[6] for row in rows}),
        areas={row[5] for row in rows},
        location=location,
        outlet=min((row[14] for row in rows if row[14] is not None), default=None),
        url=min((row[15] for row in rows if row[15] is not None), default=None),
    )


def fold(
    rows: Iterable[tuple[Any, ...]],
    dataset: str,
    filters: EngineFilters,
    country_of: Callable[[str | None], str | None],
) -> tuple[list[Document], Tally]:
    """ICEWS: draft engagements in date order (then pair, then kind) from the query's rows (one per
    engagement, code and place, countries and places still names), and the tally of every event read.

    `country_of` turns ICEWS's country names into ISO codes; the countries and areas filters, which
    need them, apply here. (GDELT's rows come folded by the engine: `documents` below.)
    """
    tally = Tally()
    grouped: dict[tuple[str, str, str, str], list[tuple[Any, ...]]] = {}
    for row in rows:
        reason, one, two, day, kind = row[:5]
        if reason:
            tally.skip(reason, int(row[7]))
            continue
        a, b = country_of(one), country_of(two)
        if a is None or b is None:
            tally.skip(UNKNOWN_COUNTRY, int(row[7]))
        elif a == b:
            tally.skip(SAME_COUNTRY, int(row[7]))
        elif not _real_day(day):
            tally.skip(MALFORMED, int(row[7]))
        else:
            key = (day, a, b, kind) if a < b else (day, b, a, kind)
            found = grouped.get(key)
            if found is None:
                grouped[key] = [row]
            else:
                found.append(row)
    records = []
    drafter = Drafter(DATASET_NAMES[dataset])
    for key in sorted(grouped):
        draft = _draft(grouped.pop(key), country_of)
        day, a, b, kind = key
        if not _wanted(day, a, b, kind, draft.areas, filters):
            tally.skip(OUTSIDE, draft.events)
            continue
        tally.read += draft.events
        tally.taken += draft.events
        place = (draft.location.country, draft.location.place)
        codes = drafter.described(tuple(draft.codes), tuple(sorted(draft.areas)))
        source = (_unordered(draft.outlet), _unordered(draft.url))
        records.append(drafter.document(day, drafter.pair(a, b), kind, codes, draft.events, place, source))
    return records, tally


def documents(rows: Iterable[tuple[Any, ...]], dataset: str, filters: EngineFilters) -> tuple[list[Document], Tally]:
    """Draft engagements from the engine's rows, already one per engagement (grouping.py), in date
    order; and the tally. The filters apply again here: a saved result may have been made without them."""
    tally = Tally()
    records: list[Document] = []
    add = records.append
    drafter = Drafter(DATASET_NAMES[dataset])
    document, pair = drafter.document, drafter.pair
    checked = filters != EngineFilters()
    taken = 0  # added to the tally once: hundreds of thousands of rows
    code_sets: dict[Any, Described] = {}  # by mask (and other codes): one lookup per draft
    for reason, day, one, two, kind, mask, others, events, country, place, outlet, url in rows:
        if reason:
            tally.skip(reason, events)
        elif one is None or two is None:
            tally.skip(UNKNOWN_COUNTRY, events)
        elif one == two:
            tally.skip(SAME_COUNTRY, events)
        elif not _real_day(day):
            tally.skip(MALFORMED, events)
        else:
            key = mask if others is None else (mask, tuple(others))
            codes = code_sets.get(key)
            if codes is None:
                codes = code_sets[key] = drafter.described(*codes_of(mask, tuple(others or ())))
            if checked and not _wanted(day, one, two, kind, set(codes.areas), filters):
                tally.skip(OUTSIDE, events)
                continue
            taken += events
            add(document(day, pair(one, two), kind, codes, events, (country, place), (outlet, url)))
    tally.read += taken
    tally.taken += taken
    return records, tally


DATASET_NAMES = {"icews": "ICEWS", "gdelt": "GDELT"}


def _wanted(day: str, a: str, b: str, kind: str, areas: set[str], f: EngineFilters) -> bool:
    return (
        f.countries <= {a, b}
        and (f.kind is None or kind == f.kind)
        and (f.since is None or day >= f.since)
        and (f.until is None or day <= f.until)
        and f.areas <= areas
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


def _unordered(value: str | None) -> str | None:
    return value[ORDER_WIDTH:] if value is not None else None
