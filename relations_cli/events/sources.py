"""The event files named on the command line, made ready for the engine: globs and folders expanded,
stdin and zip members staged on disk (bounded), gzip checked, each file's layout read from its first line.
"""

from __future__ import annotations

import glob
import gzip
import itertools
import os
import shutil
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import InvalidInput, StoreError

# A compressed file may expand to at most this many times its size: event files expand 5-15 times,
# a decompression bomb a thousand. Small files are let through whatever their ratio.
MAX_EXPANSION = 100
SMALL = 1 << 20
# A gzip file's ratio is judged on the start of its content; past that the engine streams it in constant memory.
GZIP_SAMPLE = 4 << 20
# The smallest gzip file: a 10-byte header, an empty deflate block, an 8-byte trailer.
_GZIP_SMALLEST = 20
# The start of a file read for its layout (the first line) and its encoding.
HEAD = 64 << 10
_ZIP_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
_CHUNK = 1 << 20
_NUMBER = itertools.count()


@dataclass(frozen=True)
class EventFile:
    """One file for the engine: where it is, what the user called it, and how to read it."""

    path: Path
    name: str
    gzip: bool
    first_line: str  # empty for an empty file
    encoding: str  # "utf-8" or "latin-1" (older GDELT files)


def max_expansion() -> int:
    value = os.environ.get("RELATIONS_MAX_EXPANSION", "")
    return int(value) if value.isascii() and value.isdigit() and int(value) > 0 else MAX_EXPANSION


def gather(sources: list[str], workdir: Path, check: Callable[[EventFile], None] | None = None) -> list[EventFile]:
    """Every file the sources name, in a stable order, ready to read, each passed to `check` (which may refuse it).

    A month of GDELT is some 3,000 gzip files, each inflated here up to GZIP_SAMPLE to be checked:
    zlib lets go of the interpreter lock while it inflates, so a few threads share the work. Of several
    bad files (or sources that name none) the first in the sources' order is the one reported."""
    if sources.count("-") > 1:
        raise InvalidInput("'-' (stdin) is given more than once; it can be read only once")
    named: list[tuple[Path, str] | InvalidInput] = []
    for source in sources or ["-"]:
        try:
            named += _expand(source, workdir)
        except InvalidInput as e:
            named.append(e)  # reported in its place: after whatever is wrong with the files before it
            break

    named = _once_each(named)

    def prepared(item: tuple[Path, str] | InvalidInput) -> list[EventFile]:
        if isinstance(item, InvalidInput):
            raise item
        files = _prepare(item[0], item[1], workdir)
        for file in files:
            if check is not None:
                check(file)
        return files

    if len(named) < 2:
        return [file for item in named for file in prepared(item)]
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1))
    try:
        done = list(pool.map(prepared, named))
    finally:  # on a failure or Ctrl-C, the files not yet begun are left alone
        pool.shutdown(wait=True, cancel_futures=True)
    return [file for files in done for file in files]


def _once_each(named: list[tuple[Path, str] | InvalidInput]) -> list[tuple[Path, str] | InvalidInput]:
    """Each file once, where overlapping globs or folders name it twice: its events would count twice."""
    seen: set[tuple[int, int]] = set()
    kept: list[tuple[Path, str] | InvalidInput] = []
    for item in named:
        if not isinstance(item, InvalidInput):
            try:
                st = item[0].stat()
            except OSError:
                pass  # reported when it is read
            else:
                if (st.st_dev, st.st_ino) in seen:
                    continue
                seen.add((st.st_dev, st.st_ino))
        kept.append(item)
    return kept


