"""Printing data on stdout in the format asked for: records, one record, or plain rows."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import Engagement
    from .stored import Stored


def emit_record(record: Engagement, fmt: str) -> None:
    """One record: a panel, a JSON object, one JSON line, or a CSV header and row."""
    from .formats import write_json, write_records

    if fmt == "table":
        from .render import console, record_panel

        console().print(record_panel(record))
    elif fmt == "json":
        write_json(record.to_dict(), sys.stdout)
    else:
        write_records([record], fmt, sys.stdout)


def emit_records(records: Sequence[Engagement | Stored], fmt: str, fields: list[str] | None = None) -> None:
    """Records in the chosen format (machine formats narrowed to `fields`); an empty table is only a note on
    stderr."""
    from .formats import write_records
    from .stored import Stored

    if fmt != "table":
        write_records(records, fmt, sys.stdout, fields=fields)
    elif not records:
        sys.stderr.write("no engagements\n")
    else:
        from .render import console, records_table

        console().print(records_table([r.full() if isinstance(r, Stored) else r for r in records]))


def emit_rows(rows: list[dict[str, Any]], columns: list[str], fmt: str, titles: list[str]) -> None:
    """Plain rows in a machine format, or as a simple table (lists joined, None blank)."""
    from .formats import write_csv, write_json, write_jsonl

    if fmt == "json":
        write_json(rows, sys.stdout)
    elif fmt == "jsonl":
        write_jsonl(rows, sys.stdout)
    elif fmt == "csv":
        write_csv(({c: _cell(row[c]) for c in columns} for row in rows), columns, sys.stdout)
    else:
        from .render import console, simple_table

        console().print(simple_table(titles, ([_cell(row[c]) for c in columns] for row in rows)))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    if isinstance(value, dict):
        return "; ".join(f"{key}={n}" for key, n in value.items())
    return str(value)
