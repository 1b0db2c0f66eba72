"""summary and matrix: how each relationship is developing, as tables or rows."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

import typer

from ..app import command, store
from ..options import Format, FormatOption, JsonOption, output_format, with_filters
from ..query import Filters, Row  # Typer reads the signature at run time


class By(str, Enum):
    pair = "pair"
    area = "area"
    country = "country"
    kind = "kind"
    year = "year"
    month = "month"


@command("summary")
@with_filters
def summary_command(
    by: Annotated[By, typer.Option("--by", "-b", help="Group by pair, area, country, kind, year or month.")] = By.pair,
    fmt: FormatOption = Format.table,
    json_flag: JsonOption = False,
    *,
    filters: Filters,
) -> None:
    """Summarise cooperation: by pair (default), area, country, kind, year or month.

    Example: relations summary AZ --by year --since 2020
    """
    from ..output import emit_rows
    from ..summary import COLUMNS, summarise

    fmt_name = output_format(fmt, json_flag)
    rows = summarise(_selected(filters), by.value, filters.countries, (filters.since, filters.until))
    rows = _limited(rows, filters.limit, timeline=by in (By.year, By.month))
    if fmt_name == "table":
        from ..render import display
        from ..render_tables import summary_table

        display(summary_table(rows, by.value))
    else:
        emit_rows(rows, COLUMNS[by.value], fmt_name, [])


@command("matrix")
@with_filters
def matrix_command(fmt: FormatOption = Format.table, json_flag: JsonOption = False, *, filters: Filters) -> None:
    """Show the pair × area grid of engagement counts, shaded by count, with totals.

    Example: relations matrix PK --since 2021 --format csv
    """
    from ..output import emit_rows
    from ..summary import matrix, matrix_totals

    fmt_name = output_format(fmt, json_flag)
    records = _selected(filters)
    rows = _limited(matrix(records, filters.countries), filters.limit)
    if fmt_name == "table":
        from ..render import display
        from ..render_tables import matrix_table

        shown = [row["pair"] for row in rows] if filters.limit is not None else None
        display(matrix_table(rows, matrix_totals(records, filters.countries, shown)))
    else:
        emit_rows(rows, ["pair", "areas", "engagements"], fmt_name, [])


def _selected(filters: Filters) -> list[Row]:
    """Every record the filters pass: --limit counts the rows shown, not the records read."""
    from dataclasses import replace

    from ..query import run

    return list(run(store(), replace(filters, limit=None), ordered=False))


def _limited(rows: list[dict[str, Any]], limit: int | None, timeline: bool = False) -> list[dict[str, Any]]:
    """The busiest N rows (they come busiest first); on a timeline, the latest N periods."""
    if limit is None:
        return rows
    return (rows[-limit:] if limit else []) if timeline else rows[:limit]
