"""The brief on a terminal: Rich renderables that fit the console's width (80 columns and up, 60 at least).

What gives way when space is short: bars get shorter, text wraps at words, lists keep their top
entries and say `+N more`, the heat strip keeps the latest periods and says how many it left out.
Counts, dates and headers never shrink. Source links are printed whole on lines of their own
(numbered, and referred to from the tables), so that they can be copied; the terminal wraps them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from .brief_rows import AreaRow, Brief, Item, Timeline
from .countries import display_name
from .models import KINDS
from .render import areas_text, pair_name, text

# A glyph per kind as well as a colour, so that stacks stay readable without colour.
KIND_GLYPHS = {"meeting": "█", "call": "▓", "agreement": "▒", "exercise": "░", "statement": "▚", "other": "▪"}
KIND_STYLES = {
    "meeting": "cyan",
    "call": "blue",
    "agreement": "yellow",
    "exercise": "red",
    "statement": "magenta",
    "other": "white",
}
SHADES = "░▒▓█"
_HEAT = ("dim", "on grey23", "on dark_green", "on green4", "bold black on green3")
TOP_PEOPLE = 8
TOP_ITEMS = 8


def print_brief(console: Console, b: Brief) -> None:
    """The brief at the console's width; source links last, each whole on its own line."""
    view, sources = brief_view(b, console.width)
    console.print(view)
    for line in sources:
        console.print(line, soft_wrap=True)


def brief_view(b: Brief, width: int) -> tuple[Group, list[Text]]:
    """The brief laid out for `width` columns, and the lines of its numbered sources."""
    refs: list[Item] = []
    parts: list[RenderableType] = [*_header(b)]
    parts += _section("Timeline, by " + b.timeline.by, _timeline(b.timeline, width))
    parts += _section("Areas over time", _areas(b.areas, b.timeline, width))
    if b.is_pair:
        if b.agreements:
            parts += _section("Agreements signed", _items(b.agreements[::-1], refs, kind=False))
        if b.people:
            parts += _section("People", _people(b))
        if b.places:
            parts += _section("Places", [_counted(b.places, lambda p: _place(p.place, p.country))])
        if b.third_countries or b.mentioned:
            parts += _section("Formats", _formats(b))
    else:
        parts += _section("Partners", [_partners(b, width)])
    parts += _section("Latest engagements", _items(b.latest, refs, kind=True))
    sources = [_source_line(i, item) for i, item in enumerate(refs, 1)]
    if sources:
        parts += _section("Sources", [])
    return Group(*parts), sources


def _section(title: str, body: Iterable[RenderableType]) -> list[RenderableType]:
    return [Text(""), Text(title, style="bold underline"), *body]


def _header(b: Brief) -> list[RenderableType]:
    h = b.headline
    title = pair_name(b.countries) if b.is_pair else display_name(b.countries[0])
    what = "the relationship" if b.is_pair else "its relations"
    lines: list[RenderableType] = [Text.assemble((title, "bold"), f": {what}")]
    lines.append(Text(f"{_n(h.engagements, 'engagement')}, {h.first} to {h.last}; busiest year {h.busiest_year} "
                      f"({h.busiest_year_engagements})"))  # fmt: skip
    share = f"{round(100 * (h.military_share or 0))}%"
    kinds = ", ".join(f"{k} ×{n}" for k, n in h.kinds.items())
    others = _n(h.partners, "third country" if b.is_pair else "partner").replace("countrys", "countries")
    lines.append(Text(f"{kinds}; a military area in {h.military} of {h.engagements} ({share}); "
                      f"{_n(h.areas, 'area')}; {others}"))  # fmt: skip
    return lines


