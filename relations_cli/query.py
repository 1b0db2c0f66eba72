"""The filters that list, export, summary and matrix share, and applying them in one pass."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import areas as area_vocabulary
from . import countries, dates
from .errors import InvalidInput
from .models import KINDS, Engagement

SORTS = ("date", "-date")


@dataclass(frozen=True)
class Filters:
    countries: frozenset[str] = frozenset()
    areas: frozenset[str] = frozenset()
    kind: str | None = None
    since: str | None = None  # first day, inclusive
    until: str | None = None  # last day, inclusive
    tags: frozenset[str] = frozenset()
    search: str | None = None  # casefolded
    newest_first: bool = False
    limit: int | None = None


def build_filters(
    country_names: Iterable[str] = (),
    area_names: Iterable[str] = (),
    kind: str | None = None,
    since: str | None = None,
    until: str | None = None,
    tags: Iterable[str] = (),
    search: str | None = None,
    sort: str = "date",
    limit: int | None = None,
) -> Filters:
    """Filters from what was typed; InvalidInput for an unknown country, kind, bad date or sort."""
    if kind is not None and kind not in KINDS:
        raise InvalidInput(f"unknown kind {kind!r}; known: {', '.join(KINDS)}")
    if sort not in SORTS:
        raise InvalidInput(f"unknown sort {sort!r}; use date or -date")
    if limit is not None and limit < 0:
        raise InvalidInput("--limit must be 0 or more")
    return Filters(
        countries=frozenset(countries.resolve(name) for name in country_names),
        areas=frozenset(a for name in area_names for a in area_vocabulary.normalise(name)),
        kind=kind,
        since=dates.first_day(dates.check(since, field="--since")) if since else None,
        until=dates.last_day(dates.check(until, field="--until")) if until else None,
        tags=frozenset(tags),
        search=search.casefold() if search else None,
        newest_first=sort == "-date",
        limit=limit,
    )


def matches(record: Engagement, f: Filters) -> bool:
    if f.countries and not f.countries.issubset(record.countries):
        return False
    if f.kind is not None and record.kind != f.kind:
        return False
    if f.areas and not f.areas.issubset(record.areas):
        return False
    if f.tags and not f.tags.issubset(record.tags):
        return False
    if f.since is not None or f.until is not None:
        day = dates.first_day(record.date)
        if (f.since is not None and day < f.since) or (f.until is not None and day > f.until):
            return False
    return f.search is None or f.search in _searchable(record)


def select(records: Iterable[Engagement], f: Filters) -> list[Engagement]:
    """The records that pass, by date (then id), cut to the limit."""
    chosen = [r for r in records if matches(r, f)]
    chosen.sort(key=lambda r: (dates.first_day(r.date), r.id or 0), reverse=f.newest_first)
    return chosen if f.limit is None else chosen[: f.limit]


def _searchable(record: Engagement) -> str:
    src = record.source
    parts = [record.summary, record.location.place, src.outlet, src.author, src.url]
    for p in record.participants:
        parts += [p.name, p.role]
    return "\n".join(p for p in parts if p).casefold()
