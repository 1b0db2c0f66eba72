"""`--fields`: narrowing records to some of their fields (`id,date,source.url`) in JSON and in CSV."""

from __future__ import annotations

from typing import Any

_NESTED = {"location": ("country", "place"), "source": ("outlet", "author", "url", "published")}


def parse_fields(text: str) -> list[str]:
    """`id,date,source.url` as a list of known fields; InvalidInput naming an unknown one."""
    from .errors import InvalidInput
    from .models import FIELDS

    known = [*FIELDS, *(f"{outer}.{inner}" for outer, inners in _NESTED.items() for inner in inners)]
    fields = [name.strip() for name in text.split(",") if name.strip()]
    for name in fields:
        if name not in known:
            raise InvalidInput(f"unknown field {name!r} in --fields; known: {', '.join(known)}")
    if not fields:
        raise InvalidInput("--fields needs at least one field name")
    return list(dict.fromkeys(fields))


def pick(record: dict[str, Any], fields: list[str] | None) -> dict[str, Any]:
    """The record narrowed to `fields`, in their order; `source.url` keeps the nesting."""
    if not fields:
        return record
    out: dict[str, Any] = {}
    for name in fields:
        outer, _, inner = name.partition(".")
        if inner:
            out.setdefault(outer, {})[inner] = record[outer][inner]
        else:
            out[outer] = record[outer]
    return out


def csv_columns(fields: list[str]) -> list[str]:
    """The CSV columns for `fields` (`source` is its four columns, `source.url` is `source_url`)."""
    columns: list[str] = []
    for name in fields:
        outer, _, inner = name.partition(".")
        if inner:
            columns.append(f"{outer}_{inner}")
        elif outer in _NESTED:
            columns.extend(f"{outer}_{sub}" for sub in _NESTED[outer])
        else:
            columns.append(outer)
    return list(dict.fromkeys(columns))
