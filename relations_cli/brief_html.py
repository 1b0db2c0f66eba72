"""The brief as one self-contained HTML page: SVG charts drawn by pygal, styles inline, nothing fetched.

pygal is imported only here, and this module only for `brief --format html`. Its SVG carries an inline
script with the chart's configuration (for tooltips that need pygal's JavaScript, which we do not load);
it is removed, so the page runs no script at all. It prints to PDF with a section per page break where
needed (sections are kept whole when they fit).
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from .brief_md import LONGEST, headline_lines, title
from .brief_rows import Brief, Item
from .countries import display_name
from .models import KINDS

_SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
KIND_COLOURS = {"meeting": "#1f77b4", "call": "#17becf", "agreement": "#e6a100", "exercise": "#d62728",
                "statement": "#9467bd", "other": "#7f7f7f"}  # fmt: skip
CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1d2430;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .3rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccd;
     break-after: avoid; }
ul.headline { padding-left: 1.2rem; } section { break-inside: avoid; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #e3e6ea; vertical-align: top; }
td.d { white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: .5rem 0; } figure svg { width: 100%; height: auto; }
.note { color: #5b6573; font-size: .85rem; }
a { color: #0b5cad; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } h2 { break-after: avoid; } }
"""


def _svg(chart: Any) -> str:
    svg: str = chart.render(is_unicode=True)
    return _COMMENT.sub("", _SCRIPT.sub("", svg))


def _style() -> Any:
    from pygal.style import Style

    font = '"DejaVu Sans", "Liberation Sans", Arial, sans-serif'
    return Style(background="white", plot_background="white", font_family=font, label_font_size=13,
                 major_label_font_size=13, legend_font_size=13, title_font_size=15, value_font_size=11,
                 colors=tuple(KIND_COLOURS.values()))  # fmt: skip


def _config(**extra: Any) -> dict[str, Any]:
    return {"js": [], "disable_xml_declaration": True, "style": _style(), "width": 900, "height": 330,
            "legend_at_bottom": True, "print_values": False, "show_y_guides": True, **extra}  # fmt: skip


