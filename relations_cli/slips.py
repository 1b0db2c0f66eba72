"""Likely slips caught before they are stored: a new custom area, an engagement that is already stored."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from . import areas as vocabulary

if TYPE_CHECKING:
    from .models import Engagement
    from .storage.change import Batch
    from .storage.store import Store

MAX_AREA_WARNINGS = 10
_CLOSE = 0.75  # below this, the nearest built-in area is named but not offered as what was meant


def new_custom_areas(records: Iterable[Engagement], target: Store) -> list[str]:
    """Custom areas of these records that the database does not hold yet, sorted."""
    custom = {area for record in records for area in record.areas if not vocabulary.is_builtin(area)}
    if not custom:  # the common case reads nothing
        return []
    known = {area for row in target.rows() for area in row.areas}
    return sorted(custom - known)


def area_warnings(new_areas: list[str]) -> list[str]:
    """One line per new custom area naming the nearest built-in area, at most MAX_AREA_WARNINGS of them."""
    lines = []
    for area in new_areas[:MAX_AREA_WARNINGS]:
        near, score = vocabulary.nearest(area)
        hint = f": did you mean {near}?" if score >= _CLOSE else f" (the nearest built-in area is {near})"
        lines.append(f"warning: new custom area {area!r}{hint}")
    if len(new_areas) > MAX_AREA_WARNINGS:
        lines.append(f"warning: and {len(new_areas) - MAX_AREA_WARNINGS} more new custom areas")
    return lines


def stored_twin(batch: Batch, record: Engagement) -> int | None:
    """The id of a stored engagement equal to this one by import's rule (same date, parties, kind, and
    source url, or summary when there is no url), else None."""
    identity = record.identity()
    return next((twin.id for twin in batch.of_occasion(record.occasion()) if twin.identity() == identity), None)
