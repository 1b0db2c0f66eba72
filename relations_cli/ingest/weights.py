"""The weights of ingest's scoring rules, each named, and the one definition of an article's lead."""

from __future__ import annotations

# The lead: the headline, when there is one, and the first sentences. What a report is about is told there.
LEAD_SENTENCES = 2


def lead_size(has_headline: bool) -> int:
    """How many of the article's sentences (the headline counted as one) make its lead."""
    return LEAD_SENTENCES + (1 if has_headline else 0)


# How far past the lead some rules still look.
SIGNING_PAST_LEAD = 3  # a signing told just after the lead is still this engagement's
CALL_PAST_LEAD = 2  # so is a call, where the lead tells of no meeting in person
MULTILATERAL_PAST_LEAD = 1  # "a trilateral meeting" told just after the lead
PLACE_PAST_LEAD = 2  # the place of the engagement is told early; later mentions lose a point per sentence

# Parties: points for each way a country is named; a party passes THRESHOLD and is shown acting.
NAMED_IN_LEAD = 3.0
NAMED_LATER = 0.5
ACTOR = 2.0  # "the Pakistani delegation", "Azerbaijan's Minister of Defence"
HOST = 2.0  # "a visit to Hungary"
PAIRED = 1.5  # "Azerbaijan-Pakistan", "Ankara and Baku"
CONTEXT = -2.5  # "the war with Armenia"
CONTEXT_REACH = 60  # characters before a country that can make it context
PARTICIPANT = 2.0  # each participant of the country, at most PARTICIPANTS_COUNTED of them
PARTICIPANTS_COUNTED = 2
LEADER = 3.0  # a leader the table knows, named without the country ("President Duterte"): with PARTICIPANT, a party
PUBLISHER = 3.0  # the government whose site published the report ("foreign.gov.tt")
THRESHOLD = 4.0
THIRD_PARTY = 12.0  # a third country as strongly shown acting is a party without a multilateral word
LEAD_ONLY = 2.5  # a short report: named in the lead and shown acting is enough

# Dates: the engagement's date is told in a sentence about it, early, and not about a war or an anniversary.
DATE_ENGAGED = 3
DATE_ARRIVAL = 2  # a sentence that tells only an arrival: travel, before the engagement
DATE_IN_LEAD = 1
DATE_CONTEXT = -4
DATE_CONTEXT_REACH = 70  # characters before a date that can make it context
DATE_VERB_REACH = 50  # characters before a date where its verb is looked for
DATE_VERB_AFTER = 30  # and after it: "On Monday the ministers held talks"
DATE_VERB_NEAR = 1  # "met X on Friday"
DATE_ARRIVED = -1  # "arrived late Thursday night"
DATE_AFTER_REPORT = -3  # after the report's date: a plan or an end ("runs until October 29")
DATE_LONG_BEFORE = -2  # more than DATE_RECENT_DAYS before the report's date
DATE_RECENT_DAYS = 31
DATE_REPORTED = -2  # "the ministry said Friday": the day it was told
DATE_REPORTED_REACH = 25

# Places: "in Baku on Monday" beats a bare "in the region".
PLACE_KNOWN = 2  # a country, capital or known city
PLACE_THEN_DATE = 2  # followed by the date or the end of the sentence
PLACE_IN = 1  # "in" rather than "at", "near" or "off"
PLACE_CITY = 1  # a city names a venue; "in Egypt" is as often where the subject matter lies ("universities in Egypt")
