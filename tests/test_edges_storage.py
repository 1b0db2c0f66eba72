"""Edges of the storage stack (issue #19): each test fails on a wrong byte, a lost record or a reused id.

Every write here is made twice, once as it is made for a user (in place when the index allows) and once
the whole-file way, and the two files must be the same bytes: the whole-file strategy is the reference
(tests/test_strategies.py), so a wrong byte of the in-place one shows as a difference.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from relations_cli.errors import NotFound, StoreError
from relations_cli.models import Engagement
from relations_cli.storage import index, layout
from relations_cli.storage.change import Batch
from relations_cli.storage.store import SCHEMA_VERSION, Store

from .conftest import Run

Change = Callable[[Batch], object]


def _record(n: int, summary: str = "") -> Engagement:
    return Engagement(date=f"{2000 + n}", countries=["AZ", "PK"], summary=summary or f"record {n}")


def _edited(record_id: int, summary: str) -> Engagement:
    """Record `record_id` as `_twins` stored it, with another summary."""
    return dataclasses.replace(_record(record_id), id=record_id, summary=summary)


def _twins(tmp_path: Path, count: int) -> tuple[Store, Store]:
    """Two databases of `count` records written one at a time (ids 1..count), each with its index."""
    stores = Store(tmp_path / "in-place.json"), Store(tmp_path / "whole.json")
    for store in stores:
        for n in range(1, count + 1):
            with store.writing() as batch:
                batch.insert([_record(n)])
    return stores


def _both(stores: tuple[Store, Store], change: Change) -> str:
    """The change made on both databases (in place where it can be, and the whole-file way); the strategy
    the first write ended with. The files must then be equal and read back the same."""
    fast, whole = stores
    with fast.writing() as batch:
        change(batch)
        used = "whole file" if batch.whole_file else "in place"
    with whole.writing(in_place=False) as batch:
        change(batch)
    assert fast.file.read_bytes() == whole.file.read_bytes()
    assert [r.to_dict() for r in fast.rows()] == [r.to_dict() for r in whole.rows()]
    return used


def _summaries(store: Store) -> dict[int, str]:
    return {r.id: r.doc["summary"] for r in store.rows()}


# -- two records are enough for the in-place path --------------------------------------------------


def test_two_records_are_changed_in_place_and_give_the_whole_file_bytes(tmp_path: Path) -> None:
    stores = _twins(tmp_path, 2)
    assert _both(stores, lambda b: b.replace(_edited(1, "a"))) == "in place"
    assert _both(stores, lambda b: b.insert([_record(3)])) == "in place"
    assert _both(stores, lambda b: b.delete([2])) == "in place"
    assert _summaries(stores[0]) == {1: "a", 3: "record 3"}
    # Down to one record, a change is the whole-file way; the last record's delete empties the table.
    assert _both(stores, lambda b: b.delete([1])) == "in place"
    assert _both(stores, lambda b: b.delete([3])) == "whole file"
    assert _summaries(stores[0]) == {}
    assert _both(stores, lambda b: b.insert([_record(4)])) == "whole file"
    assert [r.id for r in stores[0].rows()] == [4]


def test_edits_at_the_first_middle_and_last_record_keep_every_other_byte(tmp_path: Path) -> None:
    stores = _twins(tmp_path, 5)
    for record_id, text in ((1, "first, and longer than it was"), (3, "m"), (5, 'last é " \\ 🙂')):
        record = _edited(record_id, text)
        assert _both(stores, lambda b, r=record: b.replace(r)) == "in place"  # type: ignore[misc]
    assert _summaries(stores[0]) == {
        1: "first, and longer than it was", 2: "record 2", 3: "m", 4: "record 4", 5: "last é \" \\ 🙂"
    }  # fmt: skip


def test_several_changes_in_one_write_each_land_where_the_last_one_left_the_bytes(tmp_path: Path) -> None:
    """Adds across a digit boundary of the next id (9 to 10 to 11: the meta line grows) and deletes of
    several records, each in the same write as the others."""
    stores = _twins(tmp_path, 8)

    def two_adds(batch: Batch) -> None:
        assert batch.insert([_record(9)]) == [9]
        assert batch.insert([_record(10)]) == [10]
        batch.replace(_edited(2, "edited in the same write"))

    assert _both(stores, two_adds) == "in place"
    assert _both(stores, lambda b: b.delete([1, 10, 5])) == "in place"
    assert _summaries(stores[0]) == {
        2: "edited in the same write", 3: "record 3", 4: "record 4", 6: "record 6", 7: "record 7",
        8: "record 8", 9: "record 9",
    }  # fmt: skip
    assert json.loads(stores[0].file.read_text())["meta"]["1"]["next_id"] == 11
    assert _both(stores, lambda b: b.insert([_record(11)])) == "in place"
    assert [r.id for r in stores[0].rows()][-1] == 11


@pytest.mark.parametrize("size", [1, 2, 5])
def test_a_missing_id_is_no_such_record_for_every_change_and_changes_nothing(tmp_path: Path, size: int) -> None:
    stores = _twins(tmp_path, size + 1)
    _both(stores, lambda b: b.delete([2]))  # a gap in the ids
    before = stores[0].file.read_bytes()
    for missing in (0, 2, size + 2, 99):
        with pytest.raises(NotFound, match=f"no engagement with id {missing}"), stores[0].writing() as batch:
            batch.get(missing)
        with pytest.raises(NotFound, match=f"no engagement with id {missing}"), stores[0].writing() as batch:
            batch.replace(_edited(missing, "x"))
        with pytest.raises(NotFound, match=f"no engagement with id {missing}"), stores[0].writing() as batch:
            batch.delete([1, missing])
        with pytest.raises(NotFound, match=f"no engagement with id {missing}"):
            stores[0].get(missing)
    assert stores[0].file.read_bytes() == before


# -- the duplicate check reads the index's columns ------------------------------------------------------


def test_add_refuses_a_twin_of_any_stored_record_on_a_database_of_several(run: Run, db: Path) -> None:
    for year in (2001, 2002, 2003):
        assert run("add", "AZ", "PK", "--date", str(year), "--summary", f"talks {year}").exit_code == 0
    before = db.read_bytes()
    for year in (2001, 2002, 2003):
        again = run("add", "PK", "AZ", "--date", str(year), "--summary", f"talks {year}")
        assert again.exit_code == 1 and f"stored as {year - 2000}" in again.stderr, again.stderr
    assert db.read_bytes() == before
    assert run("add", "AZ", "PK", "--date", "2002", "--summary", "other talks").stdout == "4\n"


# -- the meta line ------------------------------------------------------------------------------


def _edit_meta(db: Path, **changes: object) -> None:
    """Change the meta document by hand, keeping the layout this program writes."""
    text = db.read_text()
    meta = json.loads(text)["meta"]["1"]
    old = json.dumps(meta, separators=(",", ":"))
    db.write_text(text.replace(old, json.dumps({**meta, **changes}, separators=(",", ":")), 1))


def test_a_meta_line_this_program_does_not_write_is_rewritten_whole_and_nothing_is_lost(run: Run, db: Path) -> None:
    for year in (2001, 2002, 2003):
        run("add", "AZ", "PK", "--date", str(year))
    _edit_meta(db, note="kept by hand")
    assert len(json.loads(run("list", "--json").stdout)) == 3  # a reader indexes the edited file
    assert run("edit", "2", "--summary", "edited").exit_code == 0
    # Written the whole-file way: the meta document as this program writes it (the hand-added key dropped).
    assert json.loads(db.read_text())["meta"]["1"] == layout.meta_document(SCHEMA_VERSION, 4)
    assert run("add", "AZ", "TR", "--date", "2004").stdout == "4\n"
    listed = json.loads(run("list", "--json").stdout)
    assert [(r["id"], r["summary"]) for r in listed] == [(1, None), (2, "edited"), (3, None), (4, None)]
    assert run("check").exit_code == 0


def test_the_highest_id_is_handed_out_once_and_then_adds_are_refused(run: Run, db: Path) -> None:
    for year in (2001, 2002):
        run("add", "AZ", "PK", "--date", str(year))
    _edit_meta(db, next_id=layout.MAX_ID)
    run("list")  # indexed again: the next add is made in place
    assert run("add", "AZ", "PK", "--date", "2003").stdout == f"{layout.MAX_ID}\n"
    before = db.read_bytes()
    refused = run("add", "AZ", "PK", "--date", "2004")
    assert refused.exit_code == 1 and f"no ids left: the highest id is {layout.MAX_ID}" in refused.stderr
    assert db.read_bytes() == before
    assert json.loads(before)["meta"]["1"]["next_id"] == layout.MAX_ID + 1
    assert [r["id"] for r in json.loads(run("list", "--json").stdout)] == [1, 2, layout.MAX_ID]
    index.path_for(db).unlink()  # the file read whole: the highest id is an id like any other
    assert [r["id"] for r in json.loads(run("list", "--json").stdout)] == [1, 2, layout.MAX_ID]
    assert run("check").exit_code == 0


@pytest.mark.parametrize("next_id", [0, -1, "3", 3.0, True, None, layout.MAX_ID + 2])
def test_a_meta_next_id_that_is_no_id_is_damage_and_nothing_is_written(run: Run, db: Path, next_id: object) -> None:
    for year in (2001, 2002, 2003):
        run("add", "AZ", "PK", "--date", str(year))
    run("list")  # the index describes the file as written
    _edit_meta(db, next_id=next_id)
    before = db.read_bytes()
    for command in (["add", "AZ", "PK", "--date", "2004"], ["edit", "2", "--summary", "x"], ["delete", "2", "--yes"]):
        result = run(*command)
        assert result.exit_code == 1 and "is damaged: meta: next_id" in result.stderr, (command, result.stderr)
    assert db.read_bytes() == before


def test_a_store_error_is_reported_not_raised_past_the_cli(run: Run, db: Path) -> None:
    db.write_text("[1, 2]")
    result = run("add", "AZ", "PK", "--date", "2001")
    assert result.exit_code == 1 and "not a relations database" in result.stderr
    with pytest.raises(StoreError):
        Store(db).rows()


# -- one write, many changes: the fallback to the whole file keeps what was changed in place ----------


def test_a_write_that_moves_to_the_whole_file_keeps_the_changes_made_in_place(tmp_path: Path) -> None:
    stores = _twins(tmp_path, 4)

    def add_then_edit_two(batch: Batch) -> None:
        assert batch.insert([_record(5)]) == [5]  # in place
        batch.replace_many([_edited(1, "one"), _edited(5, "five")])  # many at once: the whole file

    assert _both(stores, add_then_edit_two) == "whole file"
    assert _summaries(stores[0]) == {1: "one", 2: "record 2", 3: "record 3", 4: "record 4", 5: "five"}

    def add_then_delete_all(batch: Batch) -> None:
        assert batch.insert([_record(6)]) == [6]
        batch.delete([1, 2, 3, 4, 5, 6])

    assert _both(stores, add_then_delete_all) == "whole file"
    assert _summaries(stores[0]) == {}
    assert json.loads(stores[0].file.read_text())["meta"]["1"]["next_id"] == 7


def test_ids_named_twice_are_one_change_and_missing_ones_are_all_named(tmp_path: Path) -> None:
    stores = _twins(tmp_path, 4)
    assert _both(stores, lambda b: b.delete([2, 2, 3])) == "in place"
    assert [r.id for r in stores[0].rows()] == [1, 4]
    before = stores[0].file.read_bytes()
    with pytest.raises(NotFound, match=r"no engagement with id 98, 99$"), stores[0].writing() as batch:
        batch.delete([98, 1, 99])
    with pytest.raises(NotFound, match=r"no engagement with id 2$"), stores[0].writing() as batch:
        batch.replace_many([_edited(1, "x"), _edited(2, "y"), _edited(3, "z")])
    assert stores[0].file.read_bytes() == before
    with stores[0].writing() as batch:
        batch.replace_many([])
        batch.delete([])
        assert batch.insert([]) == []
        assert not batch.changed
    assert stores[0].file.read_bytes() == before


def test_rows_kept_by_a_test_on_indexed_fields_are_those_it_passes_with_or_without_the_index(tmp_path: Path) -> None:
    from relations_cli.storage import index

    store = _twins(tmp_path, 4)[0]
    for indexed in (True, False):
        if not indexed:
            index.path_for(store.file).unlink()
        assert [r.id for r in store.rows(lambda r: r.date in ("2002", "2004"))] == [2, 4], indexed
        assert store.rows(lambda r: False) == []
        assert [r.id for r in store.rows()] == [1, 2, 3, 4]


@pytest.mark.parametrize("change", ["a field fewer", "a field more", "a short column"])
def test_an_index_saved_with_other_fields_is_not_used(run: Run, db: Path, change: str) -> None:
    """As an index written by an older or newer program (same version number, other columns) would be."""
    import marshal

    from relations_cli.storage import index

    for year in (2001, 2002, 2003):
        run("add", "AZ", "PK", "--date", str(year), "--tag", f"t{year}", "--summary", f"talks {year}")
    expected = run("list", "--json").stdout
    saved = list(marshal.loads(index.path_for(db).read_bytes()))
    head, columns = saved[:4], saved[4:]
    if change == "a field fewer":
        del columns[1]
    elif change == "a field more":
        columns.insert(1, list(columns[1]))
    else:
        columns[2] = columns[2][:-1]
    index.path_for(db).write_bytes(marshal.dumps((*head, *columns)))
    assert run("list", "--json").stdout == expected
    assert run("show", "2").exit_code == 0 and "talks 2002" in run("show", "2").stdout


def test_a_record_carrying_an_id_gets_a_new_one_unless_its_id_is_asked_to_be_kept(tmp_path: Path) -> None:
    for keep, expected in ((False, [1]), (True, [7])):
        store = Store(tmp_path / f"{keep}.json")
        with store.writing() as batch:
            given = dataclasses.replace(_record(1), id=7)
            assert (batch.insert([given], keep_ids=True) if keep else batch.insert([given])) == expected
        assert [r.id for r in store.rows()] == expected


def test_a_settled_index_gives_each_record_from_its_own_line(
    run: Run, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once a file has been still a while, reads take each record's document straight from its line."""
    from relations_cli.storage import index

    for year in (2001, 2002, 2003):
        run("add", "AZ", "PK", "--date", str(year), "--summary", f"talks {year}")
    expected = run("list", "--json").stdout
    monkeypatch.setattr(index, "SETTLED_NS", -1)
    run("list")  # the index is marked settled: the next reads do not read the whole file
    assert run("list", "--json").stdout == expected
    shown = run("show", "1", "--json")
    assert shown.exit_code == 0 and json.loads(shown.stdout)["summary"] == "talks 2001"


def test_an_insert_of_nothing_hands_out_no_id_and_a_deleted_id_is_never_reused(tmp_path: Path) -> None:
    stores = _twins(tmp_path, 3)
    _both(stores, lambda b: b.delete([3]))
    for store in stores:
        with store.writing(in_place=False) as batch:
            assert batch.insert([]) == []
            assert batch.insert([_record(9)]) == [4]
