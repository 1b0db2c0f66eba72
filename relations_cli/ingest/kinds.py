"""The words that tell what kind of engagement a report tells: a document signed, a call, a joint drill."""

from __future__ import annotations

import re

from .lexicon import MONTH_NAMES, words

# "signed in 2019": a document of the past, not of this engagement.
SIGNED_LONG_AGO = re.compile(r"signed (?:in|back in) \d{4}")
# A sentence that tells its signing as the past: "PM Marape in February 2020 signed ...", "Earlier, ..."
# (also after a full stop with no space, where a page ran two sentences together: "TASS reported.Earlier, ...").
TOLD_AS_PAST = re.compile(
    rf"\bin (?:{'|'.join(MONTH_NAMES)}) \d{{4}}\b|"
    r"(?:^|(?<=[a-z]\.))(?:Earlier|Previously|In the past|Last year)\b"
)
SIGNED = re.compile(
    r"\b(signed|inked|sealed|initialled|initialed|penned|signing (?:ceremony|of)|witnessed the signing|"
    r"presided over the signing|signature of|"
    # a headline's present tense: "Kenya, Uganda sign pact on oil pipeline", "Philippines, Japan ink deal"
    r"(?:sign|signs|ink|inks)\s+(?:[\w-]+\s+){0,4}?(?:agreements?|deals?|pacts?|MoUs?|memorand\w*|treat(?:y|ies)|"
    r"accords?|contracts?|protocols?|documents|declarations?|roadmaps?)|concluded (?:an? |the )?(?:[\w-]+ ){0,2}"
    r"(?:agreements?|treaty|contracts?|memorand\w*)|"
    r"exchange(?:d)? (?:of )?(?:the |a )?(?:[\w-]+ ){0,3}"
    r"(?:agreements?|treat(?:y|ies)|memorand\w*|MoUs?|documents|notes|instruments of ratification))",
    re.I,
)

# A signing tied to the talks themselves, wherever the report tells it: "After the talks, the leaders attended
# the signing ceremony", "signed a protocol following the results of the talks".
AT_THE_TALKS = re.compile(
    r"\b(?:after|following|at the end of|on the sidelines of|during|as a result of|following the results of|"
    r"on the results of|at the conclusion of|in the course of|within the framework of)\s+"
    r"(?:the\s+)?(?:results of (?:the\s+)?)?(?:[\w-]+\s+){0,2}?(?:talks|meeting|negotiations|visit|summit|"
    r"consultations)\b|"
    # the engagement's sides as the subject: "the two sides signed", "the ministers also inked"
    r"\b(?:the|both)\s+(?:two\s+)?(?:sides|parties|leaders|presidents|ministers|prime ministers|delegations|"
    r"governments|heads of state)\s+(?:also\s+|then\s+)?(?:signed|inked|exchanged)\b",
    re.I,
)

# A signing told as today's, wherever the report tells it: "Today, with the signing of the treaty, ...".
TODAY = re.compile(r"\b(?<!later )(?:today|this morning|this afternoon|this evening)\b", re.I)
# "will attend a signing ceremony ... later today": still to come when the report was written.
LATER_TODAY = re.compile(r"\blater (?:today|this (?:morning|afternoon|evening|week))\b", re.I)

# "to discuss the trade agreements signed between both countries": documents of before, talked about now.
SIGNED_BEFORE = re.compile(
    r"\b(?:discuss\w*|review\w*|implement\w*|assess\w*|evaluat\w*|follow\w*[- ]up|progress|existing)\b[^.;]{0,60}?"
    r"\b(?:agreements?|accords?|documents?|MoUs?|memorand\w*|treat(?:y|ies)|protocols?|contracts?|deals?)\s+$",
    re.I,
)

NOT_NOW = re.compile(
    r"\b(will|would|to|plan(?:s|ned)? to|expected to|previously|earlier|already|last year|in the past|"
    r"ready to|intend|intends|agreed to)\s+(?:\w+\s+){0,2}$",
    re.I,
)
# "after the leaders signed ...", "since they signed ...": a signing before the engagement, unless the sentence
# tells it as today's ("agreed to collaborate after both governments signed a memorandum today").
BEFORE_THEN = re.compile(r"\b(after|before|since|(?<!the )following)\s+(?:\S+\s+){0,5}$", re.I)

