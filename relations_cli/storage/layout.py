"""The database file's bytes: its format name, its two tables, its ids, and how its lines are laid out.

The one place that knows the layout: `dump` writes it and `decode` reads it back, the in-place
writer (`inplace.py`) asks here where the meta document is, what a record's line looks like and
which bytes to add or cut, and `json_line` gives a record's JSON from its line without parsing it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

FORMAT = "relations"
META = "meta"  # one document: the format name, the schema version and the next id
TABLE = "engagements"  # the records, keyed by id

Tables = dict[str, dict[str, dict[str, Any]]]

# Ids are 1 to 2**53 - 1, the integers every JSON reader (JavaScript's included) holds exactly, written
# as canonical ASCII decimals: "01", "+1", " 1" or "١" would name the same record twice or none.
MAX_ID = 2**53 - 1
_KEY = re.compile(r"[1-9][0-9]{0,15}")

OPENING = b'{\n  "meta": {\n    "1": '  # the file as `dump` lays it out begins so; the meta document follows
META_END = b"\n  }"  # ... and the meta table (like the records table) ends so
_RECORD_LINE_START = b'\n    "'  # every document's line in either table begins so
SEPARATOR = b","  # ends every document's line but the last of its table
_NEXT_LINE = SEPARATOR + _RECORD_LINE_START[:-1]


def record_id(key: Any) -> int | None:
    """The id a table key stands for, None unless it is a canonical decimal within range."""
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        return None
    value = int(key)
    return value if value <= MAX_ID else None


def record_head(record_id: int) -> bytes:
    """What comes before a record's JSON on its line (after the `,` that ends the line before it)."""
    return b'\n    "%d": ' % record_id


def holds_record(raw: bytes | memoryview, start: int, end: int, record_id: int) -> bool:
    """Whether raw[start:end] is laid out as record `record_id`'s JSON object on its own line.

    The index says where each record is; this is the cheap check, made before those bytes are
    trusted or rewritten, that they still are that record (an edited file moves them).
    """
    head = record_head(record_id)
    begin = start - len(head)
    if begin < 1 or end >= len(raw) or raw[begin:start] != head or raw[begin - 1 : begin] not in (b"{", SEPARATOR):
        return False
    return raw[start : start + 1] == b"{" and raw[end - 1 : end] == b"}" and raw[end : end + 1] in (SEPARATOR, b"\n")


def meta_span(raw: bytes) -> tuple[int, int] | None:
    """Where the meta document is in a file laid out as `dump` lays it out, None in any other file."""
    if not raw.startswith(OPENING):
        return None
    end = raw.find(META_END, len(OPENING))
    return None if end < 0 else (len(OPENING), end)


def meta_document(schema: int, next_id: int) -> dict[str, Any]:
    return {"format": FORMAT, "schema": schema, "next_id": next_id}


def appended_lines(
    raw: bytes, last_end: int, records: Iterable[tuple[int, Sequence[bytes]]]
) -> tuple[int, list[bytes], list[tuple[int, int]]] | None:
    """How to add records' lines after the last one (which ends at `last_end`), each record's JSON given in
    pieces: the offset to insert at, the pieces to insert, and where each record's JSON will start and end
    in the file; None when the table does not end there."""
    if raw[last_end : last_end + len(META_END)] != META_END:
        return None
    pieces: list[bytes] = []
    spans: list[tuple[int, int]] = []
    at = last_end
    for record_id, parts in records:
        head = SEPARATOR + record_head(record_id)
        pieces.append(head)
        pieces.extend(parts)
        start = at + len(head)
        at = start + sum(map(len, parts))
        spans.append((start, at))
    return last_end, pieces, spans


def cut(raw: bytes, span: tuple[int, int], record_id: int) -> tuple[int, int] | None:
    """The bytes to take out to delete the record whose JSON is at `span`: its line and one separator."""
    begin = span[0] - len(record_head(record_id))
    if raw[begin - len(SEPARATOR) : begin] == SEPARATOR:
        return begin - len(SEPARATOR), span[1]  # ',\n    "ID": {...}'
    if raw[span[1] : span[1] + len(SEPARATOR)] == SEPARATOR:
        return begin, span[1] + len(SEPARATOR)  # the table's first line: '\n    "ID": {...},'
    return None


