"""Why each field of a draft is what it is: the rule that decided it and the article's words behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Every rule that can decide a field, by name, with what it means. `ingest --explain` names them.
RULES: dict[str, str] = {
    "parties.given": "the parties given with --country",
    "parties.acting": "named in the lead and shown acting (an actor, a participant's country, a host, one of a pair)",
    "parties.through-officials": "named in the lead, acting through officials the text ties to no country",
    "parties.taking-part": "listed among the countries taking part in a multilateral event",
    "parties.lead-only": "a short report: named in the lead and shown acting, below the usual threshold",
    "date.stated": "a date stated in a sentence about the engagement",
    "date.weekday": "a weekday: the latest such day on or before the publication date",
    "date.relative": "yesterday, today, last week or last month, against the publication date",
    "date.dateline": "no date in the text: the dateline's, the report's date",
    "date.published": "no date in the text: the publication date",
    "date.url-month": "no day anywhere: the month in the article's URL",
    "date.missing": "no date in the text and no publication date",
    "kind.signed": "a document signed or exchanged in the lead or just after it",
    "kind.signed-at-talks": "a document signed at or after the talks, wherever the report tells it",
    "kind.call": "a phone or video call in the lead, or just after a lead that tells of no meeting in person",
    "kind.spoke": "speaking with someone, or a call with them, with no meeting in person told in the lead",
    "kind.exercise": "a joint drill under way in the lead",
    "kind.meeting": "no signing, call or drill in the lead: talks or a visit",
    "location.call": "a call has no place",
    "location.in-at": "“in” or “at” a place in a sentence about the engagement",
    "location.capital-of": "“in the Azerbaijani capital”",
    "location.host": "the country visited, or whose side received or hosted the other",
    "location.dateline": "the dateline's city, in a party's country",
    "location.unknown": "the text does not show where",
    "location.sea": "at sea: a gulf, a sea or an ocean, in no country",
    "areas.vocabulary": "vocabulary words in sentences about the cooperation",
    "participants.title-name": "a title then a name: “Defence Minister Zakir Hasanov”",
    "participants.name-title": "a name then a title: “Jane Doe, the Foreign Minister of X”",
    "participants.title-of-name": "“the Minister of Foreign Affairs of X, Jane Doe”",
    "participants.plural-title": "one title over names with their countries: “Defence Ministers X of A and Y of B”",
    "participants.in-order": "one title over the countries, then their names in the same order: “the Foreign "
    "Ministers of A and B, X and Y”",
    "participants.leader": "a title and a name in the table of leaders: “President Duterte”, no country named",
}


@dataclass(frozen=True)
class Why:
    """The rule that decided a value, and the words of the article that led to it ("" when none)."""

    rule: str
    words: str = ""

    def __post_init__(self) -> None:
        assert self.rule in RULES, self.rule


@dataclass
class Evidence:
    """The evidence for each field of a draft."""

    countries: dict[str, Why] = field(default_factory=dict)
    mentioned: dict[str, str] = field(default_factory=dict)  # why each was not taken as a party
    date: Why = Why("date.missing")
    kind: Why = Why("kind.meeting")
    areas: dict[str, str] = field(default_factory=dict)  # the phrase that named each area
    location: Why = Why("location.unknown")
    participants: dict[str, Why] = field(default_factory=dict)
    source: dict[str, str] = field(default_factory=dict)  # outlet, author, published: the line each came from

    def shown(self) -> dict[str, str]:
        """One line or block of words per field, for the draft panel."""

        def lines(items: dict[str, Any]) -> str:
            return "\n".join(f"{k}: {v.words if isinstance(v, Why) else v}" for k, v in items.items() if v)

        return {
            "countries": lines(self.countries),
            "mentioned": lines(self.mentioned),
            "date": self.date.words or RULES[self.date.rule],
            "kind": self.kind.words or RULES[self.kind.rule],
            "areas": lines(self.areas),
            "location": self.location.words or RULES[self.location.rule],
            "participants": lines(self.participants),
            "source": "\n".join(dict.fromkeys(self.source.values())),
        }

    def rules(self) -> dict[str, str]:
        """The rule behind each field (for parties and participants, each one's)."""
        found = {
            "date": self.date.rule,
            "kind": self.kind.rule,
            "location": self.location.rule,
            "areas": "areas.vocabulary",
        }
        found.update({f"countries.{c}": why.rule for c, why in self.countries.items()})
        found.update({f"participants.{name}": why.rule for name, why in self.participants.items()})
        return found

    def as_dict(self) -> dict[str, Any]:
        """The JSON of `--explain`: the words behind each field, and the rules by name with their meaning."""
        return {
            "countries": {c: why.words or RULES[why.rule] for c, why in self.countries.items()},
            "mentioned": self.mentioned,
            "date": self.date.words or RULES[self.date.rule],
            "kind": self.kind.words or RULES[self.kind.rule],
            "areas": self.areas,
            "location": self.location.words or RULES[self.location.rule],
            "participants": {name: why.words for name, why in self.participants.items()},
            **self.source,
            "rules": {k: f"{rule}: {RULES[rule]}" for k, rule in self.rules().items()},
        }
