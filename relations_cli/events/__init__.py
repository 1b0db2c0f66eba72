"""Machine-coded event data (ICEWS, GDELT) turned into draft engagements, by one query over all the files."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import InvalidInput
from ..models import Engagement
from .collapse import Tally, fold
from .sql import MALFORMED, EngineFilters

DATASETS = ("icews", "gdelt")

# ICEWS names that our resolver reads otherwise or finds ambiguous.
_ICEWS_NAMES = {"Congo": "COG", "Democratic Republic of Congo": "COD"}

Progress = Callable[[Callable[[], float]], Any]


def drafts(
    sources: list[str],
    dataset: str,
    filters: EngineFilters | None = None,
    *,
    collapsed: bool = False,
    progress: Progress | None = None,
) -> tuple[list[Engagement], Tally]:
    """The draft engagements from event files (or from the saved result of `events-sql` when
    `collapsed`), and what happened to each event read."""
    from . import sources as inputs
    from . import sql
    from .engine import Scan

    filters = filters or EngineFilters()
    workdir = Path(tempfile.mkdtemp(prefix="relations-events-"))
    try:
        files = inputs.gather(sources, workdir)
        scan = Scan(workdir)
        try:
            if collapsed:
                scan.define_collapsed(files)
                query = "SELECT " + ", ".join(sql.COLUMNS) + " FROM collapsed"
                rows: Iterator[tuple[Any, ...]] = (_typed(row) for row in scan.rows(query, progress))
            else:
                scan.define(dataset, files)
                scan.tables(sql.mapping_tables())
                query = sql.gdelt(filters, inline=False) if dataset == "gdelt" else sql.icews(filters, inline=False)
                rows = scan.rows(query, progress)
            country_of = _icews_country if dataset == "icews" else None
            records, tally = fold(rows, dataset, filters, country_of)
            malformed = scan.malformed()
        finally:
            scan.close()
    finally:
        inputs.remove(workdir)
    if malformed:
        tally.skip(MALFORMED, malformed)
    return records, tally


def _typed(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A row of a saved result, read as text: empty cells are unknown."""
    return tuple(None if cell == "" else cell for cell in row)


@cache
def _icews_country(name: str | None) -> str | None:
    from .. import countries

    if not name:
        return None
    if name in _ICEWS_NAMES:
        return _ICEWS_NAMES[name]
    try:
        return countries.resolve(name)
    except InvalidInput:
        return None