def _expand(source: str, workdir: Path) -> list[tuple[Path, str]]:
    if source == "-":
        staged = workdir / "stdin"
        _copy(sys.stdin.buffer, staged, "stdin")
        return [(staged, "stdin")]
    path = Path(source)
    if path.is_dir():
        found = _walk(path)
        if not found:
            raise InvalidInput(f"{source}: no files in this folder")
        return [(p, str(p)) for p in found]
    if not path.exists() and glob.has_magic(source):
        matched = sorted(
            {f for p in map(Path, glob.glob(source, recursive=True)) for f in (_walk(p) if p.is_dir() else [p])}
        )
        matched = [p for p in matched if p.is_file()]
        if not matched:
            raise InvalidInput(f"{source}: no file matches")
        return [(p, str(p)) for p in matched]
    if not path.is_file():
        problem = "no such file" if not path.exists() else "not a regular file"
        raise InvalidInput(f"cannot read {source}: {problem}")
    return [(path, source)]


def _walk(folder: Path) -> list[Path]:
    """The files under a folder, sorted, hidden ones and hidden folders left out. Folders reached by a
    symlink are walked (once each); one that cannot be read stops the import, never skipped unsaid."""

    def unreadable(e: OSError) -> None:
        raise InvalidInput(f"cannot read {e.filename}: {e.strerror or e}")

    found: list[Path] = []
    seen: set[str] = set()
    for root, folders, files in os.walk(folder, onerror=unreadable, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:  # a symlink back up the tree, or a second way into one folder
            folders[:] = []
            continue
        seen.add(real)
        folders[:] = [f for f in folders if not f.startswith(".")]
        found += [Path(root, f) for f in files if not f.startswith(".") and Path(root, f).is_file()]
    return sorted(found)


def _prepare(path: Path, name: str, workdir: Path, *, in_zip: bool = False) -> list[EventFile]:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(name).decode("utf-8", "backslashreplace")
        raise InvalidInput(f"{shown}: the file's name is not UTF-8, which the engine cannot open; rename it") from None
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError as e:
        raise InvalidInput(f"cannot read {name}: {e.strerror or e}") from None
    if magic[:2] == b"\x1f\x8b":
        return [_described(path, name, _checked_gzip(path, name), gz=True)]
    if magic in (b"PK\x03\x04", b"PK\x05\x06"):  # an archive, or an empty one
        if in_zip:
            raise InvalidInput(f"{name}: a zip archive inside a zip archive; unpack the outer one first")
        # each member as a file of its own: plain, or gzip as GDELT's own downloads are
        return [f for p, n in _unzip(path, name, workdir) for f in _prepare(p, n, workdir, in_zip=True)]
    return [_described(path, name, _head(path, name), gz=False)]


def _checked_gzip(path: Path, name: str) -> bytes:
    """The start of a gzip file's content (HEAD bytes); refused if that start expands past the limit,
    or if the size the file states does."""
    size = path.stat().st_size
    limit = max_expansion()
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    produced = consumed = 0
    head = bytearray()

    def inflate(data: bytes) -> None:
        nonlocal produced
        out = inflater.decompress(data, GZIP_SAMPLE)
        produced += len(out)
        if len(head) < HEAD:
            head.extend(out[: HEAD - len(head)])

    if size < _GZIP_SMALLEST:
        raise InvalidInput(f"{name}: damaged gzip file: {size} bytes, too short to be one")
    try:
        with path.open("rb") as handle:
            while produced < GZIP_SAMPLE:
                chunk = handle.read(64 << 10)
                if not chunk:
                    raise InvalidInput(f"{name}: damaged gzip file: it ends before its content does (cut short?)")
                consumed += len(chunk)
                inflate(chunk)
                if inflater.eof:
                    break
                while inflater.unconsumed_tail and produced < GZIP_SAMPLE:
                    inflate(inflater.unconsumed_tail)
            # what the sample took of the file: not the input inflated no further, nor what follows the member
            consumed -= len(inflater.unconsumed_tail) + len(inflater.unused_data)
            handle.seek(-4, os.SEEK_END)
            stated = int.from_bytes(handle.read(4), "little")  # the size mod 2**32, from the trailer
    except (OSError, zlib.error, EOFError) as e:
        raise InvalidInput(f"{name}: damaged gzip file: {e}") from None
    rest = inflater.unused_data
    if inflater.eof and rest and not rest.startswith(b"\x1f\x8b"):
        # Other bytes after the compressed data (zeros a tape tool padded with, a stray line): `gzip -d` lets
        # them pass with a warning, the engine stops at them without naming the file; the trailer read below
        # would be those bytes too.
        raise InvalidInput(f"{name}: damaged gzip file: other data after its end; `gzip -dc {name} | relations "
                           "import - …` reads it")  # fmt: skip
    if (produced > SMALL and produced > limit * consumed) or stated > max(SMALL, limit * size):
        raise InvalidInput(
            f"{name}: expands more than {limit} times its size (a decompression bomb?); refused. "
            "RELATIONS_MAX_EXPANSION raises the limit"
        )
    if inflater.eof and inflater.unused_data and len(head) < HEAD:
        return _head(path, name, gz=True)  # a short first member: the next ones continue the content
    return bytes(head)


def _unzip(path: Path, name: str, workdir: Path) -> list[tuple[Path, str]]:
    """Each member of a zip archive, extracted with its expansion bounded as it streams."""
    out: list[tuple[Path, str]] = []
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            if not members:
                raise InvalidInput(f"{name}: the zip archive is empty")
            for n, member in enumerate(members):
                label = f"{name}:{member.filename}"
                if member.flag_bits & 0x1:
                    raise InvalidInput(f"{label}: encrypted; decrypt it first")
                if member.compress_type not in _ZIP_METHODS:
                    raise InvalidInput(
                        f"{label}: compressed with method {member.compress_type}, which is not supported"
                    )
                target = workdir / f"zip-{next(_NUMBER)}-{n}"
                limit = max(SMALL, max_expansion() * max(member.compress_size, 1))
                with archive.open(member) as stream:
                    _copy(stream, target, label, limit)
                out.append((target, label))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as e:
        if isinstance(e, OSError) and e.errno is not None:
            _disk_error(e, name)
        raise InvalidInput(f"{name}: damaged zip archive: {e}") from None
    return out


def _copy(stream: object, target: Path, label: str, limit: int | None = None) -> None:
    written = 0
    try:
        with target.open("wb") as out:
            while True:
                chunk = stream.read(_CHUNK)  # type: ignore[attr-defined]
                if not chunk:
                    break
                written += len(chunk)
                if limit is not None and written > limit:
                    raise InvalidInput(
                        f"{label}: expands more than {max_expansion()} times its size (a decompression bomb?); "
                        "refused. RELATIONS_MAX_EXPANSION raises the limit"
                    )
                out.write(chunk)
    except OSError as e:
        _disk_error(e, label)
        raise InvalidInput(f"cannot read {label}: {e.strerror or e}") from None


def _disk_error(e: OSError, label: str) -> None:
    import errno

    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        raise StoreError(f"no space left on the temporary disk while unpacking {label} (set TMPDIR elsewhere)")


def _head(path: Path, name: str, *, gz: bool = False) -> bytes:
    try:
        with gzip.open(path, "rb") if gz else path.open("rb") as handle:
            return handle.read(HEAD)
    except (OSError, EOFError, zlib.error) as e:
        raise InvalidInput(f"{name}: damaged file: {e}") from None


def _described(path: Path, name: str, head: bytes, *, gz: bool) -> EventFile:
    """The file with its first line and encoding, read from the start of its content."""
    try:
        head.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as e:
        # A multi-byte character cut by the sample's end is still UTF-8.
        encoding = "utf-8" if e.start >= len(head) - 3 else "latin-1"
    text = head.decode(encoding, errors="replace").removeprefix("\ufeff")
    # Lines end at LF only, as the engine reads them: splitlines would also cut at U+2028 or \x1c in a place name.
    first = next((line.removesuffix("\r") for line in text.split("\n") if line.strip()), "")
    return EventFile(path=path, name=name, gzip=gz, first_line=first, encoding=encoding)


def remove(workdir: Path) -> None:
    shutil.rmtree(workdir, ignore_errors=True)
