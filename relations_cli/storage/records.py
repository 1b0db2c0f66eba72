"""Records as the database file holds them, viewed without building them.

Listing a pair or summarising reads a few fields of every record; building 100,000 full
`Engagement`s for that costs more than reading the file. A `Stored` carries those fields (the
index's columns: `INDEXED` is the one list of them) and the place of its JSON in the file, parsed
only when asked for. It is a named tuple so that the index can make 100,000 of them in a few
milliseconds. `full()` builds the `Engagement` for records that are shown. The file only ever holds
records that passed `parse_record`, so the view trusts their shape.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any, NamedTuple, Protocol

from ..errors import StoreError
from ..models import FIELDS, Engagement, Identity, Occasion, identity_key, occasion_key, searchable_text
from .layout import json_line
from .source import Source


class Stored(NamedTuple):
    # The indexed fields: what filters and summaries read without parsing a record. The index keeps
    # exactly the fields before `parsed`, in this order; add one here and in `of`, and nowhere else.
    id: int
    date: str
    countries: Sequence[str]
    kind: str
    areas: Sequence[str]
    tags: Sequence[str]
    # Where the rest is.
    parsed: dict[str, Any] | None = None  # the stored document, when already parsed
    source: Source | None = None  # else the file ...
    span: tuple[int, int] = (0, 0)  # ... and where in it the document is

    @classmethod
    def of(cls, record_id: int, doc: dict[str, Any]) -> Stored:
        """The record's view, holding its document: the one place the indexed fields are taken from a record."""
        intern = sys.intern  # a hundred thousand records share a few hundred codes and kinds
        return cls(
            id=record_id,
            date=doc["date"],
            countries=tuple(intern(c) for c in doc["countries"]),
            kind=intern(doc["kind"]),
            areas=tuple(intern(a) for a in doc["areas"]),
            tags=tuple(doc["tags"]),
            parsed=doc,
        )

    @property
    def doc(self) -> dict[str, Any]:
        if self.parsed is not None:
            return self.parsed
        assert self.source is not None
        return self.source.parse(self.id, self.span)

    def searchable(self) -> str:
        doc = self.doc
        src = doc["source"]
        people = [(p["name"], p["role"]) for p in doc["participants"]]
        place = doc["location"]["place"]
        return searchable_text(doc["summary"], place, src["outlet"], src["author"], src["url"], people)

    def identity(self) -> Identity:
        doc = self.doc
        return identity_key(self.occasion(), doc["source"]["url"], doc["summary"])

    def occasion(self) -> Occasion:
        return occasion_key(self.date, self.countries, self.kind)

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape, as `Engagement.to_dict` gives it."""
        doc = self.doc
        return {"id": self.id, **{key: doc[key] for key in FIELDS[1:]}}

    def json_line(self) -> bytes:
        """The record as compact JSON, keys in the contract's order: the file's own bytes when it has them."""
        if self.parsed is None and self.source is not None:
            return json_line(self.id, self.source.data, self.span)
        import orjson

        return orjson.dumps(self.to_dict())

    def full(self) -> Engagement:
        return Engagement.from_stored(self.doc, self.id)


# The fields the index keeps, in its order (`Columns` stores one list per field).
INDEXED: tuple[str, ...] = Stored._fields[: Stored._fields.index("parsed")]


class Ready(Protocol):
    """A document handed over ready to store (an event import's hundreds of thousands of drafts): it
    gives its indexed fields itself, in `INDEXED` order after the id, and its JSON, which must be
    the bytes orjson writes for it; the store then neither reads its fields nor encodes it. The JSON
    comes in pieces written one after the other (a draft's own bytes, then the timestamps all drafts
    share), so that they are not joined once per document only to be joined again in the file."""

    def indexed(self) -> tuple[Any, ...]: ...
    def json_parts(self) -> tuple[bytes, ...]: ...


def indexed(doc: dict[str, Any]) -> tuple[Any, ...]:
    """The indexed fields of a stored document, after the id (a ready one gives them itself)."""
    return Stored.of(0, doc)[1 : len(INDEXED)]


def stored_records(docs: dict[str, dict[str, Any]]) -> list[Stored]:
    """Records from the stored documents by key, in id order."""
    return sorted((Stored.of(int(key), doc) for key, doc in docs.items()), key=lambda s: s.id)


def documents(records: Sequence[Any]) -> list[dict[str, Any]]:
    """The stored documents of records (or the JSON of built ones), in their order.

    Records read through the index from one file are parsed in one call, their bytes joined into one
    JSON array (a hundred thousand calls of orjson cost several times more); a few records from a
    file not yet read are read line by line.
    """
    viewed = [r for r in records if isinstance(r, Stored) and r.parsed is None]
    source = viewed[0].source if viewed else None
    if source is None or len(viewed) != len(records) or any(r.source is not source for r in viewed):
        return [r.doc if isinstance(r, Stored) else r.to_dict() for r in records]
    try:
        return source.documents([(r.id, r.span) for r in viewed])
    except StoreError:  # the file was replaced since its index was read: the records read again, by their ids
        from ..errors import NotFound
        from .store import Store

        now = {r.id: r for r in Store(source.path).rows()}
        gone = [r.id for r in viewed if r.id not in now]
        if gone:
            raise NotFound(f"no engagement with id {gone[0]} in {source.path}") from None
        return [now[r.id].doc for r in viewed]
