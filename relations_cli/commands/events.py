"""import --from icews|gdelt (called by the import command) and events-sql: event data in, engagements out."""

from __future__ import annotations

import errno
import gc
import sys
import time
from collections.abc import Callable, Iterator
from enum import Enum
from typing import Annotated, Any

import typer

from ..app import command, note, store
from ..errors import InvalidInput, StoreError

# A dry run on screen shows this many drafts; --format jsonl or --json gives them all.
SHOWN = 20


class Dataset(str, Enum):
    gdelt = "gdelt"


def import_events(
    sources: list[str],
    dataset: str,
    *,
    countries: list[str],
    areas: list[str],
    kind: str | None,
    since: str | None,
    until: str | None,
    dry_run: bool,
    fmt: str | None,
    json_flag: bool,
    collapsed: bool,
) -> None:
    """Read event files, collapse them, and add or merge the drafts (or show them, for a dry run)."""
    if fmt is not None and not dry_run:
        raise InvalidInput("--format with --from chooses how --dry-run prints the drafts; add --dry-run")
    if collapsed and dataset != "gdelt":
        raise InvalidInput("--collapsed reads the result of `relations events-sql --from gdelt`: use --from gdelt")
    filters = engine_filters(countries, areas, kind, since, until)
    # Hundreds of thousands of drafts and no cycles among them: the collector would walk them again
    # and again as they are made and written (half the time of building them, measured at 318,000).
    # It comes back once they are gone (freed as `_imported` returns): enabled before, its first
    # collection would walk them all once more (0.6 s at 318,000).
    gc.disable()
    try:
        _imported(sources, dataset, filters, collapsed=collapsed, dry_run=dry_run, fmt=fmt, json_flag=json_flag)
    finally:
        gc.enable()


def _imported(
    sources: list[str], dataset: str, filters: Any, *, collapsed: bool, dry_run: bool, fmt: str | None, json_flag: bool
) -> None:
    from ..events import drafts
    from ..events.merge import store_drafts

    try:
        records, tally = drafts(sources, dataset, filters, collapsed=collapsed, progress=_progress())
        note(_events_line(tally.to_dict()))
        fresh, report = store_drafts(store(), records, dataset, dry_run=dry_run)
    except MemoryError:
        # Python's own memory (the drafts, the database being written): the file is left as it was.
        raise StoreError(
            "out of memory while importing the events; nothing was written. Give fewer files at once or add "
            "filters (--country, --since, --until)"
        ) from None
    except OSError as e:
        if e.errno not in (errno.ENOSPC, errno.EDQUOT):
            raise
        raise StoreError(f"no space left on the disk while importing the events; nothing was written ({e})") from None
    report.events = tally.to_dict()
    verb = "would import" if dry_run else "imported"
    merged = f", {'would merge' if dry_run else 'merged'} {report.merged}" if report.merged else ""
    note(f"{verb} {report.imported}{merged}, skipped {report.skipped}")
    if json_flag or fmt == "json":
        from ..formats import write_json

        out = report.to_dict()
        if dry_run:
            out["drafts"] = [doc.engagement().to_dict() for doc in fresh]
        write_json(out, sys.stdout)
    elif dry_run:
        from ..output import emit_records

        if fmt is not None:
            emit_records([doc.engagement() for doc in fresh], fmt)
            return
        emit_records([doc.engagement() for doc in fresh[:SHOWN]], "table")
        if len(fresh) > SHOWN:
            note(f"showing the first {SHOWN} of {len(fresh)} drafts; --format jsonl prints them all")


def engine_filters(
    countries: list[str], areas: list[str], kind: str | None, since: str | None, until: str | None
) -> Any:
    """The list filters, checked as `list` checks them, for the engine."""
    from ..events.sql import EngineFilters
    from ..query import build_filters

    f = build_filters(country_names=countries, area_names=areas, kind=kind, since=since, until=until)
    return EngineFilters(countries=f.countries, since=f.since, until=f.until, kind=f.kind, areas=f.areas)


def _events_line(events: dict[str, Any]) -> str:
    skipped = ", ".join(f"{n} {reason}" for reason, n in events["skipped"].items())
    return f"events: {events['read']} read, {events['taken']} taken" + (f"; skipped {skipped}" if skipped else "")


def _progress() -> Callable[[Callable[[], float]], None] | None:
    """A bar on a terminal's stderr while the engine scans (its own estimate of the work done)."""
    from ..progress import track, wanted

    if not wanted(minimum=0):
        return None

    def show(poll: Callable[[], float]) -> None:
        def steps() -> Iterator[int]:
            done = 0
            while (percent := poll()) >= 0:
                while done < min(int(percent), 100):
                    done += 1
                    yield done
                time.sleep(0.1)

        for _ in track(steps(), "scanning events", total=100, minimum=0):
            pass

    return show


# The list filters as options (the import's positional argument is its files): shared by
# `import --from` and `events-sql`, and applied inside the event query.
EventCountryOption = Annotated[
    list[str] | None,
    typer.Option("--country", "-c", metavar="COUNTRY", help="Only engagements with all these countries (repeatable).",
                 show_default=False),
]  # fmt: skip
EventAreaOption = Annotated[
    list[str] | None,
    typer.Option("--area", "-a", metavar="AREA", help="Only engagements covering this area (repeatable).",
                 show_default=False),
]  # fmt: skip
EventKindOption = Annotated[
    str | None, typer.Option("--kind", "-k", metavar="KIND", help="Only this kind.", show_default=False)
]
EventSinceOption = Annotated[
    str | None, typer.Option("--since", metavar="DATE", help="From this date on.", show_default=False)
]
EventUntilOption = Annotated[
    str | None, typer.Option("--until", metavar="DATE", help="Up to this date.", show_default=False)
]


@command("events-sql")
def events_sql_command(
    dataset: Annotated[Dataset, typer.Option("--from", metavar="DATASET", help="The dataset: gdelt.")] = Dataset.gdelt,
    table: Annotated[
        str, typer.Option("--table", metavar="TABLE", help="The events table to read (GDELT's column names).")
    ] = "events",
    country: EventCountryOption = None,
    area: EventAreaOption = None,
    kind: EventKindOption = None,
    since: EventSinceOption = None,
    until: EventUntilOption = None,
) -> None:
    """Print the collapse of event data as one engine-neutral SQL query, mapping tables inlined.

    Run it where the events are (BigQuery, Spark SQL, DuckDB), save the result as CSV with a header,
    and read it back with `relations import RESULT.csv --from gdelt --collapsed`.

    Example: relations events-sql --from gdelt --table gdelt-bq.gdeltv2.events --country AZ > collapse.sql
    """
    from ..events import sql

    filters = engine_filters(country or [], area or [], kind, since, until)
    sys.stdout.write(sql.gdelt(filters, table=_table_name(table)))


def _table_name(table: str) -> str:
    # A dotted or dashed name (project.dataset.table) is quoted as BigQuery and Spark both read it.
    if table.replace("_", "").isalnum():
        return table
    if "`" in table:
        raise InvalidInput("--table: a name with a backquote cannot be quoted")
    return f"`{table}`"
