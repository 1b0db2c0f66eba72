"""The tables people read: records one per line, summaries, and the pair × area matrix, each fitted to its width.

What gives way first is chosen per table (README, "Tables at any width"): `list` cuts summaries with `…` and
drops place, then areas; summaries keep each list's top items with `+N`; the matrix switches to short area
labels with a legend, then leaves out the least-used areas and says which.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text

from . import areas as vocabulary
from .countries import display_name
from .models import Engagement
from .render import area_style, pair_names, place_text, text
from .render_fit import Bar, Cell, Column, Fitted, Items, Joined, counted

PAIR_CAPTION = "An engagement of three or more countries counts toward each of its pairs."
SHOW_WHOLE = "Summaries are shortened: `relations show ID` (or list --wide) shows them whole."


def count_caption(n: int) -> str:
    return "no engagements" if n == 0 else f"{n} engagement{'s' if n != 1 else ''}"


def _area_items(counts: dict[str, int] | Sequence[str]) -> Items:
    if isinstance(counts, dict):
        return counted((Text(area, style=area_style(area)), n) for area, n in counts.items())
    return Items([Text(area, style=area_style(area)) for area in counts])


def _by_name(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """Busiest first as computed, ties in the order of the names shown (the data's order is by code)."""

    def name(row: dict[str, Any]) -> str:
        return " – ".join(pair_names(row[key])) if key == "pair" else display_name(row[key])

    return sorted(rows, key=lambda row: (-row["engagements"], name(row).casefold()))


def _partner_items(partners: dict[str, int]) -> Items:
    return counted((text(display_name(code)), n) for code, n in partners.items())


def _plain(values: Sequence[Any]) -> list[Cell]:
    return [Text(str(v) if v is not None else "") for v in values]


def records_table(records: Sequence[Engagement], wide: bool = False) -> Fitted:
    """One line per engagement: the summary gives way first, then place, areas and kind; `wide` wraps instead."""
    columns = [
        Column("ID", _plain([r.id for r in records]), justify="right"),
        Column("Date", _plain([r.date for r in records])),
        Column("Countries", [Joined(pair_names(r.countries), ", ", keep=6) for r in records]),
        Column("Kind", _plain([r.kind for r in records]), drop=2),
        Column("Areas", [_area_items(r.areas) for r in records], drop=3, give=1),
        Column("Place", [place_text(r) for r in records], squeeze_to=12, drop=4, give=2),
        Column("Summary", [text(_one_line(r.summary)) for r in records], squeeze_to=24, give=3, cut_note=SHOW_WHOLE),
    ]
    return Fitted(columns, caption=count_caption(len(records)), wrap=wide)


def _one_line(value: str | None) -> str:
    return " ".join((value or "").split())


def summary_table(rows: list[dict[str, Any]], by: str) -> Fitted:
    """One table per --by, from the rows summary.py computed."""
    if by in ("pair", "country"):
        rows = _by_name(rows, by)
    caption = "no engagements match" if not rows else PAIR_CAPTION if by in ("pair", "area") else None
    count = Column(
        "Engagements", _plain([r["engagements"] for r in rows]), justify="right", short="N", legend="engagements"
    )
    first = Column("First", _plain([r.get("first") for r in rows]), drop=1)
    last = Column("Last", _plain([r.get("last") for r in rows]))
    if by == "pair":
        columns = [
            Column("Pair", [Joined(pair_names(r["pair"]), keep=10) for r in rows]),
            count,
            Column("Areas", [_area_items(r["areas"]) for r in rows], give=1),
            Column("Kinds", [counted((Text(k), n) for k, n in r["kinds"].items()) for r in rows], drop=2, give=2),
            first,
            last,
        ]
    elif by == "area":
        columns = [
            Column("Area", [Text(r["area"], style=area_style(r["area"])) for r in rows]),
            count,
            Column("Pairs", _plain([r["pairs"] for r in rows]), justify="right"),
            Column("Busiest pair", [Joined(pair_names(r["busiest_pair"] or []), keep=8) for r in rows], drop=2),
            first,
            last,
        ]
    elif by == "country":
        columns = [
            Column("Country", [text(display_name(r["country"])) for r in rows], squeeze_to=12),
            count,
            Column("Partners", _plain([len(r["partners"]) for r in rows]), justify="right"),
            Column(
                "Top partners", [counted((text(display_name(c)), n) for c, n in r["partners"].items()) for r in rows]
            ),
            Column("Top areas", [_area_items(r["areas"]) for r in rows], drop=1),
        ]
    elif by == "kind":
        columns = [Column("Kind", _plain([r["kind"] for r in rows])), count,
                   Column("Top areas", [_area_items(r["areas"]) for r in rows], give=1), first, last]  # fmt: skip
    else:
        peak = max((r["engagements"] for r in rows), default=0)
        columns = [
            Column("Period", _plain([r["period"] for r in rows])),
            count,
            Column("", [Bar(r["engagements"], peak) for r in rows], give=2),
            Column("Top areas", [_area_items(r["areas"]) for r in rows], drop=1, give=1),
        ]
    return Fitted(columns, caption=caption)


def matrix_table(rows: list[dict[str, Any]], totals: dict[str, Any]) -> Fitted:
    """Pairs by areas, each count shaded by how high it is; totals count each engagement once."""
    area_totals: dict[str, int] = totals["areas"]
    areas = sorted(area_totals, key=lambda a: (-area_totals[a], a))
    peak = max((n for r in rows for n in r["areas"].values()), default=1)
    labels = vocabulary.short_labels(areas)
    rows = _by_name(rows, "pair")
    # Pairs keep ten letters of each name: fewer area columns (the caption names the rest) beat unreadable rows.
    pairs: list[Cell] = [Joined(pair_names(r["pair"]), keep=10) for r in rows]
    columns = [Column("Pair", pairs, footer="Total" if rows else None)]
    for rank, area in enumerate(areas, start=1):
        columns.append(
            Column(
                area,
                [_shade(r["areas"].get(area, 0), peak) for r in rows],
                justify="right",
                short=labels[area],
                legend=area,
                footer=str(area_totals[area]),
                drop=rank,
            )
        )
    columns.append(
        Column(
            "Engagements",
            _plain([r["engagements"] for r in rows]),
            justify="right",
            short="N",
            legend="engagements",
            footer=str(totals["engagements"]),
        )
    )
    caption = "\n".join(
        filter(
            None,
            [PAIR_CAPTION if rows else "no engagements match", "Totals count each engagement once." if rows else None],
        )
    )
    return Fitted(columns, caption=caption, gap=1, footer=bool(rows))


_SHADES = ("", "on grey23", "on dark_green", "on green4", "bold black on green3")


def _shade(n: int, peak: int) -> Text:
    if not n:
        return Text("·", style="dim")
    level = 1 + min(len(_SHADES) - 2, (n * (len(_SHADES) - 1) - 1) // peak)
    return Text(str(n), style=_SHADES[level])
