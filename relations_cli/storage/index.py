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
import stat
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..files import atomic_write
from .columns import Columns

VERSION = 3
Fingerprint = tuple[int, int, int, int]
# A file unchanged this long after its last change is past any file system's clock tick (FAT's is 2 s):
# from then on, any edit moves its change time, and the fingerprint alone tells.
SETTLED_NS = 3_000_000_000


def path_for(db: Path) -> Path:
    return db.with_name(f".{db.name}.index")


def fingerprint(st: os.stat_result) -> Fingerprint:
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def crc(chunks: Iterable[bytes]) -> int:
    """The content check the index keeps: zlib's CRC-32, about 1.5 GB/s."""
    checked = Checked(chunks)
    for _ in checked:
        pass
    return checked.value


class Checked:
    """Chunks passed through, their `crc` made on the way (`value`, once every chunk has been taken)."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self.chunks, self.value = chunks, 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.chunks:
            self.value = zlib.crc32(chunk, self.value)
            yield chunk


def load(db: Path, st: os.stat_result, content: Callable[[], bytes]) -> tuple[Columns, bytes | None] | None:
    """The columns of exactly this file, None when no index matches it; and its bytes when they were read.

    `content` gives the file's bytes; it is called only while the file is not yet settled, to check them.
    """
    try:
        data = marshal.loads(_read(path_for(db), st.st_uid))
        if data[0] != VERSION or tuple(data[1]) != fingerprint(st):
            return None
        columns = Columns.from_payload(data[4:])
        if columns is None:
            return None
        if data[3]:
            return columns, None
        raw = content()
        if crc([raw]) != data[2]:
            return None
        if time.time_ns() - max(st.st_mtime_ns, st.st_ctime_ns) > SETTLED_NS:
            write(db, st, columns, data[2], settled=True)
        return columns, raw
    except (OSError, EOFError, ValueError, TypeError, IndexError):
        return None


def _read(path: Path, owner: int) -> bytes:
    """The index's bytes; OSError unless it is a regular file owned by the database's owner.

    Anyone who can write the folder can put something where the index goes: a FIFO (opening it would
    wait forever), a link to /dev/zero (read to the end, it never ends), or an index of their own that
    lies about the records. Those are not followed, not waited on, and not believed.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_uid != owner:
            raise OSError(f"{path} is not an index this program wrote")
        return f.read()


def write(db: Path, st: os.stat_result, columns: Columns, checksum: int, *, settled: bool = False) -> None:
    """The index of the file `st` describes, whose bytes have CRC `checksum`; an index that cannot be
    written is simply not there. Only the database's owner writes it (no one else's would be believed)."""
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        return
    with contextlib.suppress(OSError, ValueError):
        payload: tuple[Any, ...] = (VERSION, fingerprint(st), checksum, settled, *columns.payload())
        atomic_write(path_for(db), marshal.dumps(payload), sync=False)
