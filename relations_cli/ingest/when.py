"""Dates in news prose: absolute ("on December 1", "15 November 2018") and relative ("on Monday",
"yesterday"), resolved against the publication date; and which of them is the engagement's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from . import lexicon as lx
from . import weights as w
from .evidence import Why

if TYPE_CHECKING:
    from .article import Sentence

MONTH_DAY = rf"{lx.MONTH}\.?\s+\d{{1,2}}"
# A stated date in a dateline: "Jan. 28", "October 31, 2023", "14th Feb. 2024".
DATE_TEXT = rf"(?:{MONTH_DAY}(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{lx.MONTH}\.?(?:,?\s+\d{{4}})?)"
_ORD = r"(?:st|nd|rd|th)?"
_RANGE = r"\s*(?:-|–|—|to|and|through|until)\s*"
_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}}){_ORD}(?:{_RANGE}\d{{1,2}}{_ORD})?\s+(?:of\s+)?(?P<month>{lx.MONTH})\b\.?(?:,?\s+(?P<year>\d{{4}}))?"
)
_MONTH_DAY = re.compile(
    rf"\b(?P<month>{lx.MONTH})\.?\s+(?P<day>\d{{1,2}}){_ORD}\b(?:{_RANGE}(?:{lx.MONTH}\.?\s+)?\d{{1,2}}{_ORD})?(?:,?\s+(?P<year>\d{{4}}))?"
)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")


@dataclass(frozen=True)
class Found:
    value: str  # YYYY-MM-DD, or YYYY-MM for a vague "last month"
    phrase: str
    sentence: int
    score: int
    rule: str = "date.stated"


def _month(text: str) -> int:
    return lx.MONTHS[text[:3].lower()]


def _resolve(year: str | None, month: int, day: int, published: date | None) -> str | None:
    try:
        if year:
            return date(int(year), month, day).isoformat()
        if published is None:
            return None
        guess = date(published.year, month, day)
        if guess > published + timedelta(days=7):  # "December 30" in a January report
            guess = date(published.year - 1, month, day)
        elif published.month == 12 and month == 1 and date(published.year + 1, 1, day) <= published + timedelta(days=7):
            guess = date(published.year + 1, 1, day)  # "January 3" in a report of late December
        return guess.isoformat()
    except ValueError:
        return None


def absolute_date(text: str, today: str) -> str | None:
    """One stated date ("Jan. 28", "October 31, 2023", "3 March 2024", "2024-03-03"), year guessed from today."""
    reference = date.fromisoformat(today)
    for pattern in (_ISO, _MONTH_DAY, _DAY_MONTH):
        found = pattern.search(text)
        if found:
            month = found.group("month")
            number = int(month) if month.isdigit() else _month(month)
            return _resolve(found.group("year"), number, int(found.group("day")), reference)
    return None


def stamp_date(line: str) -> str | None:
    """The date of a page's stamp line, day first ("20.04.2019", "11/May/2020 14:44"), or None."""
    found = lx.STAMP_DATE.search(line)
    if not found:
        return None
    day, month, year = (found.group("day"), found.group("month"), found.group("year"))
    if day is None:
        day, month, year = found.group("day2"), str(_month(found.group("month2"))), found.group("year2")
    return _resolve(year, int(month), int(day), None)


def year_reference(text: str, today: str) -> str:
    """What year-less dates are read against when no publication date is given: the end of the latest year the
    text names (a caption's "January 9, 2011", "Exercise X-2017"), else today."""
    named = [int(y) for y in lx.YEAR.findall(text[:20_000]) if int(y) <= int(today[:4])]
    return f"{max(named)}-12-31" if named and max(named) < int(today[:4]) else today


