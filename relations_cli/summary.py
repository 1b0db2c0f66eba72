"""Aggregations for summary and matrix: one pass over the records, plain rows out (no Rich).

An engagement of three or more countries counts toward every pair among them.
A partial date counts as its first day: "2021" falls in period 2021-01.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from . import dates
from .query import Row

BY = ("pair", "area", "country", "kind", "year", "month")
COLUMNS = {
    "pair": ["pair", "engagements", "areas", "kinds", "first", "last"],
    "area": ["area", "engagements", "kinds", "pairs", "busiest_pair", "first", "last"],
    "country": ["country", "engagements", "areas", "kinds", "partners", "first", "last"],
    "kind": ["kind", "engagements", "areas", "first", "last"],
    "year": ["period", "engagements", "areas", "kinds"],
    "month": ["period", "engagements", "areas", "kinds"],
}


@dataclass(slots=True)
class _Tally:
    """Running figures for one group (a pair, an area, a country, a kind or a period)."""

    engagements: int = 0
    areas: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    partners: Counter[str] = field(default_factory=Counter)
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    first: str | None = None
    last: str | None = None
    first_day: str = "9999-99-99"  # first days of `first` and `last`, kept so each record costs one conversion
    last_day: str = ""


def _ranked(counter: Counter[Any]) -> dict[Any, int]:
    """Most frequent first, then by name, as a plain dict (keys stay in that order in JSON)."""
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def pairs_of(parties: Sequence[str], only: frozenset[str] = frozenset()) -> Iterator[tuple[str, str]]:
    """The pairs among a record's parties, keeping only pairs that include every country in `only`."""
    for pair in combinations(parties, 2):
        if only.issubset(pair):
            yield pair


def summarise(
    records: Iterable[Row],
    by: str,
    only: frozenset[str] = frozenset(),
    span: tuple[str | None, str | None] = (None, None),
) -> list[dict[str, Any]]:
    """Rows for `summary --by BY`; `only` narrows pairs (and countries) to those given.

    For year and month, `span` (the --since and --until days) widens the timeline to the range asked for.
    """
    if by not in BY:
        raise ValueError(by)
    tallies: dict[Any, _Tally] = defaultdict(_Tally)
    # The loop below runs for every record and group: it is written out (no method calls, no
    # Counter.update, which pays an isinstance(Mapping) check per call) because that halves its time.
    count_areas = by != "area"  # an area's row does not show the areas it was discussed with
    want_pairs = by in ("pair", "area")
    first_day = dates.first_day
    for record in records:
        date, areas, kind, parties = record.date, record.areas, record.kind, record.countries
        day = date if len(date) == 10 else first_day(date)
        if want_pairs:
            pairs = list(combinations(parties, 2)) if not only else list(pairs_of(parties, only))
        keys = pairs if by == "pair" else areas if by == "area" else _keys(by, kind, parties, day, only)
        for key in keys:
            tally = tallies[key]
            tally.engagements += 1
            if count_areas:
                counts = tally.areas
                for area in areas:
                    counts[area] += 1
            tally.kinds[kind] += 1
            if day < tally.first_day:
                tally.first, tally.first_day = date, day
            if day > tally.last_day:
                tally.last, tally.last_day = date, day
            if by == "area":
                for pair in pairs:
                    tally.pairs[pair] += 1
            elif by == "country":
                for partner in parties:
                    if partner != key:
                        tally.partners[partner] += 1
    if by in ("year", "month"):
        return _timeline(tallies, by, span)
    rows = [_row(by, key, tally) for key, tally in tallies.items()]
    rows.sort(key=lambda row: (-row["engagements"], str(row[by])))
    return rows


def _keys(by: str, kind: str, parties: Sequence[str], day: str, only: frozenset[str]) -> Iterable[Any]:
    if by == "country":
        return [c for c in parties if not only or c in only]
    if by == "kind":
        return [kind]
    return [day[:4] if by == "year" else day[:7]]


def _row(by: str, key: Any, t: _Tally) -> dict[str, Any]:
    row: dict[str, Any] = {by: list(key) if by == "pair" else key, "engagements": t.engagements}
    if by != "area":
        row["areas"] = _ranked(t.areas)
    if by != "kind":
        row["kinds"] = _ranked(t.kinds)
    if by == "area":
        row["pairs"] = len(t.pairs)
        busiest = _ranked(t.pairs)
        row["busiest_pair"] = list(next(iter(busiest))) if busiest else None
    if by == "country":
        row["partners"] = _ranked(t.partners)
    row["first"], row["last"] = t.first, t.last
    return row


def _timeline(tallies: dict[Any, _Tally], by: str, span: tuple[str | None, str | None]) -> list[dict[str, Any]]:
    """Every period from the first to the last, empty ones included, so a timeline has no holes."""
    size = 4 if by == "year" else 7
    bounds = [day[:size] for day in span if day]
    ends = list(tallies) + bounds
    if not ends:
        return []
    rows = []
    for period in _periods(min(ends), max(ends), by):
        t = tallies.get(period) or _Tally()
        rows.append({"period": period, "engagements": t.engagements, "areas": _ranked(t.areas),
                     "kinds": _ranked(t.kinds)})  # fmt: skip
    return rows


def _periods(first: str, last: str, by: str) -> Iterator[str]:
    year = int(first[:4])
    month = int(first[5:7]) if by == "month" else 1
    while True:
        period = f"{year:04d}" if by == "year" else f"{year:04d}-{month:02d}"
        yield period
        if period >= last:
            return
        if by == "year":
            year += 1
        else:
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def matrix(records: Iterable[Row], only: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """Pair x area counts, busiest pairs first: [{"pair": [a, b], "areas": {area: n}, "engagements": n}]."""
    return [
        {"pair": row["pair"], "areas": row["areas"], "engagements": row["engagements"]}
        for row in summarise(records, "pair", only)
    ]


def matrix_totals(
    records: Iterable[Row], only: frozenset[str] = frozenset(), shown: Iterable[Sequence[str]] | None = None
) -> dict[str, Any]:
    """The matrix's footer: engagements (and engagements per area) counted once each, not once per pair;
    with `shown` (the pairs drawn, when --limit left some out), only the engagements of those pairs."""
    engagements = 0
    areas: Counter[str] = Counter()
    drawn = None if shown is None else {tuple(pair) for pair in shown}
    for record in records:
        pairs = pairs_of(record.countries, only)
        if drawn is not None and not any(pair in drawn for pair in pairs):
            continue
        if drawn is None and only and not any(True for _ in pairs):
            continue
        engagements += 1
        areas.update(record.areas)
    return {"engagements": engagements, "areas": _ranked(areas)}
