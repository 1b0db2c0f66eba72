"""The only module that imports Rich: consoles that respect the terminal, and tables for people.

Every string that came from a user or an article goes through `text()`, which
makes a Rich `Text` (so `[bold]` stays literal) of the string with its control
characters made visible (so ESC never reaches the terminal).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from typing import IO, Any

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from . import areas as area_vocabulary
from .countries import display_name
from .models import Engagement
from .text import printable

# Piped output is as wide as its content; this only stops pathological lines.
_PIPE_WIDTH = 100_000
FAMILY_STYLES = {
    "military": "red",
    "economic": "green",
    "social": "cyan",
    "political": "magenta",
    "custom": "white",
}


def colour_wanted(stream: IO[str], environ: dict[str, str] | None = None) -> bool:
    """Colour only on a terminal without NO_COLOR or TERM=dumb; FORCE_COLOR turns it back on."""
    env = os.environ if environ is None else environ
    if env.get("FORCE_COLOR"):
        return True
    if env.get("NO_COLOR") or env.get("TERM") == "dumb":
        return False
    return stream.isatty()


def console(stream: IO[str] | None = None, pipe_width: int = _PIPE_WIDTH) -> Console:
    """A console for `stream` (stdout by default) that emits escape codes only when wanted.

    Tables on a pipe are as wide as their content; panels, which fill the width, pass a narrower pipe_width.
    """
    out = sys.stdout if stream is None else stream
    colour = colour_wanted(out)
    width: int | None = None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        width = int(columns)
    elif not out.isatty():
        width = pipe_width
    return Console(
        file=out,
        force_terminal=colour,
        color_system="auto" if colour else None,
        no_color=not colour,
        width=width,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )


def text(value: str | None, style: str = "") -> Text:
    """User-supplied text, shown as text."""
    return Text(printable(value or ""), style=style)


def countries_text(codes: Iterable[str]) -> Text:
    return text(", ".join(display_name(code) for code in codes))


def areas_text(areas: Iterable[str], counts: dict[str, int] | None = None) -> Text:
    """Areas coloured by family, with counts when given: `military ×3, trade ×1`."""
    out = Text()
    for i, area in enumerate(areas):
        if i:
            out.append(", ")
        style = FAMILY_STYLES[area_vocabulary.family(area)]
        out.append(printable(area), style=style)
        if counts is not None:
            out.append(f" ×{counts[area]}", style="dim")
    return out


def place_text(record: Engagement) -> Text:
    parts = [record.location.place, record.location.country and display_name(record.location.country)]
    return text(", ".join(p for p in parts if p))


def records_table(records: list[Engagement]) -> Table:
    table = Table(show_edge=False, header_style="bold", caption=_count_caption(len(records)))
    table.add_column("ID", justify="right", no_wrap=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Countries")
    table.add_column("Kind", no_wrap=True)
    table.add_column("Areas")
    table.add_column("Place")
    table.add_column("Summary", ratio=1, min_width=20)
    for r in records:
        table.add_row(
            str(r.id), r.date, countries_text(r.countries), r.kind, areas_text(r.areas),
            place_text(r), text(r.summary),
        )  # fmt: skip
    return table


def record_panel(r: Engagement) -> Panel:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    grid.add_row("Date", r.date)
    grid.add_row("Countries", text(", ".join(f"{display_name(c)} ({c})" for c in r.countries)))
    grid.add_row("Kind", r.kind)
    grid.add_row("Areas", areas_text(r.areas))
    grid.add_row("Location", place_text(r))
    people = Text("\n").join(
        text(" · ".join(x for x in (p.name, p.role, p.country and display_name(p.country)) if x))
        for p in r.participants
    )
    grid.add_row("Participants", people)
    grid.add_row("Mentioned", countries_text(r.mentioned))
    grid.add_row("Summary", text(r.summary))
    src = r.source
    grid.add_row("Source", text(" · ".join(x for x in (src.outlet, src.author, src.published) if x)))
    grid.add_row("URL", text(src.url))
    grid.add_row("Tags", text(", ".join(r.tags)))
    grid.add_row("Recorded", text(f"{r.created or '?'} (updated {r.updated or '?'})", style="dim"))
    return Panel(grid, title=f"Engagement {r.id}", title_align="left", expand=False)


def simple_table(columns: list[str], rows: Iterable[list[Text | str]], caption: str | None = None) -> Table:
    table = Table(show_edge=False, header_style="bold", caption=caption)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(text(c) if isinstance(c, str) else c for c in row))
    return table


def _count_caption(n: int) -> str:
    return "no engagements" if n == 0 else f"{n} engagement{'s' if n != 1 else ''}"


PAIR_CAPTION = "An engagement of three or more countries counts toward each of its pairs."
_BAR_WIDTH = 30
_SHADES = ("", "on grey23", "on dark_green", "on green4", "bold black on green3")


def pair_name(pair: list[str]) -> str:
    return " – ".join(display_name(code) for code in pair)


def _top(counts: dict[str, int], n: int = 3, name: Callable[[str], str] = str) -> Text:
    return text(", ".join(f"{name(key)} ×{value}" for key, value in list(counts.items())[:n]))


def summary_table(rows: list[dict[str, Any]], by: str) -> Table:
    """One table per --by, from the rows summary.py computed."""
    empty = "no engagements match" if not rows else None
    caption = empty or (PAIR_CAPTION if by in ("pair", "area") else None)
    table = Table(show_edge=False, header_style="bold", caption=caption)
    first_column = {"pair": "Pair", "area": "Area", "country": "Country", "kind": "Kind"}.get(by, "Period")
    table.add_column(first_column, no_wrap=by != "pair")
    table.add_column("Engagements", justify="right", no_wrap=True)
    if by == "pair":
        _columns(table, "Areas", "Kinds", "First", "Last")
        for r in rows:
            table.add_row(pair_name(r["pair"]), str(r["engagements"]), areas_text(r["areas"], r["areas"]),
                          _top(r["kinds"], 6), r["first"], r["last"])  # fmt: skip
    elif by == "area":
        _columns(table, "Pairs", "Busiest pair", "First", "Last")
        for r in rows:
            busiest = pair_name(r["busiest_pair"]) if r["busiest_pair"] else ""
            table.add_row(
                areas_text([r["area"]]), str(r["engagements"]), str(r["pairs"]), busiest, r["first"], r["last"]
            )
    elif by == "country":
        _columns(table, "Partners", "Top partners", "Top areas")
        for r in rows:
            partners = _top(r["partners"], name=display_name)
            top_areas = areas_text(list(r["areas"])[:3], r["areas"])
            table.add_row(
                display_name(r["country"]), str(r["engagements"]), str(len(r["partners"])), partners, top_areas
            )
    elif by == "kind":
        _columns(table, "Top areas", "First", "Last")
        for r in rows:
            table.add_row(
                r["kind"], str(r["engagements"]), areas_text(list(r["areas"])[:3], r["areas"]), r["first"], r["last"]
            )
    else:
        _columns(table, "", "Top areas")
        peak = max((r["engagements"] for r in rows), default=0) or 1
        for r in rows:
            bar = Text("█" * round(_BAR_WIDTH * r["engagements"] / peak), style="cyan")
            table.add_row(r["period"], str(r["engagements"]), bar, areas_text(list(r["areas"])[:3], r["areas"]))
    return table


def _columns(table: Table, *names: str) -> None:
    for name in names:
        table.add_column(name, no_wrap=name in ("First", "Last"))


def matrix_table(rows: list[dict[str, Any]]) -> Table:
    """Pairs by areas, each count shaded by how high it is, with totals."""
    totals: dict[str, int] = {}
    for r in rows:
        for area, n in r["areas"].items():
            totals[area] = totals.get(area, 0) + n
    areas = sorted(totals, key=lambda a: (-totals[a], a))
    peak = max((n for r in rows for n in r["areas"].values()), default=1)
    caption = PAIR_CAPTION if rows else "no engagements match"
    table = Table(show_edge=False, header_style="bold", caption=caption, show_footer=bool(rows))
    table.add_column("Pair", footer="Total", no_wrap=True)
    for area in areas:
        table.add_column(areas_text([area]), footer=str(totals[area]), justify="right")
    table.add_column("Engagements", footer=str(sum(r["engagements"] for r in rows)), justify="right")
    for r in rows:
        cells = [_shade(r["areas"].get(area, 0), peak) for area in areas]
        table.add_row(pair_name(r["pair"]), *cells, str(r["engagements"]))
    return table


def _shade(n: int, peak: int) -> Text:
    if not n:
        return Text("·", style="dim")
    level = 1 + min(len(_SHADES) - 2, (n * (len(_SHADES) - 1) - 1) // peak)
    return Text(f" {n} ", style=_SHADES[level])


def draft_panel(r: Engagement, evidence: dict[str, str], title: str) -> Panel:
    """A proposed record, each field beside the words in the article that produced it."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_column(style="dim", ratio=2)

    def row(name: str, value: Text | str, why: str | None) -> None:
        grid.add_row(name, value if isinstance(value, Text) else text(value), text(why or ""))

    row("Countries", text(", ".join(f"{display_name(c)} ({c})" for c in r.countries)), evidence.get("countries"))
    row("Date", r.date, evidence.get("date"))
    row("Kind", r.kind, evidence.get("kind"))
    row("Areas", areas_text(r.areas), evidence.get("areas"))
    row("Location", place_text(r), evidence.get("location"))
    people = Text("\n").join(
        text(" · ".join(x for x in (p.name, p.role, p.country and display_name(p.country)) if x))
        for p in r.participants
    )
    row("Participants", people, evidence.get("participants"))
    row("Mentioned", countries_text(r.mentioned), evidence.get("mentioned"))
    row("Summary", r.summary or "", "in the program's own words")
    src = r.source
    row("Source", " · ".join(x for x in (src.outlet, src.author, src.published) if x), evidence.get("source"))
    return Panel(grid, title=text(title), title_align="left")
