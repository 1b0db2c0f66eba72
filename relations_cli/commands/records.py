"""add, list, show, edit, delete: one engagement at a time, and listing them."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from .. import complete
from ..app import command, note, store
from ..errors import Duplicate, InvalidInput, NotFound
from ..options import (
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
    from ..models import parse_record
    from ..slips import area_warnings, new_custom_areas, stored_twin

    raw: dict[str, Any] = {}
    location, place = location_and_place(location, place)
    _set_fields(
        raw, countries=countries, date=date, kind=kind, areas=area, location=location, place=place,
        participants=participant, mentioned=mentioned, summary=summary, outlet=outlet,
        author=author, url=url, published=published, tags=tag,
    )  # fmt: skip
    record = parse_record(raw)
    record.created = record.updated = utc_now()
    target = store()
    with target.writing() as batch:  # checked under the lock, so that two equal adds cannot both pass
        twin = None if force else stored_twin(batch, record)
        if twin is not None:
            rule = "source url" if record.source.url else "summary" if record.summary else "no url or summary"
            raise Duplicate(
                f"the same engagement is stored as {twin} (same date, parties, kind and {rule}); "
                "not added (--force adds it anyway)"
            )
        new_areas = new_custom_areas([record], target)
        batch.insert([record])
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
    record_id: IdArgument,
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
    json_flag: RecordJsonOption = False,
) -> None:
    """Change an engagement: a repeatable option replaces its list; "" clears a text field.

    Example: relations edit 7 --add-area trade --summary "Talks on defence exports."
    """
    from .. import areas as area_vocabulary
    from ..dates import utc_now
    from ..models import parse_record
    from ..slips import area_warnings, new_custom_areas

    location, place = location_and_place(location, place)
    given = dict(
        countries=country, date=date, kind=kind, areas=area, location=location, place=place,
        participants=participant, mentioned=mentioned, summary=summary, outlet=outlet,
        author=author, url=url, published=published, tags=tag,
    )  # fmt: skip
    if all(v is None for v in given.values()) and not (add_area or remove_area or add_tag or remove_tag):
        raise InvalidInput("nothing to change: give at least one option (see relations edit --help)")
    target = store()
    with target.writing() as batch:
        current = batch.get(record_id)
        raw = current.to_dict()
        _set_fields(raw, **given)
        raw["areas"] = _add_remove(raw["areas"], add_area, remove_area, "area", normalise=area_vocabulary.normalise_all)
        raw["tags"] = _add_remove(raw["tags"], add_tag, remove_tag, "tag", normalise=sorted)
        record = parse_record(raw)
        record.updated = utc_now()
        new_areas = new_custom_areas([record], target)
        batch.replace(record)
    for line in area_warnings(new_areas):
        note(line)
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
    record_ids: Annotated[list[int], typer.Argument(metavar="ID...", help="The ids to delete.", show_default=False)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask (needed when not on a terminal).")] = False,
) -> None:
    """Delete engagements; print the ids deleted. On a terminal, shows each one and asks first.

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
        if not confirm_delete([target.get(i) for i in ids]):
            note("nothing deleted")
            raise typer.Exit(1)
    with target.writing() as batch:
        batch.delete(ids)
    sys.stdout.writelines(f"{i}\n" for i in ids)
