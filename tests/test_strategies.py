"""The two write strategies give the same file, byte for byte, whatever the sequence of changes.

As TinyDB runs its tests over two storages: the same random adds, edits and deletes go through the
in-place strategy on one database and the whole-file strategy on another, and the files must stay
identical after every write. The in-place strategy refuses a line that is not what the index says,
and the write then falls back to the whole file and still gives the right file.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relations_cli.models import Engagement
from relations_cli.storage import index
from relations_cli.storage.change import Batch, stored_doc
from relations_cli.storage.columns import Columns
from relations_cli.storage.records import indexed
from relations_cli.storage.store import SCHEMA_VERSION, Store

PAIRS = (["AZ", "PK"], ["AZ", "TR"], ["FR", "GE"], ["AM", "DE", "TR"])
Step = tuple[str, int, int, str]

steps = st.lists(
    st.tuples(
        st.sampled_from(["add", "add", "edit", "delete", "import"]),
        st.integers(0, 30),  # which record (by position among those left)
        st.integers(0, len(PAIRS) - 1),
        st.text(alphabet='abc é"\\\n🙂', max_size=12),  # summaries of other lengths move every later line
    ),
    min_size=1,
    max_size=12,
)


def _record(pair: int, text: str, n: int) -> Engagement:
    return Engagement(date=f"20{10 + n % 15}-0{1 + n % 9}", countries=list(PAIRS[pair]), summary=text or None)


class _Ready:
    """A record handed over ready to store (`records.Ready`), as an event import hands over its drafts."""

    def __init__(self, record: Engagement) -> None:
        self.doc = stored_doc(record)

    def indexed(self) -> tuple[Any, ...]:
        return indexed(self.doc)

    def json_parts(self) -> tuple[bytes, ...]:
        return (orjson.dumps(self.doc),)


def _apply(store: Store, step: Step, *, in_place: bool) -> str:
    """One change in one write; the strategy the write ended with."""
    verb, pick, pair, text = step
    with store.writing(in_place=in_place) as batch:
        ids = sorted(r.id for r in store.rows())
        if verb == "import":  # one to three drafts, each its own pair and text
            batch.insert_documents(
                [_Ready(_record((pair + k) % len(PAIRS), text * k, pick)) for k in range(1 + pick % 3)]
            )
        elif verb == "add" or not ids:
            batch.insert([_record(pair, text, pick)])
        elif verb == "edit":
            record = batch.get(ids[pick % len(ids)])
            batch.replace(dataclasses.replace(record, summary=text or None, countries=list(PAIRS[pair])))
        else:
            batch.delete([ids[pick % len(ids)]])
        return "whole file" if batch.whole_file else "in place"


def _fresh(path: Path) -> Store:
    store = Store(path)
    with store.writing() as batch:
        batch.insert([_record(n % len(PAIRS), f"talks {n}", n) for n in range(3)])
    return store


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=steps)
def test_both_strategies_write_the_same_bytes(tmp_path_factory: pytest.TempPathFactory, changes: list[Step]) -> None:
    folder = tmp_path_factory.mktemp("strategies")
    in_place, whole = _fresh(folder / "in-place.json"), _fresh(folder / "whole.json")
    used = set()
    for step in changes:
        used.add(_apply(in_place, step, in_place=True))
        assert _apply(whole, step, in_place=False) == "whole file"
        assert in_place.file.read_bytes() == whole.file.read_bytes(), step
    # Each store's index describes its own file: every read through it gives the file's records.
    assert [r.to_dict() for r in in_place.rows()] == [r.to_dict() for r in whole.rows()]
    assert used  # (the in-place path is shown to run in test_a_single_change_is_made_in_place)


def test_a_single_change_is_made_in_place(tmp_path: Path) -> None:
    store = _fresh(tmp_path / "db.json")
    assert _apply(store, ("add", 0, 1, "a fourth"), in_place=True) == "in place"
    assert _apply(store, ("edit", 1, 2, "longer than before"), in_place=True) == "in place"
    assert _apply(store, ("delete", 0, 0, ""), in_place=True) == "in place"
    assert [r.doc["summary"] for r in store.rows()] == ["longer than before", "talks 2", "a fourth"]
    # An import's drafts go after the last line, the records before them neither parsed nor written out again.
    assert _apply(store, ("import", 2, 0, "drafted"), in_place=True) == "in place"
    assert [r.doc["summary"] for r in store.rows()][3:] == [None, "drafted", "drafteddrafted"]


def _lying(store: Store) -> tuple[bytes, Columns]:
    """The file's bytes and columns whose first two records' places are swapped (as an index that lies)."""
    raw = store.file.read_bytes()
    found = index.load(store.file, store.file.stat(), lambda: raw)
    assert found is not None
    columns = found[0]
    columns.starts[:2], columns.ends[:2] = columns.starts[1::-1], columns.ends[1::-1]
    return raw, columns


@pytest.mark.parametrize("change", ["edit", "delete"])
def test_the_in_place_strategy_refuses_a_line_that_is_not_its_record(tmp_path: Path, change: str) -> None:
    liar = _fresh(tmp_path / "liar.json")
    raw, columns = _lying(liar)
    batch = Batch(raw, columns, liar._tables_of, SCHEMA_VERSION)
    assert not batch.whole_file  # the strategy chosen as the write began
    record = batch.get(3)  # record 3's line is where the index says: read in place
    if change == "edit":
        batch.replace(dataclasses.replace(batch.get(1), summary="edited"))
    else:
        batch.delete([1])
    assert batch.whole_file  # record 1's bytes are record 2's line: refused, and the whole file from then on
    chunks, _ = batch.written()
    written = b"".join(chunks)
    # The same change to the same records, the whole-file way.
    expected = Store(tmp_path / "expected.json")
    with expected.writing(in_place=False) as whole:
        whole.insert([_record(n % len(PAIRS), f"talks {n}", n) for n in range(3)])
        if change == "edit":
            whole.replace(dataclasses.replace(whole.get(1), summary="edited"))
        else:
            whole.delete([1])
    assert written == expected.file.read_bytes()
    assert record.summary == "talks 2"
