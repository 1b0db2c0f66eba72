"""Where `-o` output goes: stdout for `-`, a file replaced atomically, or a pipe or device written as a stream.

A regular file (or a new path) is written to a temporary file beside it and renamed over it, so a
reader never sees half of it. A symlink is followed: its target is replaced, atomically, beside the
target, and the link stays. Anything else (a FIFO, a character device such as /dev/null or /dev/full,
`/dev/fd/N` from a shell's process substitution, `/dev/stdout`) cannot be replaced without destroying
what the user pointed at, so it is opened and written as a stream. Write errors become OutputError
(exit 1); a reader that went away (EPIPE) is left to the CLI, which stops quietly as for `| head`.
"""

from __future__ import annotations

import errno
import io
import os
import re
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from .errors import InvalidInput, OutputError

# Descriptors the shell hands over by name: written through a duplicate of the descriptor, so that
# a pipe, a socket or a file opened for appending gets the bytes exactly as the shell set it up.
_FD_PATH = re.compile(r"/(?:dev|proc/self)/fd/(\d+)")
_STD_PATHS = {"/dev/stdout": 1, "/dev/stderr": 2}


def describe(target: str) -> str:
    return "stdout" if target == "-" else target


def is_stream(target: str) -> bool:
    """True when `target` is written as a stream: stdout, a descriptor, or an existing non-regular file."""
    if target == "-" or _descriptor(target) is not None:
        return True
    try:
        return not stat.S_ISREG(os.stat(target).st_mode)
    except FileNotFoundError:
        return False
    except OSError:
        return False  # let the write report it


@contextmanager
def output_to(target: str, *, database: Path | None = None) -> Iterator[IO[str]]:
    """A text stream for `target`; what was written lands there when the block ends without error.

    `database` is the file the command reads: writing onto it would destroy it, so it is refused.
    """
    if target == "-":
        with _write_errors("stdout"):
            yield sys.stdout
            sys.stdout.flush()
        return
    fd_number = _descriptor(target)
    if fd_number is not None:
        fd_number = _dup(fd_number, target)
    elif is_stream(target):
        fd_number = _open_stream(target)
    if fd_number is not None:
        stream = open(fd_number, "w", encoding="utf-8", newline="", closefd=True)  # noqa: SIM115
        try:
            with _write_errors(target):
                yield stream
                stream.flush()
        finally:
            with suppress(OSError):  # reported above: the block failed first
                stream.close()
        return
    from .ondisk import planted_link

    planted = planted_link(Path(target))
    if planted is not None:
        raise OutputError(f"cannot write {target}: {planted}")
    real = Path(os.path.realpath(target))
    if database is not None and _same_file(real, database):
        raise InvalidInput(f"refusing to write onto the database itself ({target}); choose another file")
    if database is not None and real in _companions(database):
        raise InvalidInput(f"refusing to write onto the database's lock or index ({target}); choose another file")
    buffer = io.StringIO(newline="")
    yield buffer
    from .files import atomic_write

    with _write_errors(target):
        atomic_write(real, buffer.getvalue().encode("utf-8"))


def _descriptor(target: str) -> int | None:
    if target in _STD_PATHS:
        return _STD_PATHS[target]
    m = _FD_PATH.fullmatch(target)
    return int(m.group(1)) if m else None


def _dup(fd: int, target: str) -> int:
    try:
        return os.dup(fd)
    except OSError as e:
        raise OutputError(f"cannot write {target}: {e.strerror or e}") from None


def _open_stream(target: str) -> int:
    # No O_TRUNC, no O_CREAT: a device or pipe is written to, never recreated. (Opening a FIFO waits
    # for its reader, as `cat > fifo` does.)
    try:
        return os.open(target, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise OutputError(f"cannot write {target}: {e.strerror or e}") from None


def _companions(database: Path) -> tuple[Path, Path]:
    """The database's lock and index: replacing the lock would let two writers hold different locks."""
    from .lock import lock_path
    from .storage.index import path_for

    real = Path(os.path.realpath(database))
    return lock_path(real), path_for(real)


def _same_file(real: Path, database: Path) -> bool:
    try:
        return real == Path(os.path.realpath(database)) or (real.exists() and real.samefile(database))
    except OSError:
        return False


@contextmanager
def _write_errors(target: str) -> Iterator[None]:
    """OSError from writing becomes OutputError; EPIPE (the reader went away) stays BrokenPipeError."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as e:
        if e.errno == errno.EPIPE:
            raise BrokenPipeError(*e.args) from None
        raise OutputError(f"cannot write {describe(target)}: {e.strerror or e}") from None
