"""Finding countries in running text: names, demonyms and capitals, with where each was found."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from .. import countries
from ..text import fold
from . import lexicon as lx

_LETTER = "A-Za-zÀ-ÖØ-öø-ÿĀ-ž"
_WORD = rf"[{_LETTER}][\w.]*(?:['’][A-Za-z]+)?"
_TOKEN = re.compile(rf"{_WORD}(?:-{_WORD})*")
_POSSESSIVE = re.compile(r"['’]s$")
_MAX_WORDS = 7
# "Kuwait News Agency (KUNA)", "Saudi Press Agency": an outlet's name, which names no country in the story
_AGENCY_AFTER = re.compile(r"\s+(?:State\s+)?(?:News|Press)\s+Agency\b")
_SAINT = {"St.": "saint", "St": "saint", "Ste.": "sainte"}  # "St. Lucia" is written as often as "Saint Lucia"
# Words recur: fold each distinct one once.
fold_word = lru_cache(maxsize=1 << 16)(fold)


@dataclass(frozen=True)
class Mention:
    code: str
    form: str  # "name", "demonym", "capital" or "city" (a city only places an engagement)
    start: int  # character offsets in the text
    end: int
    text: str


@cache
def _names() -> dict[str, tuple[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    for key, (code, kind) in countries.name_index().items():
        if key not in lx.NOT_IN_PROSE and len(key) > 3:
            names[key] = (code, "demonym" if kind == "demonym" else "name")
    for country in countries.all_countries():
        if country.capital:
            names.setdefault(fold(country.capital), (country.alpha3, "capital"))
    from .cities import CITIES

    for code, cities in CITIES.items():
        for city in cities:
            names.setdefault(fold(city), (code, "city"))
    names.update({key: (code, "name") for key, code in lx.PROSE_NAMES.items()})
    names.update({key: (code, "demonym") for key, code in lx.PROSE_DEMONYMS.items()})
    names.update({key: ("", "none") for key in lx.NOT_COUNTRIES})
    return names


@cache
def _longest_from() -> dict[str, int]:
    """For each first word of a name, the most words a name starting with it has."""
    most: dict[str, int] = {}
    for key in _names():
        words = key.split()
        most[words[0]] = max(most.get(words[0], 0), len(words))
    return most


def find(text: str, offset: int = 0) -> list[Mention]:
    """Every country mentioned, the longest name at each place, in order."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        word, start, end = tokens[i]
        bare = _POSSESSIVE.sub("", word)
        if bare in lx.COUNTRY_ABBREVIATIONS:
            if text[end : end + 1] == "$":  # "US$4.5 million" is a currency
                i += 1
                continue
            found.append(Mention(lx.COUNTRY_ABBREVIATIONS[bare], "name", offset + start, offset + end, text[start:end]))
            i += 1
            continue
        match = _longest(tokens, i, text) if word[0].isupper() else None
        if match is None:
            if "-" in word and word[0].isupper():  # "Azerbaijani-Pakistani ties": each part on its own
                found.extend(find(word.replace("-", " "), offset + start))
            i += 1
            continue
        length, code, form, end = match
        last_end = tokens[i + length - 1][2]
        # the rest of a hyphenated word: "Guinea-Australia"
        found_after = find(text[end + 1 : last_end], offset + end + 1) if end < last_end else []
        while text[end - 1] == "." and end - 1 > start:
            end -= 1
        if code and not _AGENCY_AFTER.match(text, end):  # "the Korean Peninsula" names no country either
            found.append(Mention(code, form, offset + start, offset + end, text[start:end]))
        found.extend(found_after)
        i += length
    return found


def _longest(tokens: list[tuple[str, int, int]], i: int, text: str) -> tuple[int, str, str, int] | None:
    """(tokens taken, code, form, where the name ends) of the longest name starting at token i."""
    names = _names()
    # "People's Republic of China" starts with a possessive that is part of the name
    firsts = {tokens[i][0].rstrip("."), _POSSESSIVE.sub("", tokens[i][0]).rstrip("."), _SAINT.get(tokens[i][0], "")}
    most = max(_longest_from().get((fold_word(first).split() or [""])[0], 0) for first in firsts)
    for length in range(min(most, len(tokens) - i), 0, -1):
        words = [t[0] for t in tokens[i : i + length]]
        if words[-1] in lx.NAME_JOINERS:
            continue
        if not words[-1][0].isupper() and " ".join(fold_word(w) for w in words) not in lx.NOT_COUNTRIES:
            continue  # a name ends in a capital, but "the Korean peninsula" names no country either
        # The words must be adjacent in the text: a comma or a full stop ends a name.
        gaps = [text[tokens[k][2] : tokens[k + 1][1]] for k in range(i, i + length - 1)]
        if any(gap.strip() for gap in gaps) or any(w.endswith(".") and w not in _SAINT for w in words[:-1]):
            continue
        words[-1] = _POSSESSIVE.sub("", words[-1]).rstrip(".")
        hit = names.get(" ".join(_SAINT.get(w, fold_word(w)) for w in words))  # "St. Kitts and Nevis"
        if hit:
            return length, hit[0], hit[1], tokens[i + length - 1][2]
        if length > 1 and "-" in words[-1]:  # "the Papua New Guinea-Australia treaty": a name ends at the hyphen
            head = words[-1].split("-")[0]
            hit = names.get(" ".join(fold_word(w) for w in [*words[:-1], head]))
            if hit:
                return length, hit[0], hit[1], tokens[i + length - 1][1] + len(head)
    return None
