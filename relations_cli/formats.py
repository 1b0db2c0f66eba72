"""Machine formats on text streams: JSON, JSON Lines, CSV and ids, for records and summary rows.

CSV holds one column per scalar field. Lists are joined with ";" and
participants written as `Name (Role, CCC)`; a backslash escapes `\\ ; ( ) ,`
inside an item, so every cell reads back exactly. Cells that start with
`= + - @`, TAB or CR (or `'`) get a leading `'` so that spreadsheets do not run
them, unless the reader is a program that wants the cells raw (`export --raw`).
`--fields` narrows records to some fields (`id,date,source.url`) in every format.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, Any, Protocol

import orjson

from .fields import csv_columns, pick


class Exportable(Protocol):
    """A record that can be written out: a full Engagement, or a Stored one as the file holds it."""

    @property
    def id(self) -> int | None: ...
    def to_dict(self) -> dict[str, Any]: ...
    def json_line(self) -> bytes: ...


FORMATS = ("table", "json", "jsonl", "csv")
RECORD_FORMATS = (*FORMATS, "ids")

CSV_COLUMNS = (
    "id", "date", "countries", "kind", "areas", "location_country", "location_place",
    "participants", "mentioned", "summary", "source_outlet", "source_author", "source_url",
    "source_published", "tags", "created", "updated",
)  # fmt: skip
_LIST_COLUMNS = ("countries", "areas", "mentioned", "tags")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")  # TAB and CR too: spreadsheets skip them, then run the rest
_SPECIAL = "\\;(),"


_C1 = re.compile("[\x7f-\x9f]")
_ASCII_NUMBER = re.compile("[0-9]{1,20}")  # not isdigit(): "٣" and "²" are digits to it
# The csv module refuses cells over 128 KiB by default; export writes whatever a field holds, and a
# round trip must import it (the text is in memory already, so the limit saves nothing).
_CSV_FIELD_LIMIT = 2**31 - 1


def dumps(value: Any, *, indent: bool = True) -> str:
    """JSON text; DEL and the C1 controls, which orjson leaves raw, are escaped so no terminal acts on them."""
    option = orjson.OPT_INDENT_2 if indent else 0
    text = orjson.dumps(value, option=option).decode()
    return _C1.sub(_escape_c1, text)


def _escape_c1(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def write_json(value: Any, out: IO[str]) -> None:
    out.write(dumps(value) + "\n")


def write_jsonl(rows: Iterable[Any], out: IO[str]) -> None:
    for row in rows:
        out.write(dumps(row, indent=False) + "\n")


def write_records(
    records: Iterable[Exportable], fmt: str, out: IO[str], *, fields: list[str] | None = None, raw: bool = False
) -> None:
    """Records in a machine format (not "table", which render.py draws), whole or narrowed to `fields`;
    `raw` writes CSV cells without the formula guard."""
    if fmt == "ids":
        out.writelines(f"{r.id}\n" for r in records)
    elif fmt == "json":
        write_json([pick(r.to_dict(), fields) for r in records], out)  # pick: the record itself without fields
    elif fmt == "jsonl" and fields:
        write_jsonl((pick(r.to_dict(), fields) for r in records), out)
    elif fmt == "jsonl":
        # Each record's compact JSON as the file holds it (no parse and dump), escaped as dumps() escapes.
        out.writelines(_C1.sub(_escape_c1, r.json_line().decode()) + "\n" for r in records)
    elif fmt == "csv":
        columns = csv_columns(fields) if fields else list(CSV_COLUMNS)
        rows: Iterable[Mapping[str, str]] = (record_to_csv(r.to_dict()) for r in records)
        if fields:
            rows = ({c: row[c] for c in columns} for row in rows)
        write_csv(rows, columns, out, raw=raw)
    else:
        raise ValueError(f"not a machine format: {fmt}")


def write_csv(rows: Iterable[Mapping[str, str]], columns: Iterable[str], out: IO[str], *, raw: bool = False) -> None:
    """CSV with formula guards (unless `raw`); on a terminal, control characters are made visible as well."""
    from .text import printable

    shown: Callable[[str], str] = printable if out.isatty() else str
    guard: Callable[[str], str] = str if raw else guard_formula
    # RFC 4180 line ends: with CR in the terminator, the csv module also quotes a cell holding a lone CR.
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: shown(guard(value)) for key, value in row.items()})


def guard_formula(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def unguard_formula(cell: str) -> str:
    return cell[1:] if cell.startswith("'") else cell


def record_to_csv(record: Mapping[str, Any]) -> dict[str, str]:
    """One CSV row (before formula guarding) for a record in the contract's JSON shape."""
    row = {
        "id": "" if record["id"] is None else str(record["id"]),
        "date": record["date"],
        "kind": record["kind"],
        "location_country": record["location"]["country"] or "",
        "location_place": record["location"]["place"] or "",
        "participants": "; ".join(_participant_cell(p) for p in record["participants"]),
        "summary": record["summary"] or "",
        "created": record["created"] or "",
        "updated": record["updated"] or "",
    }
    for column in _LIST_COLUMNS:
        row[column] = "; ".join(_escape(item) for item in record[column])
    for key, value in record["source"].items():
        row[f"source_{key}"] = value or ""
    return {column: row[column] for column in CSV_COLUMNS}


