"""The collapse as one engine-neutral SQL query: events in, one row per engagement and CAMEO code out.

The query reads a relation named `events` (GDELT's own column names, as in its BigQuery tables)
and uses only what BigQuery, Spark SQL and DuckDB share: CASE, COALESCE, NULLIF, TRIM, SUBSTR,
INSTR, CONCAT, CAST AS STRING, LEFT JOIN, IN (subquery), GROUP BY with COUNT/MIN/MAX. The mapping
tables are inlined as literal rows (tables.py). Its result, one row per (pair, day, kind, code) plus
one row per reason an event was skipped, is folded into draft engagements by collapse.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import cameo, tables
from .tables import literal

NOT_COOPERATION = "not cooperation (CAMEO root outside 03-06)"
NO_COUNTRY = "an actor without a country"
REGION = "an actor that is a region, not a country"
UNKNOWN_COUNTRY = "an actor country not recognised"
SAME_COUNTRY = "both actors in the same country"
MALFORMED = "malformed row"
OUTSIDE = "outside the filters"

# The result's columns, in order: what `import --collapsed` reads back.
COLUMNS = (
    "reason", "country1", "country2", "day", "kind", "area", "code", "events", "placed", "named",
    "place_first", "place_last", "place_country_first", "place_country_last", "outlet", "url",
)  # fmt: skip


@dataclass(frozen=True)
class EngineFilters:
    """The list filters that can be decided on one event: all given countries among the pair, the
    date range, the kind; and the areas, decided on the engagement's codes together."""

    countries: frozenset[str] = frozenset()
    since: str | None = None
    until: str | None = None
    kind: str | None = None
    areas: frozenset[str] = field(default_factory=frozenset)


def _day_sql(column: str) -> str:
    # GDELT's day is YYYYMMDD (an integer in BigQuery): made YYYY-MM-DD here, checked by the fold.
    day = f"TRIM(CAST({column} AS STRING))"
    return f"CONCAT(SUBSTR({day}, 1, 4), '-', SUBSTR({day}, 5, 2), '-', SUBSTR({day}, 7, 2))"


ORDER_WIDTH = 20


def _order(column: str) -> str:
    # The outlet and url of an engagement are its first event's: each is prefixed with the event's
    # position, zero-padded so that MIN picks the first; the fold takes the prefix off.
    return f"LPAD(COALESCE(TRIM(CAST({column} AS STRING)), ''), {ORDER_WIDTH}, '0')"


def _blank(column: str) -> str:
    return f"COALESCE(TRIM({column}), '')"


def _nullable(column: str) -> str:
    """Empty and ICEWS's NA are unknown."""
    return f"CASE WHEN TRIM({column}) IN ('', 'NA') THEN NULL ELSE TRIM({column}) END"


def _gathered(table: str, code: str, raw: dict[str, str], ordered: tuple[str, str, str], early: str = "") -> str:
    """Events grouped as they come, before any mapping: one row per distinct day, actors, code and
    place among cooperative events, and one row for all the rest. The per-event work stays this small."""
    cooperative = tables.cooperation_condition(f"TRIM({code})")
    # 2: cooperative but outside the filters, decided on the raw values so that such events are
    # only counted, never grouped.
    outside = f"WHEN NOT ({early}) THEN 2 " if early else ""
    picked = ",\n        ".join(f"CASE WHEN cooperative = 1 THEN {expr} END AS {name}" for name, expr in raw.items())
    name, value, order = ordered
    keys = ", ".join(["cooperative", *raw])
    return f"""
    SELECT {keys}, COUNT(*) AS events, MIN({name}) AS {name}
    FROM (
      SELECT
        cooperative,
        {picked},
        CASE WHEN cooperative = 1 AND TRIM({value}) NOT IN ('', 'NA') THEN CONCAT({_order(order)}, TRIM({value})) END
          AS {name}
      FROM (SELECT CASE WHEN NOT {cooperative} THEN 0 {outside}ELSE 1 END AS cooperative, * FROM {table}) marked
    ) picked
    GROUP BY {keys}"""


def mapping_tables() -> dict[str, str]:
    """The mapping tables by the names the query joins, each as literal rows."""
    return {
        "codes": tables.rows_sql(("code", "kind", "area"), tables.code_readings()),
        "actors": tables.rows_sql(("cameo", "iso"), tables.actor_countries()),
        "regions": tables.rows_sql(("code",), [(r,) for r in sorted(cameo.REGIONS)]),
        "places": tables.rows_sql(("fips", "iso"), tables.fips_countries()),
    }


