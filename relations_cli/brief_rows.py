"""The brief's typed rows, one dataclass per section: what brief.py computes and the renderers draw."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Headline:
    engagements: int
    first: str | None
    last: str | None
    busiest_year: str | None
    busiest_year_engagements: int
    kinds: dict[str, int]
    military: int  # engagements with an area `military` or `military-…`
    military_share: float | None
    areas: int  # distinct areas
    partners: int  # distinct other parties (for a pair: third countries)


@dataclass(frozen=True)
class Period:
    period: str
    engagements: int
    kinds: dict[str, int]
    areas: dict[str, int]


@dataclass(frozen=True)
class Timeline:
    by: str  # "year" or "month"
    periods: list[Period]


@dataclass(frozen=True)
class AreaRow:
    """One area over the timeline's periods, and how its last period compares with the ones before."""

    area: str
    engagements: int
    counts: list[int]  # one per timeline period
    latest: int  # in the last period
    before: float  # mean per period before the last
    trend: str  # new, rising, fading, steady, or "" with a single period


@dataclass(frozen=True)
class Item:
    """One engagement as a brief lists it, with its source."""

    id: int
    date: str
    kind: str
    countries: list[str]
    summary: str | None
    outlet: str | None
    url: str | None


@dataclass(frozen=True)
class Person:
    name: str
    country: str | None
    roles: list[str]  # most frequent first
    engagements: int
    counterparts: dict[str, int]  # name -> engagements together, most frequent first


@dataclass(frozen=True)
class Place:
    place: str | None
    country: str | None
    engagements: int


@dataclass(frozen=True)
class Partner:
    country: str
    engagements: int
    first: str | None
    last: str | None
    areas: dict[str, int]
    kinds: dict[str, int]


@dataclass(frozen=True)
class Brief:
    countries: list[str]  # one or two codes, sorted
    headline: Headline
    timeline: Timeline
    areas: list[AreaRow]
    latest: list[Item]
    # Two countries:
    agreements: list[Item] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    third_countries: dict[str, int] = field(default_factory=dict)
    mentioned: dict[str, int] = field(default_factory=dict)
    # One country:
    partners: list[Partner] = field(default_factory=list)

    @property
    def is_pair(self) -> bool:
        return len(self.countries) == 2
