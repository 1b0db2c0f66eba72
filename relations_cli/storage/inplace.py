"""The in-place write strategy: a record or two of a large database changed, the bytes around them kept.

Adding, editing or deleting one record does not need the other 100,000 parsed and written out
again: the file holds one record per line and the index says where each line is, so the new file
is the old bytes with one line put in, replaced or taken out (and the meta line's next id), and the
columns change with it; an import's drafts are lines added after the last one, all in one go. The
result is byte for byte what the whole-file strategy writes (a property test holds it to that).

The index is trusted for where lines are, never for what they hold: before a line is read, rewritten
or cut out, its bytes must still be that record's `"<id>": {...}` line and parse as an object, or the
strategy raises `Refused` and the write goes on the whole-file way (`change.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import orjson

from ..errors import StoreError
from . import layout
from .columns import Columns
from .records import Stored, indexed


class Refused(Exception):
    """This change cannot be made in place (or the bytes are not what the index says): write the whole file."""


class InPlace:
    """The file's bytes and columns, changed one record at a time."""

    name = "in place"

    def __init__(self, raw: bytes, columns: Columns, schema: int) -> None:
        meta = _meta(raw, schema)
        if meta is None or len(columns) < 2:
            raise Refused
        self.raw, self.columns, self._schema = raw, columns, schema
        self._meta, self._written_next = meta
        # Never an id already used, whatever the meta line says (a hand edit or a merge can lower it).
        self.next_id: int = max(self._written_next, columns.ids[-1] + 1)

    def ids(self) -> list[int]:
        return self.columns.ids

    def doc(self, record_id: int) -> dict[str, Any] | None:
        at = self.columns.position(record_id)
        return None if at is None else self._verified(at)

    def of_occasion(self, occasion: tuple[str, tuple[str, ...], str]) -> list[int]:
        """The ids of the records of this date, parties and kind, from the columns alone."""
        return [r.id for r in self.columns.rows(None, lambda r: r.occasion() == occasion)]

    def insert(self, doc: dict[str, Any]) -> int:
        """Add a record under the next id (larger than any, so its line goes last)."""
        return self.insert_ready([doc])[0]

    def insert_ready(self, docs: Sequence[Any]) -> list[int]:
        """Add documents (stored ones, or ready ones: an event import's drafts) under the next ids, their lines
        after the last one: a day's events imported into a large database copy its bytes, its records unparsed."""
        if not docs:
            return []
        first: int = self.next_id
        ids = list(range(first, first + len(docs)))
        if ids[-1] > layout.MAX_ID:
            raise StoreError(f"no ids left: the highest id is {layout.MAX_ID}")
        last = len(self.columns) - 1
        self._verified(last)
        # a stored document (a dict) or a ready one (records.Ready), as the whole-file strategy takes them
        lines = zip(ids, ((orjson.dumps(d),) if isinstance(d, dict) else d.json_parts() for d in docs), strict=True)
        plan = layout.appended_lines(self.raw, self.columns.ends[last], lines)
        if plan is None:
            raise Refused
        at, pieces, spans = plan
        self._put(at, at, b"".join(pieces))
        fields = (indexed(d) if isinstance(d, dict) else d.indexed() for d in docs)
        self.columns.append([(i, *row) for i, row in zip(ids, fields, strict=True)], spans)
        self.next_id = first + len(docs)
        self._sync_meta()
        return ids

    def replace(self, record_id: int, doc: dict[str, Any]) -> None:
        at = self.columns.position(record_id)
        assert at is not None
        self._verified(at)
        body = orjson.dumps(doc)
        start = self.columns.starts[at]
        self._put(start, self.columns.ends[at], body)
        self.columns.delete(at)
        self.columns.insert(at, Stored.of(record_id, doc), (start, start + len(body)))
        self._sync_meta()

    def delete(self, record_id: int) -> None:
        """Take a record's line out; refused for the last record left (the table's layout changes)."""
        at = self.columns.position(record_id)
        assert at is not None
        if len(self.columns) < 2:
            raise Refused
        self._verified(at)
        bounds = layout.cut(self.raw, (self.columns.starts[at], self.columns.ends[at]), record_id)
        if bounds is None:
            raise Refused
        self.columns.delete(at)
        self._put(*bounds, b"")
        self._sync_meta()

    def written(self) -> tuple[Iterable[bytes], Callable[[], Columns]]:
        return [self.raw], lambda: self.columns

    def _verified(self, at: int) -> dict[str, Any]:
        """The document of the record at `at`, once its bytes are checked to be its line; else Refused."""
        start, end = self.columns.starts[at], self.columns.ends[at]
        if not layout.holds_record(self.raw, start, end, self.columns.ids[at]):
            raise Refused
        try:
            doc = orjson.loads(memoryview(self.raw)[start:end])
        except orjson.JSONDecodeError:
            raise Refused from None
        if not isinstance(doc, dict):
            raise Refused
        return doc

    def _sync_meta(self) -> None:
        """The meta line's next id, rewritten when it is not this one (a write also mends a lowered one)."""
        if self._written_next != self.next_id:
            self._put(*self._meta, orjson.dumps(layout.meta_document(self._schema, self.next_id)))
            self._written_next = self.next_id

    def _put(self, start: int, end: int, new: bytes) -> None:
        """Replace raw[start:end] with `new`, moving every record after it."""
        view = memoryview(self.raw)  # the two sides joined from views: no copy of each first (a large file's size)
        self.raw = b"".join((view[:start], new, view[end:]))
        delta = len(new) - (end - start)
        self.columns.shift(end, delta)
        if start == self._meta[0] and end == self._meta[1]:  # the meta line itself changed
            self._meta = (start, end + delta)


def _meta(raw: bytes, schema: int) -> tuple[tuple[int, int], int] | None:
    """Where the meta document is and its next id, for a file of this schema laid out as `dump` writes it."""
    span = layout.meta_span(raw)
    if span is None:
        return None
    try:
        meta = orjson.loads(raw[span[0] : span[1]])
    except orjson.JSONDecodeError:
        return None
    next_id = meta.get("next_id") if isinstance(meta, dict) else None
    if type(next_id) is not int or not 1 <= next_id <= layout.MAX_ID + 1:
        return None
    return (span, next_id) if meta == layout.meta_document(schema, next_id) else None
