"""add, list, show, edit, delete: one engagement at a time, and listing them."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

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
    output_format,
    with_filters,
)
from ..output import emit_record, emit_records
from ..query import Filters  # Typer reads the signature at run time

if TYPE_CHECKING:
    from ..batch import Batch

# Options that set a field, shared by add and edit (defaults are in each signature).
DateOption = Annotated[str, typer.Option("--date", "-d", help="When: YYYY-MM-DD, YYYY-MM or YYYY.", show_default=False)]
KindOption = Annotated[
    str, typer.Option("--kind", "-k", help="meeting, call, agreement, exercise, statement or other.")
]
AreaOption = Annotated[
    list[str],
    typer.Option("--area", "-a", help="A cooperation area (repeatable); see `relations areas`.", show_default=False),
]
LocationOption = Annotated[str, typer.Option("--location", help="Country where it took place.", show_default=False)]
PlaceOption = Annotated[str, typer.Option("--place", help="City or venue.", show_default=False)]
ParticipantOption = Annotated[
    list[str],
    typer.Option(
        "--participant",
        "-p",
        help='Who took part, as "NAME|ROLE|COUNTRY" (role and country optional; repeatable), '
        'e.g. "Zakir Hasanov|Defence Minister|AZ".',
        show_default=False,
    ),
]
MentionedOption = Annotated[
    list[str],
    typer.Option("--mentioned", "-m", help="A country named but not a party (repeatable).", show_default=False),
]
SummaryOption = Annotated[str, typer.Option("--summary", help="One line in your own words.", show_default=False)]
OutletOption = Annotated[str, typer.Option("--outlet", help="Source outlet.", show_default=False)]
AuthorOption = Annotated[str, typer.Option("--author", help="Source author.", show_default=False)]
UrlOption = Annotated[str, typer.Option("--url", help="Source URL.", show_default=False)]
PublishedOption = Annotated[
    str, typer.Option("--published", help="Source publication date (YYYY[-MM[-DD]]).", show_default=False)
]
IdsFromOption = Annotated[
    str | None,
    typer.Option("--ids-from", help="Also the ids in this file, or - for stdin (one per line).", show_default=False),
]
TagOption = Annotated[
    list[str], typer.Option("--tag", "-t", help="A tag of your own (repeatable).", show_default=False)
]


@command("add")
def add(
    countries: Annotated[list[str], typer.Argument(help="The parties: two or more countries.", show_default=False)],
    date: DateOption,
    kind: KindOption = "meeting",
    area: AreaOption | None = None,
    location: LocationOption | None = None,
    place: PlaceOption | None = None,
    participant: ParticipantOption | None = None,
    mentioned: MentionedOption | None = None,
    summary: SummaryOption | None = None,
    outlet: OutletOption | None = None,
    author: AuthorOption | None = None,
    url: UrlOption | None = None,
    published: PublishedOption | None = None,
    tag: TagOption | None = None,
    json_flag: JsonOption = False,
) -> None:
    """Record an engagement; print its new id (the whole record with --json).

    Example: relations add Azerbaijan PK --date 2021-12-01 --area "military technical"
    --place Baku --location AZ --participant "Zakir Hasanov|Defence Minister|AZ"
    """
    from ..dates import utc_now
    from ..models import parse_record

    if tag:  # tags compare without case: one the database already has is spelt as it was first given
        from ..tags import canonical, spellings

        tag = canonical(tag, spellings(t for r in store().stored(columns_only=True) for t in r.tags))
    raw: dict[str, Any] = {}
    set_fields(
        raw, countries=countries, date=date, kind=kind, areas=area, location=location, place=place,
        participants=participant, mentioned=mentioned, summary=summary, outlet=outlet,
        author=author, url=url, published=published, tags=tag,
    )  # fmt: skip
    record = parse_record(raw)
    record.created = record.updated = utc_now()

    with store().writing() as batch:
        batch.insert([record])
    if json_flag:
        emit_record(record, "json")
    else:
        sys.stdout.write(f"{record.id}\n")


@command("list")
@with_filters
def list_records(
    fmt: RecordFormatOption = RecordFormat.table,
    json_flag: JsonOption = False,
    fields: FieldsOption = None,
    count: CountOption = False,
    *,
    filters: Filters,
) -> None:
    """List engagements, oldest first, filtered.

    Example: relations list AZ PK --area military-technical --since 2020 --json | jq '.[].date'
    """
    from ..query import column_test, select

    fmt_name = output_format(fmt, json_flag)
    chosen = _fields(fields, fmt_name)
    records = select(store().stored(column_test(filters)), filters)
    if count:
        sys.stdout.write(f"{len(records)}\n")
    else:
        emit_records(records, fmt_name, chosen)


def _fields(text: str | None, fmt: str) -> list[str] | None:
    if text is None:
        return None
    if fmt not in ("json", "jsonl", "csv"):
        raise InvalidInput(f"--fields works with --format json, jsonl or csv, not {fmt}")
    from ..fields import parse_fields

    return parse_fields(text)


@command("show")
def show(
    record_id: Annotated[int, typer.Argument(metavar="ID", help="The engagement's id.", show_default=False)],
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
        typer.Argument(metavar="ID...", help="The engagements' ids (one write for all).", show_default=False),
    ] = None,
    country: Annotated[
        list[str] | None,
        typer.Option("--country", "-c", help="Replace the parties (repeatable).", show_default=False),
    ] = None,
    date: DateOption | None = None,
    kind: KindOption | None = None,
    area: AreaOption | None = None,
    add_area: Annotated[list[str] | None, typer.Option("--add-area", help="Add one area.", show_default=False)] = None,
    remove_area: Annotated[
        list[str] | None, typer.Option("--remove-area", help="Remove one area.", show_default=False)
    ] = None,
    location: LocationOption | None = None,
    place: PlaceOption | None = None,
    participant: ParticipantOption | None = None,
    mentioned: MentionedOption | None = None,
    summary: SummaryOption | None = None,
    outlet: OutletOption | None = None,
    author: AuthorOption | None = None,
    url: UrlOption | None = None,
    published: PublishedOption | None = None,
    tag: TagOption | None = None,
    add_tag: Annotated[list[str] | None, typer.Option("--add-tag", help="Add one tag.", show_default=False)] = None,
    remove_tag: Annotated[
        list[str] | None, typer.Option("--remove-tag", help="Remove one tag.", show_default=False)
    ] = None,
    ids_from: IdsFromOption = None,
    json_flag: JsonOption = False,
) -> None:
    """Change engagements: a repeatable option replaces its list; "" clears a text field.

    One write for all the ids; a record the options would not change is left as it is (and keeps its
    `updated`); removing a tag or area it does not have is not an error.

    Example: relations edit 7 --add-area trade --summary "Talks on defence exports."
    """
    from ..editing import Change, edit_records

    given = dict(
        countries=country, date=date, kind=kind, areas=area, location=location, place=place,
        participants=participant, mentioned=mentioned, summary=summary, outlet=outlet,
        author=author, url=url, published=published, tags=tag,
    )  # fmt: skip
    change = Change(given, add_area or [], remove_area or [], add_tag or [], remove_tag or [])
    if change.is_empty():
        raise InvalidInput("nothing to change: give at least one option (see relations edit --help)")
    ids = read_ids(record_ids, ids_from, "edit")
    edited, changed = edit_records(store(), ids, change)
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
        list[int] | None, typer.Argument(metavar="ID...", help="The ids to delete.", show_default=False)
    ] = None,
    ids_from: IdsFromOption = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask (needed when not on a terminal).")] = False,
    missing_ok: Annotated[
        bool, typer.Option("--missing-ok", help="An id that is not there (already deleted) is not an error.")
    ] = False,
) -> None:
    """Delete engagements; print the ids deleted. Asks first on a terminal.

    Example: relations delete 7 8 --yes
    """
    ids = sorted(read_ids(record_ids, ids_from, "delete"))
    target = store()
    missing = [] if yes and not missing_ok else sorted(set(ids) - {r.id for r in target.stored(columns_only=True)})
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
        if not typer.confirm(f"Delete {len(ids)} engagement(s): {', '.join(map(str, ids))}?", err=True):
            sys.stderr.write("nothing deleted\n")
            raise typer.Exit(1)
    with target.writing() as batch:
        if missing_ok:  # another process may have deleted some since
            ids = [i for i in ids if _present(batch, i)]
        batch.delete(ids)
    sys.stdout.writelines(f"{i}\n" for i in ids)


def _present(batch: Batch, record_id: int) -> bool:
    try:
        batch.get(record_id)
    except NotFound:
        return False
    return True
