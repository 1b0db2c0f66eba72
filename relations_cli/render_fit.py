"""Tables that fit the width they are drawn at, losing nothing silently.

A `Fitted` table is laid out when Rich draws it, at the width it is given (the terminal's, an explicit
COLUMNS, or the content's own width on a pipe). What gives way, in order:

1. headers switch to their short forms (explained in the caption);
2. free text (names, summaries) is cut with `…`, ranked lists keep their top items and say how many
   more (`military ×4, security ×3, +7`), bars get shorter — never below each column's minimum;
3. optional columns are dropped, least important first, and the caption names what was left out.

Headers and numbers are never shortened, and whatever is cut is whole in `show` and the machine formats.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from rich.box import Box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

Justify = Literal["left", "right"]
# No vertical lines (they cost a column each); a rule under the header and above the totals.
RULES = Box("    \n    \n ── \n    \n    \n ── \n    \n    \n")
ELLIPSIS = "…"
HARD_KEEP = 3  # on a very narrow screen: characters kept of each name, and (x3) of free text


@dataclass
class Items:
    """A ranked list shown as many items as fit, then `+N` for the rest."""

    items: list[Text]

    def natural(self) -> int:
        return cell_len(", ".join(item.plain for item in self.items))

    def minimum(self) -> int:
        if len(self.items) <= 1:
            return self.natural()
        return cell_len(self.items[0].plain) + len(f", +{len(self.items) - 1}")

    def fit(self, width: int) -> Text:
        shown: list[Text] = []
        used = 0
        for i, item in enumerate(self.items):
            rest = len(self.items) - i - 1
            extra = cell_len(item.plain) + (2 if shown else 0)
            tail = len(f", +{rest}") if rest else 0
            if shown and used + extra + tail > width:
                break
            shown.append(item)
            used += extra
        out = Text(", ").join(shown)
        if len(shown) < len(self.items):
            out.append(f", +{len(self.items) - len(shown)}", style="dim")
        return out


@dataclass
class Bar:
    """A horizontal bar, as long as the column allows, proportional to value / peak."""

    value: int
    peak: int
    longest: int = 30
    shortest: int = 16

    def natural(self) -> int:
        return self.longest

    def minimum(self) -> int:
        return self.shortest

    def fit(self, width: int) -> Text:
        return Text("█" * round(width * self.value / (self.peak or 1)), style="cyan")


@dataclass
class Joined:
    """Names joined by a separator (`Azerbaijan – Türkiye`): each name is cut, so every one stays visible."""

    names: list[str]
    separator: str = " – "
    keep: int = 4  # characters of each name kept at the narrowest

    def natural(self) -> int:
        return cell_len(self.separator.join(self.names))

    def minimum(self, keep: int | None = None) -> int:
        keep = self.keep if keep is None else keep
        cut = [n if cell_len(n) <= keep + 1 else n[:keep] + ELLIPSIS for n in self.names]
        return min(self.natural(), cell_len(self.separator.join(cut)))

    def fit(self, width: int) -> Text:
        names = list(self.names)
        while cell_len(self.separator.join(names)) > width:
            longest = max(range(len(names)), key=lambda i: cell_len(names[i]))
            bare = names[longest].rstrip(ELLIPSIS)
            if len(bare) <= HARD_KEEP:
                break
            names[longest] = bare[:-1].rstrip() + ELLIPSIS
        return Text(self.separator.join(names))


Cell = Text | Items | Bar | Joined


@dataclass
class Column:
    """One column: its cells, how it may give way, and how much it matters."""

    header: str
    cells: list[Cell] = field(default_factory=list)
    justify: Justify = "left"
    short: str | None = None  # the header at narrow widths
    legend: str | None = None  # what the short header means, for the caption
    footer: str | None = None
    squeeze_to: int | None = None  # plain text may be cut with … down to this width
    drop: int = 0  # 0: always shown; otherwise dropped before any column with a lower number
    give: int = 0  # when narrowing, columns with a higher number give way first
    cut_note: str | None = None  # said in the caption when this column's text was cut

    def header_for(self, short: bool) -> str:
        return self.short if short and self.short else self.header

    def natural(self, short: bool) -> int:
        widths = [cell_len(self.header_for(short)), cell_len(self.footer or "")]
        return max(widths + [c.natural() if not isinstance(c, Text) else cell_len(c.plain) for c in self.cells])

    def minimum(self, short: bool, hard: bool = False) -> int:
        """The narrowest this column is drawn; `hard` when even the preferred minimums do not fit."""
        floor = max(cell_len(self.header_for(short)), cell_len(self.footer or ""))
        texts = [cell_len(c.plain) for c in self.cells if isinstance(c, Text)]
        if self.squeeze_to is not None:
            texts = [min(w, 3 * HARD_KEEP if hard else self.squeeze_to) for w in texts]
        flexible = [c.minimum(HARD_KEEP) if hard and isinstance(c, Joined) else c.minimum()
                    for c in self.cells if not isinstance(c, Text)]  # fmt: skip
        return max([floor, *texts, *flexible])


@dataclass
class Layout:
    columns: list[Column]
    widths: list[int]
    short: bool
    dropped: list[Column]


def lay_out(columns: Sequence[Column], width: int, gap: int) -> Layout:
    """Widths for the columns that fit in `width`, following the order of giving way above."""
    shown = list(columns)
    dropped: list[Column] = []
    while True:
        room = width - gap * (len(shown) - 1)
        for squeeze, short in ((False, False), (False, True), (True, False), (True, True)):
            widths = _widths(shown, room, short, squeeze)
            if widths is not None:
                return Layout(shown, widths, short, dropped)
        optional = [c for c in shown if c.drop]
        if not optional:  # nothing left to drop: cut text harder; at worst wider than asked, never garbled
            widths = _widths(shown, room, True, True, hard=True)
            return Layout(shown, widths or [c.minimum(True, hard=True) for c in shown], True, dropped)
        victim = max(optional, key=lambda c: c.drop)
        shown.remove(victim)
        dropped.append(victim)


def _widths(columns: list[Column], room: int, short: bool, squeeze: bool, hard: bool = False) -> list[int] | None:
    """Natural widths, narrowed (highest `give` first) when squeezing; None if they do not fit."""
    widths = [c.natural(short) for c in columns]
    if not squeeze:
        return widths if sum(widths) <= room else None
    floors = [c.minimum(short, hard) for c in columns]
    if sum(floors) > room:
        return None
    excess = sum(widths) - room
    for give in sorted({c.give for c in columns}, reverse=True):
        group = [i for i, c in enumerate(columns) if c.give == give]
        while excess > 0:
            flexible = [i for i in group if widths[i] > floors[i]]
            if not flexible:
                break
            widest = max(flexible, key=lambda i: widths[i])
            runner_up = max((widths[i] for i in flexible if i != widest), default=0)
            step = min(excess, widths[widest] - floors[widest], max(1, widths[widest] - runner_up))
            widths[widest] -= step
            excess -= step
    return widths


class Fitted:
    """A table drawn to fit the width it is given; see the module's docstring."""

    def __init__(self, columns: Sequence[Column], caption: str | None = None, gap: int = 2,
                 footer: bool = False, wrap: bool = False) -> None:  # fmt: skip
        self.columns = list(columns)
        self.caption = caption
        self.gap = gap
        self.footer = footer
        self.wrap = wrap  # --wide: every column, whole, text wrapped onto more lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.table(options.max_width)

    def table(self, width: int) -> Table:
        if self.wrap:
            plan = Layout(self.columns, [c.natural(False) for c in self.columns], False, [])
        else:
            plan = lay_out(self.columns, width, self.gap)
        table = Table(
            box=RULES,
            show_edge=False,
            pad_edge=False,
            padding=(0, self.gap - 1, 0, 0),
            header_style="bold",
            show_footer=self.footer,
            caption=self._caption(plan),
            caption_justify="left",
            caption_style="dim",
        )
        for column, w in zip(plan.columns, plan.widths, strict=True):
            table.add_column(column.header_for(plan.short), footer=column.footer or "", justify=column.justify,
                             width=None if self.wrap else w, no_wrap=not self.wrap, overflow="fold" if self.wrap
                             else "ellipsis")  # fmt: skip
        rows = len(self.columns[0].cells) if self.columns else 0
        for i in range(rows):
            table.add_row(*(_draw(c.cells[i], w) for c, w in zip(plan.columns, plan.widths, strict=True)))
        return table

    def _caption(self, plan: Layout) -> str | None:
        lines = [self.caption] if self.caption else []
        legend = [f"{c.short}={c.legend or c.header}" for c in plan.columns
                  if plan.short and c.short and c.short != (c.legend or c.header)]  # fmt: skip
        if legend:
            lines.append(" · ".join(legend))
        lines += [c.cut_note for c, w in zip(plan.columns, plan.widths, strict=True)
                  if c.cut_note and w < c.natural(plan.short)]  # fmt: skip
        if plan.dropped:
            names = ", ".join(c.legend or c.header for c in reversed(plan.dropped))
            lines.append(f"Not shown at this width: {names} (a wider terminal, or --format csv, shows all).")
        return "\n".join(lines) or None


def _draw(cell: Cell, width: int) -> Text:
    if not isinstance(cell, Text):
        return cell.fit(width)
    if cell_len(cell.plain) <= width:
        return cell
    cut = cell.copy()
    cut.truncate(width - 1)
    cut.rstrip()
    cut.append(ELLIPSIS)
    return cut


def counted(pairs: Iterable[tuple[Text, int]]) -> Items:
    """Items shown as `name ×n`, most frequent first as given."""
    out = []
    for name, n in pairs:
        item = name.copy()
        item.append(f" ×{n}", style="dim")
        out.append(item)
    return Items(out)
