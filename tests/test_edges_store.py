"""Edges of the store's reading side (issue #19): a hand-edited file, its index, and each stored record's shape.

Each test fails when a user would see something wrong: a damaged record read as sound (or a sound one
refused), a record's document taken from the wrong bytes, an index trusted after the file changed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from relations_cli.errors import StoreError
from relations_cli.storage import layout
from relations_cli.storage.store import SCHEMA_VERSION, Store


def _file(path: Path, records: dict[str, dict[str, object]], next_id: object = 1) -> None:
    """A database file laid out by hand (by another tool), meta and records as given."""
    meta = {"1": {"format": layout.FORMAT, "schema": SCHEMA_VERSION, "next_id": next_id}}
    path.write_text(json.dumps({layout.META: meta, layout.TABLE: records}))


def test_a_file_whose_next_id_is_the_first_or_the_last_is_sound(db: Path) -> None:
    _file(db, {}, next_id=1)
    assert Store(db).rows() == []
    _file(db, {}, next_id=layout.MAX_ID + 1)
    assert Store(db).rows() == []


def _doc(**changes: object) -> dict[str, object]:
    """A sound stored record (as this program writes one), with fields changed, added or (`None` key) removed."""
    doc: dict[str, object] = {
        "date": "2021", "countries": ["AZ", "PK"], "kind": "meeting", "areas": [],
        "location": {"country": None, "place": None}, "participants": [], "mentioned": [], "summary": "x",
        "source": {"outlet": None, "author": None, "url": None, "published": None}, "tags": [],
        "created": None, "updated": None,
    }  # fmt: skip
    for name, value in changes.items():
        if value is _GONE:
            del doc[name]
        else:
            doc[name] = value
    return doc


_GONE = object()
_PERSON = {"name": "Ilham Aliyev", "role": "president", "country": "AZ"}
_KEY_PROBLEM = f"is not an id (a decimal from 1 to {layout.MAX_ID}, no leading zero)"
_DATE = "is not YYYY, YYYY-MM or YYYY-MM-DD"
_LOCATION = "location is not an object of country and place"
_SOURCE = "source is not an object of outlet, author, url and published"
_PEOPLE = "participants is not a list of people with a name"

# Damage a hand edit or a merge can do to a record, and how every command must name it.
DAMAGED: dict[str, tuple[str, dict[str, object], str]] = {
    "key a word": ("x", _doc(), f"key 'x' {_KEY_PROBLEM}"),
    "key with a leading zero": ("02", _doc(), f"key '02' {_KEY_PROBLEM}"),
    "key past the last id": (str(layout.MAX_ID + 1), _doc(), f"key '{layout.MAX_ID + 1}' {_KEY_PROBLEM}"),
    "a field missing": ("2", _doc(kind=_GONE), "field 'kind' is missing"),
    "two fields missing": ("2", _doc(tags=_GONE, areas=_GONE), "field 'areas' is missing"),
    "a field unknown": ("2", _doc(extra=1), "unknown field 'extra'"),
    "date a number": ("2", _doc(date=2021), f"date 2021 {_DATE}"),
    "date two digits": ("2", _doc(date="21"), f"date '21' {_DATE}"),
    "date a one-digit month": ("2", _doc(date="2021-1"), f"date '2021-1' {_DATE}"),
    "date with more after it": ("2", _doc(date="2021-01-01T00"), f"date '2021-01-01T00' {_DATE}"),
    "date with a time": ("2", _doc(date="2021-01-01-01"), f"date '2021-01-01-01' {_DATE}"),
    "kind a number": ("2", _doc(kind=1), "kind is not a string"),
    "kind null": ("2", _doc(kind=None), "kind is not a string"),
    "countries null": ("2", _doc(countries=None), "countries is not a list of strings"),
    "countries a string": ("2", _doc(countries="AZ"), "countries is not a list of strings"),
    "a country a number": ("2", _doc(countries=["AZ", 1]), "countries is not a list of strings"),
    "areas an object": ("2", _doc(areas={}), "areas is not a list of strings"),
    "an area null": ("2", _doc(areas=[None]), "areas is not a list of strings"),
    "mentioned null": ("2", _doc(mentioned=None), "mentioned is not a list of strings"),
    "a mention a list": ("2", _doc(mentioned=[["TR"]]), "mentioned is not a list of strings"),
    "tags a string": ("2", _doc(tags="x"), "tags is not a list of strings"),
    "a tag a number": ("2", _doc(tags=[1]), "tags is not a list of strings"),
    "summary a number": ("2", _doc(summary=1), "summary is not a string or null"),
    "created a list": ("2", _doc(created=[]), "created is not a string or null"),
    "updated a number": ("2", _doc(updated=0), "updated is not a string or null"),
    "location null": ("2", _doc(location=None), _LOCATION),
    "location a list": ("2", _doc(location=[]), _LOCATION),
    "location without its place": ("2", _doc(location={"country": None}), _LOCATION),
    "location with more": ("2", _doc(location={"country": None, "place": None, "x": None}), _LOCATION),
    "location's place a number": ("2", _doc(location={"country": None, "place": 1}), _LOCATION),
    "source null": ("2", _doc(source=None), _SOURCE),
    "source without its url": ("2", _doc(source={"outlet": None, "author": None, "published": None}), _SOURCE),
    "source's url a list": ("2", _doc(source={"outlet": None, "author": None, "url": [], "published": None}), _SOURCE),
    "participants null": ("2", _doc(participants=None), _PEOPLE),
    "participants an object": ("2", _doc(participants=_PERSON), _PEOPLE),
    "a participant null": ("2", _doc(participants=[_PERSON, None]), _PEOPLE),
    "a participant without a name": ("2", _doc(participants=[{**_PERSON, "name": None}]), _PEOPLE),
    "a participant without a role": ("2", _doc(participants=[{"name": "A", "country": None}]), _PEOPLE),
    "a participant's role a number": ("2", _doc(participants=[{**_PERSON, "role": 1}]), _PEOPLE),
    "a participant's country a list": ("2", _doc(participants=[{**_PERSON, "country": ["AZ"]}]), _PEOPLE),
}  # fmt: skip


@pytest.mark.parametrize("damage", DAMAGED)
def test_each_kind_of_damage_to_a_record_is_named_and_nothing_is_read_or_written(db: Path, damage: str) -> None:
    key, doc, problem = DAMAGED[damage]
    _file(db, {"1": _doc(), key: doc}, next_id=3)
    before = db.read_bytes()
    message = f"{db} is damaged: record {key}: {problem} (run relations check)"
    with pytest.raises(StoreError) as read:
        Store(db).rows()
    assert str(read.value) == message
    with pytest.raises(StoreError) as write, Store(db).writing() as batch:
        batch.delete([1])
    assert str(write.value) == message
    assert db.read_bytes() == before


SOUND = {
    "a month": _doc(date="2021-03"),
    "a day": _doc(date="2021-03-04"),
    "every text null, every list empty": _doc(summary=None, countries=[]),
    "every text given": _doc(
        summary="s", created="2021-01-01T00:00:00Z", updated="2021-01-02T00:00:00Z",
        location={"country": "AZ", "place": "Baku"},
        source={"outlet": "o", "author": "a", "url": "u", "published": "2021"},
        participants=[_PERSON, {"name": "B", "role": None, "country": None}],
        areas=["energy"], mentioned=["TR"], tags=["t"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("form", SOUND)
def test_records_of_every_sound_form_are_read_and_written_back_as_they_were(db: Path, form: str) -> None:
    _file(db, {"1": _doc(), "7": SOUND[form]}, next_id=8)
    assert [r.doc for r in Store(db).rows()] == [_doc(), SOUND[form]]
    with Store(db).writing() as batch:
        batch.delete([1])
    assert [(r.id, r.doc) for r in Store(db).rows()] == [(7, SOUND[form])]