def gdelt(
    filters: EngineFilters | None = None, table: str = "events", *, inline: bool = True, ungrouped: bool = False
) -> str:
    """The collapse of GDELT events, actor and place countries mapped in the query.

    With `inline`, the mapping tables are part of the text; without, the engine has them as tables
    already (the built-in import: a real table tells the planner its size, so that it builds its
    hash joins on the small side). `ungrouped`: the rows before the last grouping, as grouping.py
    groups them by engagement at once (the areas filter is then the caller's)."""
    raw = {
        "day": "CAST(SQLDATE AS STRING)",
        "actor1": "Actor1CountryCode",
        "actor2": "Actor2CountryCode",
        "code": "EventCode",
        "place_name": "ActionGeo_FullName",
        "place_fips": "ActionGeo_CountryCode",
    }
    f = filters or EngineFilters()
    gathered = _gathered(table, "EventCode", raw, ("url", "SOURCEURL", "GLOBALEVENTID"), _early(f))
    place = "TRIM(place_name)"
    cleaned = f"""
    SELECT
      cooperative, events,
      {_day_sql("day")} AS day,
      {_blank("actor1")} AS actor1,
      {_blank("actor2")} AS actor2,
      {_blank("code")} AS code,
      -- "Baku, Baki, Azerbaijan" names a city; a bare "Azerbaijan" names only the country.
      CASE WHEN INSTR({place}, ',') > 0
           THEN NULLIF(TRIM(SUBSTR({place}, 1, INSTR({place}, ',') - 1)), '') END AS place,
      TRIM(place_fips) AS place_fips,
      CAST(NULL AS STRING) AS outlet,
      url
    FROM gathered"""
    mapped = f"""
    SELECT
      c.events, c.day, c.code, c.place, c.outlet, c.url, f.iso AS place_country,
      CASE WHEN a1.iso < a2.iso THEN a1.iso ELSE a2.iso END AS country1,
      CASE WHEN a1.iso < a2.iso THEN a2.iso ELSE a1.iso END AS country2,
      {_kind("c.code", "k")} AS kind,
      COALESCE(k.area, 'political') AS area,
      CASE
        WHEN c.cooperative = 0 THEN {literal(NOT_COOPERATION)}
        WHEN c.cooperative = 2 THEN {literal(OUTSIDE)}
        WHEN c.actor1 = '' OR c.actor2 = '' THEN {literal(NO_COUNTRY)}
        WHEN c.actor1 IN (SELECT code FROM regions) OR c.actor2 IN (SELECT code FROM regions)
          THEN {literal(REGION)}
        WHEN a1.iso IS NULL OR a2.iso IS NULL THEN {literal(UNKNOWN_COUNTRY)}
        WHEN a1.iso = a2.iso THEN {literal(SAME_COUNTRY)}
      END AS reason
    FROM cleaned c
    LEFT JOIN actors a1 ON a1.cameo = c.actor1
    LEFT JOIN actors a2 ON a2.cameo = c.actor2
    LEFT JOIN places f ON f.fips = c.place_fips
    LEFT JOIN codes k ON k.code = c.code"""
    data = mapping_tables() if inline else {}
    return _query(data, gathered, cleaned, mapped, f, countries_known=True, ungrouped=ungrouped)


def icews(filters: EngineFilters | None = None, table: str = "events", *, inline: bool = True) -> str:
    """The collapse of ICEWS events: countries are full names, resolved by the fold, so they stay in the key."""
    raw = {
        "day": "event_date",
        "actor1": "source_country",
        "actor2": "target_country",
        "code": "cameo_code",
        "place": "city",
        "place_country": "place_country",
    }
    gathered = _gathered(table, "cameo_code", raw, ("outlet", "publisher", "event_order"))
    cleaned = f"""
    SELECT
      cooperative, events,
      TRIM(day) AS day,
      COALESCE({_nullable("actor1")}, '') AS actor1,
      COALESCE({_nullable("actor2")}, '') AS actor2,
      {_blank("code")} AS code,
      {_nullable("place")} AS place,
      {_nullable("place_country")} AS place_country,
      outlet,
      CAST(NULL AS STRING) AS url
    FROM gathered"""
    mapped = f"""
    SELECT
      c.events, c.day, c.code, c.place, c.outlet, c.url, c.place_country,
      c.actor1 AS country1, c.actor2 AS country2,
      {_kind("c.code", "k")} AS kind,
      COALESCE(k.area, 'political') AS area,
      CASE
        WHEN c.cooperative = 0 THEN {literal(NOT_COOPERATION)}
        WHEN c.actor1 = '' OR c.actor2 = '' THEN {literal(NO_COUNTRY)}
      END AS reason
    FROM cleaned c
    LEFT JOIN codes k ON k.code = c.code"""
    data = {"codes": mapping_tables()["codes"]} if inline else {}
    # Countries and areas need the resolved pair: the fold applies them.
    engine = EngineFilters(since=filters.since, until=filters.until, kind=filters.kind) if filters else EngineFilters()
    return _query(data, gathered, cleaned, mapped, engine, countries_known=False)


