"""Machine-coded event data (ICEWS, GDELT) turned into draft engagements."""

from __future__ import annotations

from typing import Any

from .collapse import Tally, collapse

DATASETS = {"icews": "ICEWS", "gdelt": "GDELT"}


def drafts(source: str, dataset: str) -> tuple[list[dict[str, Any]], Tally]:
    """The draft records from an event file, and what happened to each event read."""
    from . import readers

    tally = Tally()
    data = readers.read_bytes(source)
    read = readers.icews if dataset == "icews" else readers.gdelt
    events = list(read(data, source, tally))
    return collapse(events, DATASETS[dataset]), tally
