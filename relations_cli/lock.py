"""The writers' lock file, opened so that no one can point it elsewhere: never through a link, never truncated.

filelock opens `<db>.lock` with O_TRUNC, following symbolic links, and chmods what it opened: in a
shared directory anyone could plant `team.json.lock -> ~/thesis.tex` and the next writer would empty
that file. Here the lock file is opened with O_NOFOLLOW and without O_TRUNC, and must be a regular
file (a FIFO planted there cannot make the writer wait either: the open does not block).
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Any

from .errors import StoreError, TemporaryFailure


def lock_path(database: Path) -> Path:
    """The lock file of the database file `database` (a resolved path): beside it, `<name>.lock`."""
    return database.with_name(f"{database.name}.lock")


def acquired(path: Path, timeout: float, database: Path) -> Any:
    """The writers' lock on `database`, at `path`, acquired: waiting up to `timeout` seconds, then
    TemporaryFailure (exit 75, a script may try again)."""
    from filelock import Timeout

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = lock_for(path, timeout)
        lock.acquire()
    except Timeout:
        raise TemporaryFailure(
            f"database {database} is locked by another relations process; "
            f"gave up after {timeout:g}s (RELATIONS_LOCK_TIMEOUT)"
        ) from None
    except OSError as e:
        raise StoreError(f"cannot lock database {database}: {e.strerror or e}") from None
    return lock


def lock_for(path: Path, timeout: float) -> Any:
    """An unacquired lock on `path` (a filelock lock: acquire() waits up to `timeout` seconds)."""
    from filelock import FileLock

    if sys.platform == "win32" or not hasattr(os, "O_NOFOLLOW"):  # pragma: no cover - no symlink attack there
        return FileLock(str(path), timeout=timeout)
    return _lock_class()(str(path), timeout=timeout)


def _lock_class() -> Any:
    import fcntl

    from filelock import UnixFileLock

    class SafeLock(UnixFileLock):
        def _acquire(self) -> None:
            flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
            try:
                fd = os.open(self.lock_file, flags, 0o644)
            except OSError as e:
                if os.path.islink(self.lock_file):
                    raise StoreError(
                        f"lock file {self.lock_file} is a symbolic link; not following it "
                        "(remove it if no relations process is running)"
                    ) from None
                raise StoreError(f"cannot open lock file {self.lock_file}: {e.strerror or e}") from None
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                os.close(fd)
                raise StoreError(f"lock file {self.lock_file} is not a regular file; remove it")
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)  # held by another process: filelock tries again until the timeout
            else:
                self._context.lock_file_fd = fd

    return SafeLock
