"""The database file: reading it, locking it, writing it atomically, its layout and its schema version.

The file is a TinyDB JSON document with two tables, `meta` (one document: the
format name, schema version and next id) and `engagements` (keyed by id), one
record per line. Readers take no lock: writers replace the file by an atomic
rename, so a reader always sees a whole file. Writers hold an exclusive lock on
`<file>.lock` around the whole read-modify-write cycle, and write the file once
per command; `batch.py` holds the changes, and `index.py` the derived index.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from . import index
from .batch import Batch
from .errors import InvalidInput, NotFound, StoreError, TemporaryFailure
from .files import atomic_write, temporaries
from .layout import FORMAT, META, TABLE, Tables
from .models import Engagement
from .stored import Stored, stored_records

SCHEMA_VERSION = 1
DEFAULT_LOCK_TIMEOUT = 10.0

# Upgrades from schema version N to N + 1, applied in turn when an older file is opened.
MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {}


def default_path() -> Path:
    """--db is handled by the CLI; then RELATIONS_DB; then the user data directory."""
    env = os.environ.get("RELATIONS_DB")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("relations", appauthor=False)) / "relations.json"


def lock_timeout() -> float:
    raw = os.environ.get("RELATIONS_LOCK_TIMEOUT")
    if raw is None or raw == "":
        return DEFAULT_LOCK_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not value >= 0:
        raise InvalidInput(f"RELATIONS_LOCK_TIMEOUT must be a number of seconds, not {raw!r}")
    return value


class Store:
    """One database file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def exists(self) -> bool:
        return self.path.exists()

    def stored(self, keep: index.Keep | None = None, *, columns_only: bool = False) -> list[Stored]:
        """Every record as stored, by id, without building them; a missing file is an empty database.

        Through the index when it matches the file, so that the file is read but not parsed (and,
        with `columns_only`, for summaries that never look past the indexed fields, not even read).
        """
        with self._opened() as f:
            if f is None:
                return []
            st = os.fstat(f.fileno())
            found = index.load(self.path, st, b"")
            if found is not None:
                found.raw = b"" if columns_only else f.read()
                return found.rows(keep)
            raw = f.read()
        tables, _ = _parse(raw, self.path)
        self._reindex(raw, st, tables)
        return stored_records(tables.get(TABLE, {}))

    def records(self) -> list[Engagement]:
        """Every record, built, by id."""
        return [s.full() for s in self.stored()]

    def raw(self) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
        """The meta document and the stored documents by key, as in the file, for `check`."""
        tables = self._load() or {}
        return tables.get(META, {}).get("1", {}), tables.get(TABLE, {})

    def ids(self) -> set[int]:
        return {int(key) for key in (self._load() or {}).get(TABLE, {})}

    def get(self, record_id: int) -> Engagement:
        """One record; through the index, only its line is read from the file."""
        doc: dict[str, Any] | None = None
        with self._opened() as f:
            found = index.load(self.path, os.fstat(f.fileno()), b"") if f else None
            if f and found:
                span = found.span(record_id)
                if span is not None:
                    f.seek(span[0])
                    doc = Stored.parse(f.read(span[1] - span[0]), (0, span[1] - span[0]))
        if found is None:
            doc = (self._load() or {}).get(TABLE, {}).get(str(record_id))
        if doc is None:
            raise NotFound(f"no engagement with id {record_id} in {self.path}")
        return Engagement.from_stored(doc, record_id)

    @contextmanager
    def writing(self) -> Iterator[Batch]:
        """Lock, load, let the caller change the records, then write the file once, atomically."""
        from filelock import FileLock, Timeout

        timeout = lock_timeout()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            lock = FileLock(f"{self.path}.lock", timeout=timeout)
            lock.acquire()
        except Timeout:
            raise TemporaryFailure(
                f"database {self.path} is locked by another relations process; "
                f"gave up after {timeout:g}s (RELATIONS_LOCK_TIMEOUT)"
            ) from None
        except OSError as e:
            raise StoreError(f"cannot lock database {self.path}: {e.strerror or e}") from None
        try:
            self._remove_stale_temporaries()
            snapshot = self._snapshot()
            raw = snapshot[0] if snapshot else None
            found = index.load(self.path, snapshot[1], snapshot[0]) if snapshot else None
            self._check_writable()
            batch = Batch(raw, found, self._tables_of, SCHEMA_VERSION)
            del found
            yield batch
            if batch.changed:
                self._save(batch, raw)
        finally:
            lock.release()

    # -- reading ---------------------------------------------------------------

    def _load(self) -> Tables | None:
        """The file's tables (upgraded to this schema in memory), None when there is no file."""
        raw = self._read()
        return None if raw is None else _parse(raw, self.path)[0]

    def _snapshot(self) -> tuple[bytes, os.stat_result] | None:
        """The file's bytes and the identity of the file they were read from (one open, so they agree)."""
        with self._opened() as f:
            return None if f is None else (f.read(), os.fstat(f.fileno()))

    @contextmanager
    def _opened(self) -> Iterator[BinaryIO | None]:
        """The database file open for reading, None when there is none; StoreError when it cannot be read."""
        try:
            f = self.path.open("rb")
        except FileNotFoundError:
            yield None
            return
        except IsADirectoryError:
            raise StoreError(f"cannot read database {self.path}: it is a directory") from None
        except OSError as e:
            raise StoreError(f"cannot read database {self.path}: {e.strerror or e}") from None
        try:
            yield f
        except IsADirectoryError:
            raise StoreError(f"cannot read database {self.path}: it is a directory") from None
        except OSError as e:
            raise StoreError(f"cannot read database {self.path}: {e.strerror or e}") from None
        finally:
            f.close()

    def _reindex(self, raw: bytes, st: os.stat_result, tables: Tables) -> None:
        """Index a file this program wrote (dumping its tables gives back its bytes); others go unindexed."""
        if not tables.get(TABLE):
            return
        chunks, spans = dump(tables)
        if b"".join(chunks) == raw:
            index.save(self.path, st, tables[TABLE], spans)

    def _read(self) -> bytes | None:
        snapshot = self._snapshot()
        return snapshot[0] if snapshot else None

    # -- writing ---------------------------------------------------------------

    def _check_writable(self) -> None:
        try:
            mode = self.path.stat().st_mode
        except FileNotFoundError:
            return
        if not mode & stat.S_IWUSR:
            raise StoreError(f"database {self.path} is read-only; not changing it")

    def _remove_stale_temporaries(self) -> None:
        # Only a writer holding the lock makes temporaries, so any found now are a killed writer's.
        for stale in [*temporaries(self.path), *temporaries(index.path_for(self.path))]:
            stale.unlink(missing_ok=True)

    def backup_path(self, version: int) -> Path:
        return self.path.with_name(f"{self.path.name}.schema{version}.bak")

    def _back_up(self, raw: bytes, version: int) -> None:
        """Keep the file as it was before its first write under a newer schema; restore by renaming it back."""
        import sys

        backup = self.backup_path(version)
        if backup.exists():
            return
        try:
            atomic_write(backup, raw)
        except OSError as e:
            raise StoreError(f"cannot back up {self.path} before upgrading it: {e.strerror or e}") from None
        sys.stderr.write(
            f"upgraded {self.path} from schema {version} to {SCHEMA_VERSION}; the old file is kept as {backup}\n"
        )

    def _tables_of(self, raw: bytes | None) -> tuple[Tables, int]:
        return _parse(raw, self.path) if raw is not None else ({}, SCHEMA_VERSION)

    def _save(self, batch: Batch, raw: bytes | None) -> None:
        if batch.splice is not None:
            try:
                atomic_write(self.path, batch.splice.raw)
            except OSError as e:
                raise StoreError(f"cannot write database {self.path}: {e.strerror or e}") from None
            index.write(self.path, self.path.stat(), batch.splice.columns())
            return
        if raw is not None and batch.source_version < SCHEMA_VERSION:
            self._back_up(raw, batch.source_version)
        written = batch.tables()
        spans = self._write(written)
        index.save(self.path, self.path.stat(), written.get(TABLE, {}), spans)

    def _write(self, tables: Tables) -> dict[str, tuple[int, int]]:
        chunks, spans = dump(tables)
        try:
            atomic_write(self.path, chunks)
        except OSError as e:
            raise StoreError(f"cannot write database {self.path}: {e.strerror or e}") from None
        return spans


