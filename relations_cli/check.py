"""Verifying a database file without changing it: every problem as a row (id, field, problem)."""

from __future__ import annotations

from typing import Any

from .errors import InvalidInput
from .models import FIELDS, parse_record
from .storage.layout import MAX_ID, record_id
from .storage.store import SCHEMA_VERSION, Store


def check(store: Store) -> list[dict[str, Any]]:
    """Problems in the file: schema, ids, and each record as `add` would have validated it."""
    meta, docs = store.raw()
    problems: list[dict[str, Any]] = []

    def problem(record_id: int | str | None, field: str | None, text: str) -> None:
        problems.append({"id": record_id, "field": field, "problem": text})

    if docs and meta.get("schema") != SCHEMA_VERSION:
        problem(None, "meta", f"schema version {meta.get('schema')!r}, expected {SCHEMA_VERSION}")
    ids: list[int] = []
    for key, doc in docs.items():
        if record_id(key) is None:
            problem(key, "id", f"not an id (a decimal from 1 to {MAX_ID}, no leading zero)")
            continue
        ids.append(int(key))
        missing = [f for f in FIELDS if f != "id" and f not in doc]
        if missing:
            problem(int(key), missing[0], "missing")
            continue
        try:
            normal = parse_record({**doc, "id": int(key)}).to_dict()
        except InvalidInput as e:
            problem(int(key), e.field, str(e))
            continue
        stored = {**doc, "id": int(key)}
        for field in FIELDS:
            if normal[field] != stored[field]:
                problem(int(key), field, f"not in normal form (expected {normal[field]!r})")
    next_id = meta.get("next_id", 1)
    if type(next_id) is not int or not 1 <= next_id <= MAX_ID + 1:
        problem(None, "meta", f"next id {next_id!r} is not an id")
    elif ids and next_id <= max(ids):
        problem(None, "meta", f"next id {next_id!r} is not above the highest id {max(ids)}")
    return problems
