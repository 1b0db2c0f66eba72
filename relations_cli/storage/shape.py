"""The structure a stored record must have before any command reads it, checked once as the file is parsed.

The program only ever writes records that passed `parse_record`, but the file is plain JSON that
people edit by hand and git merges: a field missing, `null` where an object belongs or a date in
other digits must stop every command with a message naming the record (exit 1), as `check` names
it, never with a traceback halfway through. This is the quick structural test (fields, types, the
date's form); `check` still does the full validation.
"""

from __future__ import annotations

import re
from typing import Any

from ..models import FIELDS
from .layout import MAX_ID, record_id

_KEYS = frozenset(FIELDS[1:])
_DATE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")
_LOCATION = frozenset(("country", "place"))
_SOURCE = frozenset(("outlet", "author", "url", "published"))
_PERSON = frozenset(("name", "role", "country"))
_TEXT = frozenset((str, type(None)))
_LIST = {list}


def record_problem(key: str, doc: dict[str, Any]) -> str | None:
    """What is wrong with one stored record's key or structure, None when every reader can rely on it."""
    if _sound(key, doc):
        return None
    return _problem(key, doc)


def _sound(key: str, doc: dict[str, Any]) -> bool:
    """The quick yes, for the 100,000 sound records of a large file: C-level checks, no Python loops."""
    if doc.keys() != _KEYS or record_id(key) is None:
        return False
    date, lists = doc["date"], (doc["countries"], doc["areas"], doc["mentioned"], doc["tags"])
    if type(date) is not str or not _DATE.fullmatch(date) or type(doc["kind"]) is not str:
        return False
    if {type(v) for v in lists} != _LIST or not {
        type(v) for v in (doc["summary"], doc["created"], doc["updated"])
    } <= _TEXT:
        return False
    try:
        "".join(map("".join, lists))  # a TypeError at the first item that is not a string
    except TypeError:
        return False
    loc, src, people = doc["location"], doc["source"], doc["participants"]
    if type(loc) is not dict or loc.keys() != _LOCATION or not set(map(type, loc.values())) <= _TEXT:
        return False
    if type(src) is not dict or src.keys() != _SOURCE or not set(map(type, src.values())) <= _TEXT:
        return False
    return type(people) is list and all(
        type(p) is dict and p.keys() == _PERSON and type(p["name"]) is str and set(map(type, p.values())) <= _TEXT
        for p in people
    )


def _problem(key: str, doc: dict[str, Any]) -> str | None:
    if record_id(key) is None:
        return f"key {key!r} is not an id (a decimal from 1 to {MAX_ID}, no leading zero)"
    if doc.keys() != _KEYS:
        missing = sorted(_KEYS - doc.keys())
        return f"field {missing[0]!r} is missing" if missing else f"unknown field {sorted(doc.keys() - _KEYS)[0]!r}"
    date = doc["date"]
    if type(date) is not str or not _DATE.fullmatch(date):
        return f"date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
    if type(doc["kind"]) is not str:
        return "kind is not a string"
    for name in ("countries", "areas", "mentioned", "tags"):
        if not _strings(doc[name]):
            return f"{name} is not a list of strings"
    for name in ("summary", "created", "updated"):
        if not _text(doc[name]):
            return f"{name} is not a string or null"
    if not _object(doc["location"], _LOCATION):
        return "location is not an object of country and place"
    if not _object(doc["source"], _SOURCE):
        return "source is not an object of outlet, author, url and published"
    people = doc["participants"]
    if type(people) is not list or not all(_object(p, _PERSON) and type(p["name"]) is str for p in people):
        return "participants is not a list of people with a name"
    return None


def meta_problem(meta: dict[str, Any]) -> str | None:
    """What is wrong with the meta document's next id, None when it is a usable one."""
    next_id = meta.get("next_id", 1)
    if type(next_id) is not int or not 1 <= next_id <= MAX_ID + 1:
        return f"next_id {next_id!r} is not an id"
    return None


def _strings(value: Any) -> bool:
    return type(value) is list and all(type(item) is str for item in value)


def _text(value: Any) -> bool:
    return value is None or type(value) is str


def _object(value: Any, keys: frozenset[str]) -> bool:
    return type(value) is dict and value.keys() == keys and all(_text(value[k]) for k in keys)
