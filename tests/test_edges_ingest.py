"""What ingest proposes for short articles written for these tests: each date form against the report's date."""

from __future__ import annotations

import json
from typing import Any

import pytest

from relations_cli.ingest.when import year_reference

from .conftest import Run

# One engagement in every article: only the words of the date change.
MEETING = "Azerbaijan and Pakistan held talks\n\nAzerbaijani and Pakistani officials met in Baku {} to discuss trade.\n"


def _draft(run: Run, text: str, *args: str) -> tuple[int, dict[str, Any]]:
    result = run("ingest", "-", *args, "--json", input=text)
    draft: dict[str, Any] = json.loads(result.stdout)
    return result.exit_code, draft


@pytest.mark.parametrize(
    ("words", "published", "date"),
    [
        ("on December 30", "2024-01-05", "2023-12-30"),  # a date after the report is last year's
        ("on December 30", "2023-12-31", "2023-12-30"),
        ("on March 8", "2024-03-01", "2024-03-08"),  # up to a week ahead is this year's (a plan)
        ("on March 9", "2024-03-01", "2023-03-09"),  # more than a week ahead is last year's
        ("on January 3", "2023-12-28", "2024-01-03"),  # ... and up to a week ahead across New Year, next year's
        ("on January 4", "2023-12-28", "2024-01-04"),  # exactly a week ahead is still next year's
        ("on January 5", "2023-12-28", "2023-01-05"),
        ("on Monday", "2024-03-04", "2024-03-04"),  # the report's own weekday is that day
        ("last Monday", "2024-03-04", "2024-02-26"),  # ... "last" makes it a week before
        ("on Friday", "2024-03-04", "2024-03-01"),
        ("last Friday", "2024-03-04", "2024-03-01"),
        ("yesterday", "2024-03-01", "2024-02-29"),
        ("today", "2024-03-10", "2024-03-10"),
        ("last week", "2024-03-05", "2024-02"),  # only the month is sure
        ("last week", "2024-03-09", "2024-03"),
        ("last month", "2024-03-01", "2024-02"),
        ("last month", "2024-01-31", "2023-12"),
        ("on 3-5 March 2024", "2024-04-01", "2024-03-03"),  # a range starts the engagement
        ("on March 3rd", "2024-03-10", "2024-03-03"),
        ("on 3 March", "2024-03-10", "2024-03-03"),
        ("on the 3rd of March 2023", "2024-03-10", "2023-03-03"),
        ("on 2024-03-03", "2024-05-01", "2024-03-03"),
        ("on February 30", "2024-03-10", "2024-03-10"),  # no such day: the publication date
        ("on February 29", "2024-03-10", "2024-02-29"),
    ],
)
def test_each_date_form_against_the_publication_date(run: Run, words: str, published: str, date: str) -> None:
    code, draft = _draft(run, MEETING.format(words), "--published", published)
    assert code == 0
    assert draft["date"] == date
    assert draft["countries"] == ["AZE", "PAK"]


def test_a_full_date_needs_no_publication_date(run: Run) -> None:
    code, draft = _draft(run, MEETING.format("on 2024-03-03"))
    assert (code, draft["date"]) == (0, "2024-03-03")
    code, draft = _draft(run, MEETING.format("on 3 March 2024"))
    assert (code, draft["date"]) == (0, "2024-03-03")


def test_no_date_anywhere_is_refused_with_what_to_give(run: Run) -> None:
    code, draft = _draft(run, MEETING.format(""))
    assert code == 2 and draft["date"] is None
    assert "no publication date; give --published DATE" in draft["reason"]
    # A weekday alone cannot be placed without a date to count back from.
    code, draft = _draft(run, MEETING.format("on Monday"))
    assert code == 2 and draft["date"] is None


def test_a_month_in_the_url_is_the_last_resort(run: Run) -> None:
    code, draft = _draft(run, MEETING.format(""), "--url", "https://example.org/2023/07/talks.html")
    assert (code, draft["date"]) == (0, "2023-07")
    code, draft = _draft(run, MEETING.format(""), "--url", "https://example.org/2023/07/talks.html",
                         "--published", "2023-08-02")  # fmt: skip
    assert draft["date"] == "2023-08-02"