def csv_to_record(row: Mapping[str | None, Any]) -> dict[str, Any]:
    """The contract's JSON shape from a CSV row; empty cells are null or an empty list."""
    if row.get(None):  # DictReader puts the cells past the header's last column under None
        extra = len(row[None])
        raise ValueError(f"{extra} cell{'s' if extra > 1 else ''} more than the header's {len(row) - 1} columns")
    cell = {key: unguard_formula(value or "") for key, value in row.items() if key is not None}
    unknown = sorted(set(cell) - set(CSV_COLUMNS))
    if unknown:
        raise ValueError(f"unknown column {unknown[0]!r}")
    record: dict[str, Any] = {}
    for column in CSV_COLUMNS:
        value = cell.get(column, "")
        if column == "id":
            record["id"] = int(value) if _ASCII_NUMBER.fullmatch(value.strip()) else (value or None)
        elif column in _LIST_COLUMNS:
            record[column] = [_unescape(item) for item in _split(value)]
        elif column == "participants":
            record[column] = [_parse_participant(item) for item in _split(value)]
        elif column.startswith("location_"):
            record.setdefault("location", {})[column[9:]] = value or None
        elif column.startswith("source_"):
            record.setdefault("source", {})[column[7:]] = value or None
        else:
            record[column] = value or None
    return record


def _escape(text: str) -> str:
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in text)


def _participant_cell(p: Mapping[str, Any]) -> str:
    inside = _escape(p["role"] or "")
    if p["country"]:
        inside += ", " + p["country"]
    return _escape(p["name"]) + (f" ({inside})" if inside else "")


def _tokens(text: str) -> Iterator[tuple[str, bool]]:
    """Characters with whether they were escaped."""
    chars = iter(text)
    for ch in chars:
        if ch == "\\":
            yield next(chars, "\\"), True
        else:
            yield ch, False


def _unescape(text: str) -> str:
    return "".join(ch for ch, _ in _tokens(text))


def _split(text: str) -> Iterator[str]:
    """Items of a "; "-joined cell, still escaped (participants parse their own brackets)."""
    if not text:
        return
    items: list[list[str]] = [[]]
    for ch, escaped in _tokens(text):
        if ch == ";" and not escaped:
            items.append([])
        else:
            items[-1].append("\\" + ch if escaped else ch)
    for position, chars in enumerate(items):
        item = "".join(chars)
        # drop the one space written after each ";", keeping any the item itself began with
        yield item[1:] if position and item.startswith(" ") else item


def _parse_participant(item: str) -> dict[str, str | None]:
    tokens = list(_tokens(item))
    bracket = next((i for i, (ch, esc) in enumerate(tokens) if ch == "(" and not esc), None)
    if bracket is None:
        return {"name": _unescape(item), "role": None, "country": None}
    if tokens[-1] != (")", False):
        raise ValueError(f"participant {item!r} opens '(' without closing it")
    name = "".join(ch for ch, _ in tokens[:bracket])
    inside = tokens[bracket + 1 : -1]
    comma = max((i for i, (ch, esc) in enumerate(inside) if ch == "," and not esc), default=None)
    role_tokens = inside if comma is None else inside[:comma]
    country = "" if comma is None else "".join(ch for ch, _ in inside[comma + 1 :])
    return {
        "name": name[:-1] if name.endswith(" ") else name,
        "role": "".join(ch for ch, _ in role_tokens) or None,
        "country": (country[1:] if country.startswith(" ") else country) or None,
    }


