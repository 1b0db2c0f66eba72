"""Changing a record or two of a large database in place: the bytes around them are kept as they are.

Adding, editing or deleting one record does not need the other 100,000 parsed and written out
again: the file holds one record per line and the index says where each line is, so the new file
is the old bytes with one line put in, replaced or taken out (and the meta line's next id), and the
index shifts with it. The result is byte for byte what writing the whole database would give (a test
holds it to that). Anything else (a first or last record, many records, an older schema, a file laid
out otherwise) goes the ordinary way, through TinyDB.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

import orjson

from .index import Index
from .layout import FORMAT

PREFIX = b'{\n  "meta": {\n    "1": '  # the file as store.dump lays it out begins so


class Splice:
    """The file's bytes and index columns, changed one record at a time."""

    def __init__(self, raw: bytes, found: Index, schema: int) -> None:
        self.raw = raw
        self.ids, self.dates, self.countries, self.kinds, self.areas, self.tags = (
            list(found.ids), list(found.dates), list(found.countries), list(found.kinds), list(found.areas),
            list(found.tags),
        )  # fmt: skip
        self.starts, self.ends = list(found.starts), list(found.ends)
        self._schema = schema
        meta_end = raw.index(b"\n  }", len(PREFIX))
        self._meta = (len(PREFIX), meta_end)
        self.next_id: int = orjson.loads(raw[len(PREFIX) : meta_end])["next_id"]

    @staticmethod
    def fits(raw: bytes, found: Index, schema: int) -> bool:
        """A file of this schema, laid out as this program writes it, with at least two records."""
        if not raw.startswith(PREFIX) or len(found.ids) < 2:
            return False
        try:
            meta = orjson.loads(raw[len(PREFIX) : raw.index(b"\n  }", len(PREFIX))])
        except (ValueError, orjson.JSONDecodeError):
            return False
        return isinstance(meta, dict) and meta.get("format") == FORMAT and meta.get("schema") == schema

    def columns(self) -> tuple[list[Any], ...]:
        return (self.ids, self.dates, self.countries, self.kinds, self.areas, self.tags, self.starts, self.ends)

    def position(self, record_id: int) -> int | None:
        at = bisect_left(self.ids, record_id)
        return at if at < len(self.ids) and self.ids[at] == record_id else None

    def doc(self, record_id: int) -> dict[str, Any] | None:
        at = self.position(record_id)
        if at is None:
            return None
        doc: dict[str, Any] = orjson.loads(memoryview(self.raw)[self.starts[at] : self.ends[at]])
        return doc

    def insert(self, doc: dict[str, Any]) -> int:
        """Add a record under the next id (larger than any, so its line goes last)."""
        record_id = self.next_id
        head, body = b',\n    "%d": ' % record_id, orjson.dumps(doc)
        at = self.ends[-1]
        self._put(at, at, head + body)
        self._columns_at(len(self.ids), record_id, doc, at + len(head), at + len(head) + len(body))
        self.next_id += 1
        meta = {"format": FORMAT, "schema": self._schema, "next_id": self.next_id}
        self._put(*self._meta, orjson.dumps(meta))
        return record_id

    def replace(self, record_id: int, doc: dict[str, Any]) -> None:
        at = self.position(record_id)
        assert at is not None
        body = orjson.dumps(doc)
        start = self.starts[at]
        self._put(start, self.ends[at], body)
        for column in self.columns():
            del column[at]
        self._columns_at(at, record_id, doc, start, start + len(body))

    def delete(self, record_id: int) -> bool:
        """Take a record's line out; False (nothing done) for the last record left."""
        at = self.position(record_id)
        assert at is not None
        if len(self.ids) < 2:
            return False
        if at:
            start, end = self.ends[at - 1], self.ends[at]  # ',\n    "ID": {...}'
        else:
            start = self.starts[0] - len(b'\n    "%d": ' % record_id)
            end = self.ends[0] + 1  # '\n    "ID": {...},'
        for column in self.columns():
            del column[at]
        self._put(start, end, b"")
        return True

    def _columns_at(self, at: int, record_id: int, doc: dict[str, Any], start: int, end: int) -> None:
        values = (record_id, doc["date"], tuple(doc["countries"]), doc["kind"], tuple(doc["areas"]),
                  tuple(doc["tags"]), start, end)  # fmt: skip
        for column, value in zip(self.columns(), values, strict=True):
            column.insert(at, value)

    def _put(self, start: int, end: int, new: bytes) -> None:
        """Replace raw[start:end] with `new`, moving every record after it."""
        self.raw = b"".join((self.raw[:start], new, self.raw[end:]))
        delta = len(new) - (end - start)
        if delta:
            starts, ends = self.starts, self.ends
            for i in range(len(starts)):
                if starts[i] >= end:
                    starts[i] += delta
                    ends[i] += delta
        if self._meta[1] <= start:
            return
        if start >= self._meta[0]:  # the meta line itself changed
            self._meta = (self._meta[0], self._meta[1] + delta)
