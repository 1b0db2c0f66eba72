"""Options that several commands share: the output format, and the list filters as one decorator."""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any, TypeVar

import typer

from . import complete
from .errors import InvalidInput

F = TypeVar("F", bound=Callable[..., Any])


def ascii_int(text: str) -> int:
    """An integer typed in ASCII digits. Python's int(), and so click's, takes "٣" and "３" as well, and
    then one id could be typed in many scripts; ids and limits are validated at the edge like dates."""
    if not _ASCII_INT.fullmatch(text.strip()):
        raise typer.BadParameter(f"{text!r} is not an integer in ASCII digits")
    return int(text)


_ASCII_INT = re.compile(r"[+-]?[0-9]+")


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class RecordFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    ids = "ids"


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)]
RecordFormatOption = Annotated[
    RecordFormat,
    typer.Option("--format", "-f", help="Output format (ids: one id per line).", case_sensitive=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Short for --format json.")]


def output_format(chosen: Enum, json_flag: bool) -> str:
    """The format asked for; --json with a different --format is a contradiction, not a choice."""
    value = str(chosen.value)
    if json_flag and value not in ("table", "json"):
        raise InvalidInput(f"--json and --format {value} contradict each other; give one")
    return "json" if json_flag else value


_FILTERS: list[tuple[str, Any, Any]] = [
    (
        "countries",
        Annotated[
            list[str] | None,
            typer.Argument(
                metavar="[COUNTRY]...",
                help="Only engagements involving all these countries (names, codes or demonyms).",
                show_default=False,
                autocompletion=complete.countries,
            ),
        ],
        None,
    ),
    (
        "area",
        Annotated[
            list[str] | None,
            typer.Option(
                "--area",
                "-a",
                metavar="AREA",
                help="Only engagements covering this area (repeatable: all must match).",
                show_default=False,
                autocompletion=complete.areas,
            ),
        ],
        None,
    ),
    (
        "kind",
        Annotated[
            str | None,
            typer.Option(
                "--kind",
                "-k",
                metavar="KIND",
                help="Only this kind (meeting, call, agreement, …).",
                show_default=False,
                autocompletion=complete.kinds,
            ),
        ],
        None,
    ),
    (
        "since",
        Annotated[
            str | None,
            typer.Option(
                "--since", metavar="DATE", help="From this date on (YYYY[-MM[-DD]], inclusive).", show_default=False
            ),
        ],
        None,
    ),
    (
        "until",
        Annotated[
            str | None,
            typer.Option(
                "--until",
                metavar="DATE",
                help="Up to this date (inclusive; 2021 means to 2021-12-31).",
                show_default=False,
            ),
        ],
        None,
    ),
    (
        "tag",
        Annotated[
            list[str] | None,
            typer.Option("--tag", "-t", metavar="TAG", help="Only with this tag (repeatable).", show_default=False),
        ],
        None,
    ),
    (
        "search",
        Annotated[
            str | None,
            typer.Option(
                "--search",
                "-s",
                metavar="TEXT",
                help="Text in summary, participants, place or source (any case).",
                show_default=False,
            ),
        ],
        None,
    ),
    (
        "record_id",
        Annotated[
            list[str] | None,
            typer.Option(
                "--id", metavar="ID", help="Only these ids (repeatable, or comma-separated).", show_default=False
            ),
        ],
        None,
    ),
    (
        "after_id",
        Annotated[
            int | None,
            typer.Option(
                "--after-id", metavar="ID", help="Only ids above this one (what came after a run).", show_default=False
            ),
        ],
        None,
    ),
    (
        "created_since",
        Annotated[
            str | None,
            typer.Option(
                "--created-since",
                metavar="DATE",
                help="Only records added to this database at or after a date or UTC time (2026-11-27T22:10:00Z).",
                show_default=False,
            ),
        ],
        None,
    ),
    (
        "updated_since",
        Annotated[
            str | None,
            typer.Option(
                "--updated-since",
                metavar="DATE",
                help="Only records added or changed at or after a date or UTC time.",
                show_default=False,
            ),
        ],
        None,
    ),
    (
        "sort",
        Annotated[
            str, typer.Option("--sort", metavar="date|-date", help="date (oldest first) or -date (newest first).")
        ],
        "date",
    ),
    (
        "limit",
        Annotated[
            int | None,
            typer.Option(
                "--limit", "-n", metavar="N", help="At most N engagements.", show_default=False, parser=ascii_int
            ),
        ],
        None,
    ),
]


def with_filters(func: F) -> F:
    """Give a command the list filters; it receives them built and checked as `filters`."""
    signature = inspect.signature(func, eval_str=True)
    own = [p for p in signature.parameters.values() if p.name != "filters"]
    added = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)
        for name, annotation, default in _FILTERS
    ]

    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        from .query import build_filters

        raw = {name: kwargs.pop(name) for name, _, _ in _FILTERS}
        kwargs["filters"] = build_filters(
            country_names=raw["countries"] or (),
            area_names=raw["area"] or (),
            kind=raw["kind"],
            since=raw["since"],
            until=raw["until"],
            tags=raw["tag"] or (),
            search=raw["search"],
            sort=raw["sort"],
            limit=raw["limit"],
            ids=raw["record_id"] or (),
            after_id=raw["after_id"],
            created_since=raw["created_since"],
            updated_since=raw["updated_since"],
        )
        return func(*args, **kwargs)

    parameters = own + added
    run.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in parameters}
    return run  # type: ignore[return-value]


FieldsOption = Annotated[
    str | None,
    typer.Option(
        "--fields",
        metavar="FIELD,…",
        help="Only these fields, comma-separated (id,date,countries,source.url); json, jsonl and csv.",
        show_default=False,
    ),
]
CountOption = Annotated[bool, typer.Option("--count", help="Print the number of engagements alone.")]
