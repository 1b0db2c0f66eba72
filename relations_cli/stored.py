"""Records as the database file holds them, viewed without building them.

Listing a pair or summarising reads a few fields of every record; building
100,000 full `Engagement`s for that costs more than reading the file. A
`Stored` carries those fields, and the stored document itself, which is
parsed from the file's bytes only when asked for (the index gives where each
record's line is). `full()` builds the `Engagement` for records that are
shown. The file only ever holds records that passed `parse_record`, so the
view trusts their shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .models import FIELDS, Engagement, searchable_text


class Stored:
    __slots__ = ("_doc", "_raw", "_span", "areas", "countries", "date", "id", "kind", "tags")

    def __init__(
        self,
        record_id: int,
        date: str,
        countries: Sequence[str],
        kind: str,
        areas: Sequence[str],
        tags: Sequence[str],
        doc: dict[str, Any] | None = None,
        raw: bytes | None = None,
        span: tuple[int, int] = (0, 0),
    ) -> None:
        self.id, self.date, self.countries, self.kind, self.areas, self.tags = (
            record_id,
            date,
            countries,
            kind,
            areas,
            tags,
        )
        self._doc, self._raw, self._span = doc, raw, span

    @classmethod
    def from_doc(cls, record_id: int, doc: dict[str, Any]) -> Stored:
        return cls(record_id, doc["date"], doc["countries"], doc["kind"], doc["areas"], doc["tags"], doc=doc)

    @staticmethod
    def parse(raw: bytes, span: tuple[int, int]) -> dict[str, Any]:
        import orjson

        doc: dict[str, Any] = orjson.loads(memoryview(raw)[span[0] : span[1]])
        return doc

    @property
    def doc(self) -> dict[str, Any]:
        if self._doc is None:
            assert self._raw is not None
            self._doc = self.parse(self._raw, self._span)
        return self._doc

    def searchable(self) -> str:
        doc = self.doc
        src = doc["source"]
        people = [(p["name"], p["role"]) for p in doc["participants"]]
        return searchable_text(
            doc["summary"], doc["location"]["place"], src["outlet"], src["author"], src["url"], people
        )

    def identity(self) -> tuple[str, tuple[str, ...], str, str | None]:
        return (self.date, tuple(self.countries), self.kind, self.doc["source"]["url"] or self.doc["summary"])

    def occasion(self) -> tuple[str, tuple[str, ...], str]:
        return (self.date, tuple(self.countries), self.kind)

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape, as `Engagement.to_dict` gives it."""
        doc = self.doc
        return {"id": self.id, **{key: doc[key] for key in FIELDS[1:]}}

    def json_line(self) -> bytes:
        """The record as compact JSON, keys in the contract's order: the file's own bytes when it has them."""
        if self._raw is not None:
            start, end = self._span
            return b'{"id":%d,%s' % (self.id, self._raw[start + 1 : end])
        import orjson

        return orjson.dumps(self.to_dict())

    def full(self) -> Engagement:
        return Engagement.from_stored(self.doc, self.id)
