"""The JSON Schema (draft 2020-12) of what the program prints: the record, and the rows of each summary.

The document validates a record as it stands (`"$ref": "#/$defs/engagement"`); the summary rows are
under `$defs` as `summary-pair`, `summary-area`, ... and `matrix`. `schema_version` is the version
of the database file's schema, which changes whenever the record does.
"""

from __future__ import annotations

from typing import Any

from .models import KIND_HELP, KINDS
from .summary import COLUMNS

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
CODE = r"^[A-Z]{3}$"
TIMESTAMP = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$"


def _text(description: str) -> dict[str, Any]:
    return {"type": ["string", "null"], "description": description}


def _code(description: str, *, nullable: bool = False) -> dict[str, Any]:
    return {"type": ["string", "null"] if nullable else "string", "pattern": CODE, "description": description}


def _object(description: str, properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _codes(description: str, *, min_items: int = 0) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "array", "items": {"type": "string", "pattern": CODE}, "uniqueItems": True}
    if min_items:
        out["minItems"] = min_items
    return {**out, "description": description}


def engagement() -> dict[str, Any]:
    """The record as `list --json`, `show --json` and `export` print it; every key is always present."""
    kinds = "; ".join(f"{k}: {KIND_HELP[k]}" for k in KINDS)
    return _object(
        "One engagement: a contact between two or more countries.",
        {
            "id": {"type": "integer", "minimum": 1, "description": "Stable for the record's life, never reused."},
            "date": {
                "type": "string",
                "pattern": DATE,
                "description": "When: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known (sorts as its first day).",
            },
            "countries": _codes("The parties: ISO 3166-1 alpha-3 codes (Kosovo XKX), sorted.", min_items=2),
            "kind": {"enum": list(KINDS), "description": f"What kind of contact ({kinds})."},
            "areas": {
                "type": "array",
                "items": {"type": "string"},
                "uniqueItems": True,
                "description": "Cooperation areas, sorted, lowercase kebab-case: the built-in vocabulary "
                "(`relations areas`) or custom ones.",
            },
            "location": _object(
                "Where it took place.",
                {
                    "country": _code("Country it took place in, alpha-3.", nullable=True),
                    "place": _text("City or venue, as written."),
                },
            ),
            "participants": {
                "type": "array",
                "description": "Who took part.",
                "items": _object(
                    "A participant.",
                    {
                        "name": {"type": "string", "description": "Name as written."},
                        "role": _text("Office or role."),
                        "country": _code("Whom they spoke for, alpha-3.", nullable=True),
                    },
                ),
            },
            "mentioned": _codes("Countries named in the source that are not parties, sorted."),
            "summary": _text("One line about the engagement."),
            "source": _object(
                "Where it was reported.",
                {
                    "outlet": _text("Outlet (news agency, newspaper, ministry)."),
                    "author": _text("Author."),
                    "url": _text("URL of the report."),
                    "published": {
                        "type": ["string", "null"],
                        "pattern": DATE,
                        "description": "Publication date, as `date`.",
                    },
                },
            ),
            "tags": {
                "type": "array",
                "items": {"type": "string", "minLength": 1},
                "description": "Your own labels, sorted; compared without case, spelt as first given.",
            },
            "created": {
                "type": ["string", "null"],
                "pattern": TIMESTAMP,
                "description": "UTC time the record entered this database (an import sets its own).",
            },
            "updated": {
                "type": ["string", "null"],
                "pattern": TIMESTAMP,
                "description": "UTC time of the last change that changed something (a no-op edit keeps it).",
            },
        },
    )


_COUNTS = {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1}}
_ROW_FIELDS: dict[str, dict[str, Any]] = {
    "pair": {**_codes("The two countries, sorted.", min_items=2), "maxItems": 2},
    "country": _code("The country."),
    "area": {"type": "string", "description": "The area."},
    "kind": {"enum": list(KINDS), "description": "The kind."},
    "period": {"type": "string", "pattern": r"^\d{4}(-\d{2})?$", "description": "YYYY (by year) or YYYY-MM."},
    "engagements": {"type": "integer", "minimum": 0, "description": "Engagements counted in the row."},
    "areas": {**_COUNTS, "description": "Area → engagements, most frequent first."},
    "kinds": {**_COUNTS, "description": "Kind → engagements, most frequent first."},
    "partners": {**_COUNTS, "description": "Partner code → engagements, most frequent first."},
    "pairs": {"type": "integer", "minimum": 0, "description": "Distinct pairs with this area."},
    "busiest_pair": {
        "type": ["array", "null"],
        "items": {"type": "string", "pattern": CODE},
        "description": "The pair with the most engagements in this area.",
    },
    "first": {"type": ["string", "null"], "pattern": DATE, "description": "Earliest date."},
    "last": {"type": ["string", "null"], "pattern": DATE, "description": "Latest date."},
}


def summary_row(by: str) -> dict[str, Any]:
    """A row of `summary --by BY --json`."""
    return _object(f"A row of `relations summary --by {by}`.", {c: _ROW_FIELDS[c] for c in COLUMNS[by]})


def document(schema_version: int) -> dict[str, Any]:
    """The whole schema: validates a record; the summary rows are in `$defs`."""
    defs: dict[str, Any] = {"engagement": engagement()}
    defs.update({f"summary-{by}": summary_row(by) for by in COLUMNS})
    defs["matrix"] = _object(
        "A row of `relations matrix --json`.", {c: _ROW_FIELDS[c] for c in ("pair", "areas", "engagements")}
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "relations engagement",
        "schema_version": schema_version,
        "$ref": "#/$defs/engagement",
        "$defs": defs,
    }
