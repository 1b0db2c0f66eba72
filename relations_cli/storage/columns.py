"""The index's content, typed: each indexed field of every record as a column, in id order, and where
each record's JSON is in the file.

The fields are `records.INDEXED` (those `Stored` declares before its document), so that adding one
is a change to `Stored` alone; this module keeps one list per field and the spans beside them, and
changes them together as the in-place writer inserts, replaces and deletes lines. The index file
is only their persistence (`index.py`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import partial
from itertools import repeat
from typing import Any

from .records import INDEXED, Stored, indexed
from .source import Source

# A test on a record's indexed fields (its document is not read): records that fail are never built.
Keep = Callable[[Stored], bool]
_WIDTH = len(INDEXED)


class Columns:
    """One list per indexed field (ids first), and each record's span in the file, all in id order."""

    __slots__ = ("ends", "fields", "starts")

    def __init__(self, fields: list[list[Any]], starts: list[int], ends: list[int]) -> None:
        self.fields, self.starts, self.ends = fields, starts, ends

    @classmethod
    def of_documents(cls, docs: dict[str, dict[str, Any]], starts: list[int], ends: list[int]) -> Columns:
        """From the documents by key, in id order as the file lays them out (stored ones, or ready ones: see
        `records.Ready`), and where each one's JSON starts and ends in that order. Column by column: a
        month of events is 300,000 of them. (Spans that do not match make an index `from_payload` refuses.)"""
        rows = [doc.indexed() if not isinstance(doc, dict) else indexed(doc) for doc in docs.values()]
        fields = [list(column) for column in zip(*rows, strict=True)] if rows else [[] for _ in INDEXED[1:]]
        return cls([list(map(int, docs)), *fields], starts, ends)

    # -- persistence (index.py) ------------------------------------------------

    def payload(self) -> tuple[list[Any], ...]:
        return (*self.fields, self.starts, self.ends)

    @classmethod
    def from_payload(cls, payload: tuple[Any, ...]) -> Columns | None:
        """The columns saved by `payload`, None when they were saved with other fields (an older program)."""
        if len(payload) != _WIDTH + 2 or len({len(column) for column in payload}) > 1:
            return None
        if not all(isinstance(column, list) for column in payload):
            return None
        return cls(list(payload[:_WIDTH]), payload[_WIDTH], payload[_WIDTH + 1])  # marshal's lists, not copies

    # -- reading ---------------------------------------------------------------

    @property
    def ids(self) -> list[int]:
        ids: list[int] = self.fields[0]
        return ids

    def __len__(self) -> int:
        return len(self.starts)

    def rows(self, source: Source | None, keep: Keep | None = None) -> list[Stored]:
        """Every record's view over `source`, or those that pass `keep`."""
        make = tuple.__new__  # a Stored straight from the zipped columns, without a Python-level __new__
        if keep is None:
            rows = zip(
                *self.fields, repeat(None), repeat(source), zip(self.starts, self.ends, strict=True), strict=False
            )
            return [make(Stored, row) for row in rows]
        # `keep` reads the indexed fields alone: each row is made of those first, and whole only if it passes.
        starts, ends = self.starts, self.ends
        indexed = map(partial(make, Stored), zip(*self.fields, strict=True))
        return [make(Stored, (*row, None, source, (starts[i], ends[i]))) for i, row in enumerate(indexed) if keep(row)]

    def position(self, record_id: int) -> int | None:
        ids = self.ids
        at = bisect_left(ids, record_id)
        return at if at < len(ids) and ids[at] == record_id else None

    def span(self, record_id: int) -> tuple[int, int] | None:
        """Where the record's JSON is in the file."""
        at = self.position(record_id)
        return None if at is None else (self.starts[at], self.ends[at])

    # -- changing, as the in-place writer changes the file ------------------------

    def insert(self, at: int, record: Stored, span: tuple[int, int]) -> None:
        for column, value in zip(self.fields, record[:_WIDTH], strict=True):
            column.insert(at, value)
        self.starts.insert(at, span[0])
        self.ends.insert(at, span[1])

    def append(self, rows: list[tuple[Any, ...]], spans: list[tuple[int, int]]) -> None:
        """Records added after the last one (their ids larger than any): each row the id and the indexed fields."""
        for column, values in zip(self.fields, zip(*rows, strict=True), strict=True):
            column.extend(values)
        self.starts.extend(start for start, _ in spans)
        self.ends.extend(end for _, end in spans)

    def delete(self, at: int) -> None:
        for column in (*self.fields, self.starts, self.ends):
            del column[at]

    def shift(self, after: int, delta: int) -> None:
        """Move the spans of every record at or after byte `after` by `delta` bytes."""
        if not delta:
            return
        starts, ends = self.starts, self.ends
        for i in range(bisect_left(starts, after), len(starts)):
            starts[i] += delta
            ends[i] += delta
