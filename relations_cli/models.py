"""The engagement record: typed, validated in one place, and converted to and from the contract's JSON."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import areas as area_vocabulary
from . import countries, dates
from .errors import InvalidInput
from .storage.layout import MAX_ID

KINDS: tuple[str, ...] = ("meeting", "call", "agreement", "exercise", "statement", "other")
KIND_HELP = {
    "meeting": "in-person talks, a visit included",
    "call": "a phone or video call",
    "agreement": "a document signed (outranks meeting)",
    "exercise": "a joint military drill",
    "statement": "a joint or reciprocal statement",
    "other": "any other contact",
}
FIELDS: tuple[str, ...] = (
    "id", "date", "countries", "kind", "areas", "location", "participants", "mentioned",
    "summary", "source", "tags", "created", "updated",
)  # fmt: skip
_TIMESTAMP = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})(\.[0-9]+)?Z")


@dataclass(slots=True)
class Location:
    country: str | None = None
    place: str | None = None


@dataclass(slots=True)
class Participant:
    name: str
    role: str | None = None
    country: str | None = None


@dataclass(slots=True)
class Source:
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass(slots=True)
class Engagement:
    date: str
    countries: list[str]
    kind: str = "meeting"
    areas: list[str] = field(default_factory=list)
    location: Location = field(default_factory=Location)
    participants: list[Participant] = field(default_factory=list)
    mentioned: list[str] = field(default_factory=list)
    summary: str | None = None
    source: Source = field(default_factory=Source)
    tags: list[str] = field(default_factory=list)
    id: int | None = None
    created: str | None = None
    updated: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape, keys in the contract's order."""
        return {
            "id": self.id,
            "date": self.date,
            "countries": list(self.countries),
            "kind": self.kind,
            "areas": list(self.areas),
            "location": {"country": self.location.country, "place": self.location.place},
            "participants": [{"name": p.name, "role": p.role, "country": p.country} for p in self.participants],
            "mentioned": list(self.mentioned),
            "summary": self.summary,
            "source": {
                "outlet": self.source.outlet,
                "author": self.source.author,
                "url": self.source.url,
                "published": self.source.published,
            },
            "tags": list(self.tags),
            "created": self.created,
            "updated": self.updated,
        }

    @classmethod
    def from_stored(cls, doc: Mapping[str, Any], doc_id: int) -> Engagement:
        """A record read back from the database, which only ever holds validated ones."""
        loc, src = doc["location"], doc["source"]
        return cls(
            id=doc_id,
            date=doc["date"],
            countries=doc["countries"],
            kind=doc["kind"],
            areas=doc["areas"],
            location=Location(loc["country"], loc["place"]),
            participants=[Participant(p["name"], p["role"], p["country"]) for p in doc["participants"]],
            mentioned=doc["mentioned"],
            summary=doc["summary"],
            source=Source(src["outlet"], src["author"], src["url"], src["published"]),
            tags=doc["tags"],
            created=doc["created"],
            updated=doc["updated"],
        )

    def json_line(self) -> bytes:
        import orjson

        return orjson.dumps(self.to_dict())

    def searchable(self) -> str:
        src = self.source
        people = [(p.name, p.role) for p in self.participants]
        return searchable_text(self.summary, self.location.place, src.outlet, src.author, src.url, people)

    def identity(self) -> Identity:
        return identity_key(self.occasion(), self.source.url, self.summary)

    def occasion(self) -> Occasion:
        return occasion_key(self.date, self.countries, self.kind)


# One identity for every kind of record (built here, viewed in the store as `Stored`).
Occasion = tuple[str, tuple[str, ...], str]
Identity = tuple[str, tuple[str, ...], str, str | None]


def occasion_key(date: str, countries: Sequence[str], kind: str) -> Occasion:
    """The same meeting however it was reported: date, parties and kind (for drafts from events or articles)."""
    return (date, tuple(countries), kind)


def identity_key(occasion: Occasion, url: str | None, summary: str | None) -> Identity:
    """What makes two records the same engagement: the occasion, and url or summary."""
    return (*occasion, url or summary)


def searchable_text(
    summary: str | None,
    place: str | None,
    outlet: str | None,
    author: str | None,
    url: str | None,
    people: list[tuple[str, str | None]],
) -> str:
    """What --search looks in: summary, place, source and participants, case-folded."""
    parts = [summary, place, outlet, author, url, *(x for person in people for x in person)]
    return "\n".join(p for p in parts if p).casefold()


def parse_participant(text: str) -> Participant:
    """`NAME[|ROLE[|COUNTRY]]`, as typed after --participant."""
    parts = [part.strip() for part in text.split("|")]
    if len(parts) > 3:
        raise InvalidInput(f"bad participant {text!r}: expected NAME|ROLE|COUNTRY", field="participants")
    name, role, country = (parts + [""] * 3)[:3]
    return Participant(name=name, role=role or None, country=country or None)


