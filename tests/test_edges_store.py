"""Edges of the store's reading side (issue #19): a hand-edited file, its index, and each stored record's shape.

Each test fails when a user would see something wrong: a damaged record read as sound (or a sound one
refused), a record's document taken from the wrong bytes, an index trusted after the file changed.
"""

from __future__ import annotations

import dataclasses
import json
import marshal
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from relations_cli.errors import NotFound, StoreError
from relations_cli.models import Engagement, Location, Participant
from relations_cli.models import Source as SourceRef
from relations_cli.storage import index, layout
from relations_cli.storage.change import Batch
from relations_cli.storage.records import Stored, documents
from relations_cli.storage.store import SCHEMA_VERSION, Store

from .conftest import Run


def _file(path: Path, records: dict[str, dict[str, object]], next_id: object = 1) -> None:
    """A database file laid out by hand (by another tool), meta and records as given."""
    meta = {"1": {"format": layout.FORMAT, "schema": SCHEMA_VERSION, "next_id": next_id}}
    path.write_text(json.dumps({layout.META: meta, layout.TABLE: records}))


def test_a_file_whose_next_id_is_the_first_or_the_last_is_sound(db: Path) -> None:
    _file(db, {}, next_id=1)
    assert Store(db).rows() == []
    _file(db, {}, next_id=layout.MAX_ID + 1)
    assert Store(db).rows() == []
    meta_only = json.loads(db.read_text())
    del meta_only[layout.TABLE]  # a file with no records table at all
    db.write_text(json.dumps(meta_only))
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


# -- a record read through the index is the record the file holds -------------------------------------


def _full(n: int) -> Engagement:
    """A record with every field given, different for each n (so that a record read from the wrong line shows)."""
    return Engagement(
        date=f"{2000 + n % 20}-0{1 + n % 9}", countries=["AZ", "PK"] if n % 2 else ["TR", "AZ", "GE"],
        kind="agreement" if n % 3 else "meeting", areas=["energy"] if n % 2 else ["trade", "security"],
        location=Location(country="AZ", place=f"Baku {n}"),
        participants=[Participant(name=f"Minister {n}", role="foreign minister", country="AZ")],
        mentioned=["RU"], summary=f"Talks number {n}", tags=[f"t{n}"],
        source=SourceRef(outlet=f"Outlet {n}", author=f"Author {n}", url=f"https://example.org/{n}", published="2021"),
    )  # fmt: skip


def _written(db: Path, count: int) -> list[dict[str, object]]:
    """A database of `count` records, written as this program writes them; the records' JSON as the file holds it."""
    with Store(db).writing() as batch:
        batch.insert([_full(n) for n in range(1, count + 1)])
    stored = json.loads(db.read_text())[layout.TABLE]
    return [{"id": int(key), **doc} for key, doc in stored.items()]


@pytest.mark.parametrize("settled", [False, True], ids=["just written", "settled"])
@pytest.mark.parametrize("count", [3, 70])  # a few records' lines are each checked, many are parsed at once
def test_records_read_through_the_index_are_each_the_record_the_file_holds(
    db: Path, monkeypatch: pytest.MonkeyPatch, count: int, settled: bool
) -> None:
    expected = _written(db, count)
    if settled:
        monkeypatch.setattr(index, "SETTLED_NS", -1)
    rows = _settled_rows(db) if settled else Store(db).rows()
    assert [r.source is not None and r.parsed is None for r in rows] == [True] * count  # read through the index
    assert documents(rows) == [{k: v for k, v in d.items() if k != "id"} for d in expected]
    assert [r.to_dict() for r in rows] == expected
    assert [json.loads(r.json_line()) for r in rows] == expected
    assert [r.json_line() for r in rows] == [r.full().json_line() for r in rows]
    built = Store(db).records()
    assert [r.to_dict() for r in built] == expected
    for row, record in zip(rows, built, strict=True):
        assert (row.searchable(), row.identity(), row.occasion()) == (
            record.searchable(), record.identity(), record.occasion()
        )  # fmt: skip
    assert "minister 2" in rows[1].searchable() and "baku 2" in rows[1].searchable()
    assert Store(db).get(2).to_dict() == expected[1]
    assert Store(db).get(count).to_dict() == expected[-1]


