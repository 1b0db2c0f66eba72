"""Which of the countries an article names took part, and which are only context."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .article import Sentence, before
from .lexicon import Mention

_ACTOR_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:\w+\s+){0,3}?(minister|ministers|ministry|president|prime|premier|delegation|side|counterpart|"
    r"government|leader|leaders|leadership|ambassador|embassy|envoy|officials?|chief|army|navy|air force|forces|"
    r"armed|military|troops|servicemen|parliament|speaker|king|emir|crown|foreign|defen[cs]e|head|chairman|"
    r"deputy|vice|state|national|general|counterparts|team|authorities|secretary|sides|party|parties|"
    r"host|guests?|colleague|commander|navy|coast guard|special forces|company|companies)\b",
    re.I,
)
_CONTEXT_BEFORE = re.compile(
    r"\b(war with|war against|war on|victory over|conflict with|conflict in|aggression|occupation|occupied by|"
    r"invasion of|tensions with|border with|borders with|sanctions on|sanctions against|attack on|attacks by|"
    r"attacks on|dispute with|crisis in|situation in|hostilities|neighbouring|neighboring|mediat\w+ between|"
    r"including|such as|like|against|from|region|regional|earlier in|previously in|situation around|"
    r"refugees from|independence from|threat from|threats from)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    re.I,
)
_MULTI = re.compile(r"\b(trilateral|tripartite|three-way|three countries|three sides|quadrilateral|four-way|"
                    r"four countries|multilateral|ministerial meeting of|summit of|leaders of|ministers of|"
                    r"heads of state|heads of government|C5\+1)", re.I)  # fmt: skip
_HOST = re.compile(r"\b(?:visit(?:ed|ing|s)?|visit to|trip to|arrived in|arrives in|tour of|travelled to|traveled to)"
                   r"\s+(?:the\s+)?$", re.I)  # fmt: skip
_PAIR = re.compile(r"^(?:\s*(?:and|,|-|–|and the)\s*)$")


THRESHOLD = 4.0
LEAD_ONLY = 2.5
_CONTEXT_AFTER = re.compile(r"^(?:['’]s)?\s+(border|frontier|territory|territories|war|conflict|crisis)\b", re.I)


@dataclass
class Choice:
    parties: list[str]
    mentioned: list[str]
    scores: dict[str, float]
    reasons: dict[str, list[str]] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)


def choose(
    sentences: list[Sentence], mentions: dict[int, list[Mention]], people: dict[str, int], lead_size: int = 2
) -> Choice:
    """Score each country: the lead, actor phrases ("the Pakistani delegation"), pairs ("Azerbaijan-Pakistan"),
    visits and participants count for it; context phrases ("the war with Armenia") count against."""
    scores: dict[str, float] = {}
    reasons: dict[str, list[str]] = {}
    evidence: dict[str, str] = {}
    acting: set[str] = set()
    multi = any(_MULTI.search(s.text) for s in sentences[: lead_size + 1])

    def add(code: str, points: float, why: str) -> None:
        scores[code] = scores.get(code, 0.0) + points
        if why not in reasons.setdefault(code, []):
            reasons[code].append(why)

    for s in sentences:
        found = mentions.get(s.index, [])
        in_lead = s.index < lead_size
        found = [m for m in found if m.form != "city"]
        for k, m in enumerate(found):
            ahead, after = before(s.text, m.start), s.text[m.end : m.end + 100]
            context = bool(_CONTEXT_BEFORE.search(ahead) or _CONTEXT_AFTER.match(after))
            if context:
                add(m.code, -2.5, f"context: “{ahead[-30:].strip()} {m.text}”")
                continue
            add(m.code, 3.0 if in_lead else 0.5, "named in the lead" if in_lead else "named")
            if s.index == 0 or (s.paragraph == -1 and s.index <= 1):
                acting.add(m.code)  # the headline or the first sentence says who did it
            if m.form != "capital" and _ACTOR_AFTER.match(after):
                add(m.code, 2.0, f"an actor: “{m.text}{after[:25]}”")
                acting.add(m.code)
            if _HOST.search(ahead):
                add(m.code, 2.0, f"host of a visit: “{ahead[-20:].strip()} {m.text}”")
                acting.add(m.code)
            neighbours = [found[k - 1]] if k else []
            if k + 1 < len(found):
                neighbours.append(found[k + 1])
            for other in neighbours:
                gap = s.text[min(m.end, other.end) : max(m.start, other.start)]
                if other.code != m.code and _PAIR.match(gap):
                    add(m.code, 1.5, f"paired with {other.text}")
                    acting.add(m.code)
    for code, count in people.items():
        add(code, 2.0 * min(count, 2), "a participant's country")
        acting.add(code)
    ranked = sorted(scores, key=lambda c: (-scores[c], c))
    # A party is named prominently and shown acting: as an actor, a participant's country, a host, one of a pair.
    strong = [c for c in ranked if scores[c] >= THRESHOLD and c in acting]
    limit = len(strong) if multi else 2
    parties = strong[:limit]
    if len(parties) < 2:  # a short report: being named in the lead and shown acting is enough
        parties = [c for c in ranked if scores[c] >= LEAD_ONLY and c in acting][:2]
    for c in ranked:
        if c not in parties:
            reasons[c].append("not shown taking part" if c not in acting else "named too little to be a party")
    evidence = {c: "; ".join(r for r in reasons[c] if not r.startswith("context"))[:300] for c in parties}
    mentioned = sorted(c for c in scores if c not in parties)
    return Choice(parties, mentioned, scores, reasons, evidence)
