"""What the user hands in: a file or `-` for stdin, as bytes or as UTF-8 text; errors say which."""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import InvalidInput


def read_bytes(source: str) -> bytes:
    try:
        return sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as e:
        raise InvalidInput(f"cannot read {source}: {e.strerror or e}") from None


def read_text(source: str) -> str:
    """The text of a file or stdin; a byte-order mark is dropped, anything but UTF-8 refused."""
    try:
        return read_bytes(source).decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InvalidInput(f"{source} is not UTF-8 text (byte {e.start})") from None
