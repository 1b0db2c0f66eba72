"""Coded events to draft engagements: one per pair of countries, date and kind, in either direction."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..countries import display_name
from . import cameo


@dataclass(frozen=True)
class Event:
    """One cooperative event between two different countries, already mapped to ISO codes."""

    date: str
    source: str  # alpha-3
    target: str
    code: str  # CAMEO event code
    place: str | None = None
    place_country: str | None = None
    outlet: str | None = None
    url: str | None = None


@dataclass
class Tally:
    """What happened to each event read, for the report."""

    read: int = 0
    taken: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    def to_dict(self) -> dict[str, Any]:
        return {"read": self.read, "taken": self.taken, "skipped": dict(sorted(self.skipped.items()))}


def collapse(events: list[Event], dataset: str) -> list[dict[str, Any]]:
    """Raw records, for the same validation as any import: events grouped by pair, date and kind."""
    groups: dict[tuple[tuple[str, str], str, str], list[Event]] = {}
    for event in events:
        kind, _ = cameo.reading(event.code)
        pair = (min(event.source, event.target), max(event.source, event.target))
        groups.setdefault((pair, event.date, kind), []).append(event)
    return [_record(pair, date, kind, group, dataset) for (pair, date, kind), group in sorted(groups.items(),
            key=lambda item: (item[0][1], item[0][0], item[0][2]))]  # fmt: skip


def _record(pair: tuple[str, str], date: str, kind: str, group: list[Event], dataset: str) -> dict[str, Any]:
    codes = sorted({e.code for e in group})
    areas = sorted({cameo.reading(code)[1] for code in codes})
    places = {(e.place, e.place_country) for e in group if e.place_country}
    place, country = next(iter(places)) if len(places) == 1 else (None, None)
    if country is None and len({c for _, c in places}) == 1:
        country = next(iter(places))[1]
    outlet = next((e.outlet for e in group if e.outlet), None)
    url = next((e.url for e in group if e.url), None)
    what = "; ".join(cameo.name(code) for code in codes)
    names = " and ".join(display_name(code) for code in pair)
    count = f"{len(group)} {dataset} event{'s' if len(group) != 1 else ''}"
    return {
        "date": date,
        "countries": list(pair),
        "kind": kind,
        "areas": areas,
        "location": {"country": country, "place": place},
        "summary": f"{names}: {what} ({count})",
        "source": {"outlet": outlet, "url": url},
        "tags": [dataset.lower(), *(f"cameo:{code}" for code in codes)],
    }
