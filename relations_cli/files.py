"""Writing a whole file atomically: a temporary file beside it, flushed, fsynced, renamed over it."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path


def temporary_name(path: Path) -> Path:
    """A hidden name beside `path` that no one mistakes for it: `.name.<pid>.<random>.tmp`."""
    return path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")


def temporaries(path: Path) -> list[Path]:
    """The temporaries `temporary_name` made for `path`, and nothing else: not another file's whose name
    begins the same (`.db.json.old.<pid>.<random>.tmp` is db.json.old's), nor what a glob would match
    when the name holds `[`, `*` or `?`."""
    import re

    own = re.compile(rf"\.{re.escape(path.name)}\.[0-9]+\.[0-9a-f]{{8}}\.tmp")
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    return [path.with_name(name) for name in names if own.fullmatch(name)]


def atomic_write(path: Path, data: bytes | Iterable[bytes], *, sync: bool = True) -> None:
    """Replace `path` with `data` (bytes, or chunks of them): at every moment the file is the old content
    or the new. Keeps its mode. `sync=False` skips the fsyncs, for files that can be rebuilt."""
    tmp = temporary_name(path)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = 0o644
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        try:
            for chunk in [data] if isinstance(data, bytes) else data:
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd, view) :]
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if sync:
        _fsync_directory(path.parent)


def _fsync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # not every platform opens directories
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