def test_the_dateline_dates_the_report_and_anchors_its_weekdays(run: Run) -> None:
    dateline = "BAKU, Jan. 28 -- Azerbaijani and Pakistani officials met {}to discuss trade.\n"
    code, draft = _draft(run, dateline.format(""), "--published", "2024-02-02")
    assert (code, draft["date"]) == (0, "2024-01-28")
    code, draft = _draft(run, dateline.format("on Friday "), "--published", "2024-02-02")
    assert draft["date"] == "2024-01-26"  # the Friday before 28 January, not before 2 February


def test_the_meeting_date_beats_an_arrival_and_a_date_later_in_the_article(run: Run) -> None:
    text = ("Azerbaijan and Pakistan held talks\n\n"
            "The Pakistani delegation arrived in Baku on March 2. "
            "Azerbaijani and Pakistani officials held talks on March 4 on trade.\n\n"
            "A further round is planned for May 20.\n")  # fmt: skip
    code, draft = _draft(run, text, "--published", "2024-03-05")
    assert (code, draft["date"]) == (0, "2024-03-04")


HEADLINE = "Azerbaijan and Pakistan held talks\n\n"


@pytest.mark.parametrize(
    ("body", "date"),
    [
        # The lead's date of the engagement beats a later one.
        ("Azerbaijani and Pakistani officials met in Baku on March 4. They discussed trade. Both sides praised "
         "the ties. The sides held talks on March 6 too.", "2024-03-04"),
        # A date in a sentence that tells no engagement loses to one that does, even from the lead.
        ("On March 1 the news came. Pakistan and Azerbaijan are friends. Nothing else. Azerbaijani and Pakistani "
         "officials met in Baku on March 4.", "2024-03-04"),
        # Dates of context (since, anniversary, war) are never the engagement's: the publication date is.
        ("Azerbaijani and Pakistani officials met in Baku. The countries have had ties since March 2, 2001.",
         "2024-03-05"),
        ("Azerbaijani and Pakistani officials met in Baku. The anniversary is March 2.", "2024-03-05"),
        ("Azerbaijani and Pakistani officials met in Baku on March 4, after the war of March 2.", "2024-03-04"),
        ("Azerbaijani and Pakistani officials met in Baku on Sept. 4.", "2023-09-04"),
        # A sentence opening on a word of context ("Since") still makes its date context.
        ("Azerbaijani and Pakistani officials met in Baku to discuss trade. Since March 2 the talks have been "
         "regular.", "2024-03-05"),
        # The only date, in a sentence past the lead that tells no engagement, is still taken.
        ("Azerbaijani and Pakistani officials met in Baku to discuss trade. They praised ties. Both sides praised "
         "the progress. The step was decided on March 2.", "2024-03-02"),
        # A date in a sentence that tells only an arrival beats one in a sentence of the lead that tells nothing.
        ("On March 1 the news came. Pakistan and Azerbaijan are friends. Nothing else. The Pakistani delegation "
         "arrived in Baku on March 3.", "2024-03-03"),
        # ... and so does one that tells someone was there.
        ("On March 1 the news came. Pakistan and Azerbaijan are friends. Nothing else. The Pakistani minister was in "
         "Baku on March 3.", "2024-03-03"),
        ("Azerbaijani and Pakistani officials met in Baku this Sunday.", "2024-03-03"),
    ],
)  # fmt: skip
def test_which_date_in_the_article_is_the_engagements(run: Run, body: str, date: str) -> None:
    code, draft = _draft(run, HEADLINE + body + "\n", "--published", "2024-03-05")
    assert (code, draft["date"]) == (0, date)


def test_29_february_outside_a_leap_year_is_no_date(run: Run) -> None:
    text = MEETING.format("on February 29")
    assert _draft(run, text, "--published", "2024-03-05")[1]["date"] == "2024-02-29"
    assert _draft(run, text, "--published", "2025-03-05")[1]["date"] == "2025-03-05"


