"""Draft engagements as the database stores them, built straight from the collapsed rows.

A month of GDELT gives hundreds of thousands of drafts, held until the one write. Each is kept as
the bytes the database will hold for it (all but its timestamps, stamped when it is written) and
the few fields the index and the merge read: no `Engagement`, no dict kept, no objects for its place
and source. The bytes are orjson's for the stored document, encoded from a dict of its fields in
their stored order (one C call per draft: faster than filling in a template); the tuples drafts share
(pairs, areas) are kept once. An `Engagement` is built, from the bytes, only for the drafts shown or
merged.
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

# A draft's JSON is encoded with a "created" of null, which is cut off to leave the head the stamps follow.
_UNSTAMPED_END = len(b'"created":null}')


def stamps(now: str | None) -> bytes:
    """The end of every draft's JSON when written at `now` (null before): one bytes object the drafts share."""
    return b'"created":%s,"updated":%s}' % (orjson.dumps(now), orjson.dumps(now))


_UNSTAMPED = stamps(None)


class Document:
    """One draft: its stored JSON and the fields the index and the merge read (no id: the database
    keys records by id). It is a `storage.records.Ready` document."""

    __slots__ = ("fields", "head", "stamps")

    def __init__(self, fields: tuple[str, tuple[str, str], str, tuple[str, ...], tuple[str, ...]], head: bytes) -> None:
        self.fields = fields  # date, countries, kind, areas, tags: what the index keeps, as it takes them
        self.head, self.stamps = head, _UNSTAMPED

    def occasion(self) -> tuple[str, tuple[str, ...], str]:
        return self.fields[:3]

    def indexed(self) -> tuple[str, tuple[str, str], str, tuple[str, ...], tuple[str, ...]]:
        return self.fields

    def json(self) -> bytes:
        return self.head + self.stamps

    def json_parts(self) -> tuple[bytes, bytes]:
        return self.head, self.stamps

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
    codes: tuple[str, ...],
    areas: tuple[str, ...],
    events: int,
    place: tuple[str | None, str | None],
    source: tuple[str | None, str | None],
    dataset: str,
) -> Document:
    """The draft for one engagement (its codes and areas sorted): its place settled, its first outlet and url.

    Called once per draft (300,000 for a month of GDELT): what drafts share (the names of a code set, a
    pair's names) comes from caches, and the document is encoded in one call."""
    what, tags, areas = _described(codes, areas, dataset)
    countries, names = _pair(one, two)
    kind = sys.intern(kind)
    # The stored document's fields in their order (models.Engagement.to_dict), encoded in one call; the
    # slice is an exact-size copy, where orjson's own result would keep a 4 kB buffer per draft.
    encoded = orjson.dumps({
        "date": day, "countries": countries, "kind": kind, "areas": areas,
        "location": {"country": place[0], "place": place[1]}, "participants": (), "mentioned": (),
        "summary": f"{names}: {what} ({events} {dataset} {'event' if events == 1 else 'events'})",
        "source": {"outlet": source[0], "author": None, "url": source[1], "published": None}, "tags": tags,
        "created": None,
    })  # fmt: skip
    return Document((sys.intern(day), countries, kind, areas, tags), encoded[:-_UNSTAMPED_END])


def summary(a: str, b: str, codes: Sequence[str], events: int, dataset: str) -> str:
    """ "Israel and Russia: consult; discuss by telephone (3 ICEWS events)"."""
    what, _, _ = _described(tuple(codes), (), dataset)
    return f"{_pair(a, b)[1]}: {what} ({events} {dataset} event{'s' if events != 1 else ''})"


@lru_cache(maxsize=65536)
def _described(
    codes: tuple[str, ...], areas: tuple[str, ...], dataset: str
) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The actions named; the tags (cameo:… sort before the dataset's own name, gdelt or icews); and the areas
    as first given, so that the drafts of one code set share one tuple."""
    what = "; ".join(cameo.name(code) for code in codes)
    return what, tuple(sorted([dataset.lower(), *(f"cameo:{code}" for code in codes)])), areas


@lru_cache(maxsize=65536)
def _pair(a: str, b: str) -> tuple[tuple[str, str], str]:
    """The pair as the document holds it, and as its summary names it."""
    return (a, b), f"{display_name(a)} and {display_name(b)}"
