"""The store against real files: empty forms, foreign and damaged files, ids, locking, atomic writes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from filelock import FileLock

from relations_cli.errors import NotFound, StoreError
from relations_cli.models import parse_record
from relations_cli.store import SCHEMA_VERSION, Store


def record(date: str = "2021-12-01", summary: str = "talks") -> object:
    return parse_record({"date": date, "countries": ["AZE", "PAK"], "summary": summary})


def add(store: Store, *dates: str) -> list[int]:
    with store.writing() as batch:
        return batch.insert([record(d) for d in dates])  # type: ignore[misc]


def test_a_missing_file_reads_as_empty_and_is_not_created(db: Path) -> None:
    assert Store(db).records() == []
    assert not db.exists()


@pytest.mark.parametrize("content", ["", "   \n", "{}", '{"_default": {}}', '{"engagements": {}, "_default": {}}'])
def test_empty_forms_read_as_an_empty_database(db: Path, content: str) -> None:
    db.write_text(content)
    assert Store(db).records() == []
    add(Store(db), "2021")
    assert len(Store(db).records()) == 1


@pytest.mark.parametrize(
    "content",
    [
        '{"engagements": {"1": {"date": "2021"',  # truncated
        "[1, 2, 3]",  # another program's JSON
        '{"_default": {"1": {"name": "tinydb of another app"}}}',
        '{"meta": {"1": {"format": "other", "schema": 1}}}',
        "not json at all",
    ],
)
def test_foreign_or_damaged_files_are_reported_and_never_overwritten(db: Path, content: str) -> None:
    db.write_text(content)
    with pytest.raises(StoreError, match=str(db)):
        Store(db).records()
    with pytest.raises(StoreError, match=str(db)):
        add(Store(db), "2021")
    assert db.read_text() == content


def test_a_newer_schema_is_refused(db: Path) -> None:
    content = json.dumps({"meta": {"1": {"format": "relations", "schema": SCHEMA_VERSION + 1}}})
    db.write_text(content)
    with pytest.raises(StoreError, match="newer relations"):
        Store(db).records()
    assert db.read_text() == content


def test_the_file_records_its_schema_and_is_stable_json(db: Path) -> None:
    add(Store(db), "2021", "2022")
    data = json.loads(db.read_text())
    assert data["meta"]["1"] == {"format": "relations", "schema": SCHEMA_VERSION, "next_id": 3}
    assert list(data["engagements"]) == ["1", "2"]
    lines = db.read_text().splitlines()
    assert lines[:3] == ["{", '  "meta": {', '    "1": {"format":"relations","schema":1,"next_id":3}']
    assert [line.split(":")[0].strip() for line in lines[5:7]] == ['"1"', '"2"']  # one line per record
    before = db.read_bytes()
    with Store(db).writing() as batch:
        batch.replace(batch.get(1))  # same content again
    assert db.read_bytes() == before


def test_ids_are_never_reused_after_a_delete(db: Path) -> None:
    store = Store(db)
    assert add(store, "2021", "2022") == [1, 2]
    with store.writing() as batch:
        batch.delete([2])
    assert add(store, "2023") == [3]
    with store.writing() as batch:
        batch.delete([1, 3])
    assert add(store, "2024") == [4]


def test_ids_are_kept_only_into_a_database_that_never_held_records(db: Path) -> None:
    store = Store(db)
    kept = [record("2021"), record("2022")]
    kept[0].id, kept[1].id = 7, 3  # type: ignore[attr-defined]
    with store.writing() as batch:
        assert batch.insert(kept, keep_ids=True) == [7, 3]  # type: ignore[arg-type]
    assert add(store, "2023") == [8]


def test_get_missing_id(db: Path) -> None:
    add(Store(db), "2021")
    with pytest.raises(NotFound):
        Store(db).get(2)


def test_a_failed_change_writes_nothing(db: Path) -> None:
    add(Store(db), "2021")
    before = db.read_bytes()
    with pytest.raises(RuntimeError), Store(db).writing() as batch:
        batch.insert([record("2022")])  # type: ignore[list-item]
        raise RuntimeError("boom")
    assert db.read_bytes() == before


def test_a_held_lock_makes_a_writer_give_up(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    add(Store(db), "2021")
    before = db.read_bytes()
    monkeypatch.setenv("RELATIONS_LOCK_TIMEOUT", "0.2")
    with FileLock(f"{db}.lock"), pytest.raises(StoreError, match="locked"):
        add(Store(db), "2022")
    assert db.read_bytes() == before


def test_stale_temporary_files_are_removed_by_the_next_write(db: Path) -> None:
    add(Store(db), "2021")
    stale = db.with_name(f".{db.name}.99999.deadbeef.tmp")
    stale.write_text('{"half": ')
    assert len(Store(db).records()) == 1  # never mistaken for the database
    add(Store(db), "2022")
    assert not stale.exists()
    assert [p.name for p in db.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_read_only_database_is_not_changed(db: Path) -> None:
    add(Store(db), "2021")
    before = db.read_bytes()
    os.chmod(db, 0o444)
    with pytest.raises(StoreError, match="read-only"):
        add(Store(db), "2022")
    assert db.read_bytes() == before


def test_a_directory_is_reported(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory"):
        Store(tmp_path).records()


def test_a_failed_write_leaves_the_old_database(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    add(Store(db), "2021")
    before = db.read_bytes()

    def disk_full(fd: int, data: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", disk_full)
    with pytest.raises(StoreError, match="No space left"):
        add(Store(db), "2022")
    monkeypatch.undo()
    assert db.read_bytes() == before
    assert not [p for p in db.parent.iterdir() if p.name.endswith(".tmp")]
