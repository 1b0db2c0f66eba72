"""The built-in import's last step on DuckDB: the collapse's rows (one per engagement and CAMEO code)
folded into one row per engagement, its codes and areas as lists, its place settled.

The engine-neutral query (sql.py) stops at one row per code, which any engine can produce; this
step uses DuckDB's list aggregates, so that Python receives one row per engagement and builds its
document straight away. Rows that carry a reason are the skipped events' counts, one per reason.
"""

from __future__ import annotations

from . import cameo
from .sql import COLUMNS, ORDER_WIDTH
from .tables import literal

# Each named CAMEO code is a bit, so that an engagement's codes are one bit_or in the engine (list
# aggregates cost a fifth of the whole scan at 5M events); other codes still come as a list.
BIT_CODES = tuple(sorted(cameo.NAMES))

# The result's columns, in order.
ENGAGEMENT_COLUMNS = (
    "reason", "day", "one", "two", "kind", "mask", "others", "events", "country", "place", "outlet", "url",
)  # fmt: skip


def bits_table() -> str:
    """The table `code_bits` (code, bit) the query joins, made from BIT_CODES."""
    assert len(BIT_CODES) < 63
    rows = ", ".join(f"({literal(code)}, {1 << n})" for n, code in enumerate(BIT_CODES))
    return f"SELECT code, CAST(bit AS BIGINT) AS bit FROM (VALUES {rows}) AS t(code, bit)"


def codes_of(mask: int | None, others: tuple[str, ...] = ()) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """An engagement's codes, sorted, from its mask and its other codes; and its areas, sorted (each
    code's area as the query gives it: cameo's for a named code, political for any other)."""
    named: list[str] = []
    while mask:  # bit by set bit: a few per engagement, where testing all forty cost 0.5 s at 5M events
        lowest = mask & -mask
        named.append(BIT_CODES[lowest.bit_length() - 1])
        mask ^= lowest
    codes = tuple(sorted({*named, *others}))
    areas = {cameo.AREAS.get(code, "political") if code in cameo.NAMES else "political" for code in codes}
    return codes, tuple(sorted(areas))


# The collapse's rows before their last grouping (sql.gdelt(ungrouped=True)), each given the columns
# of a group of its own: grouping them by engagement at once spares the engine one grouping.
_HAS_PLACE = "place_country IS NOT NULL"
EACH_ITS_OWN = f"""SELECT
  reason, country1, country2, day, kind, area, code, events,
  CASE WHEN {_HAS_PLACE} THEN events ELSE 0 END AS placed,
  CASE WHEN {_HAS_PLACE} AND place IS NOT NULL THEN events ELSE 0 END AS named,
  CASE WHEN {_HAS_PLACE} THEN place END AS place_first,
  CASE WHEN {_HAS_PLACE} THEN place END AS place_last,
  place_country AS place_country_first,
  place_country AS place_country_last,
  outlet, url
FROM taken"""


def engagements(relation: str) -> str:
    """One row per engagement (and per skip reason) from `relation`, which has the collapse's COLUMNS.

    The place: the events' country when they all agree, and its city when every placed event names
    the same one (the fold's rule, as collapse.py applies it to ICEWS; a code row without a placed
    event has no place values and counts 0, so it takes no part). The outlet and url are the first
    event's, their ordering prefix taken off."""
    return f"""
SELECT
  reason, day, one, two, kind, mask, others, events,
  CASE WHEN country_low = country_high THEN country_low END AS country,
  CASE WHEN country_low = country_high AND named = placed AND place_low = place_high THEN place_low END AS place,
  SUBSTR(outlet, {ORDER_WIDTH + 1}) AS outlet,
  SUBSTR(url, {ORDER_WIDTH + 1}) AS url
FROM (
  SELECT
    reason, day,
    -- LEAST and GREATEST skip a NULL: one unknown country would pair the other with itself
    CASE WHEN country2 IS NOT NULL THEN LEAST(country1, country2) END AS one,
    CASE WHEN country1 IS NOT NULL THEN GREATEST(country1, country2) END AS two, kind,
    bit_or(b.bit) AS mask,
    list(r.code) FILTER (WHERE b.bit IS NULL AND r.code IS NOT NULL) AS others,
    -- a BIGINT, not the HUGEINT a SUM gives: Python takes a HUGEINT ten times as long (0.4 s at 5M events)
    CAST(SUM(events) AS BIGINT) AS events,
    MIN(place_country_first) AS country_low,
    MAX(place_country_last) AS country_high,
    SUM(named) AS named,
    SUM(placed) AS placed,
    MIN(place_first) AS place_low,
    MAX(place_last) AS place_high,
    MIN(outlet) AS outlet,
    MIN(url) AS url
  FROM {relation} r
  LEFT JOIN code_bits b ON b.code = r.code
  GROUP BY reason, day, one, two, kind
) engagement
ORDER BY day, one, two, kind
"""


def typed(relation: str) -> str:
    """A saved result read as text (empty cells unknown, counts as numbers), with the collapse's COLUMNS."""
    numbers = {"events", "placed", "named"}
    cells = [
        f"CAST(NULLIF(TRIM({c}), '') AS BIGINT) AS {c}" if c in numbers else f"NULLIF({c}, '') AS {c}" for c in COLUMNS
    ]
    return f"(SELECT {', '.join(cells)} FROM {relation})"
