"""The mapping tables (CAMEO codes, actor countries, FIPS places) as SQL data, made from their one source.

cameo.py, fips.py and the country table stay the only place these mappings are written; this module
only turns them into rows a query can join against. Each table is `SELECT … UNION ALL SELECT …`,
the one way of writing literal rows that BigQuery, Spark SQL and DuckDB all accept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .. import countries
from . import cameo
from .fips import TO_ISO


def literal(value: str | None) -> str:
    """A string as an SQL literal (standard quoting: a quote is doubled)."""
    if value is None:
        return "NULL"
    return "'" + value.replace("'", "''") + "'"


def rows_sql(columns: Sequence[str], rows: Iterable[Sequence[str | None]]) -> str:
    """Literal rows with named columns, as a subquery body."""
    lines = []
    for n, row in enumerate(rows):
        if n == 0:
            cells = ", ".join(f"{literal(v)} AS {c}" for v, c in zip(row, columns, strict=True))
        else:
            cells = ", ".join(literal(v) for v in row)
        lines.append(f"SELECT {cells}")
    if not lines:
        return "SELECT " + ", ".join(f"NULL AS {c}" for c in columns) + " WHERE 1 = 0"
    return "\n  UNION ALL ".join(lines)


def code_readings() -> list[tuple[str, str, str]]:
    """(code, kind, area) for every CAMEO code that has a name; other codes are read by prefix in SQL."""
    return [(code, *cameo.reading(code)) for code in sorted(cameo.NAMES)]


def actor_countries() -> list[tuple[str, str]]:
    """(CAMEO actor code, ISO alpha-3): every ISO code as itself, and CAMEO's own codes mapped."""
    pairs = {c.alpha3: c.alpha3 for c in countries.all_countries()}
    pairs.update({k: v for k, v in cameo.COUNTRY_CODES.items() if countries.is_code(v)})
    return sorted(pairs.items())


def fips_countries() -> list[tuple[str, str]]:
    """(FIPS 10-4 code, ISO alpha-3) for the places GDELT gives."""
    out = []
    for fips, alpha2 in sorted(TO_ISO.items()):
        try:
            out.append((fips, countries.resolve(alpha2)))
        except Exception:  # an alpha-2 code our country table lacks: the place stays unknown
            continue
    return out


def verbal_condition(column: str) -> str:
    """SQL true when a cooperative code is purely verbal (a statement), from cameo's prefixes."""
    prefixes = cameo.VERBAL_PREFIXES
    by_length: dict[int, list[str]] = {}
    for prefix in prefixes:
        by_length.setdefault(len(prefix), []).append(prefix)
    parts = [
        f"SUBSTR({column}, 1, {length}) IN ({', '.join(literal(p) for p in sorted(group))})"
        for length, group in sorted(by_length.items())
    ]
    return "(" + " OR ".join(parts) + ")"


def cooperation_condition(column: str) -> str:
    return f"SUBSTR({column}, 1, 2) IN ({', '.join(literal(r) for r in cameo.COOPERATION_ROOTS)})"