def _n(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _timeline(t: Timeline, width: int) -> list[RenderableType]:
    peak = max((p.engagements for p in t.periods), default=0) or 1
    label = max((len(p.period) for p in t.periods), default=4)
    digits = len(str(peak))
    room = max(8, min(48, width - label - digits - 4))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(no_wrap=True)
    used: set[str] = set()
    for p in t.periods:
        bar = Text()
        for kind, n in sorted(p.kinds.items(), key=lambda kv: KINDS.index(kv[0]) if kv[0] in KINDS else 99):
            used.add(kind)
            cells = max(1, round(n * room / peak))
            bar.append(KIND_GLYPHS.get(kind, "▪") * cells, style=KIND_STYLES.get(kind, "white"))
        bar.truncate(room)
        grid.add_row(p.period, Text(str(p.engagements), style="" if p.engagements else "dim"), bar)
    legend = Text("  ").join(
        Text.assemble((KIND_GLYPHS.get(k, "▪"), KIND_STYLES.get(k, "white")), f" {k}")
        for k in sorted(used, key=lambda k: KINDS.index(k) if k in KINDS else 99)
    )
    return [grid, legend]


def _areas(rows: list[AreaRow], t: Timeline, width: int) -> list[RenderableType]:
    """A heat strip: areas by periods. Wide enough, a column per period with its count and header;
    else one shaded character per period, the latest ones first to stay."""
    if not rows:
        return [Text("no areas recorded", style="dim")]
    name_width = min(20, max(len(r.area) for r in rows))
    room = max(4, width - name_width - 16)  # name, strip, total, trend and the gaps between them
    label = len(t.periods[0].period) if t.by == "year" else 2
    cell = label + 1
    wide = len(t.periods) * cell <= room
    shown = len(t.periods) if wide else min(len(t.periods), room)
    left_out = len(t.periods) - shown
    periods = t.periods[-shown:]
    peak = max(n for r in rows for n in r.counts[-shown:]) or 1
    grid = Table.grid(padding=(0, 1))
    grid.add_column(overflow="fold", max_width=name_width)
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(no_wrap=True)
    first, last = periods[0].period, periods[-1].period
    if wide:
        heads = "".join((p.period if t.by == "year" else p.period[5:]).rjust(cell) for p in periods)[1:]
    else:  # the first and last period at the ends of the strip, when they fit
        fits = shown >= len(first) + len(last) + 1
        heads = first + " " * (shown - len(first) - len(last)) + last if fits else ""
    grid.add_row("", Text(heads, style="bold"), Text("All", style="bold"), Text("Trend", style="bold"))
    arrows = {"new": "★ new", "rising": "▲ rising", "fading": "▼ fading", "steady": "= steady", "": ""}
    for r in rows:
        strip = Text()
        for i, n in enumerate(r.counts[-shown:]):
            level = -(-n * len(SHADES) // peak)  # ceiling: any count shows
            if wide:
                strip.append(" " if i else "")
                strip.append(str(n).rjust(label) if n else "·".rjust(label), style=_HEAT[level])
            else:
                strip.append(SHADES[level - 1] if n else "·", style="green" if n else "dim")
        grid.add_row(areas_text([r.area]), strip, str(r.engagements), arrows[r.trend])
    unit = "year" if t.by == "year" else "month"
    note = f"{first} to {last}, a column a {unit}"
    if not wide:
        note += f"; {SHADES} fewer to more (most: {peak})"
    if left_out:
        note += f"; {_n(left_out, 'earlier ' + unit)} not shown"
    note += "; trend: the last period against the mean of those before"
    return [grid, Text(note, style="dim")]


def _items(items: list[Item], refs: list[Item], *, kind: bool) -> list[RenderableType]:
    table = Table(show_edge=False, header_style="bold", pad_edge=False, box=None)
    table.add_column("Date", no_wrap=True)
    if kind:
        table.add_column("Kind", no_wrap=True)
    table.add_column("What", ratio=1, min_width=16, overflow="fold")  # a long word wraps, never shortened
    table.add_column("Source", max_width=16, overflow="fold")
    for item in items[:TOP_ITEMS]:
        ref = ""
        if item.url:
            refs.append(item)
            ref = f"[{len(refs)}]"
        source = " ".join(x for x in (item.outlet, ref) if x)
        cells: list[Any] = [item.date, *([item.kind] if kind else []), text(item.summary or "—"), text(source)]
        table.add_row(*cells)
    rows: list[RenderableType] = [table]
    if len(items) > TOP_ITEMS:
        rows.append(Text(f"+{len(items) - TOP_ITEMS} more (--format md or json lists all)", style="dim"))
    return rows


def _people(b: Brief) -> list[RenderableType]:
    table = Table(show_edge=False, header_style="bold", pad_edge=False, box=None)
    table.add_column("Person", ratio=1, min_width=14, overflow="fold")
    table.add_column("Times", justify="right", no_wrap=True)
    table.add_column("Met", ratio=1, min_width=14, overflow="fold")
    for p in b.people[:TOP_PEOPLE]:
        who = Text.assemble(text(p.name, style="bold"), text(f" ({display_name(p.country)})" if p.country else ""))
        if p.roles:
            who.append("\n")
            who.append_text(text(", ".join(p.roles), style="dim"))
        table.add_row(who, str(p.engagements), text(_top(p.counterparts, 3)))
    rows: list[RenderableType] = [table]
    if len(b.people) > TOP_PEOPLE:
        rows.append(Text(f"+{len(b.people) - TOP_PEOPLE} more (--format md or json lists all)", style="dim"))
    return rows


def _top(counts: dict[str, int], n: int, name: Callable[[str], str] = str) -> str:
    shown = ", ".join(f"{name(k)} ×{v}" for k, v in list(counts.items())[:n])
    return shown + (f", +{len(counts) - n}" if len(counts) > n else "")


def _place(place: str | None, country: str | None) -> str:
    return ", ".join(x for x in (place, country and display_name(country)) if x)


def _counted(rows: list[Any], name: Callable[[Any], str]) -> Text:
    shown = " · ".join(f"{name(r)} ×{r.engagements}" for r in rows[:TOP_ITEMS])
    return text(shown + (f" · +{len(rows) - TOP_ITEMS} more" if len(rows) > TOP_ITEMS else ""))


def _formats(b: Brief) -> list[RenderableType]:
    lines: list[RenderableType] = []
    if b.third_countries:
        lines.append(Text.assemble(("With third countries: ", "bold"), text(_top(b.third_countries, 8, display_name))))
    if b.mentioned:
        lines.append(Text.assemble(("Mentioned around them: ", "bold"), text(_top(b.mentioned, 8, display_name))))
    return lines


def _partners(b: Brief, width: int) -> Table:
    peak = max((p.engagements for p in b.partners), default=0) or 1
    bar_room = max(5, min(20, width // 6))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(overflow="fold", max_width=18)
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(no_wrap=True, width=bar_room)
    grid.add_column(ratio=1, min_width=12, overflow="fold")
    for p in b.partners:
        bar = Text("█" * max(1, round(p.engagements * bar_room / peak)), style="cyan")
        top = list(p.areas)[:3]
        areas = areas_text(top, p.areas)
        if len(p.areas) > 3:
            areas.append(f", +{len(p.areas) - 3}", style="dim")
        grid.add_row(text(display_name(p.country)), str(p.engagements), bar, areas)
    return grid


def _source_line(number: int, item: Item) -> Text:
    line = Text(f"[{number}] ", style="dim")
    line.append_text(text(item.url))
    return line
