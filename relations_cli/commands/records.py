"""add, list, show, edit, delete: one engagement at a time, and listing them."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .. import complete
from ..app import command, note, store
from ..editing import read_ids, set_fields
from ..errors import InvalidInput, NotFound
from ..options import (
    CountOption,
    FieldsOption,
    Format,
    FormatOption,
    JsonOption,
    RecordFormat,
    RecordFormatOption,
    ascii_int,
    output_format,
    with_filters,
)
from ..output import emit_record, emit_records
from ..query import Filters  # Typer reads the signature at run time
from .deleting import confirm_delete
from .fields import (
    AreaOption,
    AuthorOption,
    DateOption,
    ForceOption,
    IdArgument,
    KindOption,
    LocationOption,
    MentionedOption,
    OutletOption,
    ParticipantOption,
    PlaceOption,
    PublishedOption,
    RecordJsonOption,
    SummaryOption,
    TagOption,
    UrlOption,
    location_and_place,
)

if TYPE_CHECKING:
    from ..models import Engagement

IdsFromOption = Annotated[
    str | None,
    typer.Option(
        "--ids-from",
        metavar="FILE",
        help="Also the ids in this file, or - for stdin (one per line).",
        show_default=False,
    ),
]


@command("add")
def add(
    countries: Annotated[
        list[str],
        typer.Argument(
            metavar="COUNTRY COUNTRY [COUNTRY]...",
            help="The parties: two or more countries (names, codes or demonyms).",
            show_default=False,
            autocompletion=complete.countries,
        ),
    ],
    date: DateOption,
    kind: KindOption = "meeting",
    area: AreaOption = None,
    location: LocationOption = None,
    place: PlaceOption = None,
    participant: ParticipantOption = None,
    mentioned: MentionedOption = None,
    summary: SummaryOption = None,
    outlet: OutletOption = None,
    author: AuthorOption = None,
    url: UrlOption = None,
    published: PublishedOption = None,
    tag: TagOption = None,
    force: ForceOption = False,
    json_flag: RecordJsonOption = False,
) -> None:
    """Record an engagement; print its new id (the whole record with --json).

    Example: relations add Azerbaijan PK --date 2021-12-01 --area "military technical"
    --place Baku --location AZ --participant "Zakir Hasanov|Defence Minister|AZ"
    """
    from ..dates import utc_now
    from ..editing import add_record
    from ..models import parse_record
    from ..slips import area_warnings, new_custom_areas

    if tag:  # tags compare without case: one the database already has is spelt as it was first given
        from ..tags import canonical, spellings

        tag = canonical(tag, spellings(t for r in store().rows() for t in r.tags))
    raw: dict[str, Any] = {}
    location, place = location_and_place(location, place)
    set_fields(
        raw, countries=countries, date=date, kind=kind, areas=area, location=location, place=place,
        participants=participant, mentioned=mentioned, summary=summary, outlet=outlet,
        author=author, url=url, published=published, tags=tag,
    )  # fmt: skip
    record = parse_record(raw)
    record.created = record.updated = utc_now()
    new_areas = add_record(store(), record, force=force, before_write=new_custom_areas)
    for line in area_warnings(new_areas):
        note(line)
    if json_flag:
        emit_record(record, "json")
    else:
        sys.stdout.write(f"{record.id}\n")


@command("list")
@with_filters
def list_records(
    fmt: RecordFormatOption = RecordFormat.table,
    json_flag: JsonOption = False,
    wide: Annotated[
        bool, typer.Option("--wide", "-w", help="Every column, whole, wrapped onto more lines (table only).")
    ] = False,
    fields: FieldsOption = None,
    count: CountOption = False,
    *,
    filters: Filters,
) -> None:
    """List engagements, oldest first, filtered: one line each on a terminal.

    Example: relations list AZ PK --area military-technical --since 2020 --json | jq '.[].date'
    """
    from ..query import run

    fmt_name = output_format(fmt, json_flag)
    chosen = _fields(fields, fmt_name)
    records = run(store(), filters)
    if count:
        sys.stdout.write(f"{len(records)}\n")
    else:
        emit_records(records, fmt_name, chosen, wide=wide)


def _fields(text: str | None, fmt: str) -> list[str] | None:
    if text is None:
        return None
    if fmt not in ("json", "jsonl", "csv"):
        raise InvalidInput(f"--fields works with --format json, jsonl or csv, not {fmt}")
    from ..fields import parse_fields

    return parse_fields(text)


@command("show")
def show(
    record_id: IdArgument,
    fmt: FormatOption = Format.table,
    json_flag: JsonOption = False,
) -> None:
    """Show one engagement, whole.

    Example: relations show 7 --json
    """
    fmt_name = output_format(fmt, json_flag)
    emit_record(store().get(record_id), fmt_name)


@command("edit")
def edit(
    record_ids: Annotated[
        list[int] | None,
        typer.Argument(
            metavar="ID...", help="The engagements' ids (one write for all).", show_default=False, parser=ascii_int
        ),
    ] = None,
    country: Annotated[
        list[str] | None,
        typer.Option(
            "--country",
            "-c",
            metavar="COUNTRY",
            help="Replace the parties (repeatable).",
            show_default=False,
            autocompletion=complete.countries,
        ),
    ] = None,
    date: DateOption = None,
    kind: KindOption = None,
    area: AreaOption = None,
    add_area: Annotated[
        list[str] | None,
        typer.Option(
            "--add-area",
            metavar="AREA",
            help="Add one area (repeatable).",
            show_default=False,
            autocompletion=complete.areas,
        ),
    ] = None,
    remove_area: Annotated[
        list[str] | None,
        typer.Option(
            "--remove-area",
            metavar="AREA",
            help="Remove one area (repeatable).",
            show_default=False,
            autocompletion=complete.areas,
        ),
    ] = None,
    location: LocationOption = None,
    place: PlaceOption = None,
    participant: ParticipantOption = None,
    mentioned: MentionedOption = None,
    summary: SummaryOption = None,
    outlet: OutletOption = None,
    author: AuthorOption = None,
    url: UrlOption = None,
    published: PublishedOption = None,
    tag: TagOption = None,
    add_tag: Annotated[
        list[str] | None,
        typer.Option("--add-tag", metavar="TAG", help="Add one tag (repeatable).", show_default=False),
    ] = None,
    remove_tag: Annotated[
        list[str] | None,
        typer.Option("--remove-tag", metavar="TAG", help="Remove one tag (repeatable).", show_default=False),
    ] = None,
    ids_from: IdsFromOption = None,
    json_flag: RecordJsonOption = False,
) -> None:
    """Change engagements: a repeatable option replaces its list; "" clears a text field.

    One write for all the ids; a record the options would not change is left as it is (and keeps its
    `updated`); removing a tag or area it does not have is not an error.

    Example: relations edit 7 --add-area trade --summary "Talks on defence exports."
    """
    from ..editing import Change, edit_records
    from ..slips import area_warnings, new_custom_areas

    location, place = location_and_place(location, place)
    given = dict(
        countries=country, date=date, kind=kind, areas=area, location=location, place=place,
        participants=participant, mentioned=mentioned, summary=summary, outlet=outlet,
        author=author, url=url, published=published, tags=tag,
    )  # fmt: skip
    change = Change(given, add_area or [], remove_area or [], add_tag or [], remove_tag or [])
    if change.is_empty():
        raise InvalidInput("nothing to change: give at least one option (see relations edit --help)")
    ids = read_ids(record_ids, ids_from, "edit")
    target = store()
    new_areas: list[str] = []

    def spot_new_areas(records: list[Engagement]) -> None:
        new_areas.extend(new_custom_areas(records, target))

    edited, changed = edit_records(target, ids, change, before_write=spot_new_areas)
    for line in area_warnings(new_areas):
        note(line)
    if len(ids) > 1 or len(changed) < len(ids):
        note(f"changed {len(changed)}, unchanged {len(ids) - len(changed)}")
    if json_flag and len(edited) == 1:
        emit_record(edited[0], "json")
    elif json_flag:
        emit_records(edited, "json")
    else:
        sys.stdout.writelines(f"{r.id}\n" for r in edited)


@command("delete")
def delete(
    record_ids: Annotated[
        list[int] | None,
        typer.Argument(metavar="ID...", help="The ids to delete.", show_default=False, parser=ascii_int),
    ] = None,
    ids_from: IdsFromOption = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask (needed when not on a terminal).")] = False,
    missing_ok: Annotated[
        bool, typer.Option("--missing-ok", help="An id that is not there (already deleted) is not an error.")
    ] = False,
) -> None:
    """Delete engagements; print the ids deleted. On a terminal, shows each one and asks first.

    Example: relations delete 7 8 --yes
    """
    ids = sorted(read_ids(record_ids, ids_from, "delete"))
    target = store()
    missing = [] if yes and not missing_ok else sorted(set(ids) - {r.id for r in target.rows()})
    if missing and missing_ok:
        note(f"not there (nothing to delete): {', '.join(map(str, missing))}")
        ids = [i for i in ids if i not in missing]
        if not ids:
            return
    if not yes:
        if missing:  # fail before asking about ids that are not there
            raise NotFound(f"no engagement with id {', '.join(map(str, missing))} in {target.path}")
        if not sys.stdin.isatty():
            raise InvalidInput("not on a terminal: add --yes to delete without asking")
        if not confirm_delete([target.get(i) for i in ids]):
            note("nothing deleted")
            raise typer.Exit(1)
    from ..editing import delete_records

    ids = delete_records(target, ids, missing_ok=missing_ok)
    sys.stdout.writelines(f"{i}\n" for i in ids)
