"""ingest's kind and areas on short articles written for these tests: what an analyst reads in the draft."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .conftest import Run

HEADLINE = "Azerbaijan and Pakistan held talks\n\n"


def _draft(run: Run, text: str) -> dict[str, Any]:
    result = run("ingest", "-", "--published", "2024-03-05", "--explain", "--json", input=text)
    assert result.exit_code == 0, result.stderr
    draft: dict[str, Any] = json.loads(result.stdout)
    return draft


def test_a_document_signed_years_ago_does_not_make_a_meeting_an_agreement(run: Run) -> None:
    # The only signing in the lead is of a past document: nothing was signed in this engagement.
    text = HEADLINE + (
        "Azerbaijani and Pakistani ministers met in Baku on March 4 to discuss trade, recalling the agreement "
        "signed in 2019.\n"
    )
    assert _draft(run, text)["kind"] == "meeting"


def test_officer_training_is_the_military_educational_area_quoted_as_written(run: Run) -> None:
    text = HEADLINE + (
        "Azerbaijani and Pakistani ministers met in Baku on March 4 to discuss cooperation in the training of "
        "officers.\n"
    )
    draft = _draft(run, text)
    assert draft["areas"] == ["military-educational"]
    assert draft["evidence"]["areas"] == {"military-educational": "training of officers"}


def test_an_area_word_that_opens_a_sentence_is_an_area(run: Run) -> None:
    body = "Azerbaijani and Pakistani ministers met in Baku on March 4. Trade topped the agenda.\n"
    draft = _draft(run, HEADLINE + body)
    assert draft["areas"] == ["trade"]


def test_the_first_sentence_after_the_headline_about_third_countries_names_no_area(run: Run) -> None:
    text = (
        "Azerbaijani and Pakistani ministers met in Baku to discuss energy cooperation\n\n"
        "Military ties between North Korea and Russia were not discussed.\n"
    )
    draft = _draft(run, text)
    assert draft["countries"] == ["AZE", "PAK"]
    assert draft["areas"] == ["energy"]


@pytest.mark.parametrize(
    ("headline", "areas"),
    [
        # The headline tells what the sides discussed, even a link between two other countries.
        ("Ministers discuss rail cooperation between China and Turkey", ["transport"]),
        ("Ministers meet in Baku", []),
    ],
)
def test_the_headline_names_the_engagements_areas_even_between_third_countries(
    run: Run, headline: str, areas: list[str]
) -> None:
    draft = _draft(run, headline + "\n\nAzerbaijani and Pakistani ministers met in Baku on March 4.\n")
    assert draft["countries"] == ["AZE", "PAK"]
    assert draft["areas"] == areas


LATER = (
    "Azerbaijani and Pakistani ministers met in Baku on March 4. They discussed trade. They praised the ties. "
    "They talked about the region. {}\n"
)


@pytest.mark.parametrize(
    ("late", "kind"),
    [
        # A signing told late in the report but tied to these talks is this engagement's.
        ("After the talks, the two ministers attended the signing ceremony of a memorandum on trade.", "agreement"),
        ("The ministers signed a memorandum on trade during the visit.", "agreement"),
        # ... or told as today's.
        ("Today, with the signing of the treaty on trade, our partnership enters a new stage.", "agreement"),
        ("The treaty on trade that the two countries signed in 2019 still holds today.", "meeting"),
        # Tied to the talks, but a document of years ago, or one still to be signed.
        ("After the talks, they recalled a long list of earlier accords, among them the treaty signed in 2019.",
         "meeting"),
        ("During the talks, they agreed to sign a memorandum next year.", "meeting"),
        # Signed long ago and not tied to these talks.
        ("The two countries signed a memorandum on trade in 2019.", "meeting"),
    ],
)  # fmt: skip
def test_a_signing_told_after_the_lead_counts_only_when_tied_to_the_talks(run: Run, late: str, kind: str) -> None:
    draft = _draft(run, HEADLINE + LATER.format(late))
    assert draft["kind"] == kind
    if kind == "agreement":  # --explain quotes the sentence that tells the signing
        assert draft["evidence"]["kind"] == late


def test_a_memorandum_signed_after_the_talks_makes_the_engagement_an_agreement(run: Run) -> None:
    # "After the talks" ties the signing to this engagement; it does not put it in the past.
    body = (
        "Azerbaijani and Pakistani ministers met in Baku on March 4. "
        "After the talks, the ministers signed a memorandum on trade.\n"
    )
    assert _draft(run, HEADLINE + body)["kind"] == "agreement"


@pytest.mark.parametrize(
    ("body", "kind", "rule"),
    [
        ("Azerbaijani and Pakistani ministers signed an agreement on trade in Baku on March 4.", "agreement",
         "kind.signed"),
        (LATER.format("The ministers signed a memorandum on trade during the visit."), "agreement",
         "kind.signed-at-talks"),
        # "After the talks" in the lead ties the signing to them; it does not put it in the past.
        ("Azerbaijani and Pakistani ministers met in Baku on March 4. After the talks, the ministers signed a "
         "memorandum on trade.", "agreement", "kind.signed-at-talks"),
        # A signing after which the sides agreed is this engagement's when told as today's, else the past's.
        ("Azerbaijan and Pakistan agreed on March 4 to trade more after both governments signed a memorandum "
         "today.", "agreement", "kind.signed"),
        ("Azerbaijani and Pakistani ministers met in Baku on March 4 after both governments signed a memorandum "
         "last year.", "meeting", "kind.meeting"),
        # "Earlier" tells a signing of the past even where the page ran two sentences together.
        ("A joint military exercise of Azerbaijan and Pakistan began in Baku on March 4, the ministry said.Earlier, "
         "the two ministers signed a plan for the drills.", "exercise", "kind.exercise"),
        # Tied to the talks but still to come.
        (LATER.format("They said the ministers would after the talks attend the signing of a trade memorandum."),
         "meeting", "kind.meeting"),
        ("The presidents of Azerbaijan and Pakistan held a phone call on March 4 and discussed trade.", "call",
         "kind.call"),
        ("A joint military exercise of Azerbaijan and Pakistan began in Baku on March 4.", "exercise", "kind.exercise"),
        ("Azerbaijani and Pakistani ministers met in Baku on March 4.", "meeting", "kind.meeting"),
        # Documents signed before, dated by the next sentence or discussed now: nothing signed in this engagement.
        ("Azerbaijani and Pakistani ministers met in Baku on March 4. The countries have signed two agreements. The "
         "first was signed in 2005.", "meeting", "kind.meeting"),
        ("Azerbaijani and Pakistani ministers met in Baku on March 4 to discuss the trade agreements signed between "
         "the two countries.", "meeting", "kind.meeting"),
        # A drill under way told after the lead is background to the talks.
        (LATER.format("A joint military exercise of the two countries began on March 1."), "meeting", "kind.meeting"),
    ],
)  # fmt: skip
def test_explain_names_the_rule_that_chose_the_kind(run: Run, body: str, kind: str, rule: str) -> None:
    draft = _draft(run, HEADLINE + body.rstrip("\n") + "\n")
    assert draft["kind"] == kind
    assert draft["evidence"]["rules"]["kind"].startswith(rule + ": ")


@pytest.mark.parametrize(
    ("body", "areas"),
    [
        # An office's name is no topic: "the Ministry of Energy" names no area.
        ("Officials of the Ministry of Energy of Azerbaijan and Pakistani ministers met in Baku on March 4 to discuss "
         "cooperation.", {}),
        # The words as written, a capital included; a phrase of two words; a phrase of no area.
        ("Azerbaijani and Pakistani ministers met in Baku on March 4. Energy cooperation topped the agenda.",
         {"energy": "Energy"}),
        ("Azerbaijani and Pakistani ministers met in Baku on March 4 to discuss cooperation in the defence industry.",
         {"military-industrial": "defence industry"}),
        ("Azerbaijani and Pakistani ministers met in Baku on March 4 to discuss food security cooperation.", {}),
        ("Azerbaijani and Pakistani ministers met in Baku on March 4 to discuss the energy sector and rail links.",
         {"energy": "energy", "transport": "rail"}),
        ("Azerbaijani and Pakistani ministers met in Baku on March 4 to discuss cooperation in the training of "
         "Pakistani officers.", {"military-educational": "training of Pakistani officers"}),
        # Vaccines and the pandemic are health; peacekeeping is security.
        ("Azerbaijani and Pakistani ministers met in Baku on March 4 to discuss cooperation against COVID-19.",
         {"health": "COVID-19"}),
        ("Azerbaijani and Pakistani ministers discussed the supply of vaccines in Baku on March 4.",
         {"health": "vaccines"}),
        ("Azerbaijani and Pakistani officers met in Baku on March 4 to discuss cooperation in peacekeeping.",
         {"security": "peacekeeping"}),
    ],
)  # fmt: skip
def test_each_area_and_the_words_that_name_it(run: Run, body: str, areas: dict[str, str]) -> None:
    draft = _draft(run, HEADLINE + body + "\n")
    assert draft["countries"] == ["AZE", "PAK"]
    assert (sorted(draft["areas"]), draft["evidence"]["areas"]) == (sorted(areas), areas)


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("The President of Azerbaijan spoke to his Pakistani counterpart on March 4 about trade.", "call"),
        ("The President of Azerbaijan met his Pakistani counterpart in Baku on March 4 and spoke to him about trade.",
         "meeting"),
    ],
)  # fmt: skip
def test_a_readouts_spoke_to_is_a_call_unless_they_met_in_person(run: Run, body: str, kind: str) -> None:
    draft = _draft(run, "Azerbaijan and Pakistan discuss trade\n\n" + body + "\n")
    assert draft["kind"] == kind
    assert draft["location"]["country"] == (None if kind == "call" else "AZE")
    if kind == "call":  # --explain names the rule and quotes the sentence that told it
        assert draft["evidence"]["rules"]["kind"].startswith("kind.spoke: ")
        assert draft["evidence"]["kind"] == body


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        # receiving a call, with the day between the call and who made it
        ("President Ruto received a call on Sunday evening from his Ghanaian counterpart, John Mahama.", "call"),
        ("Kenya's President Receives Congratulatory Call From President of Ghana", "call"),
        # a readout's "spoke on Tuesday with"
        ("President Mahama spoke on Tuesday with President Ruto about trade and security.", "call"),
        # a courtesy call is paid in person; "made this call" is an appeal, not a telephone
        ("President Mahama had a courtesy call with President Ruto at State House on Tuesday.", "meeting"),
        ("Mahama made this call during a visit to President Ruto at State House in Nairobi on Tuesday.", "meeting"),
    ],
)  # fmt: skip
def test_a_call_received_or_spoken_with_a_day_between_is_a_call_and_a_courtesy_call_a_meeting(
    run: Run, body: str, kind: str
) -> None:
    draft = _draft(run, "Ghana and Kenya leaders discuss trade\n\n" + body + "\n")
    assert draft["countries"] == ["GHA", "KEN"]
    assert draft["kind"] == kind


def test_a_signing_ceremony_later_today_is_not_this_meetings_agreement(run: Run) -> None:
    body = (
        "President Ruto today received the President of Ghana, John Mahama, who is visiting Kenya.\n\n"
        "The two presidents discussed trade and energy.\n\n"
        "President Mahama will attend a memorandum of understanding signing ceremony between two companies later "
        "today.\n"
    )
    assert _draft(run, "Kenyan President Receives Ghanaian President\n\n" + body)["kind"] == "meeting"


@pytest.mark.parametrize(
    "body",
    [
        # a drill's name in title case before the word, with more words than an article allows before it
        "The largest ever Golden Falcon manoeuvres started on March 4 with Kenyan and Ghanaian troops.",
        # the name with a lower-case word inside and "launching"
        "Troops from Kenya and Ghana settled in after a ceremony launching a Partnership for Peace Exercise in Kenya.",
        # forces that gathered for a drill
        "Military forces from Kenya and Ghana have converged in Mombasa for a multinational military exercise.",
    ],
)
def test_a_named_drill_and_forces_converging_for_one_make_an_exercise(run: Run, body: str) -> None:
    draft = _draft(run, "Kenyan and Ghanaian troops in the field\n\n" + body + "\n")
    assert draft["countries"] == ["GHA", "KEN"]
    assert draft["kind"] == "exercise"


@pytest.mark.parametrize(
    ("sentence", "areas"),
    [
        # a paper's or a forum's name is no topic
        ("The Economic Times and other media covered the drills, which aim at countering terrorism.", ["security"]),
        ("The two ministers met on the sidelines of the Eastern Economic Forum to discuss energy.", ["energy"]),
        # a fund the sides set up tells one
        ("Work is under way to launch the Azerbaijan-Pakistan Investment Fund.", ["economic"]),
    ],
)
def test_an_area_word_in_a_papers_or_forums_name_is_no_area(run: Run, sentence: str, areas: list[str]) -> None:
    draft = _draft(run, HEADLINE + "Azerbaijani and Pakistani ministers met in Baku on March 4. " + sentence + "\n")
    assert draft["areas"] == areas


@pytest.mark.parametrize(
    ("third", "kind"),
    [
        # the page's furniture took the lead; the call is told just after it
        ("The two presidents held a telephone conversation on March 4.", "call"),
        # a meeting in person told in the lead keeps it a meeting, a call told after it is another's
        ("They had held a telephone conversation in January.", "meeting"),
    ],
)
def test_a_call_told_just_after_a_lead_of_page_furniture_is_the_call(run: Run, third: str, kind: str) -> None:
    lead = "Share this article on social media and by email today.\n\nRead the latest news from our newsroom now.\n\n"
    if kind == "meeting":
        lead = "The presidents met in Baku on March 4.\n\nThey discussed trade and energy cooperation at length.\n\n"
    draft = _draft(run, "Azerbaijan, Pakistan presidents discuss trade\n\n" + lead + third + "\n")
    assert draft["kind"] == kind


@pytest.mark.parametrize(("before", "kind"), [(1, "agreement"), (2, "meeting")])
def test_a_signing_told_up_to_three_sentences_after_the_lead_is_the_engagements(
    run: Run, before: int, kind: str
) -> None:
    # the lead is the first two sentences (a text of one paragraph has no headline); further on, background
    filler = [
        "The ministers discussed trade and energy.",
        "They reviewed regional security.",
        "They praised the growing ties.",
    ][:before]
    body = "The foreign ministers of Azerbaijan and Pakistan met in Baku on March 4. They held talks at length. "
    text = HEADLINE + body + " ".join(filler) + " A memorandum on education was signed.\n"
    assert _draft(run, text)["kind"] == kind