@pytest.mark.parametrize(
    ("dateline", "published", "date"),
    [
        ("BAKU, 2024-01-28", None, "2024-01-28"),
        ("BAKU, 28 January 2023", "2024-03-05", "2023-01-28"),
        ("BAKU, January 28, 2023", "2024-03-05", "2023-01-28"),
        ("BAKU, February 30", "2024-03-05", "2024-03-05"),  # no such day: the publication date
    ],
)
def test_a_dated_dateline(run: Run, dateline: str, published: str | None, date: str) -> None:
    text = f"{dateline} -- Azerbaijani and Pakistani officials met to discuss trade.\n"
    code, draft = _draft(run, text, *(["--published", published] if published else []))
    assert (code, draft["date"]) == (0, date)


@pytest.mark.parametrize(
    ("body", "kind", "areas"),
    [
        ("Azerbaijani and Pakistani ministers signed an agreement on trade in Baku on March 4.", "agreement",
         ["trade"]),
        ("The presidents of Azerbaijan and Pakistan held a phone call on March 4 and discussed energy cooperation.",
         "call", ["energy"]),
        ("A joint military exercise of Azerbaijan and Pakistan began in Baku on March 4.", "exercise", ["military"]),
        # Drills as a topic, not under way; a signing told long after the lead, or still to come.
        ("Azerbaijani and Pakistani ministers met in Baku on March 4 and agreed to deepen ties, including joint "
         "exercises.", "meeting", []),
        ("Azerbaijani and Pakistani ministers met in Baku on March 4. They discussed trade. They praised ties. "
         "They talked more. In 2019 the two countries signed a treaty.", "meeting", ["trade"]),
        ("Azerbaijani and Pakistani ministers met in Baku on March 4 and will sign an agreement next month.",
         "meeting", []),
        # Areas of third countries' ties are not this engagement's; ministers' titles name no area.
        ("Azerbaijani and Pakistani ministers met in Baku on March 4 to discuss energy cooperation. Military ties "
         "between North Korea and Russia were not discussed.", "meeting", ["energy"]),
        ("Azerbaijani and Pakistani ministers met in Baku on March 4 to discuss cooperation in energy, trade and "
         "defence.", "meeting", ["energy", "military", "trade"]),
        ("Azerbaijan's Energy Minister and Pakistan's Defence Minister met in Baku on March 4 to discuss "
         "cooperation.", "meeting", []),
    ],
)  # fmt: skip
def test_the_kind_and_areas_an_article_reports(run: Run, body: str, kind: str, areas: list[str]) -> None:
    code, draft = _draft(run, HEADLINE + body + "\n", "--published", "2024-03-05")
    assert code == 0
    assert (draft["kind"], sorted(draft["areas"])) == (kind, areas)


@pytest.mark.parametrize("line", ["Published: 2024-03-01", "Posted on March 1, 2024", "2024-03-01"])
def test_a_publication_line_dates_the_report(run: Run, line: str) -> None:
    text = f"Azerbaijan and Pakistan held talks\n{line}\n\nAzerbaijani and Pakistani officials met in Baku on Monday.\n"
    code, draft = _draft(run, text)
    assert (code, draft["source"]["published"], draft["date"]) == (0, "2024-03-01", "2024-02-26")


@pytest.mark.parametrize(
    ("words", "phrase", "rule"),
    [("on March 4", "March 4", "date.stated"), ("last Monday", "last Monday", "date.weekday"),
     ("yesterday", "yesterday", "date.relative")],
)  # fmt: skip
def test_explain_quotes_the_whole_date_phrase_and_names_its_rule(run: Run, words: str, phrase: str, rule: str) -> None:
    result = run("ingest", "-", "--published", "2024-03-05", "--explain", "--json", input=MEETING.format(words))
    evidence = json.loads(result.stdout)["evidence"]
    assert (
        evidence["date"] == f"“{phrase}” in: Azerbaijani and Pakistani officials met in Baku {words} to discuss trade."
    )
    assert evidence["rules"]["date"].startswith(rule + ": ")


def test_a_later_date_in_the_same_sentence_is_still_seen(run: Run) -> None:
    # The war's date is context; the meeting's, far enough from "war", is the engagement's.
    body = ("After the war of March 2 ended, Azerbaijani and Pakistani officials who had waited for many long weeks "
            "finally met in Baku on March 4 to discuss trade.")  # fmt: skip
    code, draft = _draft(run, HEADLINE + body + "\n", "--published", "2024-03-05")
    assert (code, draft["date"]) == (0, "2024-03-04")