def guess_format(name: str | None, text: str) -> str:
    """json, jsonl or csv: from the file's ending, else from its first character."""
    lowered = (name or "").lower()
    for ending, fmt in ((".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "json"), (".csv", "csv")):
        if lowered.endswith(ending):
            return fmt
    head = text.lstrip()[:1]
    return {"[": "json", "{": "jsonl"}.get(head, "csv")


def read_records(text: str, fmt: str) -> Iterator[tuple[object, Any]]:
    """(where, raw record) for each record in the text; `where` reads `record N (line L)` when shown.

    A record that cannot even be parsed is yielded as a ValueError in place of the record.
    Raises ValueError when the whole text is not the format (not a JSON array, say).
    """
    if fmt == "json":
        try:
            data = orjson.loads(text) if text.strip() else []
        except orjson.JSONDecodeError as e:
            raise ValueError(f"not valid JSON: {e}") from None
        if not isinstance(data, list):
            raise ValueError("a JSON import must be an array of records")
        lines = _ArrayLines(text)
        for number, item in enumerate(data, 1):
            yield _Element(lines, number), item
    elif fmt == "jsonl":
        number = 0
        # Lines end at LF (or CRLF) only: str.splitlines would also split at U+2028 or NEL, which JSON
        # allows raw inside a string. Iterating also spares a list of every line of a large file.
        for line_number, line in enumerate(io.StringIO(text, newline=""), 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            number += 1
            try:
                yield f"record {number} (line {line_number})", orjson.loads(line)
            except orjson.JSONDecodeError as e:
                yield f"record {number} (line {line_number})", ValueError(f"not valid JSON: {e}")
    elif fmt == "csv":
        csv.field_size_limit(_CSV_FIELD_LIMIT)
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = reader.fieldnames or []
        unknown = sorted(set(header) - set(CSV_COLUMNS))
        if len(header) == 1 and unknown:  # one unknown column, no comma: most likely not CSV at all
            raise ValueError(
                f"not JSON (which starts with [ or {{) nor CSV with relations' columns (the first line is "
                f"{','.join(header)[:60]!r}; a header names columns such as date,countries)"
            )
        if unknown:
            raise ValueError(f"unknown CSV column {unknown[0]!r}; expected {', '.join(CSV_COLUMNS)}")
        for number, row in enumerate(reader, 1):
            where = f"record {number} (line {reader.line_num})"
            try:
                yield where, csv_to_record(row)
            except ValueError as e:
                yield where, e
    else:
        raise ValueError(f"cannot read format {fmt!r}")


class _ArrayLines:
    """The line each element of a JSON array starts on, found when first asked: only records with a
    problem are located, by reading the array again up to them, so a valid import pays nothing."""

    _BETWEEN = re.compile(r"[ \t\n\r]*,?[ \t\n\r]*")

    def __init__(self, text: str) -> None:
        import json

        self.text, self.decoder = text, json.JSONDecoder()
        self.starts: list[int] = []
        self.end = text.index("[") + 1
        self.counted, self.line = 0, 1  # lines counted up to offset `counted`

    def of(self, number: int) -> int:
        while len(self.starts) < number:
            start = self._BETWEEN.match(self.text, self.end).end()  # type: ignore[union-attr]
            self.starts.append(start)
            _, self.end = self.decoder.raw_decode(self.text, start)
        start = self.starts[number - 1]
        if start < self.counted:  # asked out of order: count from the top
            self.counted, self.line = 0, 1
        self.line += self.text.count("\n", self.counted, start)
        self.counted = start
        return self.line


class _Element:
    """`record N (line L)` for the Nth element of a JSON array, its line found only when it is shown."""

    __slots__ = ("lines", "number")

    def __init__(self, lines: _ArrayLines, number: int) -> None:
        self.lines, self.number = lines, number

    def __str__(self) -> str:
        return f"record {self.number} (line {self.lines.of(self.number)})"
