"""import and export: many records in and out, in json, jsonl or csv."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from ..app import command, note, store
from ..errors import InvalidInput
from ..options import CountOption, FieldsOption, JsonOption, with_filters
from ..query import Filters  # Typer reads the signature at run time
from .events import EventAreaOption, EventCountryOption, EventKindOption, EventSinceOption, EventUntilOption

if TYPE_CHECKING:
    from ..bulk import ImportReport
    from ..models import Engagement


class DataFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class Match(str, Enum):
    id = "id"
    identity = "identity"


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
    upsert: Annotated[
        bool,
        typer.Option(
            "--upsert", help="Update the stored record each one matches (see --match) instead of skipping it."
        ),
    ] = False,
    match: Annotated[
        Match,
        typer.Option(
            "--match",
            help="With --upsert: match by id, or by identity (same date, countries, kind and url or summary).",
            case_sensitive=False,
        ),
    ] = Match.id,
    collapsed: Annotated[
        bool, typer.Option("--collapsed", help="With --from gdelt: FILE is a saved result of `events-sql`.")
    ] = False,
    country: EventCountryOption = None,
    area: EventAreaOption = None,
    kind: EventKindOption = None,
    since: EventSinceOption = None,
    until: EventUntilOption = None,
    json_flag: JsonOption = False,
) -> None:
    """Import records (json, jsonl or csv); all are validated first, duplicates skipped.

    Example: relations export --format jsonl | relations --db other.json import - --format jsonl

    Example: relations import 'gdelt/202403*.export.CSV.zip' --from gdelt --country AZ --since 2024-03-10
    """
    from ..bulk import validate
    from ..formats import guess_format, write_json
    from ..inputs import read_text

    if event_data is not None:
        if upsert:
            raise InvalidInput("--upsert and --from cannot be used together (event imports merge by themselves)")
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
    _, report = _import_with_warnings(records, dry_run=dry_run, upsert=match.value if upsert else None)
    note(report.line("would import" if dry_run else "imported", upsert))
    if report.differing:
        note(f"{report.differing} skipped record(s) differ from the stored ones; --upsert would update them")
    if json_flag:
        write_json(report.to_dict(), sys.stdout)


def _import_with_warnings(
    records: list[Engagement], *, dry_run: bool, upsert: str | None = None
) -> tuple[list[Engagement], ImportReport]:
    """Import, then warn about each custom area the database did not hold before (a typo, most likely)."""
    from ..bulk import import_records
    from ..slips import area_warnings, new_custom_areas

    target = store()
    candidates = new_custom_areas(records, target)
    fresh, report = import_records(target, records, dry_run=dry_run, upsert=upsert)
    taken = {area for record in fresh for area in record.areas}
    for line in area_warnings([area for area in candidates if area in taken]):
        note(line)
    return fresh, report


def _records_in(source: str, text: str, chosen: str) -> Iterator[tuple[object, object]]:
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
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write here: a file (replaced atomically), - for stdout, or a pipe or device (written as a stream).",
            show_default=False,
        ),
    ] = None,
    fields: FieldsOption = None,
    raw: Annotated[
        bool, typer.Option("--raw", help="CSV for programs: no leading ' before cells starting with = + - @.")
    ] = False,
    count: CountOption = False,
    *,
    filters: Filters,
) -> None:
    """Export records in full, with the list filters: json (default), jsonl or csv.

    Example: relations export AZ --format csv -o azerbaijan.csv
    """
    from ..fields import parse_fields
    from ..formats import write_records
    from ..outputs import describe, output_to
    from ..progress import track
    from ..query import run

    if raw and fmt is not DataFormat.csv:
        raise InvalidInput("--raw is for --format csv (JSON has no formula guard to turn off)")
    chosen = parse_fields(fields) if fields is not None else None
    target = store()
    records = run(target, filters)
    if count:
        sys.stdout.write(f"{len(records)}\n")
        return
    if output is None:
        write_records(track(records, "exporting"), fmt.value, sys.stdout, fields=chosen, raw=raw)
        return
    with output_to(output, database=target.path) as out:
        write_records(track(records, "exporting"), fmt.value, out, fields=chosen, raw=raw)
    note(f"exported {len(records)} to {describe(output)}")
