"""Which of the countries an article names took part, and which are only context."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from . import actors as ac
from . import lexicon as lx
from . import weights as w
from .article import Sentence, before
from .mentions import Mention

_PAIR = re.compile(r"^(?:\s*(?:and|,|-|–|and the)\s*)$")


@dataclass
class Choice:
    parties: list[str]
    mentioned: list[str]
    scores: dict[str, float]
    reasons: dict[str, list[str]] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)
    rules: dict[str, str] = field(default_factory=dict)  # the rule that made each party one


def choose(
    sentences: list[Sentence],
    mentions: dict[int, list[Mention]],
    people: dict[str, int],
    lead_size: int,
    unplaced: int = 0,
    leaders: dict[str, str] | None = None,
    publisher: str | None = None,
) -> Choice:
    """Score each country: the lead, actor phrases ("the Pakistani delegation"), pairs ("Azerbaijan-Pakistan"),
    visits, participants and leaders known by name count for it; context phrases ("the war with Armenia") count
    against."""
    scores: dict[str, float] = {}
    reasons: dict[str, list[str]] = {}
    evidence: dict[str, str] = {}
    acting: set[str] = set()
    multi = any(ac.MULTILATERAL.search(s.text) for s in sentences[: lead_size + w.MULTILATERAL_PAST_LEAD])
    multi = multi or any(_listed(s.text, mentions.get(s.index, [])) >= 3 for s in sentences[: lead_size - 1])
    led: set[str] = set()  # named in the lead, not as context

    def add(code: str, points: float, why: str) -> None:
        scores[code] = scores.get(code, 0.0) + points
        if why not in reasons.setdefault(code, []):
            reasons[code].append(why)

    for s in sentences:
        found = mentions.get(s.index, [])
        in_lead = s.index < lead_size
        found = [m for m in found if m.form != "city"]
        watching = _observers(s.text)
        context = False
        for k, m in enumerate(found):
            # (a venue in the clause, "exercise in New Caledonia, Fiji invited as observer", is not watching)
            if any(a <= m.start < b for a, b in watching) and not _IN_VENUE.search(s.text, 0, m.start):
                add(m.code, w.CONTEXT, f"an observer: “{m.text}”")
                context = False
                continue
            ahead, after = before(s.text, m.start), s.text[m.end : m.end + 100]
            # the rest of a list that began as context is context: "the situation in Niger, Mali and Burkina Faso";
            # a demonym after a name begins a new phrase: "Amid the war with Armenia, Azerbaijani and Pakistani …"
            listed = (
                context and _one_phrase(found[k - 1], m) and bool(lx.LIST_GAP.match(s.text[found[k - 1].end : m.start]))
            )
            near = ahead[-w.CONTEXT_REACH :]
            context = listed or bool(
                ac.CONTEXT_BEFORE.search(near) or ac.CONTEXT_AFTER.match(after) or ac.ADVOCATED.search(ahead)
            )
            if context:
                add(m.code, w.CONTEXT, f"context: “{ahead[-30:].strip()} {m.text}”")
                continue
            add(m.code, w.NAMED_IN_LEAD if in_lead else w.NAMED_LATER, "named in the lead" if in_lead else "named")
            if in_lead:
                led.add(m.code)
            if s.index == 0 or (s.paragraph == -1 and s.index <= 1):
                acting.add(m.code)  # the headline or the first sentence says who did it
            if m.form != "capital" and ac.ACTOR_AFTER.match(after):
                add(m.code, w.ACTOR, f"an actor: “{m.text}{after[:25]}”")
                acting.add(m.code)
            elif m.form == "name" and ac.ACTOR_BEFORE.search(ahead):
                add(m.code, w.ACTOR, f"an actor: “{ahead[-25:].lstrip()}{m.text}”")
                acting.add(m.code)
            if lx.VISITED.search(ahead):
                add(m.code, w.HOST, f"host of a visit: “{ahead[-20:].strip()} {m.text}”")
                acting.add(m.code)
            neighbours = [found[k - 1]] if k else []
            if k + 1 < len(found):
                neighbours.append(found[k + 1])
            for other in neighbours:
                gap = s.text[min(m.end, other.end) : max(m.start, other.start)]
                if other.code != m.code and _one_phrase(m, other) and (_PAIR.match(gap) or lx.LIST_GAP.match(gap)):
                    add(m.code, w.PAIRED, f"paired with {other.text}")
                    acting.add(m.code)
    if publisher and (unplaced or publisher in scores):  # a government's release tells its own officials' doings
        add(publisher, w.PUBLISHER, "the publisher's government (its site)")
        acting.add(publisher)
    for code, words in (leaders or {}).items():
        add(code, w.LEADER, f"a leader the table knows: “{words}”")
    for code, count in people.items():
        add(code, w.PARTICIPANT * min(count, w.PARTICIPANTS_COUNTED), "a participant's country")
        acting.add(code)
    ranked = sorted(scores, key=lambda c: (-scores[c], c))
    # A party is named prominently and shown acting: as an actor, a participant's country, a host, one of a pair.
    strong = [c for c in ranked if scores[c] >= w.THRESHOLD and c in acting]
    limit = len(strong) if multi else 2
    parties = strong[:limit] + [c for c in strong[limit:] if scores[c] >= w.THIRD_PARTY]
    rule = "parties.acting"
    taking_part = _taking_part(sentences, mentions, multi)
    for code in taking_part:
        if code not in parties:
            parties.append(code)
            reasons[code].append("listed as taking part in a multilateral event")
    if len(parties) < 2:  # a short report: being named in the lead and shown acting is enough
        parties = [c for c in ranked if scores[c] >= w.LEAD_ONLY and c in acting][:2]
        rule = "parties.lead-only"
    if len(parties) < 2 and unplaced:  # officials the text ties to no country act for a country of the lead
        parties = (parties + [c for c in ranked if c in led and c not in parties and scores[c] >= w.LEAD_ONLY])[:2]
        rule = "parties.through-officials"
    for c in ranked:
        if c not in parties:
            reasons[c].append("not shown taking part" if c not in acting else "named too little to be a party")
    evidence = {c: "; ".join(r for r in reasons[c] if not r.startswith("context"))[:300] for c in parties}
    mentioned = sorted(c for c in scores if c not in parties)
    rules = {c: "parties.taking-part" if c in taking_part and c not in strong else rule for c in parties}
    return Choice(parties, mentioned, scores, reasons, evidence, rules)


def _one_phrase(a: Mention, b: Mention) -> bool:
    """Whether two countries a gap joins can be one list: names with names, demonyms with demonyms ("Armenia,
    Azerbaijani and Pakistani ministers": the demonyms begin a new phrase)."""
    return (a.form == "demonym") == (b.form == "demonym")


_IN_VENUE = re.compile(r"\bin\s+(?:the\s+)?$")


def _observers(text: str) -> list[tuple[int, int]]:
    """The spans of a sentence's clauses that name observers ("X and Y attend as observers", "observers from
    Z"), whose countries watch and do not take part."""
    spans, start = [], 0
    for end in [*(m.start() for m in ac.CLAUSE_END.finditer(text)), len(text)]:
        spans += [(start, m.start()) for m in ac.OBSERVED_BEFORE.finditer(text, start, end)]
        spans += [(m.end(), end) for m in ac.OBSERVED_AFTER.finditer(text, start, end)]
        start = end
    return spans


def _taking_part(sentences: list[Sentence], mentions: dict[int, list[Mention]], multi: bool) -> list[str]:
    """The countries a report lists as taking part: a list of three or more in a sentence that tells
    participation ("sailors from Chile, Peru and the US", "26 countries, including ... are taking part") when the
    lead says the event is multilateral; wherever it is, a sentence that lists them ("Contingents at the camp
    include ...") or names those the sentence before counted ("... from 15 countries. They are ...")."""
    found: list[str] = []
    counted = False  # the sentence before counted the countries taking part: "from 15 countries"
    for s in sentences:
        told = (
            (multi and ac.PARTICIPATING.search(s.text))
            or ac.LISTS_PARTICIPANTS.search(s.text)
            or (counted and ac.LIST_INTRO.match(s.text))
        )
        counted = bool(ac.COUNTED.search(s.text))
        if not told:
            continue
        named = [m for m in mentions.get(s.index, []) if m.form in ("name", "demonym")]
        run: list[str] = []
        for k, m in enumerate(named):
            if k and lx.LIST_GAP.match(s.text[named[k - 1].end : m.start]):
                run.append(m.code)
            else:
                if len(set(run)) >= 3:
                    found.extend(run)
                run = [m.code]
        if len(set(run)) >= 3:
            found.extend(run)
    return list(dict.fromkeys(found))


def _listed(text: str, found: list[Mention]) -> int:
    """The most countries a sentence lists together ("India, the US and Japan", "Kenya-Rwanda-Uganda")."""
    best = run = 1 if found else 0
    named = [m for m in found if m.form != "city"]
    codes = {named[0].code} if named else set()
    for a, b in pairwise(named):
        if lx.LIST_GAP.match(text[a.end : b.start]):
            codes.add(b.code)
        else:
            codes = {b.code}
        run = len(codes)
        best = max(best, run)
    return best
