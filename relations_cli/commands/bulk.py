"""import and export: many records in and out, in json, jsonl or csv."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..app import command, note, store
from ..errors import InvalidInput, StoreError
from ..options import JsonOption, with_filters
from ..query import Filters  # Typer reads the signature at run time


class DataFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class EventData(str, Enum):
    icews = "icews"
    gdelt = "gdelt"


@command("import")
def import_command(
    sources: Annotated[
        list[str] | None,
        typer.Argument(metavar="[FILE]...", help="A file, or - for stdin; with --from, files, folders and globs."),
    ] = None,
    fmt: Annotated[
        DataFormat | None,
        typer.Option(
            "--format", "-f", help="json, jsonl or csv (default: from the file's ending).", show_default=False
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Validate and report; write nothing.")] = False,
    event_data: Annotated[
        EventData | None,
        typer.Option(
            "--from",
            help="Read ICEWS or GDELT event files (plain, .gz or .zip) and collapse their events into engagements.",
            show_default=False,
        ),
    ] = None,
    collapsed: Annotated[
        bool, typer.Option("--collapsed", help="With --from gdelt: FILE is a saved result of `events-sql`.")
    ] = False,
    country: Annotated[
        list[str] | None,
        typer.Option(
            "--country", "-c", help="With --from: only engagements with all these countries.", show_default=False
        ),
    ] = None,
    area: Annotated[
        list[str] | None,
        typer.Option(
            "--area", "-a", help="With --from: only engagements covering this area (repeatable).", show_default=False
        ),
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", "-k", help="With --from: only this kind.", show_default=False)
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="With --from: from this date on.", show_default=False)
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="With --from: up to this date.", show_default=False)
    ] = None,
    json_flag: JsonOption = False,
) -> None:
    """Import records (json, jsonl or csv); all are validated first, duplicates skipped.

    Example: relations export --format jsonl | relations --db other.json import - --format jsonl

    Example: relations import 'gdelt/202403*.export.CSV.zip' --from gdelt --country AZ --since 2024-03-10
    """
    from ..bulk import import_records, validate
    from ..formats import guess_format, write_json
    from ..inputs import read_text

    if event_data is not None:
        from .events import import_events

        import_events(sources or ["-"], event_data.value, countries=country or [], areas=area or [], kind=kind,
                      since=since, until=until, dry_run=dry_run, fmt=fmt.value if fmt else None,
                      json_flag=json_flag, collapsed=collapsed)  # fmt: skip
        return
    if country or area or kind or since or until or collapsed:
        raise InvalidInput("--country, --area, --kind, --since, --until and --collapsed go with --from")
    if sources and len(sources) > 1:
        raise InvalidInput("import reads one file (several go with --from)")
    source = sources[0] if sources else "-"
    text = read_text(source)
    chosen = fmt.value if fmt else guess_format(None if source == "-" else source, text)
    lines = text.count("\n") + (not text.endswith("\n"))
    records = validate(_records_in(source, text, chosen), {"jsonl": lines, "csv": lines - 1}.get(chosen))
    del text
    _, report = import_records(store(), records, dry_run=dry_run)
    verb = "would import" if dry_run else "imported"
    note(f"{verb} {report.imported}, skipped {report.skipped}")
    if json_flag:
        write_json(report.to_dict(), sys.stdout)


def _records_in(source: str, text: str, chosen: str) -> Iterator[tuple[str, object]]:
    """The raw records one at a time, so that each is dropped once validated (100,000 add up)."""
    from ..formats import read_records

    try:
        yield from read_records(text, chosen)
    except ValueError as e:
        raise InvalidInput(f"{source}: {e}") from None


@command("export")
@with_filters
def export_command(
    fmt: Annotated[DataFormat, typer.Option("--format", "-f", help="json, jsonl or csv.")] = DataFormat.json,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (atomically).", show_default=False),
    ] = None,
    *,
    filters: Filters,
) -> None:
    """Export records in full, with the list filters: json (default), jsonl or csv.

    Example: relations export AZ --format csv -o azerbaijan.csv
    """
    import io

    from ..files import atomic_write
    from ..formats import write_records
    from ..progress import track
    from ..query import column_test, select

    records = select(store().stored(column_test(filters)), filters)
    if output is None:
        write_records(track(records, "exporting"), fmt.value, sys.stdout)
        return
    buffer = io.StringIO()
    write_records(track(records, "exporting"), fmt.value, buffer)
    try:
        atomic_write(output, buffer.getvalue().encode("utf-8"))
    except OSError as e:
        raise StoreError(f"cannot write {output}: {e.strerror or e}") from None
    note(f"exported {len(records)} to {output}")
