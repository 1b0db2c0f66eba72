"""Printing data on stdout in the format asked for: records, one record, or plain rows."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import Engagement
    from .storage.records import Stored


class _Escaped:
    """stdout on a terminal: JSON is shown with unsafe characters as \\uNNNN escapes, so it stays valid JSON."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, data: str) -> int:
        from .text import printable_json

        return self.stream.write(printable_json(data))

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self.stream.flush()


def stdout(fmt: str) -> IO[str]:
    """Where data goes: stdout itself on a pipe or file, JSON escaped on a terminal (stored text stays exact).

    CSV needs no wrapper: formats.write_csv escapes its cells itself when its stream is a terminal."""
    if fmt not in ("json", "jsonl") or not sys.stdout.isatty():
        return sys.stdout
    return _Escaped(sys.stdout)  # type: ignore[return-value]


def emit_record(record: Engagement, fmt: str) -> None:
    """One record: a panel, a JSON object, one JSON line, or a CSV header and row."""
    from .formats import write_json, write_records

    if fmt == "table":
        from .render import show_record

        show_record(record)
    elif fmt == "json":
        write_json(record.to_dict(), stdout(fmt))
    else:
        write_records([record], fmt, stdout(fmt))


def emit_records(
    records: Sequence[Engagement | Stored], fmt: str, fields: list[str] | None = None, wide: bool = False
) -> None:
    """Records in the chosen format (machine formats narrowed to `fields`); an empty table is only a note on
    stderr."""
    from .formats import write_records
    from .storage.records import Stored

    if fmt != "table":
        write_records(records, fmt, stdout(fmt), fields=fields)
    elif not records:
        sys.stderr.write("no engagements\n")
    else:
        from .render import display
        from .render_tables import records_table

        display(records_table([r.full() if isinstance(r, Stored) else r for r in records], wide=wide))


def emit_rows(rows: list[dict[str, Any]], columns: list[str], fmt: str, titles: list[str]) -> None:
    """Plain rows in a machine format, or as a simple table (lists joined, None blank)."""
    from .formats import write_csv, write_json, write_jsonl

    if fmt == "json":
        write_json(rows, stdout(fmt))
    elif fmt == "jsonl":
        write_jsonl(rows, stdout(fmt))
    elif fmt == "csv":
        write_csv(({c: _cell(row[c]) for c in columns} for row in rows), columns, stdout(fmt))
    else:
        from .render import display, simple_table

        display(simple_table(titles, ([_cell(row[c]) for c in columns] for row in rows)))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    if isinstance(value, dict):
        return "; ".join(f"{key}={n}" for key, n in value.items())
    return str(value)