CALL = words(
    r"(?:tele)?phone[- ]?calls?", r"(?:tele)?phone conversations?", r"(?:tele)?phone talks?",
    r"(?:tele)?phone discussions?", "on the phone", r"tele-?conference", r"telephone (?:conference|discussions?)",
    r"video (?:conversation|talks?|meeting|summit)", "virtual call", r"(?:a|the) call from", r"by (?:tele)?phone",
    r"video[- ]?(?:call|conference|link)", r"videoconferenc\w*",
    r"(?:virtual|online) (?:[\w-]+ ){0,3}?(?:meeting|talks|summit|conference)", r"via video", "held a call",
    "dialled", "dialed", "spoke by", r"(?:tele)?phone[ds]",
    # "a telephonic conversation", "talked over (the) phone", "via telephone", "during the call", "met virtually"
    r"telephonic(?:ally)?", r"over (?:the )?(?:tele)?phone", r"via (?:tele)?phone",
    r"(?:in|during|on) (?:a|the|their) call",
    # "received a call on Sunday evening from", "Receives Congratulatory Call From", "had a call with" (a
    # courtesy call is paid in person)
    r"(?:receive[ds]?|took|takes|had|has) (?:an? |the )?(?:[\w-]+ ){0,2}?(?<!courtesy )calls? "
    r"(?:(?:on|late on|earlier on) \w+day(?: \w+)? |yesterday |today )?(?:from|with)",
    "virtually", "via zoom",
    # "Trump called Prime Minister Mitsotakis on Wednesday": calling a leader, not "called for" or "called on"
    r"called (?:his|her|their)\s+(?:[\w-]+\s+){0,2}counterparts?",
    r"called (?!on\b|upon\b|for\b)(?:[\w-]+\s+){0,2}(?:President|Prime Minister|PM|Premier|Chancellor|Minister|"
    r"Secretary|King|Emir|Crown Prince|Sultan)",
)  # fmt: skip

# Readouts tell a call as speaking with someone ("The Prime Minister spoke to his Canadian counterpart"), or as
# a "call with" them: a call, unless the lead also tells of meeting in person.
SPOKE = words(
    r"sp(?:oke|eaks?) (?:(?:on |late |again )?(?:\w+day|yesterday|today)(?: \w+)? )?(?:with|to)",
    r"call with",
    r"calls with",
)  # "spoke on Tuesday with President Kenyatta"
IN_PERSON = words(
    "met", "meet", "meets", "meeting", "visit", "visited", "visits", "visiting", "received", "receives", "hosted",
    "hosts", "welcomed", "arrived", "audience", "held talks", "talks in", "sidelines", "reporters", "press",
    "courtesy call",
)  # fmt: skip

# A drill: "joint naval exercise", "air force drills", "bilateral exercise", "exercises code-named ...",
# "Exercise Olgeta Warrior" (a capitalised name after Exercise).
EXERCISE = re.compile(
    r"(?i:\b(?:joint|military|naval|navy|air|air force|army|tactical|command-staff|bilateral|trilateral|"
    r"multilateral|combined|counter-terrorism|anti-terror|maritime|special forces|field|live-fire|amphibious)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:exercises?|drills?|manoeuvres|maneuvers|war ?games)\b|"
    r"\bexercises?\s+(?:code-?named|dubbed|titled|called)\b|"
    # a drill's name before the word: "the Cope Thunder 2023 exercise", "the SLINEX-2015 drills"
    r"\b[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}[- ]?(?:19|20)?\d\d[\"”]?\s+(?:joint\s+)?(?:exercises?|drills?)\b)|"
    r"\b[Ee]xercise\s+[\"“]?[A-Z][a-z]+|"
    # "the two navies began an exercise"
    r"(?i:\b(?:an|the)\s+(?:[\w-]+\s+){0,2}?(?:exercises?|drills?|manoeuvres|maneuvers)\b)|"
    # a drill's name in title case before the word: "Bright Star manoeuvres", "a NATO Partnership for Peace Exercise"
    r"\b[A-Z][\w-]+\s+(?:[A-Z][\w-]+\s+){0,2}(?:[Ee]xercises?|[Dd]rills?|[Mm]anoeuvres|[Mm]aneuvers)\b(?!\s+of\b)|"
    # a drill's name in capitals before the word: "Passage Exercise (PASSEX)", "the Malabar Exercise"
    r"\b[A-Z][a-z]+\s+Exercises?\s+\(?[A-Z]{3,}|"
    # "have conducted their first joint training" (training as a topic is not a drill)
    r"(?i:\b(?:conducted|held|began|started|completed|launched)\s+(?:their\s+|a\s+|the\s+)?(?:first\s+)?"
    r"joint\s+(?:[\w-]+\s+)?training\b)"
)

UNDER_WAY = words(
    "began", "begin", "begins", "held", "hold", "holds", "holding", "conducted", "conduct", "conducts", "conducting",
    "launched", "launch", "staged", "kicked off", "taking part", "take part", "took part", "wrapped up", "started",
    "start", "concluded", "completed", "commenced", "opened", "are practising", "practised", "carried out",
    "is under way", "underway", "begun", "got under way", "kicks? off", "joined", "partake", "commences?",
    "concludes?", "ended", "is being held", "takes place", "took place", "arrived", "participat\\w+", "joins?",
    "launching", "converged", "assembled", "gathered",
)  # fmt: skip
