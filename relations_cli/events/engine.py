"""Running the collapse on DuckDB: the files as one relation `events`, the query, its rows in batches.

DuckDB reads plain and gzip files itself, in parallel, streaming, and spills to disk past its memory
limit; only the collapsed rows (one per engagement and code) come back into Python.
"""

from __future__ import annotations

import contextlib
import errno
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..errors import InvalidInput, RelationsError, StoreError
from .sources import EventFile
from .tables import literal

BATCH = 20_000
# DuckDB's working memory; past it, the grouping spills to a temporary folder.
DEFAULT_MEMORY = "512MB"

# GDELT column positions by width (no header): date, actor countries, event code, action place, url.
GDELT_LAYOUTS = {
    61: {"GLOBALEVENTID": 0, "SQLDATE": 1, "Actor1CountryCode": 7, "Actor2CountryCode": 17, "EventCode": 26,
         "ActionGeo_FullName": 52, "ActionGeo_CountryCode": 53, "SOURCEURL": 60},  # 2.0
    58: {"GLOBALEVENTID": 0, "SQLDATE": 1, "Actor1CountryCode": 7, "Actor2CountryCode": 17, "EventCode": 26,
         "ActionGeo_FullName": 50, "ActionGeo_CountryCode": 51, "SOURCEURL": 57},  # 1.0 daily
    57: {"GLOBALEVENTID": 0, "SQLDATE": 1, "Actor1CountryCode": 7, "Actor2CountryCode": 17, "EventCode": 26,
         "ActionGeo_FullName": 50, "ActionGeo_CountryCode": 51},  # 1.0 back file
}  # fmt: skip
ICEWS_REQUIRED = {"event_date": "Event Date", "source_country": "Source Country",
                  "target_country": "Target Country", "cameo_code": "CAMEO Code"}  # fmt: skip
ICEWS_OPTIONAL = {"city": "City", "place_country": "Country", "publisher": "Publisher"}


