"""Writes of records a command makes: add (refusing a twin), edit with edit's options (several at once, in one
write, leaving unchanged ones alone) and delete."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import InvalidInput

if TYPE_CHECKING:  # the command modules import this one at start-up: nothing heavy at the top
    from .models import Engagement
    from .storage.store import Store


def set_fields(record: dict[str, Any], **given: Any) -> None:
    """Write each option that was given into a record in the contract's shape."""
    simple = {"date": "date", "kind": "kind", "areas": "areas", "participants": "participants",
              "mentioned": "mentioned", "summary": "summary", "tags": "tags", "countries": "countries"}  # fmt: skip
    nested = {"location": ("location", "country"), "place": ("location", "place"),
              "outlet": ("source", "outlet"), "author": ("source", "author"),
              "url": ("source", "url"), "published": ("source", "published")}  # fmt: skip
    for option, value in given.items():
        if value is None:
            continue
        if option in simple:
            record[simple[option]] = list(value) if isinstance(value, (list, tuple)) else value
        else:
            outer, inner = nested[option]
            record.setdefault(outer, {})[inner] = value


@dataclass
class Change:
    """What `edit` was asked to do: fields to set (None: leave) and items to add or remove."""

    given: dict[str, Any]
    add_areas: list[str]
    remove_areas: list[str]
    add_tags: list[str]
    remove_tags: list[str]

    def is_empty(self) -> bool:
        lists = (self.add_areas, self.remove_areas, self.add_tags, self.remove_tags)
        return all(v is None for v in self.given.values()) and not any(lists)


def edit_records(
    store: Store, ids: list[int], change: Change, before_write: Callable[[list[Engagement]], object] | None = None
) -> tuple[list[Engagement], list[Engagement]]:
    """Apply the change to each record, validated as `add` validates; write once, only the records it
    changed (the others keep their `updated`). All or nothing: a missing id (NotFound) or an invalid
    result (InvalidInput) writes nothing. Returns every record as it now is, and those changed.
    `before_write` sees the changed records under the lock, before they are stored."""
    from . import areas as area_vocabulary
    from .dates import utc_now
    from .models import parse_record
    from .tags import change as change_tags
    from .tags import spellings

    # Tags keep the spelling the database first had them in; the index has every record's tags.
    wants_tags = change.given.get("tags") or change.add_tags
    known = spellings(t for r in store.rows() for t in r.tags) if wants_tags else {}
    edited: list[Engagement] = []
    changed: list[Engagement] = []
    with store.writing() as batch:
        for record_id in ids:
            current = batch.get(record_id)
            raw = current.to_dict()
            set_fields(raw, **change.given)
            areas = set(raw["areas"]) | set(area_vocabulary.normalise_all(change.add_areas))
            raw["areas"] = sorted(areas - set(area_vocabulary.normalise_all(change.remove_areas)))
            raw["tags"] = change_tags(raw["tags"], change.add_tags, change.remove_tags, known)
            record = parse_record(raw)
            if record.to_dict() != current.to_dict():
                record.updated = utc_now()
                changed.append(record)
            edited.append(record)
        if before_write is not None:
            before_write(changed)
        batch.replace_many(changed)
    return edited, changed


def read_ids(given: list[int] | None, source: str | None, verb: str) -> list[int]:
    """The ids typed and those read from a file or stdin, each once, in the order given."""
    ids = list(given or [])
    if source is not None:
        from .inputs import read_text

        for word in read_text(source).split():
            if not word.isdigit() or int(word) < 1:
                raise InvalidInput(f"--ids-from {source}: {word!r} is not an id")
            ids.append(int(word))
    if not ids:
        raise InvalidInput(f"no ids: give the ids to {verb}, or --ids-from FILE (- for stdin)")
    return list(dict.fromkeys(ids))


def add_record(
    store: Store, record: Engagement, *, force: bool = False,
    before_write: Callable[[list[Engagement], Store], list[str]] | None = None,
) -> list[str]:  # fmt: skip
    """Store one new record, refusing (unless forced) one the database holds already by import's rule;
    what `before_write` says of it, under the lock (for warnings), is returned."""
    from .errors import Duplicate
    from .slips import stored_twin

    with store.writing() as batch:  # checked under the lock, so that two equal adds cannot both pass
        twin = None if force else stored_twin(batch, record)
        if twin is not None:
            rule = "source url" if record.source.url else "summary" if record.summary else "no url or summary"
            raise Duplicate(
                f"the same engagement is stored as {twin} (same date, parties, kind and {rule}); "
                "not added (--force adds it anyway)"
            )
        said = before_write([record], store) if before_write else []
        batch.insert([record])
    return said


def delete_records(store: Store, ids: list[int], *, missing_ok: bool = False) -> list[int]:
    """Delete records in one write; with `missing_ok`, ids gone already (another process may have deleted
    them since they were checked) are skipped. The ids deleted."""
    from .errors import NotFound

    with store.writing() as batch:
        if missing_ok:
            present = []
            for record_id in ids:
                try:
                    batch.get(record_id)
                except NotFound:
                    continue
                present.append(record_id)
            ids = present
        batch.delete(ids)
    return ids
