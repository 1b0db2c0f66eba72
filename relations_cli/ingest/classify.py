"""What kind of engagement an article reports, and which cooperation areas it names."""

from __future__ import annotations

import re
from functools import cache

from .. import areas
from . import area_words as aw
from . import kinds as kw
from . import weights as w
from .article import Sentence, before
from .evidence import Why
from .mentions import find, fold_word

_WORD = re.compile(r"[\w'’]+")


def kind(lead: list[Sentence], sentences: list[Sentence]) -> tuple[str, Why]:
    """The kind and the sentence that shows it: a document signed outranks a call, a drill and a meeting.

    Only the first sentences count for a signing (one told later is usually background), unless the sentence ties
    it to the talks ("after the talks ... the signing ceremony").
    """
    for s in sentences[: len(lead) + w.SIGNING_PAST_LEAD]:
        # "Two agreements were signed. The first was signed in 2005, ...": the next sentence dates them
        following = sentences[s.index + 1].text if s.index + 1 < len(sentences) else ""
        for m in kw.SIGNED.finditer(s.text):
            if _now(s.text, m.start()) and not kw.SIGNED_LONG_AGO.search(following):
                return "agreement", Why("kind.signed", s.text)
    for s in sentences:
        if kw.AT_THE_TALKS.search(s.text) or kw.TODAY.search(s.text):
            for m in kw.SIGNED.finditer(s.text):
                if _now(s.text, m.start(), tied=True):
                    return "agreement", Why("kind.signed-at-talks", s.text)
    for s in lead:
        if kw.CALL.search(s.text):
            return "call", Why("kind.call", s.text)
    in_person = any(kw.IN_PERSON.search(s.text) for s in lead)
    spoke = next((s for s in lead if kw.SPOKE.search(s.text)), None)
    if spoke is not None and not in_person:
        return "call", Why("kind.spoke", spoke.text)
    # A lead taken by a page's furniture or a long headline tells no kind: a call told just after it, with
    # no meeting in person told in the lead, is the engagement's.
    if not in_person:
        for s in sentences[len(lead) : len(lead) + w.CALL_PAST_LEAD]:
            if kw.CALL.search(s.text):
                return "call", Why("kind.call", s.text)
    for s in lead:
        # A drill under way, not drills as a topic ("agreed to deepen ties, including joint exercises").
        if kw.EXERCISE.search(s.text) and kw.UNDER_WAY.search(s.text):
            return "exercise", Why("kind.exercise", s.text)
    return "meeting", Why("kind.meeting")


def _now(text: str, start: int, *, tied: bool = False) -> bool:
    """Whether the signing found at `start` is of this engagement, not planned, past, or talked about.
    `tied`: the sentence ties a signing to the talks, so "after the talks" before it is that tie, not the past."""
    ahead = before(text, start)
    if tied:
        ahead = kw.AT_THE_TALKS.sub(" ", ahead)
    return not (
        kw.NOT_NOW.search(ahead)
        or (kw.BEFORE_THEN.search(ahead) and not kw.TODAY.search(text, start))
        or kw.SIGNED_LONG_AGO.search(text)
        or kw.TOLD_AS_PAST.search(text)
        or kw.LATER_TODAY.search(text, start)
        or kw.SIGNED_BEFORE.search(ahead)
    )


@cache
def _phrases() -> dict[str, tuple[str, ...]]:
    # a phrase of no area ("food security") is matched so that its words name none
    return {**areas.phrases(), **{key: (area,) if area else () for key, area in aw.PROSE_AREAS.items()}}


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
        if not aw.AREA_CUES.search(s.text) or (others and others[s.index] and s.index > 0):
            continue
        training = aw.OFFICER_TRAINING.search(s.text)
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
            if "-".join(folded[i : i + length]) in aw.BETWEEN_KEYS and not _sides_follow(s.text, end):
                i += length
                continue
            in_a_name = s.text[start].isupper() and aw.BODY_AFTER.match(s.text[end:])
            if not (in_a_name or aw.OFFICE_AFTER.match(s.text[end:]) or aw.OFFICE_BEFORE.search(before(s.text, start))):
                for name in names:
                    found.setdefault(name, s.text[start:end])
            i += length
    return list(found.items())


def _sides_follow(text: str, end: int) -> bool:
    """Whether "relations between" goes on with the sides: "the two countries", "both", or a country's name."""
    rest = re.sub(r"^\s+(?:the\s+)?", "", text[end : end + 40])
    return bool(aw.BETWEEN_SIDES.match(rest) or any(m.start == 0 for m in find(rest)))
