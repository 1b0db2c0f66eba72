"""The options that set an engagement's fields, shared by add and edit, and reading --location."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import complete
from ..errors import InvalidInput
from ..options import ascii_int

# Options that set a field, shared by add and edit (defaults are in each signature). Each type is
# optional inside Annotated: `Alias | None` outside it would hide the option's help from Typer.
DateOption = Annotated[
    str | None,
    typer.Option("--date", "-d", metavar="DATE", help="When: YYYY-MM-DD, YYYY-MM or YYYY.", show_default=False),
]
KindOption = Annotated[
    str | None,
    typer.Option(
        "--kind",
        "-k",
        metavar="KIND",
        help="meeting, call, agreement, exercise, statement or other.",
        autocompletion=complete.kinds,
    ),
]
AreaOption = Annotated[
    list[str] | None,
    typer.Option(
        "--area",
        "-a",
        metavar="AREA",
        help="A cooperation area (repeatable); see `relations areas`. A new one is kept as a custom area.",
        show_default=False,
        autocompletion=complete.areas,
    ),
]
LocationOption = Annotated[
    str | None,
    typer.Option(
        "--location",
        metavar="COUNTRY|CITY",
        help="Where it took place: a country, or a capital or known city (which also sets --place).",
        show_default=False,
        autocompletion=complete.countries,
    ),
]
PlaceOption = Annotated[
    str | None, typer.Option("--place", metavar="TEXT", help="City or venue, as free text.", show_default=False)
]
ParticipantOption = Annotated[
    list[str] | None,
    typer.Option(
        "--participant",
        "-p",
        metavar="NAME|ROLE|COUNTRY",
        help='Who took part (repeatable); role and country optional, e.g. "Zakir Hasanov|Defence Minister|AZ".',
        show_default=False,
    ),
]
MentionedOption = Annotated[
    list[str] | None,
    typer.Option(
        "--mentioned",
        "-m",
        metavar="COUNTRY",
        help="A country named but not a party (repeatable).",
        show_default=False,
        autocompletion=complete.countries,
    ),
]
SummaryOption = Annotated[
    str | None, typer.Option("--summary", metavar="TEXT", help="One line in your own words.", show_default=False)
]
OutletOption = Annotated[
    str | None, typer.Option("--outlet", metavar="NAME", help="The outlet that reported it.", show_default=False)
]
AuthorOption = Annotated[
    str | None, typer.Option("--author", metavar="NAME", help="The source's author.", show_default=False)
]
UrlOption = Annotated[
    str | None, typer.Option("--url", metavar="URL", help="The source's address.", show_default=False)
]
PublishedOption = Annotated[
    str | None,
    typer.Option("--published", metavar="DATE", help="When the source was published (YYYY[-MM[-DD]]).",
                 show_default=False),
]  # fmt: skip
TagOption = Annotated[
    list[str] | None,
    typer.Option("--tag", "-t", metavar="TAG", help="A tag of your own (repeatable).", show_default=False),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Add it even if the same engagement is already stored.")]
RecordJsonOption = Annotated[bool, typer.Option("--json", help="Print the whole record as JSON instead of its id.")]
IdArgument = Annotated[
    int, typer.Argument(metavar="ID", help="The engagement's id.", show_default=False, parser=ascii_int)
]


def location_and_place(location: str | None, place: str | None) -> tuple[str | None, str | None]:
    """--location as a country or a city (countries.locate); a city is also the place unless --place is given."""
    if not location:  # "" clears the field on edit
        return location, place
    from ..countries import locate

    try:
        country, city = locate(location)
    except InvalidInput as e:
        raise InvalidInput(f"--location: {e}", field="location") from None
    return country, place if place is not None else city
