"""The brief as a Markdown memo: headline, a text timeline and tables, to paste into a document."""

from __future__ import annotations

from collections.abc import Iterable

from .brief_rows import Brief, Item
from .countries import display_name

# A memo lists at most this many people or places (JSON has them all).
LONGEST = 50


def cell(value: object) -> str:
    """Text safe inside a Markdown table cell: one line, pipes escaped."""
    return " ".join(str(value if value is not None else "").split()).replace("|", "\\|")


def table(head: list[str], rows: Iterable[list[object]], right: tuple[int, ...] = ()) -> list[str]:
    rule = ["---:" if i in right else "---" for i in range(len(head))]
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return [*lines, ""]


def more(total: int) -> list[str]:
    return [f"… and {total - LONGEST} more (`--format json` lists them all).", ""] if total > LONGEST else []


def title(b: Brief) -> str:
    if b.is_pair:
        return " – ".join(sorted(display_name(c) for c in b.countries)) + ": the relationship"
    return display_name(b.countries[0]) + ": its relations"


def _counts(counts: dict[str, int], name: object = None) -> str:
    show = display_name if name == "country" else str
    return ", ".join(f"{show(k)} ×{n}" for k, n in counts.items())


def _link(item: Item) -> str:
    outlet = item.outlet or "source"
    return f"[{outlet}](<{item.url}>)" if item.url else outlet


def headline_lines(b: Brief) -> list[str]:
    h = b.headline
    if not h.engagements:
        return ["No engagements match.", ""]
    share = round(100 * (h.military_share or 0))
    others = f"{h.partners} third countr{'y' if h.partners == 1 else 'ies'}" if b.is_pair else f"{h.partners} partners"
    return [
        f"- **{h.engagements}** engagements, first on {h.first}, last on {h.last}",
        f"- Busiest year: {h.busiest_year} ({h.busiest_year_engagements})",
        f"- By kind: {_counts(h.kinds)}",
        f"- A military area (military or military-…) in {h.military} of {h.engagements} ({share}%); "
        f"{h.areas} areas; {others}",
        "",
    ]


def markdown(b: Brief) -> str:
    """The whole memo."""
    out = [f"# {title(b)}", "", *headline_lines(b)]
    t = b.timeline
    if t.periods:
        peak = max(p.engagements for p in t.periods) or 1
        out += [f"## Timeline, by {t.by}", "", "```"]
        out += [f"{p.period}  {p.engagements:>{len(str(peak))}}  {'#' * round(20 * p.engagements / peak)}  "
                f"{_counts(p.kinds)}".rstrip() for p in t.periods]  # fmt: skip
        out += ["```", ""]
    if b.areas:
        out += ["## Areas over time", ""]
        head = ["Area", *(p.period for p in t.periods), "All", "Trend"]
        out += table(head, ([r.area, *(n or "" for n in r.counts), r.engagements, r.trend] for r in b.areas),
                     right=tuple(range(1, len(t.periods) + 2)))  # fmt: skip
        out += ["Trend: the last period against the mean of the periods before it.", ""]
    if b.is_pair:
        if b.agreements:
            out += ["## Agreements signed", ""]
            out += table(["Date", "What", "Source"], ([a.date, a.summary, _link(a)] for a in b.agreements))
        if b.people:
            out += ["## People", ""]
            out += table(["Person", "Country", "Roles", "Times", "Met"],
                         ([p.name, p.country and display_name(p.country), ", ".join(p.roles), p.engagements,
                           _counts(p.counterparts)] for p in b.people[:LONGEST]), right=(3,))  # fmt: skip
            out += more(len(b.people))
        if b.places:
            out += ["## Places", ""]
            out += table(["Place", "Country", "Engagements"],
                         ([p.place, p.country and display_name(p.country), p.engagements] for p in b.places[:LONGEST]),
                         right=(2,))  # fmt: skip
            out += more(len(b.places))
        if b.third_countries or b.mentioned:
            out += ["## Formats", ""]
            if b.third_countries:
                out.append(f"- With third countries: {_counts(b.third_countries, 'country')}")
            if b.mentioned:
                out.append(f"- Mentioned around them: {_counts(b.mentioned, 'country')}")
            out.append("")
    elif b.partners:
        out += ["## Partners", ""]
        out += table(["Partner", "Engagements", "Top areas", "First", "Last"],
                     ([display_name(p.country), p.engagements, _counts(dict(list(p.areas.items())[:4])), p.first,
                       p.last] for p in b.partners), right=(1,))  # fmt: skip
    if b.latest:
        out += ["## Latest engagements", ""]
        out += table(["Date", "Kind", "What", "Source"], ([i.date, i.kind, i.summary, _link(i)] for i in b.latest))
    out.append("An engagement of three or more countries counts toward each of its pairs.")
    return "\n".join(out) + "\n"
