"""The database path on disk: what it names, and opening it without hanging on or replacing what is no file.

A symbolic link names its target: writes replace the target (atomically, beside it) and the link
stays. A FIFO, socket or device named as the database is refused with its kind, before anything
is read from it, locked or created; so is a directory, `/` or an empty path.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .errors import StoreError


def target(path: Path) -> Path:
    """Where the database's bytes are: `path`, or the file a symbolic link at `path` points to."""
    if not path.is_symlink():
        return path
    planted = planted_link(path)
    if planted is not None:
        raise StoreError(f"database {path}: {planted}")
    return Path(os.path.realpath(path))


def planted_link(path: Path) -> str | None:
    """Why a symbolic link on `path` must not be followed, None when none is another user's in a shared folder.

    The links of a path this program resolves itself (os.path.realpath, to write beside the target) are
    never seen by the kernel's guard for sticky, world-writable folders such as /tmp
    (fs.protected_symlinks): a link there is followed only if it is the user's own or the folder
    owner's, as that guard would allow, so that no one can plant `/tmp/out.json -> ~/thesis.tex`.
    """
    if not hasattr(os, "geteuid"):  # pragma: no cover - Windows: no sticky folders
        return None
    at = Path(os.path.abspath(path))
    for link in [*reversed(at.parents), at]:
        try:
            st = os.lstat(link)
            if not stat.S_ISLNK(st.st_mode):
                continue
            folder = os.stat(link.parent)
        except OSError:
            return None  # the write that follows reports it
        shared = folder.st_mode & stat.S_ISVTX and folder.st_mode & stat.S_IWOTH
        if shared and st.st_uid not in (os.geteuid(), folder.st_uid):
            return f"{link} is a symbolic link another user made in a shared folder; not following it"
    return None


@contextmanager
def opened(path: Path) -> Iterator[BinaryIO | None]:
    """The database file open for reading, None when there is none; StoreError when it cannot be read.

    Opened without blocking (a FIFO named as the database must not hang the command) and refused
    unless it is a regular file: a device or a FIFO is named, never read as an empty database.
    """
    try:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
    except FileNotFoundError:
        yield None
        return
    except OSError as e:
        kind = _not_a_file(_mode(path))  # a socket cannot be opened at all
        raise StoreError(f"cannot read database {path}: {f'it is {kind}' if kind else e.strerror or e}") from None
    kind = _not_a_file(os.fstat(fd).st_mode)
    if kind:
        os.close(fd)
        raise StoreError(f"cannot read database {path}: it is {kind}" + ("" if "dir" in kind else ", not a file"))
    f = os.fdopen(fd, "rb")
    try:
        yield f
    except IsADirectoryError:
        raise StoreError(f"cannot read database {path}: it is a directory") from None
    except OSError as e:
        raise StoreError(f"cannot read database {path}: {e.strerror or e}") from None
    finally:
        f.close()


def check_target(path: Path, file: Path) -> None:
    """Refuse, before anything is locked or created, a database path that no write may replace."""
    if path.is_symlink() and not file.exists():
        raise StoreError(f"database {path} is a symbolic link to {file}, which does not exist")
    try:
        mode = file.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as e:
        raise StoreError(f"cannot use database {path}: {e.strerror or e}") from None
    kind = "a directory" if mode is not None and stat.S_ISDIR(mode) else _not_a_file(mode)
    if kind or not file.name:
        raise StoreError(f"cannot write database {path}: it is {kind or 'a directory'}, not a file")


def same_file(read: os.stat_result | None, path: Path) -> bool:
    """Whether the file `read` describes (None: no file) is the one at `path` now."""
    try:
        now: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        now = None
    if read is None or now is None:
        return read is now
    return (read.st_dev, read.st_ino) == (now.st_dev, now.st_ino)


def _mode(path: Path) -> int | None:
    try:
        return path.stat().st_mode
    except OSError:
        return None


def _not_a_file(mode: int | None) -> str | None:
    """What a file of this mode is when it is neither a regular file nor missing: 'a FIFO', say."""
    if mode is None or stat.S_ISREG(mode):
        return None
    kinds = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))  # fmt: skip
    return next((name for test, name in kinds if test(mode)), "not a regular file")
