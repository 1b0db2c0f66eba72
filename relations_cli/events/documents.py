"""Draft engagements as the database stores them, built straight from the collapsed rows.

A month of GDELT gives hundreds of thousands of drafts, held until the one write. Each is kept as
the bytes the database will hold for it (all but its timestamps, stamped when it is written) and
the few fields the index and the merge read: no `Engagement`, no dict, no objects for its place
and source. The bytes are those orjson writes for the stored document (tested); the values drafts
share (dates, pairs, codes, places, outlets) are encoded once. An `Engagement` is built, from the
bytes, only for the drafts shown or merged.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import orjson

from ..countries import display_name
from ..models import Engagement
from . import cameo

# A draft's stored JSON up to its timestamps, field for field (participants and mentioned are empty,
# and so are the source's author and publication date).
_HEAD = (
    b'{"date":%s,"countries":%s,"kind":%s,"areas":%s,"location":{"country":%s,"place":%s},'
    b'"participants":[],"mentioned":[],"summary":%s,"source":{"outlet":%s,"author":null,"url":%s,'
    b'"published":null},"tags":%s,'
)


def stamps(now: str | None) -> bytes:
    """The end of every draft's JSON when written at `now` (null before): one bytes object the drafts share."""
    return b'"created":%s,"updated":%s}' % (orjson.dumps(now), orjson.dumps(now))


_UNSTAMPED = stamps(None)


@lru_cache(maxsize=65536)
def _encoded(value: object) -> bytes:
    # A copy: orjson's own result keeps a 4 kB buffer, which 65,536 cached values would make 256 MB.
    return bytes(memoryview(orjson.dumps(value)))


class Document:
    """One draft: its stored JSON and the fields the index and the merge read (no id: the database
    keys records by id). It is a `storage.records.Ready` document."""

    __slots__ = ("areas", "countries", "date", "head", "kind", "stamps", "tags")

    def __init__(
        self,
        date: str,
        countries: tuple[str, str],
        kind: str,
        areas: tuple[str, ...],
        tags: tuple[str, ...],
        head: bytes,
    ) -> None:
        self.date, self.countries, self.kind, self.areas, self.tags = date, countries, kind, areas, tags
        self.head, self.stamps = head, _UNSTAMPED

    def occasion(self) -> tuple[str, tuple[str, ...], str]:
        return (self.date, self.countries, self.kind)

    def indexed(self) -> tuple[str, tuple[str, str], str, tuple[str, ...], tuple[str, ...]]:
        return (self.date, self.countries, self.kind, self.areas, self.tags)

    def json(self) -> bytes:
        return self.head + self.stamps

    def __getitem__(self, key: str) -> Any:
        """A field of the stored document by name, as the store reads a dict's."""
        return orjson.loads(self.json())[key]

    def engagement(self) -> Engagement:
        """The draft as a record, for showing or merging."""
        record = Engagement.from_stored(orjson.loads(self.json()), 0)
        record.id = None
        return record


def document(
    day: str,
    one: str,
    two: str,
    kind: str,
    codes: Sequence[str],
    areas: Sequence[str],
    events: int,
    place: tuple[str | None, str | None],
    source: tuple[str | None, str | None],
    dataset: str,
) -> Document:
    """The draft for one engagement: its codes sorted, its place settled, its first outlet and url."""
    what, tags = _codes(tuple(codes), dataset)
    countries, kind, areas = _countries(one, two), sys.intern(kind), _areas(tuple(areas))
    events_word = "event" if events == 1 else "events"
    summary = f"{_pair(one, two)}: {what} ({events} {dataset} {events_word})"
    head = _HEAD % (
        _encoded(day), _encoded(countries), _encoded(kind), _encoded(areas), _encoded(place[0]), _encoded(place[1]),
        orjson.dumps(summary), _encoded(source[0]), orjson.dumps(source[1]), _encoded(tags),
    )  # fmt: skip
    return Document(sys.intern(day), countries, kind, areas, tags, head)


def summary(a: str, b: str, codes: Sequence[str], events: int, dataset: str) -> str:
    """ "Israel and Russia: consult; discuss by telephone (3 ICEWS events)"."""
    what, _ = _codes(tuple(codes), dataset)
    return f"{_pair(a, b)}: {what} ({events} {dataset} event{'s' if events != 1 else ''})"


@lru_cache(maxsize=65536)
def _codes(codes: tuple[str, ...], dataset: str) -> tuple[str, tuple[str, ...]]:
    """The actions named, and the tags (cameo:… sort before the dataset's own name, gdelt or icews)."""
    what = "; ".join(cameo.name(code) for code in codes)
    return what, tuple(sorted([dataset.lower(), *(f"cameo:{code}" for code in codes)]))


@lru_cache(maxsize=65536)
def _pair(a: str, b: str) -> str:
    return f"{display_name(a)} and {display_name(b)}"


@lru_cache(maxsize=65536)
def _countries(one: str, two: str) -> tuple[str, str]:
    return (one, two)


@lru_cache(maxsize=4096)
def _areas(areas: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(areas)))