def dump(tables: Tables) -> tuple[list[bytes], Dumped]:
    """The file's bytes, in chunks, and where each record's JSON is in them (for the index)."""
    dumped = Dumped(tables)
    return list(dumped), dumped


class Dumped:
    """The file's bytes for these tables, made chunk by chunk as they are written, and then where each
    record's JSON is in them (for the index): a month of events is not held twice, as drafts and bytes.

    One line per record, so that a change to a record is a one-line diff. Plain JSON all the same
    (any JSON reader, TinyDB included, reads it), and about half the size of an indented file.
    Lines are joined a few thousand at a time: orjson gives each result a 4 kB buffer, so keeping
    100,000 of them until the end would cost 400 MB.
    """

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        # Where each record's JSON starts and ends, in the records table's order: complete once every
        # chunk has been taken.
        self.starts: list[int] = []
        self.ends: list[int] = []

    def __iter__(self) -> Iterator[bytes]:
        import orjson

        dumps = orjson.dumps
        pending: list[bytes] = [b"{"]
        offset = 1
        for t, (name, table) in enumerate(self.tables.items()):
            pending.append(b"%s\n  %s: {" % (SEPARATOR if t else b"", dumps(name)))
            offset += len(pending[-1])
            starts, ends = (self.starts, self.ends) if name == TABLE else ([], [])
            # The table's first line; every other one follows a separator. (The key brings its own quotes.)
            line = _RECORD_LINE_START[:-1]
            doc: Any  # a stored document (dict) or a ready one (records.Ready)
            for key, doc in table.items():
                head = line + dumps(key) + b": "
                pending.append(head)
                offset += len(head)
                starts.append(offset)
                if isinstance(doc, dict):
                    body = dumps(doc)
                    pending.append(body)
                    offset += len(body)
                else:
                    for part in doc.json_parts():
                        pending.append(part)
                        offset += len(part)
                ends.append(offset)
                line = _NEXT_LINE
                if len(pending) >= 8192:
                    yield b"".join(pending)
                    pending.clear()
            pending.append(META_END if table else b"}")
            offset += len(pending[-1])
        pending.append(b"\n}\n")
        yield b"".join(pending)


def decode(raw: bytes, path: Path) -> tuple[Tables, dict[str, Any] | None]:
    """The file's tables and its meta document (None for an empty database); StoreError for anything that
    is not a relations database, is damaged, or holds a key twice."""
    import orjson

    from ..errors import StoreError

    if not raw or raw.isspace():
        return {}, None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as e:
        raise StoreError(f"{path} is damaged or not a relations database: {e}") from None
    if not isinstance(data, dict) or not all(
        isinstance(t, dict) and all(isinstance(d, dict) for d in t.values()) for t in data.values()
    ):
        raise StoreError(f"{path} is not a relations database")
    meta = data.get(META, {}).get("1")
    if meta is None:
        if any(data.values()):
            raise StoreError(f"{path} is not a relations database")
        return {}, None
    if meta.get("format") != FORMAT or not isinstance(meta.get("schema"), int):
        raise StoreError(f"{path} is not a relations database")
    twice = duplicate_keys(raw, data)
    if twice:
        raise StoreError(f"{path} holds the key {twice[0]!r} twice; a reader would see only one of them")
    return data, meta


def json_line(record_id: int, raw: bytes, span: tuple[int, int]) -> bytes:
    """A stored record as compact JSON with its id first, straight from the file's bytes: the file keeps
    the id as the record's key, and the document after it, so the id goes in after its opening brace."""
    start, end = span
    return b'{"id":%d,%s' % (record_id, raw[start + 1 : end])


def duplicate_keys(raw: bytes, tables: Tables) -> list[str]:
    """Keys that appear twice in one table of the file (JSON readers keep only the last, silently).

    A file laid out as `dump` lays it out has one line per document, so counting the lines settles it
    at once; any other layout (a hand-edited or reformatted file) is read again, slowly, key by key.
    """
    lines = raw.count(_RECORD_LINE_START)
    if lines == sum(len(table) for table in tables.values()) and raw.startswith(OPENING):
        return []
    import json

    found: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: set[str] = set()
        for key, _ in items:
            if key in seen:
                found.append(key)
            seen.add(key)
        return dict(items)

    try:
        json.loads(raw, object_pairs_hook=pairs)
    except ValueError:
        return []  # orjson read it, so this cannot happen; the file is judged on what orjson read
    return found