def _early(f: EngineFilters) -> str:
    """The countries and dates asked for, tested on GDELT's raw values (actor codes, YYYYMMDD days)."""
    tests = []
    for wanted in sorted(f.countries):
        codes = sorted(cameo_code for cameo_code, iso in tables.actor_countries() if iso == wanted)
        listed = ", ".join(literal(c) for c in codes)
        tests.append(f"({_blank('Actor1CountryCode')} IN ({listed}) OR {_blank('Actor2CountryCode')} IN ({listed}))")
    day = "COALESCE(TRIM(CAST(SQLDATE AS STRING)), '')"
    if f.since:
        tests.append(f"{day} >= {literal(f.since.replace('-', ''))}")
    if f.until:
        tests.append(f"{day} <= {literal(f.until.replace('-', ''))}")
    return " AND ".join(tests)


def _kind(code: str, alias: str) -> str:
    verbal = tables.verbal_condition(code)
    return f"COALESCE({alias}.kind, CASE WHEN {verbal} THEN 'statement' ELSE 'other' END)"


def _query(
    data: dict[str, str],
    gathered: str,
    cleaned: str,
    mapped: str,
    f: EngineFilters,
    *,
    countries_known: bool,
    ungrouped: bool = False,
) -> str:
    outside = _outside(f, countries_known)
    # Events skipped for a reason keep no key, so that each reason is one group.
    key = ("country1", "country2", "day", "kind", "area", "code", "place", "place_country")
    keyed = ",\n      ".join(f"CASE WHEN why IS NULL THEN {c} END AS {c}" for c in key)
    judged = f"""
    SELECT mapped.*, {outside} AS why
    FROM mapped"""
    taken = f"""
    SELECT
      why AS reason,
      {keyed},
      events, outlet, url
    FROM judged"""
    # ICEWS keeps the place in the key too: its place names are resolved by the fold, one by one.
    group = "reason, country1, country2, day, kind, area, code" + ("" if countries_known else ", place, place_country")
    grouped = f"""
    SELECT
      {group},
      SUM(events) AS events,
      SUM(CASE WHEN place_country IS NOT NULL THEN events ELSE 0 END) AS placed,
      SUM(CASE WHEN place_country IS NOT NULL AND place IS NOT NULL THEN events ELSE 0 END) AS named,
      MIN(CASE WHEN place_country IS NOT NULL THEN place END) AS place_first,
      MAX(CASE WHEN place_country IS NOT NULL THEN place END) AS place_last,
      MIN(place_country) AS place_country_first,
      MAX(place_country) AS place_country_last,
      MIN(outlet) AS outlet,
      MIN(url) AS url
    FROM taken
    GROUP BY {group}"""
    ctes = [*(f"{name} AS (\n  {body}\n)" for name, body in data.items())]
    ctes += [
        f"gathered AS ({gathered}\n)",
        f"cleaned AS ({cleaned}\n)",
        f"mapped AS ({mapped}\n)",
        f"judged AS ({judged}\n)",
        f"taken AS ({taken}\n)",
    ]
    if ungrouped:
        from .grouping import EACH_ITS_OWN

        return "WITH\n" + ",\n".join(ctes) + "\n" + EACH_ITS_OWN + "\n"
    ctes.append(f"grouped AS ({grouped}\n)")
    columns = ", ".join(COLUMNS)
    if f.areas and countries_known:
        ctes.append(f"kept AS ({_kept(f.areas)}\n)")
        final = f"""SELECT
  CASE WHEN g.reason IS NULL AND k.country1 IS NULL THEN {literal(OUTSIDE)} ELSE g.reason END AS reason,
  {", ".join(f"g.{c}" for c in COLUMNS[1:])}
FROM grouped g
LEFT JOIN kept k
  ON k.country1 = g.country1 AND k.country2 = g.country2 AND k.day = g.day AND k.kind = g.kind"""
    else:
        final = f"SELECT {columns} FROM grouped"
    return "WITH\n" + ",\n".join(ctes) + "\n" + final + "\n"


def _outside(f: EngineFilters, countries_known: bool) -> str:
    """The event's reason, with events outside the one-event filters given their own."""
    tests = []
    if countries_known:
        tests += [f"{literal(c)} IN (country1, country2)" for c in sorted(f.countries)]
    if f.since:
        tests.append(f"day >= {literal(f.since)}")
    if f.until:
        tests.append(f"day <= {literal(f.until)}")
    if f.kind:
        tests.append(f"kind = {literal(f.kind)}")
    if not tests:
        return "reason"
    return f"CASE WHEN reason IS NULL AND NOT ({' AND '.join(tests)}) THEN {literal(OUTSIDE)} ELSE reason END"


def _kept(areas: frozenset[str]) -> str:
    """The engagements whose codes together cover every area asked for."""
    having = " AND ".join(f"SUM(CASE WHEN area = {literal(a)} THEN 1 ELSE 0 END) > 0" for a in sorted(areas))
    return f"""
    SELECT country1, country2, day, kind
    FROM grouped
    WHERE reason IS NULL
    GROUP BY country1, country2, day, kind
    HAVING {having}"""
