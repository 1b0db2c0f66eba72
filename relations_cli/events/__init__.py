"""Machine-coded event data (ICEWS, GDELT) turned into draft engagements, by one query over all the files."""

from __future__ import annotations

import contextlib
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from functools import cache, partial
from pathlib import Path
from typing import Any

from ..errors import InvalidInput
from .collapse import Tally, documents, fold
from .documents import Document
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
) -> tuple[list[Document], Tally]:
    """The draft engagements from event files (or from the saved result of `events-sql` when
    `collapsed`), as stored documents in date order, and what happened to each event read."""
    filters = filters or EngineFilters()
    with _terminated_as_interrupted():
        return _drafts(sources, dataset, filters, collapsed, progress)


@contextlib.contextmanager
def _terminated_as_interrupted() -> Iterator[None]:
    """`kill` or `timeout` ends an import as Ctrl-C does: the query stopped, the temporary folder (stdin
    and zip members unpacked, perhaps gigabytes) removed, exit 130. By default SIGTERM leaves it behind."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupted(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupted)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _drafts(
    sources: list[str], dataset: str, filters: EngineFilters, collapsed: bool, progress: Progress | None
) -> tuple[list[Document], Tally]:
    from . import sources as inputs
    from . import sql
    from .engine import Scan, checked
    from .grouping import bits_table, engagements, typed

    workdir = Path(tempfile.mkdtemp(prefix="relations-events-"))
    try:
        files = inputs.gather(sources, workdir, None if collapsed else partial(checked, dataset))
        scan = Scan(workdir)
        try:
            scan.tables({"code_bits": bits_table()})
            if collapsed:
                scan.define_collapsed(files)
                records, tally = documents(scan.rows(engagements(typed("collapsed")), progress), dataset, filters)
            elif dataset == "gdelt":
                scan.define(dataset, files)
                scan.tables(sql.mapping_tables())
                query = engagements(f"({sql.gdelt(filters, inline=False, ungrouped=True)})")
                records, tally = documents(scan.rows(query, progress), dataset, filters)
            else:
                scan.define(dataset, files)
                scan.tables(sql.mapping_tables())
                rows = scan.rows(sql.icews(filters, inline=False), progress)
                records, tally = fold(rows, dataset, filters, _icews_country)
            malformed = scan.malformed()
        finally:
            scan.close()
    finally:
        inputs.remove(workdir)
    if malformed:
        tally.skip(MALFORMED, malformed)
    return records, tally


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
