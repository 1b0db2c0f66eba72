"""The records inside one write: change them through a `Batch`, then the store saves the file once.

The strategy is chosen once, as the write begins: in place (`inplace.py`) when the index matches a
file laid out as this program writes it, else the whole file (`wholefile.py`). There is one way
back, `Batch._whole`: a change the in-place strategy cannot make (many records at once, other than
an import's drafts added after the last line; the last record; a line that is not what the index
says) moves the write, with the changes made so far, to the whole file. Both write the same bytes
(tests/test_strategies.py).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, Protocol, TypeVar

from ..errors import NotFound
from ..models import Engagement, Occasion
from .columns import Columns
from .inplace import InPlace, Refused
from .layout import Tables
from .records import Stored, stored_records
from .source import Source
from .wholefile import WholeFile

T = TypeVar("T")
_REFUSED = object()


class Strategy(Protocol):
    """What every write strategy does; a new one is a class with these, chosen in `Batch.__init__`."""

    name: str
    next_id: int

    def ids(self) -> list[int]: ...
    def doc(self, record_id: int) -> dict[str, Any] | None: ...
    def insert(self, doc: dict[str, Any]) -> int: ...
    def replace(self, record_id: int, doc: dict[str, Any]) -> None: ...
    def written(self) -> tuple[Iterable[bytes], Callable[[], Columns]]: ...


class Batch:
    def __init__(
        self,
        raw: bytes | None,
        found: Columns | None,
        load: Callable[[bytes | None], tuple[Tables, int]],
        schema: int,
        *,
        in_place: bool = True,
        path: Path | None = None,
    ) -> None:
        self._raw, self._load, self._schema = raw, load, schema
        self._path = path or Path("database")  # named in errors about what the index says
        self.strategy: Strategy | None = None
        if in_place and raw is not None and found is not None:
            with contextlib.suppress(Refused):
                self.strategy = InPlace(raw, found, schema)
        self.source_version = schema  # the schema the file had, once parsed
        self.changed = False

    # -- the strategies --------------------------------------------------------

    def _whole(self) -> WholeFile:
        """The whole-file strategy, from the file as changed so far (the one fallback from in place)."""
        if not isinstance(self.strategy, WholeFile):
            raw = self.strategy.raw if isinstance(self.strategy, InPlace) else self._raw
            tables, self.source_version = self._load(raw)
            self.strategy = WholeFile(tables, self._schema)
        return self.strategy

    def _in_place(self, change: Callable[[InPlace], T]) -> T | object:
        """`change` made in place, or `_REFUSED` (and the whole-file strategy from now on)."""
        if not isinstance(self.strategy, InPlace):
            return _REFUSED
        try:
            return change(self.strategy)
        except Refused:
            self._whole()
            return _REFUSED

    def written(self) -> tuple[Iterable[bytes], Callable[[], Columns]]:
        """The file's new bytes, made as they are taken, and then its columns (for the index)."""
        return (self.strategy or self._whole()).written()

    @property
    def next_id(self) -> int:
        return (self.strategy or self._whole()).next_id

    @property
    def whole_file(self) -> bool:
        return not isinstance(self.strategy, InPlace)

    # -- reading ---------------------------------------------------------------

    def records(self) -> list[Stored]:
        """Every record, parsed (the whole-file strategy from then on)."""
        return stored_records(self._whole().documents())

    def views(self) -> list[Stored]:
        """Every record's view: from the index's columns while writing in place, each document parsed only when
        asked for (for a caller that reads the indexed fields of all and the documents of a few), else `records`."""
        if isinstance(self.strategy, InPlace):
            return self.strategy.columns.rows(Source(self.strategy.raw, self._path))
        return self.records()

    def get(self, record_id: int) -> Engagement:
        doc = self._in_place(lambda s: s.doc(record_id))
        if doc is _REFUSED:
            doc = self._whole().doc(record_id)
        if not isinstance(doc, dict):
            raise NotFound(f"no engagement with id {record_id}")
        return Engagement.from_stored(doc, record_id)

    def of_occasion(self, occasion: Occasion) -> list[Engagement]:
        """The records of this date, parties and kind (`add` refuses a duplicate): from the index's columns
        when writing in place, so that a large file is not parsed."""
        if isinstance(self.strategy, InPlace):
            return [self.get(i) for i in self.strategy.of_occasion(occasion)]
        return [r.full() for r in self.records() if r.occasion() == occasion]

    # -- changing --------------------------------------------------------------

    def insert(self, records: list[Engagement], *, keep_ids: bool = False) -> list[int]:
        """Store new records; their ids are kept only if asked and none was ever used here."""
        ids: Any = _REFUSED
        if len(records) == 1:
            ids = self._in_place(lambda s: [s.insert(stored_doc(records[0]))])
        if ids is _REFUSED:
            docs, given = [stored_doc(r) for r in records], [r.id for r in records]
            ids = self._whole().insert_many(docs, given, keep_ids=keep_ids)
        for record, record_id in zip(records, ids, strict=True):
            record.id = record_id
        self.changed = self.changed or bool(records)
        return list(ids)

    def insert_documents(self, docs: Sequence[Any]) -> list[int]:
        """Store ready-made documents under new ids: for imports of many drafts, with no `Engagement` or dict
        built for each. A document is what the file holds for a record (no id), in the contract's field order,
        that orjson writes and whose fields are read by name (`doc["date"]`). Appended in place when the file
        allows it (the database's records are then neither parsed nor written out again), else the whole file."""
        ids: Any = self._in_place(lambda s: s.insert_ready(docs))
        if ids is _REFUSED:
            ids = self._whole().insert_many(list(docs), [None] * len(docs))
        self.changed = self.changed or bool(docs)
        return list(ids)

    def replace(self, record: Engagement) -> None:
        record_id = record.id
        assert record_id is not None
        self.get(record_id)
        if self._in_place(lambda s: s.replace(record_id, stored_doc(record))) is _REFUSED:
            self._whole().replace(record_id, stored_doc(record))
        self.changed = True

    def replace_many(self, records: list[Engagement]) -> None:
        """Replace several stored records in one pass (in place, each would copy the file)."""
        if len(records) <= 1:
            for record in records:
                self.replace(record)
            return
        whole = self._whole()
        present = set(whole.documents())
        missing = [r.id for r in records if str(r.id) not in present]
        if missing:
            raise NotFound(f"no engagement with id {missing[0]}")
        whole.replace_many({r.id: stored_doc(r) for r in records if r.id is not None})
        self.changed = True

    def delete(self, record_ids: list[int]) -> None:
        present = set((self.strategy or self._whole()).ids())
        missing = [str(i) for i in record_ids if i not in present]
        if missing:
            raise NotFound(f"no engagement with id {', '.join(missing)}")
        left = list(dict.fromkeys(record_ids))
        self.changed = self.changed or bool(left)
        if len(left) < len(present):  # deleting every record changes the table's layout: the whole file
            while left and self._in_place(partial(_delete, record_id=left[0])) is not _REFUSED:
                left = left[1:]
        if left:
            self._whole().delete(left)  # from the bytes without the ids deleted in place so far


def _delete(strategy: InPlace, record_id: int) -> None:
    strategy.delete(record_id)


def stored_doc(record: Engagement) -> dict[str, Any]:
    doc = record.to_dict()
    del doc["id"]  # the key is the record id
    return doc