def test_last_week_on_the_8th_is_still_this_month(run: Run) -> None:
    assert _draft(run, MEETING.format("last week"), "--published", "2024-03-08")[1]["date"] == "2024-03"
    assert _draft(run, MEETING.format("last week"), "--published", "2024-03-07")[1]["date"] == "2024-02"


def test_explain_says_where_a_date_from_outside_the_text_came_from(run: Run) -> None:
    def evidence(text: str, *args: str) -> str:
        result = run("ingest", "-", "--explain", "--json", *args, input=text)
        return str(json.loads(result.stdout)["evidence"]["date"])

    dateline = "BAKU, Jan. 28 -- Azerbaijani and Pakistani officials met to discuss trade.\n"
    assert evidence(dateline, "--published", "2024-02-02") == "the dateline: Jan. 28"
    url = "https://example.org/2023/07/talks.html"
    assert evidence(MEETING.format(""), "--url", url) == "the month in the URL: 2023-07"
    assert evidence(MEETING.format(""), "--published", "2024-02-02") == "no date in the text: the publication date"


@pytest.mark.parametrize(
    ("body", "areas"),
    [
        ("Azerbaijani and Pakistani ministers signed an agreement on trade in Baku on March 4.", {"trade": "trade"}),
        ("The presidents of Azerbaijan and Pakistan held a phone call on March 4 and discussed energy cooperation.",
         {"energy": "energy"}),
        ("A joint military exercise of Azerbaijan and Pakistan began in Baku on March 4.", {"military": "military"}),
        ("Azerbaijani and Pakistani ministers met in Baku on March 4 to discuss cooperation in military-technical "
         "and food security matters.", {"military-technical": "military-technical"}),
    ],
)  # fmt: skip
def test_explain_quotes_the_sentence_of_the_kind_and_the_words_of_each_area(
    run: Run, body: str, areas: dict[str, str]
) -> None:
    result = run("ingest", "-", "--published", "2024-03-05", "--explain", "--json", input=HEADLINE + body + "\n")
    evidence = json.loads(result.stdout)["evidence"]
    if "met in Baku" not in body:
        assert evidence["kind"] == body
    assert evidence["areas"] == areas


# Stamps, years named, the talks' day among other days (the date rules, when.py).
@pytest.mark.parametrize(
    ("stamp", "published", "date"),
    [
        ("20.04.2019", "2019-04-20", "2019-04-15"),  # day first
        ("11/May/2020 14:44", "2020-05-11", "2020-05-11"),  # a Monday itself
        ("Tuesday, 12 May 2020", "2020-05-12", "2020-05-11"),
    ],
)
def test_a_stamp_line_dates_the_report_and_anchors_its_weekdays(
    run: Run, stamp: str, published: str, date: str
) -> None:
    text = f"{HEADLINE.strip()}\n{stamp}\n\nAzerbaijani and Pakistani officials met in Baku on Monday.\n"
    code, draft = _draft(run, text)
    assert (code, draft["source"]["published"], draft["date"]) == (0, published, date)


@pytest.mark.parametrize(
    ("body", "date"),
    [
        # No publication date: a year-less date is of the latest year the text names, if it has passed.
        ("Azerbaijani and Pakistani officials met in Baku on March 4 to discuss the 2021 plan.", "2021-03-04"),
        ("Azerbaijani and Pakistani officials met in Baku on March 4 to discuss the 2019 and 2021 plans.",
         "2021-03-04"),
        ("Azerbaijani and Pakistani officials met in Baku on 4 Mar. 2024.", "2024-03-04"),
    ],
)  # fmt: skip
def test_a_year_less_date_takes_the_year_the_text_names(run: Run, body: str, date: str) -> None:
    code, draft = _draft(run, HEADLINE + body + "\n")
    assert (code, draft["date"]) == (0, date)


def test_a_year_still_to_come_dates_nothing(run: Run) -> None:
    body = "Azerbaijani and Pakistani officials met in Baku on March 4 to discuss the 2099 plan.\n"
    code, draft = _draft(run, HEADLINE + body)
    assert (code, draft["date"]) == (2, None)


