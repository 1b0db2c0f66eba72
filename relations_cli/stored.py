"""Records as the database file holds them, viewed without building them.

Listing a pair or summarising reads a few fields of every record; building
100,000 full `Engagement`s for that costs more than reading the file. A
`Stored` carries those fields and either the stored document or where its
line is in the file's bytes, parsed only when asked for. It is a named tuple
so that the index can make 100,000 of them in a few milliseconds. `full()`
builds the `Engagement` for records that are shown. The file only ever holds
records that passed `parse_record`, so the view trusts their shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from .layout import json_line
from .models import FIELDS, Engagement, searchable_text


class Stored(NamedTuple):
    id: int
    date: str
    countries: Sequence[str]
    kind: str
    areas: Sequence[str]
    tags: Sequence[str]
    parsed: dict[str, Any] | None = None  # the stored document, when already parsed
    raw: bytes | None = None  # else the file's bytes ...
    span: tuple[int, int] = (0, 0)  # ... and where in them the document is

    @classmethod
    def from_doc(cls, record_id: int, doc: dict[str, Any]) -> Stored:
        return cls(record_id, doc["date"], doc["countries"], doc["kind"], doc["areas"], doc["tags"], doc)

    @staticmethod
    def parse(raw: bytes, span: tuple[int, int]) -> dict[str, Any]:
        import orjson

        doc: dict[str, Any] = orjson.loads(memoryview(raw)[span[0] : span[1]])
        return doc

    @property
    def doc(self) -> dict[str, Any]:
        if self.parsed is not None:
            return self.parsed
        assert self.raw is not None
        return self.parse(self.raw, self.span)

    def searchable(self) -> str:
        doc = self.doc
        src = doc["source"]
        people = [(p["name"], p["role"]) for p in doc["participants"]]
        place = doc["location"]["place"]
        return searchable_text(doc["summary"], place, src["outlet"], src["author"], src["url"], people)

    def identity(self) -> tuple[str, tuple[str, ...], str, str | None]:
        doc = self.doc
        return (self.date, tuple(self.countries), self.kind, doc["source"]["url"] or doc["summary"])

    def occasion(self) -> tuple[str, tuple[str, ...], str]:
        return (self.date, tuple(self.countries), self.kind)

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape, as `Engagement.to_dict` gives it."""
        doc = self.doc
        return {"id": self.id, **{key: doc[key] for key in FIELDS[1:]}}

    def json_line(self) -> bytes:
        """The record as compact JSON, keys in the contract's order: the file's own bytes when it has them."""
        if self.parsed is None and self.raw is not None:
            return json_line(self.id, self.raw, self.span)
        import orjson

        return orjson.dumps(self.to_dict())

    def full(self) -> Engagement:
        return Engagement.from_stored(self.doc, self.id)


def stored_records(docs: dict[str, dict[str, Any]]) -> list[Stored]:
    """Records from the stored documents by key, in id order."""
    return sorted((Stored.from_doc(int(key), doc) for key, doc in docs.items()), key=lambda s: s.id)
