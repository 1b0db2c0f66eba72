"""add, list, show, edit, delete: one engagement at a time, and listing them."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from ..app import command, store
from ..errors import InvalidInput, NotFound
from ..options import (
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
TagOption = Annotated[
    list[str], typer.Option("--tag", "-t", help="A tag of your own (repeatable).", show_default=False)
]


def _set_fields(record: dict[str, Any], **given: Any) -> None:
    """Write each option that was given into a record in the contract's shape."""
    simple = {"date": "date", "kind": "kind", "areas": "areas", "participants": "participants",
              "mentioned": "mentioned", "summary": "summary", "tags": "tags", "countries": "countries"}  # fmt: skip
    nested = {"location": ("location", "country"), "place": ("location", "place"),
              "outlet": ("source", "outlet"), "author": ("source", "author"),
              "url": ("source", "url"), "published": ("source", "published")}  # fmt: skip
    for option, value in given.items():
        if value is None:
            continue
        if option in simple:
            record[simple[option]] = list(value) if isinstance(value, (list, tuple)) else value
        else:
            outer, inner = nested[option]
            record.setdefault(outer, {})[inner] = value


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

    raw: dict[str, Any] = {}
    _set_fields(
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
    *,
    filters: Filters,
) -> None:
    """List engagements, oldest first, filtered.

    Example: relations list AZ PK --area military-technical --since 2020 --json | jq '.[].date'
    """
    from ..query import column_test, select

    emit_records(select(store().stored(column_test(filters)), filters), output_format(fmt, json_flag))


@command("show")
def show(
    record_id: Annotated[
        int, typer.Argument(metavar="ID", help="The engagement's id.", show_default=False, parser=ascii_int)
    ],
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
    record_id: Annotated[
        int, typer.Argument(metavar="ID", help="The engagement's id.", show_default=False, parser=ascii_int)
    ],
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
    json_flag: JsonOption = False,
) -> None:
    """Change an engagement: a repeatable option replaces its list; "" clears a text field.

    Example: relations edit 7 --add-area trade --summary "Talks on defence exports."
    """
    from .. import areas as area_vocabulary
    from ..dates import utc_now
    from ..models import parse_record

    given = dict(
        countries=country, date=date, kind=kind, areas=area, location=location, place=place,
        participants=participant, mentioned=mentioned, summary=summary, outlet=outlet,
        author=author, url=url, published=published, tags=tag,
    )  # fmt: skip
    if all(v is None for v in given.values()) and not (add_area or remove_area or add_tag or remove_tag):
        raise InvalidInput("nothing to change: give at least one option (see relations edit --help)")
    with store().writing() as batch:
        current = batch.get(record_id)
        raw = current.to_dict()
        _set_fields(raw, **given)
        raw["areas"] = _add_remove(raw["areas"], add_area, remove_area, "area", normalise=area_vocabulary.normalise_all)
        raw["tags"] = _add_remove(raw["tags"], add_tag, remove_tag, "tag", normalise=sorted)
        record = parse_record(raw)
        record.updated = utc_now()
        batch.replace(record)
    if json_flag:
        emit_record(record, "json")
    else:
        sys.stdout.write(f"{record.id}\n")


def _add_remove(
    items: list[str], add: list[str] | None, remove: list[str] | None, what: str, normalise: Any
) -> list[str]:
    result = set(items) | set(normalise(add or []))
    for item in normalise(remove or []):
        if item not in result:
            raise InvalidInput(f"cannot remove {what} {item!r}: the engagement does not have it")
        result.discard(item)
    return sorted(result)


@command("delete")
def delete(
    record_ids: Annotated[
        list[int], typer.Argument(metavar="ID...", help="The ids to delete.", show_default=False, parser=ascii_int)
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask (needed when not on a terminal).")] = False,
) -> None:
    """Delete engagements; print the ids deleted. Asks first on a terminal.

    Example: relations delete 7 8 --yes
    """
    ids = sorted(set(record_ids))
    target = store()
    if not yes:
        missing = sorted(set(ids) - target.ids())  # fail before asking about ids that are not there
        if missing:
            raise NotFound(f"no engagement with id {', '.join(map(str, missing))} in {target.path}")
        if not sys.stdin.isatty():
            raise InvalidInput("not on a terminal: add --yes to delete without asking")
        if not typer.confirm(f"Delete {len(ids)} engagement(s): {', '.join(map(str, ids))}?", err=True):
            sys.stderr.write("nothing deleted\n")
            raise typer.Exit(1)
    with target.writing() as batch:
        batch.delete(ids)
    sys.stdout.writelines(f"{i}\n" for i in ids)
