"""Storing draft engagements from event data: new ones added, earlier imports of the same dataset merged.

An engagement counts as imported from a dataset when it carries the dataset's tag and a `cameo:`
tag and its summary still ends as the import wrote it ("(N GDELT events)"). A draft for the same
pair, date and kind merges into it: codes, areas, event count and any missing source come in. A
draft that brings nothing new is a duplicate (importing the same file twice changes nothing).
Anything else with the same pair, date and kind (a record entered by hand, or edited since) is
never touched: the draft is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..dates import utc_now
from ..models import Engagement, Location, Source
from ..storage.records import Stored
from ..storage.store import Store
from .collapse import DATASET_NAMES
from .documents import Document, stamps, summary

_COUNT = re.compile(r" \(([0-9]+) (ICEWS|GDELT) events?\)\Z")


@dataclass
class MergeReport:
    imported: int = 0
    merged: int = 0
    skipped: int = 0
    ids: list[int] = field(default_factory=list)
    merged_ids: list[int] = field(default_factory=list)
    events: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"imported": self.imported, "skipped": self.skipped, "ids": self.ids}
        out |= {"merged": self.merged, "merged_ids": self.merged_ids}
        if self.events is not None:
            out["events"] = self.events
        return out


def store_drafts(
    store: Store, drafts: list[Document], dataset: str, *, dry_run: bool = False
) -> tuple[list[Document], MergeReport]:
    """Add or merge the drafts in one write (none for a dry run); the drafts added, and the report."""
    if dry_run:
        return _plan(store.rows(), drafts, dataset)[:2]
    with store.writing() as batch:
        fresh, report, changed = _plan(batch.views(), drafts, dataset)  # the indexed fields: no parse
        now = utc_now()
        stamped = stamps(now)
        for doc in fresh:
            doc.stamps = stamped
        for record in changed:
            record.updated = now
        batch.replace_many(changed)  # one pass: replaced one by one in place, each would copy the file
        # The documents go in as they are: no Engagement, no dict per draft (see documents.py).
        report.ids = batch.insert_documents(fresh)
    return fresh, report


def _plan(
    stored: list[Stored], drafts: list[Document], dataset: str
) -> tuple[list[Document], MergeReport, list[Engagement]]:
    tag = dataset.lower()
    by_occasion: dict[tuple[str, tuple[str, ...], str], Stored | None] = {}
    for record in stored:
        # None marks an occasion held by a record this import may not change.
        mergeable = tag in record.tags and any(t.startswith("cameo:") for t in record.tags)
        previous = by_occasion.get(record.occasion(), record)
        by_occasion[record.occasion()] = record if mergeable and previous is record else None
    report = MergeReport()
    changed: list[Engagement] = []
    if not by_occasion:  # an empty database: every draft is new, with no lookup each (a month's worth)
        report.imported = len(drafts)
        return list(drafts), report, changed
    fresh: list[Document] = []
    for draft in drafts:
        occasion = draft.occasion()
        if occasion not in by_occasion:
            fresh.append(draft)
            continue
        held = by_occasion[occasion]
        merged = _merged(held.full(), draft.engagement(), dataset) if held is not None else None
        if merged is None:
            report.skipped += 1
            continue
        changed.append(merged)
        report.merged += 1
        report.merged_ids.append(held.id)  # type: ignore[union-attr]
    report.imported = len(fresh)
    return fresh, report, changed


def _merged(old: Engagement, new: Engagement, dataset: str) -> Engagement | None:
    """The stored engagement with the draft's codes and events added; None if it brings nothing or
    the stored one is no longer as the import wrote it."""
    name = DATASET_NAMES[dataset]
    found = _COUNT.search(old.summary or "")
    counted = _COUNT.search(new.summary or "")
    if found is None or found.group(2) != name or counted is None:
        return None
    old_codes = {t for t in old.tags if t.startswith("cameo:")}
    new_codes = {t for t in new.tags if t.startswith("cameo:")}
    new_source = (old.source.url is None and new.source.url) or (old.source.outlet is None and new.source.outlet)
    if new_codes <= old_codes and not new_source:
        return None
    events = int(found.group(1)) + int(counted.group(1))
    codes = sorted(t.removeprefix("cameo:") for t in old_codes | new_codes)
    a, b = old.countries
    old.summary = summary(a, b, codes, events, name)
    old.tags = sorted(set(old.tags) | new_codes)
    old.areas = sorted(set(old.areas) | set(new.areas))
    old.source = Source(
        outlet=old.source.outlet or new.source.outlet,
        author=old.source.author,
        url=old.source.url or new.source.url,
        published=old.source.published,
    )
    old.location = _place(old.location, new.location)
    return old


def _place(old: Location, new: Location) -> Location:
    if old == new:
        return old
    if old.country is not None and old.country == new.country:
        return Location(old.country, None)
    return Location()