def parse_record(raw: Mapping[str, Any]) -> Engagement:
    """Validate and normalise a record given in the contract's shape, with names allowed for codes.

    Raises InvalidInput naming the field. Country names and demonyms become codes,
    areas go onto the vocabulary, lists become distinct and sorted, "" becomes null.
    """
    if not isinstance(raw, Mapping):
        raise InvalidInput("a record must be a JSON object")
    unknown = sorted(set(raw) - set(FIELDS))
    if unknown:
        raise InvalidInput(f"unknown field {unknown[0]!r}", field=unknown[0])
    if raw.get("date") in (None, ""):
        raise InvalidInput("date is required", field="date")
    parties = _codes(raw.get("countries"), "countries")
    if len(parties) < 2:
        raise InvalidInput("at least two distinct countries are required", field="countries")
    kind = _text(raw.get("kind"), "kind") or "meeting"
    if kind not in KINDS:
        raise InvalidInput(f"unknown kind {kind!r}; known: {', '.join(KINDS)}", field="kind")
    location = _object(raw.get("location"), "location", ("country", "place"))
    source = _object(raw.get("source"), "source", ("outlet", "author", "url", "published"))
    published = _text(source.get("published"), "source.published")
    return Engagement(
        id=_id(raw.get("id")),
        date=dates.check(_text(raw["date"], "date") or "", field="date"),
        countries=parties,
        kind=kind,
        areas=area_vocabulary.normalise_all(_strings(raw.get("areas"), "areas")),
        location=Location(
            country=_code(location.get("country"), "location.country"),
            place=_text(location.get("place"), "location.place"),
        ),
        participants=[_participant(p, i) for i, p in enumerate(_list(raw.get("participants"), "participants"))],
        mentioned=[c for c in _codes(raw.get("mentioned"), "mentioned") if c not in parties],
        summary=_text(raw.get("summary"), "summary"),
        source=Source(
            outlet=_text(source.get("outlet"), "source.outlet"),
            author=_text(source.get("author"), "source.author"),
            url=_text(source.get("url"), "source.url"),
            published=dates.check(published, field="source.published") if published else None,
        ),
        tags=sorted(set(_strings(raw.get("tags"), "tags", allow_empty=False))),
        created=_timestamp(raw.get("created"), "created"),
        updated=_timestamp(raw.get("updated"), "updated"),
    )


def _list(value: Any, name: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidInput(f"{name} must be a list", field=name)
    return value


def _strings(value: Any, name: str, *, allow_empty: bool = True) -> list[str]:
    items = _list(value, name)
    for item in items:
        if not isinstance(item, str) or (not allow_empty and not item.strip()):
            raise InvalidInput(f"{name} must hold non-empty strings, not {item!r}", field=name)
    return items


def _text(value: Any, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"{name} must be a string, not {value!r}", field=name)
    return value


def _object(value: Any, name: str, keys: tuple[str, ...]) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise InvalidInput(f"{name} must be an object", field=name)
    unknown = sorted(set(value) - set(keys))
    if unknown:
        raise InvalidInput(f"unknown field {name}.{unknown[0]}", field=f"{name}.{unknown[0]}")
    return value


def _code(value: Any, name: str) -> str | None:
    text = _text(value, name)
    if text is None:
        return None
    try:
        return countries.resolve(text)
    except InvalidInput as e:
        raise InvalidInput(f"{name}: {e}", field=name) from None


def _codes(value: Any, name: str) -> list[str]:
    return sorted({_code(item, name) or _empty(name) for item in _strings(value, name)})


def _empty(name: str) -> str:
    raise InvalidInput(f"{name} holds an empty country", field=name)


def _participant(value: Any, index: int) -> Participant:
    name = f"participants[{index}]"
    if isinstance(value, str):
        typed = parse_participant(value)
        value = {"name": typed.name, "role": typed.role, "country": typed.country}
    p = _object(value, name, ("name", "role", "country"))
    person = _text(p.get("name"), f"{name}.name")
    if person is None or not person.strip():
        raise InvalidInput(f"{name}.name is required", field=f"{name}.name")
    return Participant(
        name=person,
        role=_text(p.get("role"), f"{name}.role"),
        country=_code(p.get("country"), f"{name}.country"),
    )


def _id(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
        raise InvalidInput(f"id must be an integer from 1 to {MAX_ID}, not {value!r}", field="id")
    return value


def _timestamp(value: Any, name: str) -> str | None:
    from datetime import datetime

    text = _text(value, name)
    if text is None:
        return None
    m = _TIMESTAMP.fullmatch(text)
    try:
        if m is None:
            raise ValueError
        datetime.fromisoformat(m.group(1))  # a real time: not 9999-99-99T99:99:99Z
    except ValueError:
        raise InvalidInput(f"{name} must be a UTC timestamp like 2026-11-27T22:10:00Z", field=name) from None
    return text
