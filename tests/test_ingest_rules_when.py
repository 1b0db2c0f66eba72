"""The engagement's date ingest proposes, on short articles written for these tests: stamps, years named, verbs."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .conftest import Run

HEADLINE = "Azerbaijan and Pakistan held talks\n\n"


def _draft(run: Run, text: str, *args: str) -> tuple[int, dict[str, Any]]:
    result = run("ingest", "-", "--json", "--explain", *args, input=text)
    draft: dict[str, Any] = json.loads(result.stdout)
    return result.exit_code, draft


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
    text = f"Azerbaijan and Pakistan held talks\n{stamp}\n\nAzerbaijani and Pakistani officials met in Baku on Monday.\n"
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
        # A photo caption's date is not the engagement's.
        ("Photo: Azerbaijani and Pakistani officials in Baku, March 2. Azerbaijani and Pakistani officials met on "
         "March 4.", "2024-03-05", "2024-03-04"),
        # "This week": only the month can be known.
        ("Azerbaijani and Pakistani officials met in Baku this week.", "2024-03-05", "2024-03"),
        ("Azerbaijani and Pakistani officials met in Baku earlier this week.", "2024-03-05", "2024-03"),
    ],
)  # fmt: skip
def test_the_engagements_day_among_the_days_a_report_tells(run: Run, body: str, published: str, date: str) -> None:
    code, draft = _draft(run, HEADLINE + body + "\n", "--published", published)
    assert (code, draft["date"]) == (0, date)