def test_a_year_less_dateline_takes_the_year_the_text_names(run: Run) -> None:
    text = "BAKU, March 4 -- Azerbaijani and Pakistani officials met on Friday to discuss the 2019 plan.\n"
    code, draft = _draft(run, text)
    assert (code, draft["source"]["published"], draft["date"]) == (0, "2019-03-04", "2019-03-01")


@pytest.mark.parametrize(
    ("body", "published", "date"),
    [
        # The day of the talks, not the day of the arrival before them.
        ("The Pakistani minister arrived in Baku late on Sunday and met Azerbaijani officials on Monday.",
         "2024-03-05", "2024-03-04"),
        ("On Sunday the Pakistani minister arrived in Baku. On Monday the ministers held talks.", "2024-03-05",
         "2024-03-04"),
        # A visit of several days: its first day.
        ("Azerbaijani and Pakistani officials met in Baku. The visit, which began on Sunday, ends on Friday.",
         "2024-03-05", "2024-03-03"),
        ("Azerbaijani and Pakistani officials were in Baku from March 2-4 for talks.", "2024-03-05", "2024-03-02"),
        # The day the ministry told it is not the day of the talks.
        ("Azerbaijani and Pakistani officials met in Baku on Monday, the ministry said on Tuesday.", "2024-03-06",
         "2024-03-04"),
        ("Azerbaijani and Pakistani officials met in Baku on March 4, the ministry said on March 5.", "2024-03-06",
         "2024-03-04"),
        # A date after the report's is a plan; one long before it is history; the report's own day is news.
        ("Azerbaijani and Pakistani officials, who will meet again on March 8, met in Baku on March 4.", "2024-03-05",
         "2024-03-04"),
        ("Azerbaijani and Pakistani officials, who last met on January 10, held talks in Baku on March 4.",
         "2024-03-05", "2024-03-04"),
        ("The Pakistani delegation arrived in Baku on March 3. Azerbaijani and Pakistani officials held talks on "
         "March 5.", "2024-03-05", "2024-03-05"),
        # A photo caption's date is not the engagement's.
        ("Photo: Azerbaijani and Pakistani officials in Baku, March 2. Azerbaijani and Pakistani officials met on "
         "March 4.", "2024-03-05", "2024-03-04"),
        ("[Photo/Xinhua] Azerbaijani and Pakistani ministers meet in Baku, March 2. The ministers held talks on "
         "March 4.", "2024-03-05", "2024-03-04"),
        # The lead's talks, not a later round (both before the report).
        ("Azerbaijani and Pakistani officials met in Baku on March 4. They discussed trade. Both sides praised the "
         "ties. The sides held talks on March 6 too.", "2024-03-10", "2024-03-04"),
        ("On March 4 Azerbaijani and Pakistani ministers held talks in Baku. They discussed trade. Both sides praised "
         "the ties. The ministers met again on March 6.", "2024-03-10", "2024-03-04"),
        # The day a report was told is not the day of the talks it tells.
        ("Officials said on Monday they met in Baku on Sunday.", "2024-03-05", "2024-03-03"),
        # "This week": only the month can be known.
        ("Azerbaijani and Pakistani officials met in Baku this week.", "2024-03-05", "2024-03"),
        ("Azerbaijani and Pakistani officials met in Baku earlier this week.", "2024-03-05", "2024-03"),
    ],
)  # fmt: skip
def test_the_engagements_day_among_the_days_a_report_tells(run: Run, body: str, published: str, date: str) -> None:
    code, draft = _draft(run, HEADLINE + body + "\n", "--published", published)
    assert (code, draft["date"]) == (0, date)


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("The plan of 2019 and the budget of 2021 were discussed.", "2021-12-31"),  # the latest year named
        ("The plan of 2019 and this year's budget for 2026 were discussed.", "2026-11-30"),  # this year: today
        ("The plan for 2099 was discussed.", "2026-11-30"),  # a year still to come is no year of the report
        ("No year is named here.", "2026-11-30"),
    ],
)
def test_a_year_less_date_is_read_against_the_latest_past_year_the_text_names(text: str, reference: str) -> None:
    assert year_reference(text, "2026-11-30") == reference
