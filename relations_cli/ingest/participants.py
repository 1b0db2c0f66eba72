"""Which of the people found are one person, and which of them took part rather than being only named."""

from __future__ import annotations

import re

from ..text import fold
from . import lexicon as lx
from .article import Sentence, before
from .mentions import Mention, find
from .people import HEAD, HONORIFIC, RANK, Person

_POSSESSIVE_END = re.compile(r"['’]s$")


def took_part(person: Person, sentences: list[Sentence]) -> bool:
    """Whether a person is named at least once other than as someone only talked about: the sender or subject
    of what others carry ("a message from Prime Minister X", "X's commitment"), or someone to be met later
    ("will meet President X"); and not only in the caption of a photo from the archive.

    A name in what someone said ("he said President X is ready to ...") is not enough to leave a person out:
    on the check half of the real articles that rule lost more participants than it saved."""
    surname = _surname(person)
    seen = archived = False
    for s in sentences:
        for m in surname.finditer(s.text):
            if _archive_caption(s, sentences):  # a photo from the archive: another day's
                archived = True
                continue
            seen = True
            if not _only_named(before(s.text, m.start()), s.text[m.end() :]):
                return True
    return not seen and not archived


def _archive_caption(s: Sentence, sentences: list[Sentence]) -> bool:
    """Whether a sentence is the caption of a photo from the archive, its credit within it or just after it
    ("Prime Minister X during his visit. (Twitter/PMO/File)")."""
    if lx.FILE_PHOTO.search(s.text):
        return True
    after = sentences[s.index + 1] if s.index + 1 < len(sentences) else None
    return after is not None and after.paragraph == s.paragraph and bool(lx.FILE_PHOTO.match(after.text.lstrip()))


def _surname(person: Person) -> re.Pattern[str]:
    """Where the text names a person: by the last word of their name, as reports do after the first mention."""
    return re.compile(rf"\b{re.escape(person.name.split()[-1])}\b")


def _only_named(ahead: str, rest: str) -> bool:
    return bool(lx.RELAYED_BEFORE.search(ahead) or lx.RELAYED_AFTER.match(rest) or lx.TO_COME_BEFORE.search(ahead))


def complete(person: Person, sentences: list[Sentence], mentions: dict[int, list[Mention]]) -> None:
    """A participant takes the fullest form the body writes the name in. One known by one name ("Rousseff",
    "General Prayut"): a first name before it ("Dilma Rousseff"), a second surname after it ("Prayut
    Chan-o-cha"); one still known by one name under a royal title is written with it ("King Abdullah").
    A longer name: the rest of it where the body writes it whole ("Khaled bin Mohamed bin Zayed" found in
    a later sentence, "... Al Nahyan" in the first)."""
    if len(person.name.split()) != 1:
        person.name = _longest_written(person.name, sentences, mentions)
        return
    best = person.name
    for s in sentences:
        if s.paragraph == -1:  # a headline in title case capitalises every word
            continue
        for m in re.finditer(rf"(?:\b([A-Z][\w'’-]+)\s+)?\b{re.escape(person.name)}\b(?:\s+([A-Z][\w'’-]+))?", s.text):
            found = mentions.get(s.index, [])
            words = [(m.group(k), m.start(k)) for k in (1, 2) if m.group(k) and _joins(m.group(k), m.start(k), found)]
            if words:
                name = " ".join(sorted([*(w for w, _ in words), person.name], key=lambda w: s.text.find(w, m.start())))
                best = max(best, name, key=len)
    style = person.role.split()[-1] if person.role else ""
    # "King Abdullah", "Prince Ali": a monarch or prince known by one name is written with the title
    person.name = f"{style} {best}" if " " not in best and style in lx.STYLES else best


# Words never part of a name written around one: titles, honorifics, offices.
_NOT_NAME_WORDS = lx.NOT_NAMES | lx.NAME_PREFIXES | lx.OFFICE_WORDS


def _joins(word: str, at: int, found: list[Mention]) -> bool:
    """Whether a word next to a name, at `at` in its sentence, may be part of it: not a title, an honorific
    or an office, and not inside a country's name."""
    return (
        word not in _NOT_NAME_WORDS
        and not HEAD.match(word.removesuffix("s"))
        and not any(c.start <= at < c.end for c in found)
    )


_PARTICLES = ("Al", "al", "bin", "bint", "ibn", "El", "el", "de", "da", "van", "von")


