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
# A panel fills the width it is given: on a pipe (a file, `less`, an email) this many columns.
PANEL_PIPE_WIDTH = 100
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


def display(
    renderable: Any, stream: IO[str] | None = None, whole: Text | None = None, pipe_width: int = _PIPE_WIDTH
) -> None:
    """Print for a person: through the pager when a terminal is too short for it (pager.py decides).

    `whole` follows on lines of its own that are never wrapped or cut by the program (a URL to copy).
    """
    if stream is not None:
        _print(console(stream, pipe_width), renderable, whole)
        return
    paged(lambda out: _print(out, renderable, whole), pipe_width)


def paged(draw: Callable[[Console], None], pipe_width: int = _PIPE_WIDTH) -> None:
    """Draw on stdout for a person: on a terminal too short for the drawing, through the pager."""
    from . import pager

    out = console(pipe_width=pipe_width)
    if not sys.stdout.isatty():
        draw(out)
        return
    with out.capture() as captured:
        draw(out)
    drawn = captured.get()
    argv = pager.wanted(drawn.count("\n"))
    if argv is None:
        sys.stdout.write(drawn)
    else:
        pager.page(drawn, argv)


def _print(out: Console, renderable: Any, whole: Text | None) -> None:
    out.print(renderable)
    if whole is not None:
        out.print(whole, soft_wrap=True)


def show_record(r: Engagement) -> None:
    """`show`: the record's panel, with a long URL whole on its own line below."""
    url = r.source.url
    label = "URL  "
    below = bool(url) and len(printable(url or "")) + 20 > console().width
    display(record_panel(r, url_below=below), whole=Text(label, style="bold") + text(url) if below else None)


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
        out.append(printable(area), style=area_style(area))
        if counts is not None:
            out.append(f" ×{counts[area]}", style="dim")
    return out


def place_text(record: Engagement) -> Text:
    parts = [record.location.place, record.location.country and display_name(record.location.country)]
    return text(", ".join(p for p in parts if p))


def record_panel(r: Engagement, url_below: bool = False) -> Panel:
    """The whole record; a URL too long for the panel is printed whole below it (never cut: it must copy)."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()

    def row(name: str, value: Text) -> None:  # an empty field says so, rather than leave a blank
        grid.add_row(name, value if value.plain else Text("—", style="dim"))

    row("Date", text(r.date))
    row("Countries", text(", ".join(f"{display_name(c)} ({c})" for c in r.countries)))
    row("Kind", text(r.kind))
    row("Areas", areas_text(r.areas))
    row("Location", place_text(r))
    row("Participants", Text("\n").join(text(p) for p in _people(r)))
    row("Mentioned", countries_text(r.mentioned))
    row("Summary", text(r.summary))
    src = r.source
    row("Source", text(" · ".join(x for x in (src.outlet, src.author, src.published) if x)))
    row("URL", text("(below)", style="dim") if url_below and src.url else text(src.url))
    row("Tags", text(", ".join(r.tags)))
    row("Recorded", text(f"{r.created or '?'} (updated {r.updated or '?'})", style="dim"))
    return Panel(grid, title=f"Engagement {r.id}", title_align="left", expand=False)


def simple_table(columns: list[str], rows: Iterable[list[Text | str]], caption: str | None = None) -> Table:
    """Rows as they are, wrapped where they must be (reference tables, whose every word matters)."""
    from .render_fit import RULES

    table = Table(box=RULES, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0), header_style="bold",
                  caption=caption, caption_justify="left", caption_style="dim")  # fmt: skip
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(text(c) if isinstance(c, str) else c for c in row))
    return table


def pair_names(pair: Iterable[str]) -> list[str]:
    """A pair's countries by name, in name order ("France – Germany"); data keeps codes sorted."""
    return sorted((display_name(code) for code in pair), key=str.casefold)


def pair_name(pair: Iterable[str]) -> str:
    return " – ".join(pair_names(pair))


def area_style(area: str) -> str:
    return FAMILY_STYLES[area_vocabulary.family(area)]


def draft_panel(r: Engagement, evidence: dict[str, Any], title: str, explain: bool = False) -> Any:
    """A proposed record beside the words in the article that produced it: all of them with `explain`,
    else one short whole-word line per field, so that the draft and its question fit a 24-row screen."""
    if explain:
        return _explained_draft(r, evidence, title)
    return _CompactDraft(r, evidence, title)


def _why(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items() if v)
    return str(value or "")


def _people(r: Engagement) -> list[str]:
    return [" · ".join(x for x in (p.name, p.role, p.country and display_name(p.country)) if x) for p in r.participants]


class _CompactDraft:
    def __init__(self, r: Engagement, evidence: dict[str, Any], title: str) -> None:
        self.r, self.evidence, self.title = r, evidence, title

    def __rich_console__(self, console: Console, options: Any) -> Any:
        from .render_fit import Joined

        r, width = self.r, options.max_width - 4 - 14  # the panel's borders and the names' column
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True, min_width=12)
        grid.add_column(overflow="fold")

        def row(name: str, value: Text, why: Any = None) -> None:
            grid.add_row(name, value)
            if why:
                grid.add_row("", text(_one_line(_why(why), width), style="dim"))

        row("Countries", Joined([f"{display_name(c)} ({c})" for c in r.countries], ", ").fit(width),
            self.evidence.get("countries"))  # fmt: skip
        row("Date", text(r.date), self.evidence.get("date"))
        row("Kind", text(r.kind), self.evidence.get("kind"))
        row("Areas", areas_text(r.areas), self.evidence.get("areas"))
        row("Location", place_text(r), self.evidence.get("location"))
        people = _people(r)
        shown = [text(_one_line(p, width)) for p in people[:3]] + [text(f"+{len(people) - 3} more", style="dim")]
        row("Participants", Text("\n").join(shown[: len(people) if len(people) <= 3 else 4]))
        row("Mentioned", Joined([display_name(c) for c in r.mentioned], ", ").fit(width))
        row("Summary", text(r.summary or ""))
        src = r.source
        row("Source", text(_one_line(" · ".join(x for x in (src.outlet, src.author, src.published, src.url) if x),
                                     width)))  # fmt: skip
        yield Panel(grid, title=text(self.title), title_align="left",
                    subtitle="--explain shows all the evidence", subtitle_align="right")  # fmt: skip


def _one_line(value: str, width: int) -> str:
    """The text on one line of `width`, cut at a whole word with … when longer."""
    flat = " ".join(value.split())
    if len(flat) <= width:
        return flat
    cut = flat[: max(1, width - 1)]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def _explained_draft(r: Engagement, evidence: dict[str, Any], title: str) -> Panel:
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
    row("Participants", Text("\n").join(text(p) for p in _people(r)), evidence.get("participants"))
    row("Mentioned", countries_text(r.mentioned), evidence.get("mentioned"))
    row("Summary", r.summary or "", "in the program's own words")
    src = r.source
    row("Source", " · ".join(x for x in (src.outlet, src.author, src.published) if x), evidence.get("source"))
    return Panel(grid, title=text(title), title_align="left")