def _parse(raw: bytes, path: Path) -> tuple[Tables, int]:
    """The tables, upgraded to this schema, and the schema version the file was written with."""
    import orjson

    if not raw or raw.isspace():
        return {}, SCHEMA_VERSION
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as e:
        raise StoreError(f"{path} is damaged or not a relations database: {e}") from None
    if not isinstance(data, dict) or not all(
        isinstance(t, dict) and all(isinstance(d, dict) for d in t.values()) for t in data.values()
    ):
        raise StoreError(f"{path} is not a relations database")
    meta = data.get(META, {}).get("1")
    if meta is None:
        if any(data.values()):
            raise StoreError(f"{path} is not a relations database")
        return {}, SCHEMA_VERSION
    if meta.get("format") != FORMAT or not isinstance(meta.get("schema"), int):
        raise StoreError(f"{path} is not a relations database")
    return _upgrade(data, meta["schema"], path), meta["schema"]


def dump(tables: Tables) -> tuple[list[bytes], dict[str, tuple[int, int]]]:
    """The file's bytes, in chunks, and where each record's JSON is in them (for the index).

    One line per record, so that a change to a record is a one-line diff. Plain JSON all the same
    (any JSON reader, TinyDB included, reads it), and about half the size of an indented file.
    Lines are joined a few thousand at a time: orjson gives each result a 4 kB buffer, so keeping
    100,000 of them until the end would cost 400 MB.
    """
    import orjson

    chunks: list[bytes] = []
    spans: dict[str, tuple[int, int]] = {}
    pending: list[bytes] = [b"{"]
    offset = 1

    def put(piece: bytes) -> None:
        nonlocal offset
        pending.append(piece)
        offset += len(piece)
        if len(pending) >= 8192:
            chunks.append(b"".join(pending))
            pending.clear()

    for t, (name, table) in enumerate(tables.items()):
        put(b"%s\n  %s: {" % (b"," if t else b"", orjson.dumps(name)))
        for r, (key, doc) in enumerate(table.items()):
            head = b"%s\n    %s: " % (b"," if r else b"", orjson.dumps(key))
            body = orjson.dumps(doc)
            if name == TABLE:
                spans[key] = (offset + len(head), offset + len(head) + len(body))
            put(head)
            put(body)
        put(b"\n  }" if table else b"}")
    put(b"\n}\n")
    chunks.append(b"".join(pending))
    return chunks, spans


def _upgrade(tables: Tables, version: int, path: Path) -> Tables:
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer relations (schema {version}; this one reads "
            f"{SCHEMA_VERSION}); upgrade relations"
        )
    while version < SCHEMA_VERSION:
        if version not in MIGRATIONS:
            raise StoreError(f"{path} has schema {version}, which this relations cannot upgrade")
        tables = MIGRATIONS[version](tables)
        version += 1
    return tables
