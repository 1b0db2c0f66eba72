"""Import: validate every record first, skip duplicates, then store them all in one write."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from operator import methodcaller
from typing import Any

from .dates import utc_now
from .errors import InvalidInput
from .models import Engagement, parse_record
from .progress import track
from .storage.records import Stored
from .storage.store import Store
from .tags import canonical, spellings

MAX_PROBLEMS_SHOWN = 20


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0  # with --upsert: stored records changed to match
    unchanged: int = 0  # with --upsert: stored records that already matched
    skipped: int = 0
    ids: list[int] = field(default_factory=list)
    updated_ids: list[int] = field(default_factory=list)
    differing: int = 0  # skipped records that say something else than the stored one (lost without --upsert)
    events: dict[str, Any] | None = None  # what happened to each event, for --from imports

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "imported": self.imported, "updated": self.updated, "unchanged": self.unchanged,
            "skipped": self.skipped, "ids": self.ids, "updated_ids": self.updated_ids,
        }  # fmt: skip
        if self.events is not None:
            out["events"] = self.events
        return out

    def line(self, verb: str, upsert: bool) -> str:
        """`imported N, skipped M`, or with --upsert `imported N, updated U, unchanged K, skipped M`."""
        middle = f", updated {self.updated}, unchanged {self.unchanged}" if upsert else ""
        return f"{verb} {self.imported}{middle}, skipped {self.skipped}"


class InvalidRecords(InvalidInput):
    """Some records did not validate; nothing was written."""

    def __init__(self, problems: list[str], total: int) -> None:
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        lines = [f"{len(problems)} of {total} records are invalid; nothing imported", *shown]
        if more:
            lines.append(f"... and {more} more")
        super().__init__("\n".join(lines))
        self.problems = problems


def validate(items: Iterable[tuple[object, Any]], expected: int | None = None) -> list[Engagement]:
    """Every record validated and normalised as `add` does, or InvalidRecords naming each bad one.

    `expected` is how many records there are likely to be, for the progress bar.
    """
    records: list[Engagement] = []
    problems: list[str] = []
    total = 0
    for where, raw in track(items, "validating", expected):
        total += 1
        try:
            if isinstance(raw, Exception):
                raise InvalidInput(str(raw))
            records.append(parse_record(raw))
        except InvalidInput as e:
            field_note = f" [{e.field}]" if e.field and e.field not in str(e) else ""
            problems.append(f"{where}{field_note}: {e}")
    if problems:
        raise InvalidRecords(problems, total)
    return records


def import_records(
    store: Store,
    records: list[Engagement],
    *,
    dry_run: bool = False,
    same: str = "identity",
    upsert: str | None = None,
) -> tuple[list[Engagement], ImportReport]:
    """Store the records not already there (nor earlier in the same import), in one write.

    `same` names what makes two records one engagement: "identity" (date, parties, kind and url or
    summary) or "occasion" (date, parties and kind). `upsert` ("id" or "identity") updates the stored
    record an incoming one matches, by id or by that rule, instead of skipping it. New records get
    this database's own `created` (the time of the import), so "what's new" finds them; only a
    restore into a database that never held records keeps the ids and timestamps it is given. A dry
    run takes no lock and writes nothing. Returns the records stored (or that would be) and the report.
    """
    if dry_run:
        plan = _plan(store.rows(), records, same, upsert)
        return plan.fresh, plan.report
    with store.writing() as batch:
        stored = batch.records()
        plan = _plan(stored, records, same, upsert)
        now = utc_now()
        restore = not stored and _restorable(plan.fresh, batch.next_id)
        for record in plan.fresh:
            if restore:
                record.created = record.created or now
                record.updated = record.updated or record.created
            else:
                record.created = record.updated = now
        for record in plan.updated:
            record.updated = now
        batch.replace_many(plan.updated)
        plan.report.ids = batch.insert(plan.fresh, keep_ids=restore)
    return plan.fresh, plan.report


@dataclass
class _Plan:
    fresh: list[Engagement] = field(default_factory=list)
    updated: list[Engagement] = field(default_factory=list)
    report: ImportReport = field(default_factory=ImportReport)


def _plan(stored: list[Stored], records: list[Engagement], same: str, upsert: str | None) -> _Plan:
    """Which records are new, which update a stored one, which are already there."""
    key_of = methodcaller(same)
    stored_by_key: dict[Hashable, Stored] = {key_of(r): r for r in stored}
    seen: set[Hashable] = set(stored_by_key)
    by_id = {s.id: s for s in stored} if upsert == "id" else {}
    by_identity = {s.identity(): s for s in stored} if upsert == "identity" else {}
    known = spellings(tag for s in stored for tag in s.tags)
    current: dict[int, dict[str, Any]] = {}  # what each matched record holds, as the import changes it
    plan = _Plan()
    for record in records:
        record.tags = canonical(record.tags, known)
        target = by_id.get(record.id) if record.id is not None else None
        if target is None and by_identity:
            target = by_identity.get(record.identity())
        if target is not None:
            _update(record, target, current, plan)
            seen.add(key_of(record))
            continue
        key = key_of(record)
        if key in seen:
            plan.report.skipped += 1
            twin = stored_by_key.get(key)
            if twin is not None and _differs(record, twin):
                plan.report.differing += 1
        else:
            seen.add(key)
            plan.fresh.append(record)
    plan.report.imported = len(plan.fresh)
    plan.report.updated = len(plan.updated)
    plan.report.updated_ids = sorted(r.id for r in plan.updated if r.id is not None)
    return plan


def _update(record: Engagement, target: Stored, current: dict[int, dict[str, Any]], plan: _Plan) -> None:
    """Make `record` the new version of `target` if it says something else; count it either way."""
    before = current.get(target.id) or target.full().to_dict()
    record.id, record.created, record.updated = target.id, before["created"], before["updated"]
    after = record.to_dict()
    if after == before:
        plan.report.unchanged += 1
        return
    current[target.id] = after
    plan.updated = [r for r in plan.updated if r.id != target.id] + [record]


def _differs(record: Engagement, stored: Stored) -> bool:
    """A skipped record that says something the stored one does not (its id and timestamps aside)."""
    mine, theirs = record.to_dict(), stored.to_dict()
    return any(mine[k] != theirs[k] for k in mine if k not in ("id", "created", "updated"))


def _restorable(records: list[Engagement], next_id: int) -> bool:
    """Every record has its own id, none handed out here before: the records are a copy being restored."""
    ids = [r.id for r in records]
    present = [i for i in ids if i is not None]
    return len(present) == len(ids) == len(set(present)) and all(i >= next_id for i in present)