def candidates(sentence: str, index: int, published: str | None, lead_size: int) -> list[Found]:
    """Every date in a sentence, scored by how likely it is the engagement's."""
    reference = date.fromisoformat(published) if published else None
    found: list[tuple[int, int, str, str, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_ISO, _MONTH_DAY, _DAY_MONTH):
        for m in pattern.finditer(sentence):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            month = m.group("month")
            number = int(month) if month.isdigit() else _month(month)
            value = _resolve(m.group("year"), number, int(m.group("day")), reference)
            if value:
                taken.append((m.start(), m.end()))
                found.append((m.start(), m.end(), value, m.group(0), "date.stated"))
    if reference is not None:
        for m in lx.WEEKDAY.finditer(sentence):
            back = (reference.weekday() - lx.WEEKDAYS.index(m.group(1).lower())) % 7
            if m.group(0).lower().startswith("last") and back == 0:
                back = 7
            found.append(
                (m.start(), m.end(), (reference - timedelta(days=back)).isoformat(), m.group(0), "date.weekday")
            )
        for m in lx.RELATIVE_DAY.finditer(sentence):
            word = m.group(1).lower()
            if word == "yesterday":
                value = (reference - timedelta(days=1)).isoformat()
            elif word == "last week":
                value = (reference - timedelta(days=7)).isoformat()[:7]
            elif word == "last month":
                value = (reference.replace(day=1) - timedelta(days=1)).isoformat()[:7]
            elif word.endswith("this week"):  # no day can be known: the month
                value = reference.isoformat()[:7]
            else:
                value = reference.isoformat()
            found.append((m.start(), m.end(), value, m.group(0), "date.relative"))
    verbs = {m.group(1).lower() for m in lx.ENGAGED.finditer(sentence)}
    verbs |= {"was in"} if lx.PRESENT_IN.search(sentence) else set()  # "X was in Pyongyang from Oct. 28-31"
    arrival = bool(verbs) and all(lx.ARRIVAL.fullmatch(v) for v in verbs)
    caption = bool(lx.PHOTO_CAPTION.search(sentence))
    results = []
    for start, end, value, phrase, rule in found:
        score = (w.DATE_ARRIVAL if arrival else w.DATE_ENGAGED if verbs else 0) + (
            w.DATE_IN_LEAD if index < lead_size else 0
        )
        before = sentence[max(0, start - w.DATE_CONTEXT_REACH) : start]
        if lx.DATE_CONTEXT.search(before) or caption:
            score += w.DATE_CONTEXT
        elif not arrival:  # (a sentence of arriving alone already scores as one)
            score += _verb_near(before[-w.DATE_VERB_REACH :], sentence[end : end + w.DATE_VERB_AFTER])
        if lx.REPORTED.search(before[-w.DATE_REPORTED_REACH :]):  # "the ministry said Friday": the report's day
            score += w.DATE_REPORTED
        score += _distance(value, reference)
        results.append(Found(value, phrase, index, score, rule))
    return results


def _verb_near(ahead: str, after: str) -> int:
    """A verb of engaging next to the date ("met Mata'afa on Friday", "Today we continued the conversation")
    counts for it; one of arriving just before it ("arrived late Thursday night") counts against: the arrival is
    travel, before the engagement."""
    verbs = [m.group(1).lower() for m in lx.ENGAGED.finditer(ahead)]
    if verbs:
        return w.DATE_ARRIVED if all(lx.ARRIVAL.fullmatch(v) for v in verbs) else w.DATE_VERB_NEAR
    later = [m.group(1).lower() for m in lx.ENGAGED.finditer(after)]
    return w.DATE_VERB_NEAR if any(not lx.ARRIVAL.fullmatch(v) for v in later) else 0


def _distance(value: str, reference: date | None) -> int:
    """A news report tells what happened in the days before it: a day after the report's date ("runs until
    October 29") or long before it (a caption's or a history's date) is seldom the engagement's."""
    if reference is None or len(value) != 10:
        return 0
    day = date.fromisoformat(value)
    if day > reference:
        return w.DATE_AFTER_REPORT
    return w.DATE_LONG_BEFORE if (reference - day).days > w.DATE_RECENT_DAYS else 0


def pick(all_found: list[Found]) -> Found | None:
    """The best-scored date; among equals, the first in the article."""
    if not all_found:
        return None
    best = max(f.score for f in all_found)
    if best < 0:
        return None
    return next(f for f in all_found if f.score == best)


NO_DATE = "no date found in the article and no publication date; give --published DATE"


def decide(
    sentences: list[Sentence],
    published: str | None,
    dateline: str | None,
    today: str,
    lead_size: int,
    month: str | None = None,
    year_of: str | None = None,
) -> tuple[str | None, Why]:
    """The engagement's date: the best date in the text, resolved against the report's date (the dateline's,
    else the publication date); else the dateline's date; else the publication date; else none. With no report
    date at all, a stated date without a year is read against `year_of` (the year the text names)."""
    report = absolute_date(dateline, published or today) if dateline else None
    reference = report or published
    found = pick([f for s in sentences for f in candidates(s.text, s.index, reference, lead_size)])
    if found is None and reference is None and year_of:  # "on September 18", no publication date: the year named
        found = pick([f for s in sentences for f in candidates(s.text, s.index, year_of, lead_size)
                      if f.rule == "date.stated"])  # fmt: skip
    if found:
        return found.value, Why(found.rule, f"“{found.phrase}” in: {sentences[found.sentence].text}")
    if report:
        return report, Why("date.dateline", f"the dateline: {dateline}")
    if published:
        return published, Why("date.published")
    if month:
        return month, Why("date.url-month", f"the month in the URL: {month}")
    return None, Why("date.missing", NO_DATE)