def timeline_chart(b: Brief) -> str:
    """The engagements per period, stacked by kind; empty periods stay as gaps."""
    import pygal

    periods = b.timeline.periods
    kinds = [k for k in KINDS if any(k in p.kinds for p in periods)]
    colours = tuple(KIND_COLOURS[k] for k in kinds)
    chart = pygal.StackedBar(**_config(style=_style_with(colours), x_label_rotation=-45 if len(periods) > 12 else 0,
                                       truncate_label=-1, min_scale=1, max_scale=6))  # fmt: skip
    peak = max((p.engagements for p in periods), default=1) or 1
    chart.y_labels = list(range(0, peak + 1, max(1, -(-peak // 6))))  # whole engagements, never 0.4 of one
    chart.title = f"Engagements by {b.timeline.by}, stacked by kind"
    chart.x_labels = [p.period for p in periods]
    for kind in kinds:
        chart.add(kind, [p.kinds.get(kind) or None for p in periods])
    return _svg(chart)


def _style_with(colours: tuple[str, ...]) -> Any:
    style = _style()
    style.colors = colours or ("#1f77b4",)
    return style


def areas_chart(b: Brief) -> str:
    """The areas heat map: a dot per area and period, its size the number of engagements."""
    import pygal

    periods = b.timeline.periods
    height = 90 + 28 * len(b.areas)
    chart = pygal.Dot(**_config(height=height, show_legend=False, x_label_rotation=-45 if len(periods) > 12 else 0,
                                style=_style_with(("#2a7d4f",) * len(b.areas)), truncate_label=-1,
                                print_values=True))  # fmt: skip
    chart.title = "Areas over time (dot size: engagements)"
    chart.x_labels = [p.period for p in periods]
    for row in b.areas:
        chart.add(row.area, [n or None for n in row.counts])
    return _svg(chart)


def partners_chart(b: Brief) -> str:
    import pygal

    shown = b.partners[:15]
    chart = pygal.HorizontalBar(**_config(height=90 + 30 * len(shown), show_legend=False, print_values=True,
                                          style=_style_with(("#1f77b4",))))  # fmt: skip
    chart.title = "Partners by engagements"
    chart.x_labels = [display_name(p.country) for p in reversed(shown)]
    chart.add("engagements", [p.engagements for p in reversed(shown)])
    return _svg(chart)


def _table(head: list[str], rows: list[list[Any]], numeric: tuple[int, ...] = ()) -> str:
    cls = [' class="n"' if i in numeric else ' class="d"' if h in ("Date", "First", "Last", "Source") else ""
           for i, h in enumerate(head)]  # fmt: skip
    out = ["<table><thead><tr>", *(f"<th{cls[i]}>{escape(h)}</th>" for i, h in enumerate(head)), "</tr></thead><tbody>"]
    for row in rows:
        out.append("<tr>" + "".join(f"<td{cls[i]}>{_cell(v)}</td>" for i, v in enumerate(row)) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


class Markup(str):
    """HTML built here, not to be escaped again."""


def _cell(value: Any) -> str:
    if isinstance(value, Markup):
        return value
    return escape("" if value is None else str(value))


def _link(item: Item) -> Markup:
    outlet = escape(item.outlet or "source")
    if item.url and item.url.startswith(("https://", "http://")):
        return Markup(f'<a href="{escape(item.url)}">{outlet}</a>')
    return Markup(outlet)


def _counts(counts: dict[str, int], name: Any = str) -> str:
    return ", ".join(f"{name(k)} ×{n}" for k, n in counts.items())


def page(b: Brief) -> str:
    """The whole page."""
    name = escape(title(b))
    body = [f"<h1>{name}</h1>", "<ul class=headline>"]
    body += [f"<li>{escape(line[2:]).replace('**', '')}</li>" for line in headline_lines(b) if line.startswith("- ")]
    body.append("</ul>")
    if not b.headline.engagements:
        body.append("<p>No engagements match.</p>")
    if b.timeline.periods and b.headline.engagements:
        body.append(f"<section><h2>Timeline</h2><figure>{timeline_chart(b)}</figure></section>")
    if b.areas:
        body.append(
            f"<section><h2>Areas over time</h2><figure>{areas_chart(b)}</figure>"
            f"<p class=note>{escape(trend_note(b))}</p></section>"
        )
    if b.is_pair:
        body += _pair_sections(b)
    elif b.partners:
        rows = [[display_name(p.country), p.engagements, _counts(dict(list(p.areas.items())[:4])), p.first, p.last]
                for p in b.partners]  # fmt: skip
        body.append(
            f"<section><h2>Partners</h2><figure>{partners_chart(b)}</figure>"
            + _table(["Partner", "Engagements", "Top areas", "First", "Last"], rows, (1,))
            + "</section>"
        )
    if b.latest:
        rows = [[i.date, i.kind, i.summary, _link(i)] for i in b.latest]
        body.append("<section><h2>Latest engagements</h2>" + _table(["Date", "Kind", "What", "Source"], rows)
                    + "</section>")  # fmt: skip
    body.append("<p class=note>An engagement of three or more countries counts toward each of its pairs. "
                "Made by relations.</p>")  # fmt: skip
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width, initial-scale=1">'
        f"<title>{name}</title><style>{CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def _more(total: int) -> str:
    return f"<p class=note>… and {total - LONGEST} more (--format json lists them all).</p>" if total > LONGEST else ""


def trend_note(b: Brief) -> str:
    """Which areas rose and which faded in the last period, against the mean of the periods before it."""
    by = {t: [r.area for r in b.areas if r.trend == t] for t in ("new", "rising", "fading")}
    parts = [f"{label}: {', '.join(by[t])}" for t, label in (("new", "New in the last period"),
             ("rising", "rising"), ("fading", "fading")) if by[t]]  # fmt: skip
    return ("; ".join(parts) or "No change") + " (the last period against the mean of those before)."


def _pair_sections(b: Brief) -> list[str]:
    out = []
    rows: list[list[Any]]
    if b.agreements:
        rows = [[a.date, a.summary, _link(a)] for a in b.agreements]
        out.append("<section><h2>Agreements signed</h2>" + _table(["Date", "What", "Source"], rows) + "</section>")
    if b.people:
        rows = [[p.name, p.country and display_name(p.country), ", ".join(p.roles), p.engagements,
                 _counts(p.counterparts)] for p in b.people[:LONGEST]]  # fmt: skip
        out.append("<section><h2>People</h2>" + _table(["Person", "Country", "Roles", "Times", "Met"], rows, (3,))
                   + _more(len(b.people)) + "</section>")  # fmt: skip
    if b.places:
        rows = [[p.place, p.country and display_name(p.country), p.engagements] for p in b.places[:LONGEST]]
        out.append("<section><h2>Places</h2>" + _table(["Place", "Country", "Engagements"], rows, (2,))
                   + _more(len(b.places)) + "</section>")  # fmt: skip
    if b.third_countries or b.mentioned:
        items = []
        if b.third_countries:
            items.append(f"<li>With third countries: {escape(_counts(b.third_countries, display_name))}</li>")
        if b.mentioned:
            items.append(f"<li>Mentioned around them: {escape(_counts(b.mentioned, display_name))}</li>")
        out.append("<section><h2>Formats</h2><ul>" + "".join(items) + "</ul></section>")
    return out
