"""The whole-file write strategy: the tables parsed, changed through TinyDB, and written out whole.

Every change can be made this way: an import, many edits or deletes, the last record deleted, a file
of an older schema or laid out by hand. It is also what the in-place strategy falls back to.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from itertools import islice
from typing import Any

from tinydb import TinyDB

from ..errors import StoreError
from .columns import Columns
from .layout import MAX_ID, META, TABLE, Dumped, Tables, meta_document


class WholeFile:
    """The database's tables in memory, as TinyDB holds them."""

    name = "whole file"

    def __init__(self, tables: Tables, schema: int) -> None:
        self._storage = _Snapshot(tables)
        self._db = TinyDB(storage=lambda: self._storage)
        self._table = self._db.table(TABLE)
        self._schema = schema
        highest = max(map(int, tables.get(TABLE, {})), default=0)  # keys are canonical: the parse checked
        # Never an id already used, whatever the meta document says (a hand edit or a merge can lower it).
        self.next_id: int = max(tables.get(META, {}).get("1", {}).get("next_id", 1), highest + 1)

    def documents(self) -> dict[str, dict[str, Any]]:
        """The stored documents by key, as TinyDB holds them (`Table.all()` would copy every one)."""
        return self._storage.tables.setdefault(TABLE, {})

    def ids(self) -> list[int]:
        return sorted(map(int, self.documents()))

    def doc(self, record_id: int) -> dict[str, Any] | None:
        found = self._table.get(doc_id=record_id)
        return None if found is None else dict(found)

    def insert(self, doc: dict[str, Any]) -> int:
        return self.insert_many([doc], [None])[0]

    def insert_many(self, docs: list[Any], given: list[int | None], *, keep_ids: bool = False) -> list[int]:
        """Store new documents (dicts, or records read by key: see `Batch.insert_documents`); their given ids
        are kept only if asked and none was ever used here."""
        documents = self.documents()
        ids: list[int]
        if keep_ids and not documents and _fresh_ids(given, self.next_id):
            ids = [i for i in given if i is not None]
        else:
            ids = list(range(self.next_id, self.next_id + len(docs)))
        if ids and max(ids) > MAX_ID:
            raise StoreError(f"no ids left: the highest id is {MAX_ID}")
        # Straight into the tables TinyDB reads: its insert_multiple copies every document, which at
        # 100,000 records costs a second and a hundred megabytes for nothing.
        documents.update(zip(map(str, ids), docs, strict=True))
        self._table.clear_cache()
        self.next_id = max([self.next_id - 1, *ids]) + 1
        return ids

    def replace(self, record_id: int, doc: dict[str, Any]) -> None:
        self.replace_many({record_id: doc})

    def replace_many(self, docs: dict[int, dict[str, Any]]) -> None:
        documents = self.documents()
        for record_id, doc in docs.items():
            documents[str(record_id)] = doc
        self._table.clear_cache()

    def delete(self, record_ids: list[int]) -> None:
        self._table.remove(doc_ids=record_ids)

    def tables(self) -> Tables:
        """The whole file in a stable order: meta, then records by id, then any other table."""
        data = self._storage.tables
        records = data.get(TABLE, {})
        ordered: Tables = {
            META: {"1": meta_document(self._schema, self.next_id)},
            TABLE: records if _in_id_order(records) else {key: records[key] for key in sorted(records, key=int)},
        }
        for name in sorted(set(data) - {META, TABLE}):
            ordered[name] = data[name]
        return ordered

    def written(self) -> tuple[Iterable[bytes], Callable[[], Columns]]:
        tables = self.tables()
        dumped = Dumped(tables)
        return dumped, lambda: Columns.of_documents(tables[TABLE], dumped.starts, dumped.ends)


def _in_id_order(records: dict[str, Any]) -> bool:
    """Keys already in id order (as a file this program wrote, and ids added after, are): no copy sorted."""
    ids = list(map(int, records))
    return all(map(operator.lt, ids, islice(ids, 1, None)))


def _fresh_ids(ids: list[int | None], next_id: int) -> bool:
    """Every record has its own id, and none was handed out by this database before."""
    present = [i for i in ids if i is not None]
    return len(present) == len(ids) == len(set(present)) and all(i >= next_id for i in present)


class _Snapshot:
    """A TinyDB storage over tables already in memory: the store does the disk I/O itself."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables

    def read(self) -> Tables:
        return self.tables

    def write(self, data: Tables) -> None:
        self.tables = data

    def close(self) -> None:
        pass
