"""Changing a record or two of a large database in place: the bytes around them are kept as they are.

Adding, editing or deleting one record does not need the other 100,000 parsed and written out
again: the file holds one record per line and the index says where each line is, so the new file
is the old bytes with one line put in, replaced or taken out (and the meta line's next id), and the
index shifts with it. The result is byte for byte what writing the whole database would give (a test
holds it to that). Anything else (a first or last record, many records, an older schema, a file laid
out otherwise) goes the ordinary way, through TinyDB.

The index is trusted for where lines are, never for what they hold: before a line is rewritten or
cut out, its bytes must still be that record's `"<id>": {...}` line and parse as an object, or the
splice raises `Mismatch` and the write goes the whole-file way instead.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

import orjson

from .errors import StoreError
from .index import Index
from .layout import FORMAT, MAX_ID, META_END, OPENING, SEPARATOR, holds_record, record_head


class Mismatch(Exception):
    """The file's bytes are not where or what the index says: write the whole file instead."""


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
        meta_end = raw.index(META_END, len(OPENING))
        self._meta = (len(OPENING), meta_end)
        # Never an id already used, whatever the meta line says (a hand edit or a merge can lower it).
        self._written_next: int = orjson.loads(raw[len(OPENING) : meta_end])["next_id"]
        self.next_id: int = max(self._written_next, self.ids[-1] + 1)

    @staticmethod
    def fits(raw: bytes, found: Index, schema: int) -> bool:
        """A file of this schema, laid out as this program writes it, with at least two records."""
        if not raw.startswith(OPENING) or len(found.ids) < 2:
            return False
        try:
            meta = orjson.loads(raw[len(OPENING) : raw.index(META_END, len(OPENING))])
        except (ValueError, orjson.JSONDecodeError):
            return False
        if not isinstance(meta, dict) or meta.get("format") != FORMAT or meta.get("schema") != schema:
            return False
        next_id = meta.get("next_id")
        return type(next_id) is int and 1 <= next_id <= MAX_ID + 1

    def columns(self) -> tuple[list[Any], ...]:
        return (self.ids, self.dates, self.countries, self.kinds, self.areas, self.tags, self.starts, self.ends)

    def position(self, record_id: int) -> int | None:
        at = bisect_left(self.ids, record_id)
        return at if at < len(self.ids) and self.ids[at] == record_id else None

    def doc(self, record_id: int) -> dict[str, Any] | None:
        at = self.position(record_id)
        if at is None:
            return None
        return self._verified(at)

    def insert(self, doc: dict[str, Any]) -> int:
        """Add a record under the next id (larger than any, so its line goes last)."""
        record_id: int = self.next_id
        if record_id > MAX_ID:
            raise StoreError(f"no ids left: the highest id is {MAX_ID}")
        self._verified(len(self.ids) - 1)
        at = self.ends[-1]
        if self.raw[at : at + len(META_END)] != META_END:
            raise Mismatch
        head, body = SEPARATOR + record_head(record_id), orjson.dumps(doc)
        self._put(at, at, head + body)
        self._columns_at(len(self.ids), record_id, doc, at + len(head), at + len(head) + len(body))
        self.next_id += 1
        self._sync_meta()
        return record_id

    def replace(self, record_id: int, doc: dict[str, Any]) -> None:
        at = self.position(record_id)
        assert at is not None
        self._verified(at)
        body = orjson.dumps(doc)
        start = self.starts[at]
        self._put(start, self.ends[at], body)
        for column in self.columns():
            del column[at]
        self._columns_at(at, record_id, doc, start, start + len(body))
        self._sync_meta()

    def delete(self, record_id: int) -> bool:
        """Take a record's line out; False (nothing done) for the last record left."""
        at = self.position(record_id)
        assert at is not None
        if len(self.ids) < 2:
            return False
        self._verified(at)
        begin = self.starts[at] - len(record_head(record_id))
        if self.raw[begin - len(SEPARATOR) : begin] == SEPARATOR:
            start, end = begin - len(SEPARATOR), self.ends[at]  # ',\n    "ID": {...}'
        else:
            start, end = begin, self.ends[at] + len(SEPARATOR)  # the table's first line: '\n    "ID": {...},'
            if self.raw[self.ends[at] : end] != SEPARATOR:
                raise Mismatch
        for column in self.columns():
            del column[at]
        self._put(start, end, b"")
        self._sync_meta()
        return True

    def _verified(self, at: int) -> dict[str, Any]:
        """The document of the record at `at`, once its bytes are checked to be its line; else Mismatch."""
        start, end = self.starts[at], self.ends[at]
        if not holds_record(self.raw, start, end, self.ids[at]):
            raise Mismatch
        try:
            doc = orjson.loads(memoryview(self.raw)[start:end])
        except orjson.JSONDecodeError:
            raise Mismatch from None
        if not isinstance(doc, dict):
            raise Mismatch
        return doc

    def _sync_meta(self) -> None:
        """The meta line's next id, rewritten when it is not this one (a write also mends a lowered one)."""
        if self._written_next != self.next_id:
            meta = {"format": FORMAT, "schema": self._schema, "next_id": self.next_id}
            self._put(*self._meta, orjson.dumps(meta))
            self._written_next = self.next_id

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
