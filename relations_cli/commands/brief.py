"""brief and graph: the story of one relationship (or one country's), and the network of pairs as a file."""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from ..app import command, note, state, store
from ..errors import InvalidInput
from ..options import JsonOption, with_filters
from ..query import Filters  # Typer reads the signature at run time

F = TypeVar("F", bound=Callable[..., Any])


class BriefFormat(str, Enum):
    table = "table"
    md = "md"
    html = "html"
    json = "json"


class GraphFormat(str, Enum):
    gexf = "gexf"
    graphml = "graphml"
    dot = "dot"
    json = "json"


OutputOption = Annotated[
    str | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (- for stdout); its ending picks the format."),
]
_ENDINGS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json", ".gexf": "gexf",
            ".graphml": "graphml", ".dot": "dot", ".gv": "dot"}  # fmt: skip


def filters_of_a_whole(func: F) -> F:
    """The list filters without --sort and --limit: a brief or a graph is of every record that passes."""
    wrapped = with_filters(func)
    signature = inspect.signature(wrapped)

    @functools.wraps(wrapped)
    def run(*args: Any, **kwargs: Any) -> Any:
        return wrapped(*args, sort="date", limit=None, **kwargs)

    parameters = [p for p in signature.parameters.values() if p.name not in ("sort", "limit")]
    run.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    run.__annotations__ = {p.name: p.annotation for p in parameters}
    return run  # type: ignore[return-value]


def write_output(output: str | None, content: str) -> None:
    """Content on stdout (no -o), or where -o points, as outputs.py writes every -o (never the database)."""
    if output is None:
        sys.stdout.write(content)
        return
    from ..outputs import output_to

    with output_to(output, database=state.db or store().path) as out:
        out.write(content)


def _chosen(fmt: Enum | None, output: str | None, default: str) -> str:
    if fmt is not None:
        return str(fmt.value)
    if output and output != "-":
        return _ENDINGS.get(Path(output).suffix.lower(), default)
    return default


def _records(filters: Filters) -> list[Any]:
    """The records that pass, in no order (brief orders them itself; a graph needs no order)."""
    from ..query import run

    return run(store(), filters, ordered=False)


@command("brief")
@filters_of_a_whole
def brief_command(
    fmt: Annotated[
        BriefFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table, md, html or json (default: from -o's ending, else table).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    json_flag: JsonOption = False,
    latest: Annotated[int, typer.Option("--latest", metavar="N", help="How many latest engagements to list.")] = 5,
    *,
    filters: Filters,
) -> None:
    """The story of a relationship (two countries) or of one country's relations: figures, timeline,
    areas over time, agreements, people, places, formats and the latest engagements.

    Example: relations brief Azerbaijan Pakistan --since 2020 --format html -o brief.html
    """
    from ..brief import build, to_json

    if not 1 <= len(filters.countries) <= 2:
        raise InvalidInput("brief takes one country (its relations) or two (their relationship)")
    if latest < 0:
        raise InvalidInput("--latest must be 0 or more")
    if json_flag and fmt not in (None, BriefFormat.json):
        raise InvalidInput(f"--json and --format {fmt.value} contradict each other; give one")
    fmt_name = "json" if json_flag else _chosen(fmt, output, "table")
    # A country's brief reads the documents of its latest engagements only (the store reads just their lines).
    records = _records(filters)
    b = build(records, sorted(filters.countries), (filters.since, filters.until), latest)
    if not b.headline.engagements:
        note(f"no engagements of {' and '.join(_names(b.countries))} match")
        if fmt_name == "table":
            return
    if fmt_name == "json":
        from ..formats import dumps

        write_output(output, dumps(to_json(b)) + "\n")
    elif fmt_name == "md":
        from ..brief_md import markdown

        write_output(output, markdown(b))
    elif fmt_name == "html":
        from ..brief_html import page

        write_output(output, page(b))
    else:
        write_output(output, _terminal(b, output))


def _names(codes: list[str]) -> list[str]:
    from ..countries import display_name

    return [display_name(code) for code in codes]


def _terminal(b: Any, output: str | None) -> str:
    """The Rich brief: straight to the terminal, or as plain text for a file."""
    from ..render import PANEL_PIPE_WIDTH, console, paged
    from ..render_brief import print_brief

    if output is None or output == "-":
        paged(lambda out: print_brief(out, b), pipe_width=PANEL_PIPE_WIDTH)  # a pair's brief is taller than a terminal
        return ""
    import io

    buffer = io.StringIO()
    print_brief(console(buffer, pipe_width=PANEL_PIPE_WIDTH), b)
    return buffer.getvalue()


@command("graph")
@filters_of_a_whole
def graph_command(
    fmt: Annotated[
        GraphFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="gexf, graphml, dot or json (default: from -o's ending, else json).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    *,
    filters: Filters,
) -> None:
    """The network of relations: countries as nodes, pairs as edges weighted by engagements, for Gephi,
    Graphviz or networkx. An engagement of three or more countries counts toward each of its pairs.

    Example: relations graph --since 2020 -o relations.gexf
    """
    from ..graph import WRITERS, network

    fmt_name = _chosen(fmt, output, "json")
    nodes, edges = network(_records(filters))
    if not nodes:
        note("no engagements match")
    write_output(output, WRITERS[fmt_name](nodes, edges))
