"""Partial calendar dates (YYYY, YYYY-MM, YYYY-MM-DD): checking them and their first and last days."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timezone

from .errors import InvalidInput

# ASCII digits only: `\d` would take "٢٠٢١" too, which int() reads as 2021 but which sorts after every
# ASCII date, so ranges built from it never end.
_PARTIAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def check(text: str, *, field: str = "date") -> str:
    """The partial date as given if it is a real one, else InvalidInput."""
    value = text.strip()
    m = _PARTIAL.fullmatch(value)
    if m is None:
        raise InvalidInput(f"bad {field} {text!r}: expected YYYY-MM-DD, YYYY-MM or YYYY", field=field)
    year, month, day = (int(g) if g else None for g in m.groups())
    assert year is not None
    try:
        # `is None`, not `or`: month 00 and day 00 are not real dates and must not become the 1st.
        date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError:
        raise InvalidInput(f"bad {field} {text!r}: no such calendar date", field=field) from None
    return value


def first_day(partial: str) -> str:
    """2021 -> 2021-01-01; 2021-02 -> 2021-02-01."""
    if len(partial) == 4:
        return partial + "-01-01"
    if len(partial) == 7:
        return partial + "-01"
    return partial


def last_day(partial: str) -> str:
    """2021 -> 2021-12-31; 2024-02 -> 2024-02-29."""
    if len(partial) == 4:
        return partial + "-12-31"
    if len(partial) == 7:
        year, month = int(partial[:4]), int(partial[5:7])
        return f"{partial}-{calendar.monthrange(year, month)[1]:02d}"
    return partial


def utc_now() -> str:
    """Now as a UTC ISO 8601 timestamp to the second: 2026-11-27T22:10:00Z."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
