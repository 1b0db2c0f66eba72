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

from . import index, shape
from .batch import Batch
from .errors import InvalidInput, NotFound, StoreError, TemporaryFailure
from .files import atomic_write, temporaries
from .layout import META, TABLE, Tables, decode, dump, holds_record, record_head
from .lock import lock_for
from .ondisk import check_target, opened, target

__all__ = ["SCHEMA_VERSION", "Store", "default_path", "dump", "lock_timeout"]
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
    """One database file.

    `path` is what the user named, and what messages show; `file` is where the bytes are: the same, or,
    when `path` is a symbolic link, its target, so that a write replaces the target (atomically, beside
    it) and leaves the link in place. The lock and the index sit beside the target too.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    @property
    def file(self) -> Path:
        return target(self.path)

    def exists(self) -> bool:
        return self.path.exists()

    def stored(
        self, keep: index.Keep | None = None, *, columns_only: bool = False, use_index: bool = True
    ) -> list[Stored]:
        """Every record as stored, by id, without building them; a missing file is an empty database.

        Through the index when it matches the file, so that the file is read but not parsed (and,
        with `columns_only`, for summaries that never look past the indexed fields, not even read).
        """
        with opened(self.path) as f:
            if f is None:
                return []
            st = os.fstat(f.fileno())
            found = index.load(self.file, st, f.read) if use_index else None
            if found is not None:
                if not found.raw and not columns_only:
                    found.raw = f.read()
                return found.rows(keep)
            f.seek(0)
            raw = f.read()
        tables, _ = _parse(raw, self.path)
        self._reindex(raw, st, tables)
        return stored_records(tables.get(TABLE, {}))

    def records(self) -> list[Engagement]:
        """Every record, built, by id."""
        return [s.full() for s in self.stored()]

    def raw(self) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
        """The meta document and the stored documents by key, as in the file (unchecked), for `check`."""
        raw = self._read()
        tables = {} if raw is None else _parse(raw, self.path, strict=False)[0]
        return tables.get(META, {}).get("1", {}), tables.get(TABLE, {})

    def ids(self) -> set[int]:
        return {int(key) for key in (self._load() or {}).get(TABLE, {})}

    def get(self, record_id: int) -> Engagement:
        """One record; through the index, only its line is read from the file (and checked to be its line)."""
        doc: dict[str, Any] | None = None
        with opened(self.path) as f:
            found = index.load(self.file, os.fstat(f.fileno()), f.read) if f else None
            span = found.span(record_id) if f and found else None
            if f and span is not None:
                doc = self._line(f, record_id, span)
                found = found if doc is not None else None  # the file is not what the index says
        if found is None:
            docs = self.stored(use_index=False)  # parses the file, and indexes it again
            doc = next((s.doc for s in docs if s.id == record_id), None)
        if doc is None:
            raise NotFound(f"no engagement with id {record_id} in {self.path}")
        return Engagement.from_stored(doc, record_id)

    @staticmethod
    def _line(f: BinaryIO, record_id: int, span: tuple[int, int]) -> dict[str, Any] | None:
        """The record's document at `span`, None unless the bytes there are its line and an object."""
        import orjson

        before = len(record_head(record_id)) + 1
        f.seek(max(span[0] - before, 0))
        window = f.read(span[1] - span[0] + before + 1)
        start = min(before, span[0])
        if not holds_record(window, start, start + span[1] - span[0], record_id):
            return None
        try:
            doc = orjson.loads(window[start : start + span[1] - span[0]])
        except orjson.JSONDecodeError:
            return None
        return doc if isinstance(doc, dict) else None

    @contextmanager
    def writing(self) -> Iterator[Batch]:
        """Lock, load, let the caller change the records, then write the file once, atomically."""
        from filelock import Timeout

        timeout = lock_timeout()
        check_target(self.path, self.file)
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            lock = lock_for(Path(f"{self.file}.lock"), timeout)
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
            found = index.load(self.file, snapshot[1], lambda: snapshot[0]) if snapshot else None
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
        with opened(self.path) as f:
            return None if f is None else (f.read(), os.fstat(f.fileno()))

    def _reindex(self, raw: bytes, st: os.stat_result, tables: Tables) -> None:
        """Index a file this program wrote (dumping its tables gives back its bytes); others go unindexed."""
        keys = list(tables.get(TABLE, {}))
        if not keys or keys != sorted(keys, key=int):  # the in-place writer relies on lines in id order
            return
        chunks, spans = dump(tables)
        if b"".join(chunks) == raw:
            index.save(self.file, st, tables[TABLE], spans, index.crc([raw]))

    def _read(self) -> bytes | None:
        snapshot = self._snapshot()
        return snapshot[0] if snapshot else None

    # -- writing ---------------------------------------------------------------

    def _check_writable(self) -> None:
        try:
            mode = self.file.stat().st_mode
        except FileNotFoundError:
            return
        if not mode & stat.S_IWUSR:
            raise StoreError(f"database {self.path} is read-only; not changing it")

    def _remove_stale_temporaries(self) -> None:
        # Only a writer holding the lock makes temporaries, so any found now are a killed writer's.
        for stale in [*temporaries(self.file), *temporaries(index.path_for(self.file))]:
            stale.unlink(missing_ok=True)

    def backup_path(self, version: int) -> Path:
        return self.file.with_name(f"{self.file.name}.schema{version}.bak")

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
            self._write([batch.splice.raw])
            index.write(self.file, self.file.stat(), batch.splice.columns(), index.crc([batch.splice.raw]))
            return
        if raw is not None and batch.source_version < SCHEMA_VERSION:
            self._back_up(raw, batch.source_version)
        written = batch.tables()
        chunks, spans = dump(written)
        self._write(chunks)
        index.save(self.file, self.file.stat(), written.get(TABLE, {}), spans, index.crc(chunks))

    def _write(self, chunks: list[bytes]) -> None:
        try:
            atomic_write(self.file, chunks)
        except OSError as e:
            raise StoreError(f"cannot write database {self.path}: {e.strerror or e}") from None


def _parse(raw: bytes, path: Path, *, strict: bool = True) -> tuple[Tables, int]:
    """The tables, upgraded to this schema, and the schema version the file was written with.

    Strict (for every command but `check`): each record must have the shape the commands rely on,
    and no key may appear twice; otherwise StoreError names the record.
    """
    data, meta = decode(raw, path)
    if meta is None:
        return {}, SCHEMA_VERSION
    tables = _upgrade(data, meta["schema"], path)
    if strict:
        _check_shape(tables, meta, path)
    return tables, meta["schema"]


def _check_shape(data: Tables, meta: dict[str, Any], path: Path) -> None:
    damage = shape.meta_problem(meta)
    if damage:
        raise StoreError(f"{path} is damaged: meta: {damage} (run relations check)")
    problem = shape.record_problem
    for key, doc in data.get(TABLE, {}).items():
        damage = problem(key, doc)
        if damage:
            raise StoreError(f"{path} is damaged: record {key}: {damage} (run relations check)")


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
