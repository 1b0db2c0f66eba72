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
from .store import Store
from .stored import Stored

MAX_PROBLEMS_SHOWN = 20


@dataclass
class ImportReport:
    imported: int = 0
    skipped: int = 0
    ids: list[int] = field(default_factory=list)
    events: dict[str, Any] | None = None  # what happened to each event, for --from imports

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"imported": self.imported, "skipped": self.skipped, "ids": self.ids}
        if self.events is not None:
            out["events"] = self.events
        return out


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


def validate(items: Iterable[tuple[str, Any]], expected: int | None = None) -> list[Engagement]:
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
    store: Store, records: list[Engagement], *, dry_run: bool = False, same: str = "identity"
) -> tuple[list[Engagement], ImportReport]:
    """Store the records not already there (nor earlier in the same import), in one write.

    `same` names what makes two records one engagement: "identity" (date, parties, kind and url or
    summary) or "occasion" (date, parties and kind). Ids are kept when the database has never held
    records; a dry run takes no lock and writes nothing. Returns the records stored (or that would be)
    and the report.
    """
    if dry_run:
        return _without_duplicates(store.stored(), records, same)
    with store.writing() as batch:
        fresh, report = _without_duplicates(batch.records(), records, same)
        now = utc_now()
        for record in fresh:
            record.created = record.created or now
            record.updated = record.updated or record.created
        report.ids = batch.insert(fresh, keep_ids=True)
    return fresh, report


def _without_duplicates(
    stored: list[Stored], records: list[Engagement], same: str
) -> tuple[list[Engagement], ImportReport]:
    key_of = methodcaller(same)
    seen: set[Hashable] = {key_of(r) for r in stored}
    fresh: list[Engagement] = []
    report = ImportReport()
    for record in records:
        key = key_of(record)
        if key in seen:
            report.skipped += 1
        else:
            seen.add(key)
            fresh.append(record)
    report.imported = len(fresh)
    return fresh, report
