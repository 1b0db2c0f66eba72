"""Draft engagements as the database stores them, built straight from the collapsed rows.

A month of GDELT gives hundreds of thousands of drafts, held until the one write. Each is kept as
the bytes the database will hold for it (all but its timestamps, stamped when it is written) and
the few fields the index and the merge read: no `Engagement`, no dict kept, no objects for its place
and source. The bytes are those orjson writes for the stored document, filled into a template from
parts encoded once per code set and pair (a dict per draft encoded whole took half as long again
and three cache lookups); the tuples drafts share (pairs, areas) are kept once. An `Engagement` is
built, from the bytes, only for the drafts shown or merged.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any, NamedTuple, TypeVar

import orjson

from ..countries import display_name
from ..models import Engagement
from . import cameo


def stamps(now: str | None) -> bytes:
    """The end of every draft's JSON when written at `now` (null before): one bytes object the drafts share."""
    return b'"created":%s,"updated":%s}' % (orjson.dumps(now), orjson.dumps(now))


_UNSTAMPED = stamps(None)


class Document:
    """One draft: its stored JSON and the fields the index and the merge read (no id: the database
    keys records by id). It is a `storage.records.Ready` document."""

    __slots__ = ("fields", "head", "stamps")

    def __init__(self, fields: tuple[str, tuple[str, str], str, tuple[str, ...], tuple[str, ...]], head: bytes) -> None:
        self.fields = fields  # date, countries, kind, areas, tags: what the index keeps, as it takes them
        self.head, self.stamps = head, _UNSTAMPED

    def occasion(self) -> tuple[str, tuple[str, ...], str]:
        return self.fields[:3]

    def indexed(self) -> tuple[str, tuple[str, str], str, tuple[str, ...], tuple[str, ...]]:
        return self.fields

    def json(self) -> bytes:
        return self.head + self.stamps

    def json_parts(self) -> tuple[bytes, bytes]:
        return self.head, self.stamps

    def __getitem__(self, key: str) -> Any:
        """A field of the stored document by name, as the store reads a dict's."""
        return orjson.loads(self.json())[key]

    def engagement(self) -> Engagement:
        """The draft as a record, for showing or merging."""
        record = Engagement.from_stored(orjson.loads(self.json()), 0)
        record.id = None
        return record


class Described(NamedTuple):
    """What the drafts of one code set share, made once per code set: its codes and areas (sorted),
    its tags, the actions its summary names, and the JSON of each as a draft holds it."""

    codes: tuple[str, ...]
    areas: tuple[str, ...]
    tags: tuple[str, ...]
    what: str
    areas_json: bytes
    tags_json: bytes
    what_json: bytes  # escaped, without quotes: the middle of the summary


class Pair(NamedTuple):
    """A pair as drafts hold it (sorted codes) and as their summaries name it, made once per pair."""

    countries: tuple[str, str]
    names: str
    countries_json: bytes
    names_json: bytes  # escaped, without quotes: the start of the summary


# A draft's stored JSON up to its timestamps: the fields of models.Engagement.to_dict, in its order,
# as orjson writes them (a test holds the two together). Filled with `%`, one C call per draft, from
# values encoded once per code set, pair, day or kind, and per draft only the place and source.
_TEMPLATE = (
    b'{"date":%s,"countries":%s,"kind":%s,"areas":%s,"location":{"country":%s,"place":%s},'
    b'"participants":[],"mentioned":[],"summary":"%s: %s (%d %s %s)",'
    b'"source":{"outlet":%s,"author":null,"url":%s,"published":null},"tags":%s,'
)


_Text = TypeVar("_Text", str, str | None)


def _kept(value: Any) -> bytes:
    """orjson's encoding in a bytes of its own size, for keeping: orjson's result holds a 4 kB buffer
    (80,000 code sets kept so at 5M events cost 350 MB)."""
    return memoryview(orjson.dumps(value)).tobytes()


class Drafter:
    """Makes one import's drafts. What they share (code sets, pairs, days, kinds) is made once and held
    here, so that it goes with the import: kept in module caches, the collector would walk it after."""

    def __init__(self, dataset: str) -> None:
        self.dataset = dataset  # its name in summaries: GDELT, ICEWS
        self._name = _escaped(dataset)
        self._sets: dict[tuple[tuple[str, ...], tuple[str, ...]], Described] = {}
        self._pairs: dict[tuple[str, str], Pair] = {}
        self._few: dict[str | None, tuple[str | None, bytes]] = {}  # days, kinds, place countries

    def described(self, codes: tuple[str, ...], areas: tuple[str, ...]) -> Described:
        """A code set's shared parts (codes and areas sorted)."""
        found = self._sets.get((codes, areas))
        if found is None:
            found = self._sets[codes, areas] = described(codes, areas, self.dataset)
        return found

    def pair(self, a: str, b: str) -> Pair:
        """The pair (a before b) as drafts hold it."""
        found = self._pairs.get((a, b))
        if found is None:
            found = self._pairs[a, b] = pair(a, b)
        return found

    def _value(self, text: _Text) -> tuple[_Text, bytes]:
        """A day, kind or place country interned, and its JSON."""
        found = self._few.get(text)
        if found is None:
            found = self._few[text] = (None if text is None else sys.intern(text), _kept(text))
        return found  # type: ignore[return-value]

    def document(
        self,
        day: str,
        pair: Pair,
        kind: str,
        described: Described,
        events: int,
        place: tuple[str | None, str | None],
        source: tuple[str | None, str | None],
    ) -> Document:
        """The draft for one engagement: its place settled, its first outlet and url.

        Called once per draft (300,000 for a month of GDELT): what drafts share comes made and the
        document is filled in in one call."""
        day, day_json = self._value(day)
        kind, kind_json = self._value(kind)
        head = _TEMPLATE % (
            day_json, pair.countries_json, kind_json, described.areas_json, self._value(place[0])[1],
            orjson.dumps(place[1]), pair.names_json, described.what_json, events, self._name,
            b"event" if events == 1 else b"events", orjson.dumps(source[0]), orjson.dumps(source[1]),
            described.tags_json,
        )  # fmt: skip
        return Document((day, pair.countries, kind, described.areas, described.tags), head)


def summary(a: str, b: str, codes: Sequence[str], events: int, dataset: str) -> str:
    """ "Israel and Russia: consult; discuss by telephone (3 ICEWS events)"."""
    what = described(tuple(codes), (), dataset).what
    return f"{pair(a, b).names}: {what} ({events} {dataset} event{'s' if events != 1 else ''})"


def _escaped(text: str) -> bytes:
    return orjson.dumps(text)[1:-1]


def described(codes: tuple[str, ...], areas: tuple[str, ...], dataset: str) -> Described:
    """A code set's shared parts; its tags: cameo:… sort before the dataset's own name, gdelt or icews."""
    what = "; ".join(cameo.name(code) for code in codes)
    tags = tuple(sorted([dataset.lower(), *(f"cameo:{code}" for code in codes)]))
    return Described(codes, areas, tags, what, _kept(areas), _kept(tags), _escaped(what))


def pair(a: str, b: str) -> Pair:
    names = f"{display_name(a)} and {display_name(b)}"
    return Pair((a, b), names, _kept((a, b)), _escaped(names))
