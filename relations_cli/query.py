"""The filters that list, export, summary and matrix share, and applying them in one pass.

Filters apply to any `Row`: a full `Engagement`, or a `Stored` record read from the file
without being built. This module stays light (commands import it to declare their options).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

from .dates import first_day

if TYPE_CHECKING:
    from .storage.records import Stored
    from .storage.store import Store

SORTS = ("date", "-date")


class Row(Protocol):
    """What filters and summaries read of a record."""

    @property
    def id(self) -> int | None: ...
    @property
    def date(self) -> str: ...
    @property
    def countries(self) -> Sequence[str]: ...
    @property
    def kind(self) -> str: ...
    @property
    def areas(self) -> Sequence[str]: ...
    @property
    def tags(self) -> Sequence[str]: ...
    def searchable(self) -> str: ...


R = TypeVar("R", bound=Row)


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
    ids: frozenset[int] = frozenset()
    after_id: int | None = None
    created_since: str | None = None  # UTC timestamp to the second, inclusive
    updated_since: str | None = None


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
    ids: Iterable[str] = (),
    after_id: int | None = None,
    created_since: str | None = None,
    updated_since: str | None = None,
) -> Filters:
    """Filters from what was typed; InvalidInput for an unknown country, kind, bad date, id or sort."""
    from . import areas as area_vocabulary
    from . import countries, dates
    from .errors import InvalidInput
    from .models import KINDS

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
        tags=frozenset(t.casefold() for t in tags),
        search=search.casefold() if search else None,
        newest_first=sort == "-date",
        limit=limit,
        ids=frozenset(_ids(ids)),
        after_id=after_id,
        created_since=_moment(created_since, "--created-since"),
        updated_since=_moment(updated_since, "--updated-since"),
    )


# ASCII digits only, as in dates.py: "٢٠٢٦-…" would pass `\d` and sort after every real stamp.
_MOMENT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?Z")


def _moment(text: str | None, option: str) -> str | None:
    """A bound on `created`/`updated`: a UTC timestamp, or a date meaning its first second (UTC)."""
    from . import dates
    from .errors import InvalidInput

    if text is None:
        return None
    value = text.strip()
    if _MOMENT.fullmatch(value):
        return value[:19] + "Z"
    try:
        return dates.first_day(dates.check(value, field=option)) + "T00:00:00Z"
    except InvalidInput:
        raise InvalidInput(
            f"bad {option} {text!r}: expected a date (YYYY[-MM[-DD]]) or a UTC time like 2026-11-27T22:10:00Z"
        ) from None


def _ids(values: Iterable[str]) -> Iterator[int]:
    from .errors import InvalidInput

    for value in values:
        for part in value.replace(",", " ").split():
            if not (part.isascii() and part.isdigit()) or int(part) < 1:  # "²" is a digit int() refuses
                raise InvalidInput(f"bad --id {part!r}: ids are positive integers")
            yield int(part)


def row_test(f: Filters) -> Callable[[Row], bool] | None:
    """Every filter but --search, as one test on a record's indexed fields (date, countries, kind, areas,
    tags), so that records that cannot pass are never built; None when none is given."""
    if not (f.countries or f.kind or f.areas or f.tags or f.since or f.until):
        return None

    def test(r: Row) -> bool:
        if f.countries and not f.countries.issubset(r.countries):
            return False
        if (f.kind is not None and r.kind != f.kind) or (f.areas and not f.areas.issubset(r.areas)):
            return False
        if f.tags and not f.tags.issubset(t.casefold() for t in r.tags):
            return False
        day = first_day(r.date)
        return not ((f.since is not None and day < f.since) or (f.until is not None and day > f.until))

    return test


def run(store: Store, f: Filters, *, ordered: bool = True) -> list[Stored]:
    """The stored records that pass the filters, by date (then id) unless `ordered` is off, cut to the limit."""
    return select(store.rows(row_test(f)), f, ordered=ordered)


def select(records: Iterable[R], f: Filters, *, ordered: bool = True) -> list[R]:
    """The records that pass, by date (then id), cut to the limit; summaries need no order unless limited."""
    test, search = row_test(f), f.search
    chosen = [r for r in records if (test is None or test(r)) and (search is None or search in r.searchable())]
    if f.ids or f.after_id is not None:
        chosen = [
            r for r in chosen if (not f.ids or r.id in f.ids) and (f.after_id is None or (r.id or 0) > f.after_id)
        ]
    if f.created_since is not None or f.updated_since is not None:
        chosen = [r for r in chosen if _since(r, "created", f.created_since) and _since(r, "updated", f.updated_since)]
    if ordered or f.limit is not None:
        chosen.sort(key=lambda r: (first_day(r.date), r.id or 0), reverse=f.newest_first)
    return chosen if f.limit is None else chosen[: f.limit]


def _since(record: Row, key: str, bound: str | None) -> bool:
    """The record's `created` or `updated` is at or after the bound (compared to the second)."""
    if bound is None:
        return True
    doc = getattr(record, "doc", None)  # a Stored record holds its document; an Engagement its fields
    stamp = doc[key] if isinstance(doc, dict) else getattr(record, key, None)
    return stamp is not None and stamp[:19] + "Z" >= bound
