"""Draft engagements as the database stores them, built straight from the collapsed rows.

A month of GDELT gives hundreds of thousands of drafts. Each is held until the one write as a
`Document`: a slotted record laid out as the stored JSON document (orjson writes a dataclass as
an object of its fields in order), about half the memory of a dict and a quarter of an
`Engagement` with its document beside it. The summary, tags and country pairs are made once per
distinct value and shared. An `Engagement` is built only for the few drafts shown or merged.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import orjson

from ..countries import display_name
from ..models import Engagement, Location, Source
from . import cameo

_NONE: tuple[()] = ()


@dataclass(slots=True)
class Document:
    """One draft, field for field the stored document (no id: the database keys records by id)."""

    date: str
    countries: tuple[str, str]
    kind: str
    areas: tuple[str, ...]
    location: Location
    participants: tuple[()]
    mentioned: tuple[()]
    summary: str
    source: Source
    tags: tuple[str, ...]
    created: str | None
    updated: str | None

    # The store reads a document's indexed fields by name (a C-level lookup: the index reads six per draft).
    __getitem__ = object.__getattribute__

    def occasion(self) -> tuple[str, tuple[str, ...], str]:
        return (self.date, self.countries, self.kind)

    # -- handed to the store ready (storage.records.Ready) ----------------------

    def indexed(self) -> tuple[str, tuple[str, str], str, tuple[str, ...], tuple[str, ...]]:
        return (self.date, self.countries, self.kind, self.areas, self.tags)

    def json(self) -> bytes:
        """The bytes orjson writes for this record (tested), in half its time: the values drafts share
        (dates, pairs, codes, places, outlets) are encoded once, only the summary and url each time."""
        location, source = self.location, self.source
        return _SHAPE % (
            _encoded(self.date), _encoded(self.countries), _encoded(self.kind), _encoded(self.areas),
            _encoded(location.country), _encoded(location.place), orjson.dumps(self.summary),
            _encoded(source.outlet), _encoded(source.author), orjson.dumps(source.url), _encoded(source.published),
            _encoded(self.tags), _encoded(self.created), _encoded(self.updated),
        )  # fmt: skip

    def engagement(self) -> Engagement:
        """The draft as a record, for showing or merging."""
        return Engagement(
            date=self.date,
            countries=list(self.countries),
            kind=self.kind,
            areas=list(self.areas),
            location=Location(self.location.country, self.location.place),
            summary=self.summary,
            source=Source(self.source.outlet, self.source.author, self.source.url, self.source.published),
            tags=list(self.tags),
        )


# A draft's stored JSON, field for field (participants and mentioned are always empty).
_SHAPE = (
    b'{"date":%s,"countries":%s,"kind":%s,"areas":%s,"location":{"country":%s,"place":%s},'
    b'"participants":[],"mentioned":[],"summary":%s,"source":{"outlet":%s,"author":%s,"url":%s,'
    b'"published":%s},"tags":%s,"created":%s,"updated":%s}'
)
_encoded = lru_cache(maxsize=65536)(orjson.dumps)


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
    codes = tuple(codes)
    what, tags = _codes(codes, dataset)
    names = _pair(one, two)
    events_word = "event" if events == 1 else "events"
    return Document(
        date=sys.intern(day),
        countries=_countries(one, two),
        kind=sys.intern(kind),
        areas=_areas(tuple(areas)),
        location=Location(place[0], place[1]),
        participants=_NONE,
        mentioned=_NONE,
        summary=f"{names}: {what} ({events} {dataset} {events_word})",
        source=Source(outlet=source[0], url=source[1]),
        tags=tags,
        created=None,
        updated=None,
    )


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