def _longest_written(name: str, sentences: list[Sentence], mentions: dict[int, list[Mention]]) -> str:
    """The name with the words that follow it where the body writes it longest: name words (capitalised, or
    a particle such as "bin" or "Al" before one), none of them a title, an office or a country's name."""
    best = name
    tail = re.compile(rf"\b{re.escape(name)}((?:\s+(?:{'|'.join(_PARTICLES)}|[A-Z][\w'’-]+)){{1,3}})")
    for s in sentences:
        if s.paragraph == -1:  # a headline in title case capitalises every word
            continue
        for m in tail.finditer(s.text):
            words, at, found = [], m.start(1), mentions.get(s.index, [])
            for w in m.group(1).split():
                at = s.text.find(w, at)
                if _POSSESSIVE_END.search(w) or not _joins(w, at, found):
                    break
                words.append(w)
            while words and words[-1] in _PARTICLES:  # a name ends on a name, not on "bin"
                words.pop()
            if words:
                best = max(best, f"{name} {' '.join(words)}", key=len)
    return best


def merge(people: list[Person]) -> list[Person]:
    """One entry per person: a surname alone joins the full name; an office outranks a bare rank or honorific."""
    merged: list[Person] = []
    for person in filter(_named, people):
        same = next((p for p in merged if _same_person(p.name, person.name)), None)
        if same is None:
            merged.append(person)
            continue
        if len(person.name) > len(same.name):
            same.name = person.name
        if person.role and (not same.role or (_weak_role(same.role) and not _weak_role(person.role))):
            same.role = person.role
        same.country = same.country or person.country
    return merged


def _same_person(a: str, b: str) -> bool:
    """A surname alone, or a name without its first part: "Hasanov", "Khan Muttaqi", "Ito" (for "Ito Naoki"); a
    name without a middle part ("Shehbaz Sharif"); accents, dots and case aside ("Lenin", "Marcos Jr")."""
    short, long = sorted((fold(a).split(), fold(b).split()), key=len)
    if not short:
        return False
    if long[-len(short) :] == short or long[: len(short)] == short:
        return True
    return len(short) > 1 and short[0] == long[0] and short[-1] == long[-1]


def _weak_role(role: str) -> bool:
    return bool(
        RANK.fullmatch(role) or tuple(role.split()) in lx.RANK_PAIRS or HONORIFIC.match(role)
        or role.lower() == "counterpart"
    )  # fmt: skip


def _named(person: Person) -> bool:
    """Whether a candidate is a person, its name cleared of the honorifics and ranks written before it.

    A name seen only as a possessive ("Putin's envoy") is someone mentioned, not a participant; a "name" made of
    titles, offices and countries ("Turkish Minister", "US Ambassador") is no one's.
    """
    words = person.name.split()
    if not words or any(_POSSESSIVE_END.search(word) for word in words):  # "Ruto’s Phone Conversation"
        return False
    while len(words) > 2 and tuple(w.rstrip(".") for w in words[:2]) in lx.RANK_PAIRS:
        del words[:2]
    # Honorifics and ranks before the name, and an office's last words ("Minister of Energy and Natural
    # Resources Fatih Dönmez" taken from the name's side): never part of it.
    while len(words) > 1:
        front = words[0].rstrip(".,")
        if not (front in lx.NAME_PREFIXES or (len(words) > 2 and front in lx.OFFICE_WORDS)):
            break
        if len(words) == 2 and front in lx.STYLES:
            break
        words.pop(0)
    while len(words) > 1 and words[-1].rstrip(".,") in lx.POST_NOMINALS:
        words.pop()
    if all(len(w.rstrip(".")) < 2 for w in words):  # "A": initials alone, as where a page's text was cut
        return False
    titles = lx.NAME_PREFIXES | lx.OFFICE_WORDS | lx.NOT_NAMES | lx.REGION_WORDS
    if all(w.rstrip(".,") in titles or find(w) for w in words):
        return False
    person.name = " ".join(words)
    return True


_HEAD_OF_STATE = re.compile(r"\b(?:President|Prime Minister|PM|Premier|King|Emir|Amir|Sultan|Chancellor)\b")


def bystanders(people: list[Person], sentences: list[Sentence], lead_size: int) -> set[str]:
    """Heads of state or government named only after the lead of a report whose lead names its participants
    and none of them a head ("Rubio spoke with Vieira ... tariffs imposed by President Trump"): named, not taking
    part."""

    def in_lead(person: Person) -> bool:
        surname = _surname(person)
        return any(surname.search(s.text) for s in sentences[:lead_size])

    def head(person: Person) -> bool:
        return bool(person.role and _HEAD_OF_STATE.search(person.role) and not lx.NOT_THE_OFFICE.search(person.role))

    leading = [p for p in people if in_lead(p)]
    if not leading or any(head(p) for p in leading):
        return set()
    return {p.name for p in people if head(p) and not in_lead(p)}