def _rewritten_in_place(db: Path, change: Callable[[Batch], object], tmp_path: Path) -> None:
    """The file's bytes overwritten in place (same file, as an editor that does not rename would) by those
    of the database after `change`."""
    copy = tmp_path / "copy.json"
    copy.write_bytes(db.read_bytes())
    with Store(copy).writing(in_place=False) as batch:
        change(batch)
    with db.open("r+b") as f:
        f.write(copy.read_bytes())
        f.truncate()


def _settled_rows(db: Path) -> list[Stored]:
    """The records read through a settled index: the file kept open, not read until a document is wanted."""
    for _ in range(3):  # parsed and indexed, then the index marked settled, then read through it
        rows = Store(db).rows()
    assert rows and all(r.source is not None and not r.source.loaded for r in rows)
    return rows


def test_documents_of_records_whose_lines_moved_under_a_settled_index_are_read_again_by_id(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _written(db, 3)
    monkeypatch.setattr(index, "SETTLED_NS", -1)
    rows = _settled_rows(db)
    longer = dataclasses.replace(_full(2), id=2, summary="Talks number 2, and a longer summary")
    _rewritten_in_place(db, lambda b: b.replace(longer), tmp_path)
    assert [d["summary"] for d in documents(rows[1:])] == [longer.summary, "Talks number 3"]
    rows = _settled_rows(db)
    _rewritten_in_place(db, lambda b: b.delete([1]), tmp_path)
    with pytest.raises(NotFound, match=f"^no engagement with id 1 in {re.escape(str(db))}$"):
        documents(rows)


def test_documents_of_records_of_two_files_or_built_ones_are_each_their_own(db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    mine, theirs = _written(db, 2), _written(other, 2)
    rows, built = Store(db).rows(), [dataclasses.replace(_full(9), id=9)]
    assert documents([rows[0], Store(other).rows()[1], *built]) == [
        {k: v for k, v in d.items() if k != "id"} for d in (mine[0], theirs[1])
    ] + [built[0].to_dict()]
    assert documents([]) == []
    assert documents([rows[1]]) == [{k: v for k, v in mine[1].items() if k != "id"}]
    assert documents([rows[1], built[0]]) == [{k: v for k, v in mine[1].items() if k != "id"}, built[0].to_dict()]
    assert documents([rows[0], Store(other).rows()[1]]) == [
        {k: v for k, v in d.items() if k != "id"} for d in (mine[0], theirs[1])
    ]


# -- the whole-file write: a file laid out by hand, and ids given ----------------------------------------


def test_a_hand_made_file_without_a_next_id_starts_at_1_and_keeps_its_other_tables_in_order(db: Path) -> None:
    _file(db, {})
    data = json.loads(db.read_text())
    del data[layout.META]["1"]["next_id"]
    data["zeta"], data["alpha"] = {"1": {"z": 1}}, {"1": {"a": 2}}
    db.write_text(json.dumps(data))
    with Store(db).writing() as batch:
        assert batch.insert([_full(1)]) == [1]
    written = json.loads(db.read_text())
    assert list(written) == [layout.META, layout.TABLE, "alpha", "zeta"]
    assert (written["alpha"], written["zeta"]) == ({"1": {"a": 2}}, {"1": {"z": 1}})
    assert written[layout.META]["1"]["next_id"] == 2


@pytest.mark.parametrize(
    ("given", "kept"),
    [([1, 3], [1, 3]), ([3, 1], [3, 1]), ([2, 2], [1, 2]), ([4, None], [1, 2])],
    ids=["from the first", "out of order", "twice", "one without"],
)
def test_ids_given_to_an_empty_database_are_kept_when_each_is_its_own(
    db: Path, given: list[int | None], kept: list[int]
) -> None:
    with Store(db).writing() as batch:
        records = [dataclasses.replace(_full(n), id=i) for n, i in enumerate(given, 1)]
        assert batch.insert(records, keep_ids=True) == kept
    assert sorted(r.id for r in Store(db).rows()) == sorted(kept)
    with Store(db).writing() as batch:
        assert batch.insert([_full(9)]) == [max(kept) + 1]


def test_check_reads_a_damaged_file_whole_and_names_every_damaged_record(run: Run, db: Path) -> None:
    sound = _doc(countries=["AZE", "PAK"])
    _file(db, {"1": sound, "2": {**sound, "kind": 1}, "3": {**sound, "location": None}}, next_id=4)
    assert run("list").exit_code == 1  # the other commands stop at the first
    result = run("check", "--json")
    assert result.exit_code == 1
    assert [(p["id"], p["field"]) for p in json.loads(result.stdout)] == [(2, "kind"), (3, "location")]
    db.write_text("[1, 2]")
    result = run("check")
    assert result.exit_code == 1 and result.stderr == f"Error: {db} is not a relations database\n"


def test_ready_made_documents_are_stored_under_new_ids_and_none_changes_nothing(db: Path, tmp_path: Path) -> None:
    """What an import of events stores: documents as the file holds them, many at once."""
    _written(db, 2)
    docs = [_doc(summary="first"), _doc(summary="second")]
    with Store(db).writing() as batch:
        assert batch.insert_documents(docs) == [3, 4]
    assert [(r.id, r.doc["summary"]) for r in Store(db).rows()][2:] == [(3, "first"), (4, "second")]
    before = db.read_bytes()
    stamp = db.stat().st_mtime_ns
    with Store(db).writing() as batch:
        assert batch.insert_documents([]) == []
    assert db.read_bytes() == before and db.stat().st_mtime_ns == stamp  # not written at all
    with Store(db).writing() as batch:
        batch.delete([1])
        batch.insert_documents([])
    assert [r.id for r in Store(db).rows()] == [2, 3, 4]


@pytest.mark.parametrize("content", [None, "", "\n", "{}", '{"meta": {}}'])
def test_check_finds_nothing_wrong_in_an_empty_database(run: Run, db: Path, content: str | None) -> None:
    if content is not None:
        db.write_text(content)
    result = run("check", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_a_file_laid_out_as_this_program_does_but_out_of_id_order_is_written_back_in_id_order(db: Path) -> None:
    docs = {"10": _doc(summary="ten"), "9": _doc(summary="nine")}  # 10 before 9 (in order as text, not as ids)
    tables = {layout.META: {"1": layout.meta_document(SCHEMA_VERSION, 11)}, layout.TABLE: docs}
    db.write_bytes(b"".join(layout.dump(tables)[0]))  # the layout the index describes
    assert [r.id for r in Store(db).rows()] == [9, 10]
    with Store(db).writing() as batch:  # record 10's line grows: the lines after it move
        batch.replace(dataclasses.replace(_full(1), id=10, summary="a summary longer than before"))
    assert [(r.id, r.doc["summary"]) for r in Store(db).rows()] == [(9, "nine"), (10, "a summary longer than before")]
    assert list(json.loads(db.read_text())[layout.TABLE]) == ["9", "10"]
    with Store(db).writing() as batch:
        assert batch.insert([_full(1)]) == [11]
    assert list(json.loads(db.read_text())[layout.TABLE]) == ["9", "10", "11"]


@pytest.mark.parametrize("damage", ["a span missing", "a field missing a record", "columns as tuples"])
def test_an_index_whose_columns_do_not_line_up_is_not_used_and_writes_stay_right(db: Path, damage: str) -> None:
    expected = _written(db, 3)
    data = list(marshal.loads(index.path_for(db).read_bytes()))
    if damage == "a span missing":
        data[-1] = data[-1][:-1]
    elif damage == "a field missing a record":
        data[4] = data[4][:-1]
    else:
        data[4:] = [tuple(column) for column in data[4:]]
    index.path_for(db).write_bytes(marshal.dumps(tuple(data)))  # still naming this very file
    assert [r.to_dict() for r in Store(db).rows()] == expected
    index.path_for(db).write_bytes(marshal.dumps(tuple(data)))
    with Store(db).writing() as batch:
        batch.replace(dataclasses.replace(_full(2), id=2, summary="edited"))
    assert [r.to_dict()["summary"] for r in Store(db).rows()] == ["Talks number 1", "edited", "Talks number 3"]


def test_an_import_matching_by_identity_updates_the_record_of_the_same_summary_when_there_is_no_url(run: Run) -> None:
    run("add", "AZ", "PK", "--date", "2021", "--summary", "talks")
    run("add", "AZ", "PK", "--date", "2021", "--summary", "other talks")
    incoming = [
        {"date": "2021", "countries": ["AZ", "PK"], "summary": "talks", "tags": ["matched"]},
        {"date": "2021", "countries": ["AZ", "PK"], "summary": "third talks"},
    ]
    lines = "".join(json.dumps(r) + "\n" for r in incoming)
    result = run("import", "-", "--format", "jsonl", "--upsert", "--match", "identity", "--json", input=lines)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["updated_ids"] == [1]
    listed = json.loads(run("list", "--json").stdout)
    assert [(r["id"], r["summary"], r["tags"]) for r in listed] == [
        (1, "talks", ["matched"]), (2, "other talks", []), (3, "third talks", [])
    ]  # fmt: skip


def test_several_records_at_once_take_the_last_ids_and_then_none_are_left(db: Path) -> None:
    _file(db, {}, next_id=layout.MAX_ID - 1)
    with Store(db).writing() as batch:  # two at once: the whole-file way
        assert batch.insert([_full(1), _full(2)]) == [layout.MAX_ID - 1, layout.MAX_ID]
    before = db.read_bytes()
    with pytest.raises(StoreError) as refused, Store(db).writing() as batch:
        batch.insert([_full(3), _full(4)])
    assert str(refused.value) == f"no ids left: the highest id is {layout.MAX_ID}"
    assert db.read_bytes() == before


@pytest.mark.parametrize("engagements", [[], {"1": 5}, "x"], ids=["a list", "a number for a record", "a string"])
def test_a_table_or_record_that_is_not_an_object_is_not_a_relations_database(
    run: Run, db: Path, engagements: object
) -> None:
    run("add", "AZ", "PK", "--date", "2021")
    meta = json.loads(db.read_text())[layout.META]
    db.write_text(json.dumps({layout.META: meta, layout.TABLE: engagements}))
    before = db.read_bytes()
    for command in (["list"], ["add", "AZ", "TR", "--date", "2022"]):
        result = run(*command)
        assert result.exit_code == 1 and result.stderr == f"Error: {db} is not a relations database\n"
    assert db.read_bytes() == before


def test_a_whole_file_write_of_thousands_of_records_is_the_file_they_make(run: Run, db: Path) -> None:
    # The file is written in chunks of a few thousand lines as they are made: every chunk, and the seams
    # between them, must be the records' own lines.
    lines = [json.dumps({"date": "2021", "countries": ["AZ", "PK"], "summary": f"talks {n}"}) for n in range(4200)]
    assert run("import", "-", "--format", "jsonl", input="\n".join(lines) + "\n").exit_code == 0
    stored = json.loads(db.read_text())[layout.TABLE]
    assert [stored[str(n + 1)]["summary"] for n in range(4200)] == [f"talks {n}" for n in range(4200)]
    assert run("check").exit_code == 0


def test_deleting_every_record_leaves_an_empty_table_on_one_line(run: Run, db: Path) -> None:
    run("add", "AZ", "PK", "--date", "2021")
    run("add", "AZ", "TR", "--date", "2022")
    assert run("delete", "1", "2", "--yes").exit_code == 0
    assert db.read_text().endswith('\n  "engagements": {}\n}\n')  # a diff shows the table emptied, no stray line
    assert run("add", "AZ", "GE", "--date", "2023").stdout == "3\n" and run("check").exit_code == 0
