"""A derived index beside the database: the fields that filters and summaries read, and where each
record's line is in the file, so that most reads never parse the whole database.

Never a second source of truth: it is built from the file (by every writer, right after writing,
and by a reader that finds it missing or stale), it names the file it was built from by inode, size,
modification time and change time (which no one can set back: `touch -d` and a same-size edit
both move it), and it is used only while the file still matches. An edit in the same clock tick as
the write that indexed the file would keep even those, so the index also holds a CRC of the whole
file, checked by the readers that come before the file has been still for a while ("settled", as
git calls an index entry that is no longer racily clean). Deleting it is always safe. It is
`.NAME.index` beside the database.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import time
import zlib
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from itertools import repeat
from pathlib import Path
from typing import Any

from .files import atomic_write
from .stored import Stored

VERSION = 2
Fingerprint = tuple[int, int, int, int]
# A file unchanged this long after its last change is past any file system's clock tick (FAT's is 2 s):
# from then on, any edit moves its change time, and the fingerprint alone tells.
SETTLED_NS = 3_000_000_000
# A test on a record's indexed columns: date, countries, kind, areas, tags.
Keep = Callable[[str, Sequence[str], str, Sequence[str], Sequence[str]], bool]


def path_for(db: Path) -> Path:
    return db.with_name(f".{db.name}.index")


def fingerprint(st: os.stat_result) -> Fingerprint:
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def crc(chunks: Iterable[bytes]) -> int:
    """The content check the index keeps: zlib's CRC-32, about 1.5 GB/s."""
    value = 0
    for chunk in chunks:
        value = zlib.crc32(chunk, value)
    return value


class Index:
    """The columns of every record, by id, over the file's bytes (each record's JSON parsed on demand)."""

    def __init__(self, columns: tuple[list[Any], ...], raw: bytes) -> None:
        self.ids, self.dates, self.countries, self.kinds, self.areas, self.tags, self.starts, self.ends = columns
        self.raw = raw

    def rows(self, keep: Keep | None = None) -> list[Stored]:
        """The records, or those whose columns pass `keep` (the others are never built)."""
        make = tuple.__new__  # a Stored straight from the zipped columns, without a Python-level __new__
        rows = zip(
            self.ids, self.dates, self.countries, self.kinds, self.areas, self.tags, repeat(None), repeat(self.raw),
            zip(self.starts, self.ends, strict=True), strict=False,
        )  # fmt: skip
        if keep is None:
            return [make(Stored, row) for row in rows]
        return [make(Stored, row) for row in rows if keep(row[1], row[2], row[3], row[4], row[5])]

    def columns(self) -> tuple[list[Any], ...]:
        return (self.ids, self.dates, self.countries, self.kinds, self.areas, self.tags, self.starts, self.ends)

    def span(self, record_id: int) -> tuple[int, int] | None:
        """Where the record's JSON is in the file."""
        at = bisect_left(self.ids, record_id)
        if at == len(self.ids) or self.ids[at] != record_id:
            return None
        return self.starts[at], self.ends[at]


def load(db: Path, st: os.stat_result, content: Callable[[], bytes]) -> Index | None:
    """The index of exactly this file, or None when there is none that matches.

    `content` gives the file's bytes; it is called only while the file is not yet settled, to check them.
    """
    try:
        data = marshal.loads(path_for(db).read_bytes())
        if data[0] != VERSION or tuple(data[1]) != fingerprint(st):
            return None
        found = Index(tuple(data[4:]), b"")
        if not data[3]:
            raw = content()
            if crc([raw]) != data[2]:
                return None
            found.raw = raw
            if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) > SETTLED_NS:
                write(db, st, found.columns(), data[2], settled=True)
        return found
    except (OSError, EOFError, ValueError, TypeError, IndexError):
        return None


def save(
    db: Path, st: os.stat_result, docs: dict[str, dict[str, Any]], spans: dict[str, tuple[int, int]], checksum: int
) -> None:
    """Write the index for the file `st` describes; an index that cannot be written is simply not there."""
    intern = sys.intern
    keys = sorted(docs, key=int)
    columns = (
        [int(k) for k in keys],
        [docs[k]["date"] for k in keys],
        [tuple(intern(c) for c in docs[k]["countries"]) for k in keys],
        [intern(docs[k]["kind"]) for k in keys],
        [tuple(intern(a) for a in docs[k]["areas"]) for k in keys],
        [tuple(docs[k]["tags"]) for k in keys],
        [spans[k][0] for k in keys],
        [spans[k][1] for k in keys],
    )
    write(db, st, columns, checksum)


def write(
    db: Path, st: os.stat_result, columns: tuple[list[Any], ...], checksum: int, *, settled: bool = False
) -> None:
    """The index of the file `st` describes, whose bytes have CRC `checksum`."""
    with contextlib.suppress(OSError, ValueError):
        payload: tuple[Any, ...] = (VERSION, fingerprint(st), checksum, settled, *columns)
        atomic_write(path_for(db), marshal.dumps(payload), sync=False)