class Scan:
    """One DuckDB connection over a set of event files."""

    def __init__(self, workdir: Path) -> None:
        import duckdb

        self.duckdb = duckdb
        memory = os.environ.get("RELATIONS_EVENTS_MEMORY", DEFAULT_MEMORY)
        config: dict[str, str | bool | int | float | list[str]] = {
            "memory_limit": memory,
            "temp_directory": str(workdir / "spill"),
            "preserve_insertion_order": False,
        }
        try:
            self.con = duckdb.connect(":memory:", config=config)
        except duckdb.Error as e:
            raise InvalidInput(f"RELATIONS_EVENTS_MEMORY={memory!r}: {e}") from None
        # The mapping tables are a few hundred rows; after the first grouping the planner guesses the
        # events' side smaller still and builds its hash tables there (three copies of the grouped rows:
        # +40 % memory at 1M events). Left as written, each join builds on its mapping table.
        with contextlib.suppress(duckdb.Error):
            self.con.execute("SET disabled_optimizers = 'build_side_probe_side'")
        # Progress is ours to draw (on a terminal only), and the engine's estimate feeds it.
        self.con.execute("SET enable_progress_bar = true")
        self.con.execute("SET enable_progress_bar_print = false")

    def define(self, dataset: str, files: list[EventFile]) -> None:
        """The view `events` over every file, with the column names the collapse query uses."""
        parts = gdelt_view(files) if dataset == "gdelt" else icews_view(files)
        self._run("CREATE VIEW events AS\n" + "\nUNION ALL\n".join(parts))

    def tables(self, mapping: dict[str, str]) -> None:
        """The mapping tables as real tables, so that the planner knows they are small."""
        for name, rows in mapping.items():
            self._run(f"CREATE TABLE {name} AS {rows}")

    def _run(self, statement: str) -> None:
        try:
            self.con.execute(statement)
        except self.duckdb.Error as e:
            raise _clear(e) from None

    def define_collapsed(self, files: list[EventFile]) -> None:
        """The view `collapsed` over result files of `events-sql` (CSV with a header)."""
        parts = [
            f"SELECT * FROM read_csv({literal(str(f.path))}, header = true, all_varchar = true, "
            f"delim = ',', quote = '\"', escape = '\"')"
            for f in files
            if f.first_line
        ]
        if not parts:
            parts = ["SELECT " + ", ".join(f"CAST(NULL AS VARCHAR) AS {c}" for c in _columns()) + " WHERE 1 = 0"]
        self._run("CREATE VIEW collapsed AS\n" + "\nUNION ALL\n".join(parts))

    def rows(
        self, query: str, progress: Callable[[Callable[[], float]], Any] | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """The query's rows, in batches; engine failures become clear errors."""
        try:
            result = self.con.execute(query) if progress is None else self._with_progress(query, progress)
            while batch := result.fetchmany(BATCH):
                yield from batch
        except self.duckdb.Error as e:
            raise _clear(e) from None
        except RuntimeError as e:
            # Ctrl-C while the engine works in this thread: it stops the query and says so this way.
            if "interrupted" in str(e).lower():
                raise KeyboardInterrupt from None
            raise

    def _with_progress(self, query: str, progress: Callable[[Callable[[], float]], Any]) -> Any:
        outcome: dict[str, Any] = {}

        def work() -> None:
            try:
                outcome["result"] = self.con.execute(query)
            except BaseException as e:  # handed back to the caller's thread
                outcome["error"] = e

        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        try:
            progress(lambda: -1.0 if not worker.is_alive() else float(self.con.query_progress()))
        except KeyboardInterrupt:
            # Ctrl-C reaches this thread: stop the query before the connection is closed (again until it
            # stops: an interrupt that comes before the query has begun is lost)
            while worker.is_alive():
                self.con.interrupt()
                worker.join(0.05)
            raise
        worker.join()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["result"]

    def malformed(self) -> int:
        """Lines the reader rejected (wrong number of columns, bad UTF-8, too long)."""
        try:
            found = self.con.execute("SELECT COUNT(DISTINCT (scan_id, file_id, line)) FROM reject_errors").fetchone()
        except self.duckdb.Error:
            return 0  # no file was read with rejects kept
        return int(found[0]) if found else 0

    def close(self) -> None:
        with contextlib.suppress(self.duckdb.Error):
            self.con.close()


def _columns() -> tuple[str, ...]:
    from .sql import COLUMNS

    return COLUMNS


# A scan's read buffer when each file is a scan of its own (ICEWS): DuckDB's default (16 times the
# longest line) held by each of 31 small gzip scans at once passed the 512 MB limit.
_OWN_SCAN_BUFFER = 2 << 20


def _read_csv(files: list[EventFile], columns: list[str], *, header: bool, own_scan: bool = False) -> str:
    """One scan over files of one layout, packing and encoding (DuckDB reads a list of files as one)."""
    names = ", ".join(f"{literal(c)}: 'VARCHAR'" for c in columns)
    paths = ", ".join(literal(str(f.path)) for f in files)
    f = files[0]
    buffer = f"buffer_size = {_OWN_SCAN_BUFFER}, " if own_scan else ""
    return (
        f"read_csv([{paths}], delim = '\t', quote = '', escape = '', header = {str(header).lower()}, "
        f"auto_detect = false, columns = {{{names}}}, store_rejects = true, max_line_size = 1048576, {buffer}"
        f"compression = {literal('gzip' if f.gzip else 'none')}, encoding = {literal(f.encoding)})"
    )


def checked(dataset: str, f: EventFile) -> None:
    """Refuse a file whose first line is not of the dataset's layout (as each file is prepared, so that
    of several bad files the first is named)."""
    if not f.first_line:
        return  # an empty file: nothing to read, nothing wrong
    if dataset == "gdelt":
        _gdelt_width(f)
    elif dataset == "icews":
        _icews_header(f)


def _gdelt_width(f: EventFile) -> int:
    width = f.first_line.count("\t") + 1
    if width not in GDELT_LAYOUTS:
        raise InvalidInput(f"{f.name}: not a GDELT event file (line 1 has {width} columns, not 57, 58 or 61)")
    return width


def gdelt_view(files: list[EventFile]) -> list[str]:
    """One SELECT per layout (57, 58 or 61 columns), packing and encoding: the columns the query names."""
    groups: dict[tuple[int, bool, str], list[EventFile]] = {}
    for f in files:
        if not f.first_line:
            continue
        groups.setdefault((_gdelt_width(f), f.gzip, f.encoding), []).append(f)
    parts = []
    for (width, _, _), group in groups.items():
        layout = GDELT_LAYOUTS[width]
        columns = [f"c{i}" for i in range(width)]
        chosen = [f"c{layout[name]} AS {name}" if name in layout else f"NULL AS {name}" for name in _GDELT_NAMES]
        parts.append(f"SELECT {', '.join(chosen)} FROM {_read_csv(group, columns, header=False)}")
    return parts or ["SELECT " + ", ".join(f"CAST(NULL AS VARCHAR) AS {n}" for n in _GDELT_NAMES) + " WHERE 1 = 0"]


_GDELT_NAMES = list(GDELT_LAYOUTS[61])


def icews_view(files: list[EventFile]) -> list[str]:
    """One SELECT per file, by the names in its header; a missing required column is named."""
    parts = []
    for n, f in enumerate(files):
        if not f.first_line:
            continue
        header = _icews_header(f)
        columns = [f"c{i}" for i in range(len(header))]
        at = {title: f"c{header.index(title)}" for title in header[::-1]}  # the first of a repeated title
        chosen = [f"{at[title]} AS {name}" for name, title in ICEWS_REQUIRED.items()]
        chosen += [
            f"{at[title]} AS {name}" if title in at else f"NULL AS {name}" for name, title in ICEWS_OPTIONAL.items()
        ]
        # The file's place in the list and the line's in the file: the events' order, for "the first outlet".
        chosen.append(f"{n} * 1000000000000 + ordinality AS event_order")
        # ICEWS files are few (one a year): each is its own scan, so that its lines keep their order.
        scan = _read_csv([f], columns, header=True, own_scan=True)
        parts.append(f"SELECT {', '.join(chosen)} FROM {scan} WITH ORDINALITY")
    names = [*ICEWS_REQUIRED, *ICEWS_OPTIONAL, "event_order"]
    return parts or ["SELECT " + ", ".join(f"CAST(NULL AS VARCHAR) AS {n}" for n in names) + " WHERE 1 = 0"]


def _icews_header(f: EventFile) -> list[str]:
    header = [h.strip() for h in f.first_line.split("\t")]
    if "CAMEO Code" not in header or "Source Country" not in header:
        raise InvalidInput(f"{f.name}: not an ICEWS event file (no header with 'Source Country' and 'CAMEO Code')")
    missing = [title for title in ICEWS_REQUIRED.values() if title not in header]
    if missing:
        named = ", ".join(f"'{m}'" for m in missing)
        raise InvalidInput(f"{f.name}: the ICEWS header has no {named} column")
    return header


def _clear(e: Exception) -> RelationsError:
    """An engine failure as one line a person can act on."""
    import duckdb

    text = str(e).splitlines()[0] if str(e) else type(e).__name__
    if isinstance(e, duckdb.OutOfMemoryException):
        return StoreError(
            "out of memory while collapsing the events; give fewer files at once, add filters, "
            "or raise RELATIONS_EVENTS_MEMORY (now " + os.environ.get("RELATIONS_EVENTS_MEMORY", DEFAULT_MEMORY) + ")"
        )
    if "No space left on device" in text or os.strerror(errno.ENOSPC) in text:
        return StoreError("no space left on the temporary disk while collapsing the events (set TMPDIR elsewhere)")
    if isinstance(e, duckdb.IOException):
        return InvalidInput(f"cannot read the event files: {text}")
    return InvalidInput(f"the event files could not be read: {text}")
