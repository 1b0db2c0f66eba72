"""The words that show a country taking part in an engagement, or only being talked about."""

from __future__ import annotations

import re

# "the Pakistani delegation", "Azerbaijan's Minister of Defence": the country acts.
ACTOR_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:\w+\s+){0,3}?(minister|ministers|ministry|president|prime|premier|delegation|side|counterpart|"
    r"government|leader|leaders|leadership|ambassador|embassy|envoy|officials?|chief|army|navy|air force|forces|"
    r"armed|military|troops|servicemen|parliament|speaker|king|emir|crown|foreign|defen[cs]e|head|chairman|"
    r"deputy|vice|state|national|general|counterparts|team|authorities|secretary|sides|party|parties|"
    r"host|guests?|colleague|commander|navy|coast guard|special forces|company|companies)\b",
    re.I,
)

# "the President of Colombia", "the Ministry of National Defence of the Republic of Lithuania": the country acts.
ACTOR_BEFORE = re.compile(
    r"\b(?:minist\w+|president|prime minister|premier|government|embassy|ambassador|delegation|king|emir|"
    r"parliament|armed forces|army|navy|air force|chief|head of state)\b(?:\s+(?:of|for)\s+[A-Z][\w ]{0,40}?)?"
    r",?\s+of\s+(?:the\s+)?(?:(?:Republic|Kingdom|State|Federation)\s+of\s+(?:the\s+)?)?$|"
    r"\b(?:Ministry|Minister)\s+of\s+[A-Z][\w ]{0,40}?\s+(?:Republic|Kingdom)\s+of\s+$",
    re.I,
)

CONTEXT_BEFORE = re.compile(
    r"\b(war with|war against|war on|victory over|conflict with|conflict in|aggression|occupation|occupied by|"
    r"invasion of|tensions with|border with|borders with|sanctions on|sanctions against|attack on|attacks by|"
    r"attacks on|dispute with|crisis in|situation in|hostilities|neighbouring|neighboring|mediat\w+ between|"
    r"including|such as|like|against|region|regional|earlier in|previously in|situation around|"
    r"refugees from|independence from|threat from|threats from|competition between|rivalry between)"
    r"\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    re.I,
)

# "called for dialogue between ECOWAS, Burkina Faso, Mali and Niger": others, whom the parties talk about.
ADVOCATED = re.compile(
    r"\b(?:call\w*|urg\w*|appeal\w*)\s+for\s+(?:[\w-]+\s+){0,3}(?:between|among)\s+(?:[\w,&-]+\s+){0,4}$", re.I
)

# "Russian aggression", "Turkey's provocations", "US sanctions": a war's or a dispute's other side.
CONTEXT_AFTER = re.compile(
    r"^(?:['’]s)?\s+(border|frontier|territory|territories|war|conflict|crisis|aggression|invasion|occupation|"
    r"provocations?|offensive|attacks?|strikes|shelling|sanctions|missiles?)\b",
    re.I,
)

MULTILATERAL = re.compile(
    r"\b(trilateral|tripartite|three-way|(?:three|four|five|six|seven|eight|nine|ten|\d+) "
    r"(?:[\w-]+ ){0,2}?(?:countries|nations|sides|navies|armies)|quadrilateral|four-way|multilateral|"
    r"multinational|multi-national|ministerial meeting of|"
    r"summit of|leaders of|ministers of|heads of state|heads of government|C5\+1)",
    re.I,
)  # fmt: skip

# A sentence telling who takes part in a multilateral event: its list of countries are parties, "including" or not
# ("troops from 26 countries, including Mongolia, China and Qatar, are participating").
PARTICIPATING = re.compile(
    r"\b(?:participat\w+|take part|taking part|took part|takes part|joined|join|joining|partake)\b|"
    r"\b(?:troops|forces|soldiers|sailors|personnel|contingents?|participants|militaries|armies|navies|"
    r"delegations|teams|units|ships|vessels|warships|aircraft)\s+(?:from|of)\b",
    re.I,
)

# A sentence that lists those taking part whether or not the lead says the event is multilateral: "Contingents
# at the camp include ...", "The participating countries are ...", "attended by units from ..." (not "forces were
# in X, Y, Z", nor "joined", which bilateral reports use of third countries too).
LISTS_PARTICIPANTS = re.compile(
    r"\battended by\b|"
    r"\b(?:contingents?|delegations|teams|units|troops|forces|navies|militaries|armies)\b(?:\s+[\w-]+){0,3}?\s+"
    r"(?:include|includes|included|comprise|comprises|comprised|came from|come from)\b|"
    r"\b(?:participants|participating (?:countries|nations|states))\s+(?:are|were|include|includes|included)\b|"
    # "forces from Egypt, the US, Greece ... will take part in the drills"
    r"\b(?:troops|forces|soldiers|sailors|personnel|contingents?|navies|armies|militaries)\s+(?:from|of)\b"
    r"[^.;]{0,250}?\b(?:take|takes|took|taking)\s+part\b",
    re.I,
)

# "Lebanon, Rwanda and Canada have been invited as observers", "observers from Iran": there, not taking part.
OBSERVED_BEFORE = re.compile(r"\bas (?:an? )?observers?\b|\bobserver status\b", re.I)
OBSERVED_AFTER = re.compile(r"\bobservers? (?:from|of)\b", re.I)
# Where one clause of a sentence ends and the next begins: "X take part, while Y attend as observers".
CLAUSE_END = re.compile(r";|,?\s+(?:while|whereas|but)\s+|\s+[–—]\s+")

# A list that names the countries the sentence before counted: "... units from 15 countries. They are Germany,
# Canada, ...".
LIST_INTRO = re.compile(r"^(?:They|These|The countries|The participants)\s+(?:are|were|include|included)\b")
COUNTED = re.compile(
    r"\b(?:\d+|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|"
    r"twenty)\s+(?:\w+\s+)?(?:countries|nations|states|navies|armies)\b",
    re.I,
)
