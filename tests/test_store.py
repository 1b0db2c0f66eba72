"""The store against real files: empty forms, foreign and damaged files, ids, locking, atomic writes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from filelock import FileLock

from relations_cli.errors import NotFound, StoreError
from relations_cli.models import parse_record
from relations_cli.storage.store import SCHEMA_VERSION, Store


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


# -- writes go only where the user pointed (issue 15, items 3 and 4) -----------------------------


def test_a_lock_file_planted_as_a_link_is_never_followed_or_truncated(db: Path, tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("a thesis")
    Path(f"{db}.lock").symlink_to(precious)
    with pytest.raises(StoreError, match=r"lock file .* is a symbolic link"):
        add(Store(db), "2021")
    assert precious.read_text() == "a thesis" and not db.exists()
    Path(f"{db}.lock").unlink()
    Path(f"{db}.lock").symlink_to(tmp_path / "nowhere")  # dangling: its target is never created
    with pytest.raises(StoreError, match="symbolic link"):
        add(Store(db), "2021")
    assert not (tmp_path / "nowhere").exists()


def test_an_existing_lock_file_is_not_truncated(db: Path) -> None:
    Path(f"{db}.lock").write_text("left by someone")
    add(Store(db), "2021")
    assert Path(f"{db}.lock").read_text() == "left by someone"


def _special_files(tmp_path: Path) -> dict[str, Path]:
    import socket
    import stat

    fifo, sock, device = tmp_path / "fifo.json", tmp_path / "socket.json", tmp_path / "device.json"
    os.mkfifo(fifo)
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    server.close()
    found = {"a FIFO": fifo, "a socket": sock}
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own, never the real one
        found["a character device"] = device
    except OSError:
        pass  # not allowed here (not root, or a container without mknod)
    return found


@pytest.mark.parametrize("command", [["list"], ["add", "AZ", "PK", "--date", "2021"], ["check"]])
def test_a_fifo_socket_or_device_as_the_database_is_named_never_read_or_replaced(
    tmp_path: Path, command: list[str]
) -> None:
    from .conftest import relations

    for kind, path in _special_files(tmp_path).items():
        before = os.stat(path)
        result = relations("--db", str(path), *command)  # a FIFO used to hang here forever
        assert result.returncode == 1, (kind, result.stderr)
        assert result.stderr.decode().startswith("Error: cannot") and str(path) in result.stderr.decode()
        assert kind in result.stderr.decode()
        after = os.stat(path)
        assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)  # still the same special file


def test_a_symlinked_database_is_written_through_to_its_target_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "data" / "relations.json"
    real.parent.mkdir()
    add(Store(real), "2021")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert add(Store(link), "2022") == [2]
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert [r.date for r in Store(real).records()] == ["2021", "2022"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "data",
        "link.json",
    ]  # lock, index, temporaries: beside the target
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "missing" / "x.json")
    with pytest.raises(StoreError, match=r"symbolic link .* does not exist"):
        add(Store(dangling), "2021")
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("path", ["/", ""])
def test_a_root_or_empty_db_path_is_a_clear_error_and_creates_no_lock(path: str) -> None:
    from .conftest import relations

    existed = os.path.lexists("/.lock")
    result = relations("--db", path, "add", "AZ", "PK", "--date", "2021")
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    assert result.stderr.decode().startswith("Error: cannot write database") and "directory" in result.stderr.decode()
    assert os.path.lexists("/.lock") == existed


# -- ids are never reused (issue 15, item 5) ---------------------------------------------------------


def _hand_set_next_id(db: Path, next_id: int) -> None:
    text = db.read_text()
    data = json.loads(text)
    old = json.dumps(data["meta"]["1"], separators=(",", ":"))
    data["meta"]["1"]["next_id"] = next_id
    db.write_text(text.replace(old, json.dumps(data["meta"]["1"], separators=(",", ":"))))


@pytest.mark.parametrize("indexed", [True, False], ids=["in place", "whole file"])
def test_a_next_id_lowered_by_hand_never_hands_out_a_used_id(db: Path, indexed: bool) -> None:
    from relations_cli.storage import index

    store = Store(db)
    add(store, "2021", "2022", "2023")
    _hand_set_next_id(db, 2)
    store.records()  # a reader indexes the edited file
    if not indexed:
        index.path_for(db).unlink()
    assert add(store, "2024") == [4]
    assert [(r.id, r.date) for r in store.records()] == [(1, "2021"), (2, "2022"), (3, "2023"), (4, "2024")]
    assert json.loads(db.read_text())["meta"]["1"]["next_id"] == 5


@pytest.mark.parametrize("key", ["01", "+1", " 1", "1.0", "\u0661", "9007199254740992"])
def test_keys_that_are_not_canonical_ids_stop_every_write(db: Path, key: str) -> None:
    add(Store(db), "2021")
    head, records = db.read_text().split('"engagements"')
    text = head + '"engagements"' + records.replace('    "1": ', f"    {json.dumps(key)}: ")
    db.write_text(text)
    with pytest.raises(StoreError, match=r"record .* is not an id"):
        add(Store(db), "2022")
    with pytest.raises(StoreError, match="is not an id"):
        Store(db).records()
    assert db.read_text() == text


def test_colliding_keys_stop_every_write(db: Path) -> None:
    add(Store(db), "2021", "2022")
    lines = db.read_text().splitlines(keepends=True)
    lines.insert(6, lines[5].replace('"1": ', '"01": '))  # "1" and "01": one record or two?
    db.write_text("".join(lines))
    before = db.read_bytes()
    with pytest.raises(StoreError, match="01"):
        add(Store(db), "2023")
    lines[6] = lines[5]  # the same key on two lines: a JSON reader keeps the second silently
    db.write_text("".join(lines))
    with pytest.raises(StoreError, match="key '1' twice"):
        add(Store(db), "2023")
    with pytest.raises(StoreError, match="key '1' twice"):
        Store(db).records()
    assert db.read_bytes() != before  # (the second file) ... and neither write changed it:
    assert db.read_text() == "".join(lines)
