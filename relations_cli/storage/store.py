"""The database file: reading it, locking it, writing it atomically, its layout and its schema version.

The file is a TinyDB JSON document with two tables, `meta` (one document: the
format name, schema version and next id) and `engagements` (keyed by id), one
record per line. Readers take no lock: writers replace the file by an atomic
rename, so a reader always sees a whole file. Writers hold an exclusive lock on
`<file>.lock` around the whole read-modify-write cycle, and write the file once
per command; `batch.py` holds the changes, and `index.py` the derived index.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InvalidInput, NotFound, StoreError
from ..files import atomic_write, temporaries
from ..lock import acquired, lock_path
from ..models import Engagement
from ..ondisk import check_target, opened, same_file, target
from . import index, shape
from .columns import Columns, Keep
from .layout import META, TABLE, Tables, decode, dump
from .records import Stored, stored_records
from .source import Source

if TYPE_CHECKING:
    from .change import Batch

__all__ = ["SCHEMA_VERSION", "Store", "default_path", "dump", "lock_timeout"]

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
        self._pinned: Path | None = None  # the target a write in progress is on

    @property
    def file(self) -> Path:
        return self._pinned or target(self.path)

    def exists(self) -> bool:
        return self.path.exists()

    def rows(self, keep: Keep | None = None) -> list[Stored]:
        """Every record as stored (or those whose indexed fields pass `keep`), by id, without building them.

        Through the index when it matches the file, so that the file is not parsed (and, once settled, not
        even read until a record's document is wanted).
        """
        view = self._view()
        if isinstance(view, list):
            return view if keep is None else [r for r in view if keep(r)]
        columns, source = view
        return columns.rows(source, keep)

    def records(self) -> list[Engagement]:
        """Every record, built, by id."""
        return [s.full() for s in self.rows()]

    def raw(self) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
        """The meta document and the stored documents by key, as in the file (unchecked), for `check`."""
        raw = self._read()
        tables = {} if raw is None else _parse(raw, self.path, strict=False)[0]
        return tables.get(META, {}).get("1", {}), tables.get(TABLE, {})

    def ids(self) -> set[int]:
        return {r.id for r in self.rows()}

    def get(self, record_id: int) -> Engagement:
        """One record; through the index, only its line is read from the file (and checked to be its line)."""
        view = self._view()
        if not isinstance(view, list):
            columns, source = view
            span = columns.span(record_id)
            try:
                doc = None if span is None else source.document(record_id, span)
            except StoreError:  # the file was replaced since the index was read: read it whole
                view = self._view(use_index=False)
        if isinstance(view, list):
            doc = next((r.doc for r in view if r.id == record_id), None)
        if doc is None:
            raise NotFound(f"no engagement with id {record_id} in {self.path}")
        return Engagement.from_stored(doc, record_id)

    def _view(self, *, use_index: bool = True) -> tuple[Columns, Source] | list[Stored]:
        """The one loader of every read: the index's columns over the file when the index matches it, else
        the records parsed from the file."""
        with opened(self.path) as f:
            if f is None:
                return []
            st = os.fstat(f.fileno())
            found = index.load(self.file, st, f.read) if use_index else None
            if found is not None:
                columns, raw = found
                # Settled: the bytes are read only if a document is wanted, from this very file (kept open).
                kept = None if raw is not None else os.fdopen(os.dup(f.fileno()), "rb")
                return columns, Source(raw, self.path, kept)
            f.seek(0)
            raw = f.read()
        return self._parsed(raw, st)

    @contextmanager
    def writing(self, *, in_place: bool = True) -> Iterator[Batch]:
        """Lock, load, let the caller change the records, then write the file once, atomically.

        `in_place=False` makes every change the whole-file way (the tests compare the two strategies)."""
        from .change import Batch  # writers only: it brings TinyDB and the in-place writer

        timeout = lock_timeout()
        check_target(self.path, self.file)
        # One write, one file: the link is resolved once, so that if it is moved meanwhile the bytes read,
        # the lock held and the file replaced are still the same file's (else another file's records
        # would be replaced by this one's).
        self._pinned = self.file
        try:
            lock = acquired(lock_path(self.file), timeout, self.path)
            try:
                self._remove_stale_temporaries()
                snapshot = self._snapshot()
                raw = snapshot[0] if snapshot else None
                found = index.load(self.file, snapshot[1], lambda: snapshot[0]) if snapshot else None
                self._check_writable()
                batch = Batch(
                    raw, found[0] if found else None, self._tables_of, SCHEMA_VERSION, in_place=in_place, path=self.path
                )
                del found
                yield batch
                if batch.changed:
                    self._save(batch, raw)
            finally:
                lock.release()
        finally:
            self._pinned = None

    # -- reading ---------------------------------------------------------------

    def _snapshot(self) -> tuple[bytes, os.stat_result] | None:
        """The file's bytes and the identity of the file they were read from (one open, so they agree)."""
        with opened(self.path) as f:
            snapshot = None if f is None else (f.read(), os.fstat(f.fileno()))
        if self._pinned is not None and not same_file(snapshot[1] if snapshot else None, self._pinned):
            raise StoreError(
                f"database {self.path} was moved to another file while it was being written; "
                "nothing was written, run the command again"
            )
        return snapshot

    def _parsed(self, raw: bytes, st: os.stat_result) -> list[Stored]:
        """The records of a file the index does not describe, parsed; indexed again when this program wrote
        it (dumping its tables gives back its bytes), so that the next read need not parse it."""
        tables, _ = _parse(raw, self.path)
        docs = tables.get(TABLE, {})
        keys = list(docs)
        if keys and keys == sorted(keys, key=int):  # the in-place writer relies on lines in id order
            chunks, dumped = dump(tables)
            if b"".join(chunks) == raw:
                index.write(self.file, st, Columns.of_documents(docs, dumped.starts, dumped.ends), index.crc([raw]))
        return stored_records(docs)

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
        # One that cannot be removed (a directory, or another user's file in a shared folder) is no one's
        # database either: it is left, rather than stopping every write.
        for stale in [*temporaries(self.file), *temporaries(index.path_for(self.file))]:
            with contextlib.suppress(OSError):
                stale.unlink(missing_ok=True)

    def backup_path(self, version: int) -> Path:
        return self.file.with_name(f"{self.file.name}.schema{version}.bak")

    def _back_up(self, raw: bytes, version: int) -> None:
        """Keep the file as it was before its first write under a newer schema; restore by renaming it back."""
        import sys

        backup = self.backup_path(version)
        try:
            found = backup.lstat()
        except FileNotFoundError:
            found = None
        if found is not None:
            if stat.S_ISREG(found.st_mode):
                return  # an earlier upgrade's copy of the same file
            # A directory or link there would pass for a backup while none was kept.
            raise StoreError(f"cannot back up {self.path} before upgrading it: {backup} is not a regular file")
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
        if raw is not None and batch.whole_file and batch.source_version < SCHEMA_VERSION:
            self._back_up(raw, batch.source_version)
        chunks, columns = batch.written()
        checked = index.Checked(chunks)  # the content check, made as the chunks are written
        self._write(checked)
        index.write(self.file, self.file.stat(), columns(), checked.value)

    def _write(self, chunks: Iterable[bytes]) -> None:
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
