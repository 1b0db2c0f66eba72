"""What kind of engagement an article reports, and which cooperation areas it names."""

from __future__ import annotations

import re
from functools import cache

from .. import areas
from .article import Sentence, before
from .lexicon import fold_word

_SIGNED = re.compile(
    r"\b(signed|inked|signing ceremony|witnessed the signing|exchange(?:d)? (?:of )?(?:the |a )?(?:[\w-]+ ){0,3}"
    r"(?:agreements?|treat(?:y|ies)|memorand\w*|MoUs?|documents))",
    re.I,
)
_NOT_NOW = re.compile(
    r"\b(will|would|to|plan(?:s|ned)? to|expected to|previously|earlier|already|last year|in the past|"
    r"ready to|intend|intends|agreed to)\s+(?:\w+\s+){0,2}$|\b(after|before|since|following)\s+(?:\S+\s+){0,5}$",
    re.I,
)
_CALL = re.compile(
    r"\b(phone call|phone conversation|phone talks?|telephone (?:call|conversation|talks?)|by (?:tele)?phone|"
    r"over the (?:tele)?phone|video ?(?:call|conference|link)|videoconference|virtual (?:meeting|talks)|"
    r"held a call|dialled|spoke by)\b",
    re.I,
)
_EXERCISE = re.compile(
    r"\b(joint (?:military |naval |air |counter-terrorism |anti-terror |tactical |command-staff |special )?"
    r"(?:exercises?|drills?|manoeuvres|maneuvers)|(?:military|naval|air|tactical|command-staff) "
    r"(?:exercises?|drills?)|exercises? (?:code-?named|dubbed))\b",
    re.I,
)
_UNDER_WAY = re.compile(
    r"\b(began|begin|begins|held|hold|holds|holding|conducted|conduct|conducts|conducting|launched|launch|staged|"
    r"kicked off|taking part|take part|took part|wrapped up|started|start|concluded|completed|commenced|opened|"
    r"are practising|practised|carried out|is under way|underway)\b",
    re.I,
)
_CUES = re.compile(
    r"\b(cooperation|co-operation|cooperate|ties|relations|partnership|spheres?|fields?|areas?|sectors?|projects?|"
    r"issues|matters|agenda|discussed|discuss|talks|agreements?|memorand\w*|MoUs?|deals?|exercises?|drills?|"
    r"agreed|agree|signed|pact|treaty|contract|support|interoperability|aims?|coordinat\w+|efforts|covers|"
    r"focus\w*|meeting|topics|"
    r"development|expand\w*|strengthen\w*|boost\w*|prospects|collaboration|opportunities|investments?|"
    r"interaction|dialogue|potential)\b",
    re.I,
)
_OFFICE_AFTER = re.compile(
    r"^\s*(minister|ministers|ministry|ministries|secretary|department|attach\w*|adviser|advisor|council|"
    r"committee|agency|bureau|forces? (?:minister|chief)|production minister|industry minister)\b",
    re.I,
)
_OFFICE_BEFORE = re.compile(
    r"\b(?:[Mm]inistry|[Mm]inisters?|[Dd]epartment|[Ss]ecretary|[Cc]ommittee|[Cc]ouncil) (?:of|for) (?:the )?"
    r"(?:[A-Z][\w-]*,? (?:and )?){0,4}$"
)
_WORD = re.compile(r"[\w'’]+")


def kind(lead: list[Sentence], sentences: list[Sentence]) -> tuple[str, str | None]:
    """The kind and the sentence that shows it: a document signed outranks a call, a drill and a meeting.

    Only the first sentences count for a signing: one told later is usually background.
    """
    for s in sentences[: len(lead) + 2]:
        for m in _SIGNED.finditer(s.text):
            if not _NOT_NOW.search(before(s.text, m.start())) and not re.search(r"signed (?:in|back in) \d{4}", s.text):
                return "agreement", s.text
    for s in lead:
        if _CALL.search(s.text):
            return "call", s.text
    for s in lead:
        # A drill under way, not drills as a topic ("agreed to deepen ties, including joint exercises").
        if _EXERCISE.search(s.text) and _UNDER_WAY.search(s.text):
            return "exercise", s.text
    return "meeting", None


# Words of the genre that name an area without being one of its aliases (longest phrase wins).
_PROSE_AREAS = {
    "invest": "economic", "invested": "economic", "investors": "economic", "development-assistance": "economic",
    "economic-zone": "economic", "high-tech": "science-technology", "semiconductors": "science-technology",
    "artificial-intelligence": "science-technology", "digital-infrastructure": "science-technology",
    "railway": "transport", "rail": "transport", "ports": "transport", "port": "transport", "roads": "transport",
    "pipeline": "energy", "pipelines": "energy", "power-grid": "energy", "power-transmission": "energy",
    "troops": "military", "warships": "military", "navies": "military", "navy": "military", "naval": "military",
    "arms": "military", "weapons": "military", "howitzers": "military-technical", "air-defence": "military",
    "air-defense": "military", "logistics-support": "military", "military-universities": "military-educational",
    "military-academies": "military-educational", "cadets": "military-educational",
    "officer-training": "military-educational", "ammunition": "military-industrial", "military-aid": "military",
    "military-assistance": "military", "defence-aid": "military", "defense-aid": "military",
}  # fmt: skip
_TRAINING = re.compile(r"\btraining of (?:[A-Z]\w+ )?(?:military )?officers\b", re.I)


@cache
def _phrases() -> dict[str, tuple[str, ...]]:
    return {**{key: (area,) for key, area in _PROSE_AREAS.items()}, **areas.phrases()}


@cache
def _longest_from() -> dict[str, int]:
    """For each first word of an area phrase, the most words a phrase starting with it has."""
    most: dict[str, int] = {}
    for key in _phrases():
        words = key.split("-")
        most[words[0]] = max(most.get(words[0], 0), len(words))
    return most


def topics(sentences: list[Sentence], others: list[set[str]] | None = None) -> list[tuple[str, str]]:
    """(area, phrase) for each vocabulary area named where cooperation is discussed, in order of first mention.

    `others[i]` are the countries sentence i names: a sentence about third countries only ("military ties
    between North Korea and Russia") says nothing of this engagement's areas.
    """
    found: dict[str, str] = {}
    phrases = _phrases()
    for s in sentences:
        if not _CUES.search(s.text) or (others and others[s.index] and s.index > 0):
            continue
        training = _TRAINING.search(s.text)
        if training:
            found.setdefault("military-educational", training.group())
        words = list(_WORD.finditer(s.text.replace("-", " ")))
        folded = [fold_word(w.group()) for w in words]
        i = 0
        while i < len(words):
            hit = None
            for length in range(min(_longest_from().get(folded[i], 0), len(words) - i), 0, -1):
                key = "-".join(folded[i : i + length])
                if key in phrases:
                    hit = (length, phrases[key])
                    break
            if hit is None:
                i += 1
                continue
            length, names = hit
            start, end = words[i].start(), words[i + length - 1].end()
            if not _OFFICE_AFTER.match(s.text[end:]) and not _OFFICE_BEFORE.search(before(s.text, start)):
                for name in names:
                    found.setdefault(name, s.text[start:end])
            i += length
    return list(found.items())
