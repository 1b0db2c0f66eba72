"""The records inside one write: change them through these methods, then the store saves the file once.

Two ways in. When the index matches the file and the change is a record added, edited or deleted,
a `Splice` changes the file's bytes in place, and nothing is parsed. Anything else (an import,
`check`-style reads of every record, a small or older file) parses the tables and changes them
through TinyDB, over tables held in memory; the store then writes them out whole.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import NotFound, StoreError
from .index import Index
from .layout import FORMAT, MAX_ID, META, TABLE, Tables
from .models import Engagement
from .splice import Mismatch, Splice
from .stored import Stored, stored_records


class Batch:
    def __init__(
        self, raw: bytes | None, found: Index | None, load: Callable[[bytes | None], tuple[Tables, int]], schema: int
    ) -> None:
        fits = raw is not None and found is not None and Splice.fits(raw, found, schema)
        self.splice = Splice(raw, found, schema) if fits and raw is not None and found is not None else None
        self._raw, self._load, self._schema = raw, load, schema
        self._db: Any = None
        self._next_id = 1
        self.source_version = schema  # the schema the file had, once parsed
        self.changed = False

    def _table(self) -> Any:
        """The engagements as a TinyDB table, parsing the file (as changed so far) the first time."""
        if self._db is None:
            from tinydb import TinyDB

            tables, self.source_version = self._load(self.splice.raw if self.splice else self._raw)
            self.splice = None
            highest = max(map(int, tables.get(TABLE, {})), default=0)  # keys are canonical: the parse checked
            # Never an id already used, whatever the meta document says (a hand edit or a merge can lower it).
            self._next_id = max(tables.get(META, {}).get("1", {}).get("next_id", 1), highest + 1)
            self._db = TinyDB(tables, storage=_Snapshot)
        return self._db.table(TABLE)

    def _documents(self) -> dict[str, dict[str, Any]]:
        # The documents as TinyDB holds them: Table.all() would copy every one.
        self._table()
        documents: dict[str, dict[str, Any]] = self._db.storage.read().setdefault(TABLE, {})
        return documents

    def records(self) -> list[Stored]:
        return stored_records(self._documents())

    def get(self, record_id: int) -> Engagement:
        doc = None
        if self.splice:
            try:
                doc = self.splice.doc(record_id)
            except Mismatch:
                self._fall_back()
        if self.splice is None:
            doc = self._table().get(doc_id=record_id)
        if doc is None:
            raise NotFound(f"no engagement with id {record_id}")
        return Engagement.from_stored(doc, record_id)

    def of_occasion(self, occasion: tuple[str, tuple[str, ...], str]) -> list[Engagement]:
        """The records of this date, parties and kind (`add` refuses a duplicate): through the index
        when there is one, so that a large file is not parsed."""
        if self.splice:
            s, (day, parties, kind) = self.splice, occasion
            # The date first: it rules out nearly every record without building anything.
            ids = [i for i, d, c, k in zip(s.ids, s.dates, s.countries, s.kinds, strict=True)
                   if d == day and k == kind and tuple(c) == parties]  # fmt: skip
            return [self.get(i) for i in ids]
        return [r.full() for r in self.records() if r.occasion() == occasion]

    def insert(self, records: list[Engagement], *, keep_ids: bool = False) -> list[int]:
        """Store new records; their ids are kept only if asked and none was ever used here."""
        if self.splice and len(records) == 1:
            try:
                records[0].id = self.splice.insert(stored_doc(records[0]))
                self.changed = True
                return [records[0].id]
            except Mismatch:
                self._fall_back()
        table = self._table()
        given = [r.id for r in records]
        ids: list[int]
        if keep_ids and len(table) == 0 and _fresh_ids(given, self._next_id):
            ids = [i for i in given if i is not None]
        else:
            ids = list(range(self._next_id, self._next_id + len(records)))
        if ids and max(ids) > MAX_ID:
            raise StoreError(f"no ids left: the highest id is {MAX_ID}")
        # Straight into the tables TinyDB reads: its insert_multiple copies every document, which at
        # 100,000 records costs a second and a hundred megabytes for nothing.
        stored = self._documents()
        for record, record_id in zip(records, ids, strict=True):
            stored[str(record_id)] = stored_doc(record)
            record.id = record_id
        table.clear_cache()
        self._next_id = max([self._next_id - 1, *ids]) + 1
        self.changed = self.changed or bool(records)
        return ids

    def replace(self, record: Engagement) -> None:
        assert record.id is not None
        self.get(record.id)
        if self.splice:
            try:
                self.splice.replace(record.id, stored_doc(record))
            except Mismatch:
                self._fall_back()
        if self.splice is None:
            self._table().update(stored_doc(record), doc_ids=[record.id])
        self.changed = True

    def replace_many(self, records: list[Engagement]) -> None:
        """Replace several stored records in one pass (a splice per record would copy the file each time)."""
        if self.splice and len(records) <= 1:
            for record in records:
                self.replace(record)
            return
        documents = self._documents()
        for record in records:
            if str(record.id) not in documents:
                raise NotFound(f"no engagement with id {record.id}")
            documents[str(record.id)] = stored_doc(record)
        self._table().clear_cache()
        self.changed = self.changed or bool(records)

    def delete(self, record_ids: list[int]) -> None:
        present = set(self.splice.ids) if self.splice else {int(key) for key in self._documents()}
        missing = [str(i) for i in record_ids if i not in present]
        if missing:
            raise NotFound(f"no engagement with id {', '.join(missing)}")
        record_ids = list(dict.fromkeys(record_ids))
        self.changed = self.changed or bool(record_ids)
        if self.splice and len(record_ids) < len(self.splice.ids):
            try:
                while record_ids and self.splice.delete(record_ids[0]):
                    record_ids = record_ids[1:]
            except Mismatch:
                self._fall_back()  # the ids deleted so far are gone from the bytes it parses
        if record_ids:
            self._table().remove(doc_ids=record_ids)

    def _fall_back(self) -> None:
        """The file is not what the index says: the whole-file way from here, from the changes verified so far."""
        self._table()  # parses the splice's bytes, and drops the splice

    def tables(self) -> Tables:
        """The whole file in a stable order: meta, then records by id, then any other table."""
        self._table()
        data = self._db.storage.read() or {}
        records = data.get(TABLE, {})
        ordered: Tables = {
            META: {"1": {"format": FORMAT, "schema": self._schema, "next_id": self._next_id}},
            TABLE: {key: records[key] for key in sorted(records, key=int)},
        }
        for name in sorted(set(data) - {META, TABLE}):
            ordered[name] = data[name]
        return ordered


def stored_doc(record: Engagement) -> dict[str, Any]:
    doc = record.to_dict()
    del doc["id"]  # the TinyDB document id is the record id
    return doc


def _fresh_ids(ids: list[int | None], next_id: int) -> bool:
    """Every record has its own id, and none was handed out by this database before."""
    present = [i for i in ids if i is not None]
    return len(present) == len(ids) == len(set(present)) and all(i >= next_id for i in present)


class _Snapshot:
    """A TinyDB storage over tables already in memory: the Store does the disk I/O itself."""

    def __init__(self, tables: Tables) -> None:
        self._tables = tables

    def read(self) -> Tables:
        return self._tables

    def write(self, data: Tables) -> None:
        self._tables = data

    def close(self) -> None:
        pass
