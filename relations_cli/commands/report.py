"""summary and matrix: how each relationship is developing, as tables or rows."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from ..app import command, store
from ..options import Format, FormatOption, JsonOption, output_format, with_filters
from ..query import Filters  # Typer reads the signature at run time


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
    from ..query import column_test, select
    from ..summary import COLUMNS, summarise

    fmt_name = output_format(fmt, json_flag)
    records = select(
        store().stored(column_test(filters), columns_only=not filters.reads_documents), filters, ordered=False
    )
    rows = summarise(records, by.value, filters.countries, (filters.since, filters.until))
    if fmt_name == "table":
        from ..render import console, summary_table

        console().print(summary_table(rows, by.value))
    else:
        emit_rows(rows, COLUMNS[by.value], fmt_name, [])


@command("matrix")
@with_filters
def matrix_command(fmt: FormatOption = Format.table, json_flag: JsonOption = False, *, filters: Filters) -> None:
    """Show the pair × area grid of engagement counts, shaded by count, with totals.

    Example: relations matrix PK --since 2021 --format csv
    """
    from ..output import emit_rows
    from ..query import column_test, select
    from ..summary import matrix

    fmt_name = output_format(fmt, json_flag)
    rows = matrix(
        select(store().stored(column_test(filters), columns_only=not filters.reads_documents), filters, ordered=False),
        filters.countries,
    )
    if fmt_name == "table":
        from ..render import console, matrix_table

        console().print(matrix_table(rows))
    else:
        emit_rows(rows, ["pair", "areas", "engagements"], fmt_name, [])
