"""The bytes of the database file one read saw, fetched only when a record's document is wanted.

A summary or a filter on the indexed fields never needs the file's bytes, so a read through a
settled index does not read the file at all; the records it returns still give their documents on
demand. Those come from the very file the index described: the read keeps that file open, and
writers replace the file by a rename, so a write in between changes nothing it reads. A line that
is not its record (an edit by hand) is refused with StoreError, never taken for another record's
document; the store and `records.documents` then read that record again by its id.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

from ..errors import StoreError
from .layout import holds_record, record_head


class Source:
    """One version of a database file: its bytes, or the file itself, open, to read them from."""

    __slots__ = ("_data", "_file", "_path")

    def __init__(self, data: bytes | None, path: Path, file: BinaryIO | None = None) -> None:
        self._data, self._path, self._file = data, path, file

    @property
    def path(self) -> Path:
        return self._path

    @property
    def loaded(self) -> bool:
        return self._data is not None

    @property
    def data(self) -> bytes:
        if self._data is None:
            f = self._opened()
            f.seek(0)
            self._data = f.read()
            self.close()
        return self._data

    def document(self, record_id: int, span: tuple[int, int]) -> dict[str, Any]:
        """One record's document, once its bytes are checked to be its line."""
        return self.documents([(record_id, span)])[0]

    def parse(self, record_id: int, span: tuple[int, int]) -> dict[str, Any]:
        """One record's document among many being read: the file is read once, and each record parsed where
        the index that matched the file says (a few records' lines alone are read by `documents`)."""
        import orjson

        doc: dict[str, Any] = orjson.loads(memoryview(self.data)[span[0] : span[1]])
        return doc

    def documents(self, spans: list[tuple[int, tuple[int, int]]]) -> list[dict[str, Any]]:
        """The documents of records at these spans. Many are parsed in one call from the bytes; a few are
        each checked to be that record's line first (read on its own when the file is not read yet)."""
        import orjson

        if len(spans) > 64:
            data = self.data
            docs: list[dict[str, Any]] = orjson.loads(b"[" + b",".join([data[s:e] for _, (s, e) in spans]) + b"]")
            return docs
        found = []
        for record_id, (start, end) in spans:
            before = len(record_head(record_id)) + 1
            at = min(before, start)
            if self._data is not None:
                window = self._data[start - at : end + 1]
            else:
                f = self._opened()
                f.seek(start - at)
                window = f.read(end - start + at + 1)
            try:
                if not holds_record(window, at, at + end - start, record_id):
                    raise ValueError
                found.append(orjson.loads(window[at : at + end - start]))
            except ValueError:
                raise StoreError(
                    f"database {self._path} changed while it was being read (record {record_id} is not where "
                    "its index says); run the command again"
                ) from None
        return found

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def _opened(self) -> BinaryIO:
        if self._file is None:
            raise StoreError(f"database {self._path} was closed before its records were read")
        return self._file
