"""Partial dates at every filter boundary: year-only and month-only records, every month length, leap years."""

from __future__ import annotations

import calendar
import json
import re
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from relations_cli.dates import check, first_day, last_day, utc_now
from relations_cli.errors import InvalidInput

from .conftest import Run

AddFn = Callable[..., int]

# (year, month, days in that month): every month of a common year and of a leap year, and the century rules.
MONTHS = [(2023, m, calendar.monthrange(2023, m)[1]) for m in range(1, 13)] + [
    (2024, 2, 29),
    (2000, 2, 29),  # divisible by 400: leap
    (1900, 2, 28),  # divisible by 100 only: not leap
    (2100, 2, 28),
]


def ids(run: Run, *args: str) -> list[int]:
    result = run("list", *args, "--format", "ids")
    assert result.exit_code == 0, result.stderr
    return [int(line) for line in result.stdout.split()]


@pytest.mark.parametrize(("year", "month", "days"), MONTHS)
def test_a_month_ends_on_its_last_calendar_day(year: int, month: int, days: int) -> None:
    assert last_day(f"{year}-{month:02d}") == f"{year}-{month:02d}-{days}"
    assert first_day(f"{year}-{month:02d}") == f"{year}-{month:02d}-01"


def test_the_month_lengths_cover_28_29_30_and_31() -> None:
    assert {days for _, _, days in MONTHS} == {28, 29, 30, 31}


def test_a_year_runs_from_new_year_to_new_years_eve_and_a_full_date_is_itself() -> None:
    assert (first_day("2021"), last_day("2021")) == ("2021-01-01", "2021-12-31")
    assert (first_day("2021-06-15"), last_day("2021-06-15")) == ("2021-06-15", "2021-06-15")


@pytest.mark.parametrize(("year", "month", "days"), MONTHS)
def test_until_a_month_keeps_its_last_day_and_drops_the_next_months_first(
    run: Run, add: AddFn, year: int, month: int, days: int
) -> None:
    last = add("AZ", "PK", "--date", f"{year}-{month:02d}-{days}")
    after = f"{year + 1}-01-01" if month == 12 else f"{year}-{month + 1:02d}-01"
    add("AZ", "PK", "--date", after)
    assert ids(run, "--until", f"{year}-{month:02d}") == [last]
    assert ids(run, "--until", f"{year}-{month:02d}-{days}") == [last]


@pytest.mark.parametrize(("year", "month", "days"), MONTHS)
def test_since_a_month_keeps_its_first_day_and_drops_the_day_before(
    run: Run, add: AddFn, year: int, month: int, days: int
) -> None:
    before = f"{year - 1}-12-31" if month == 1 else f"{year}-{month - 1:02d}-{calendar.monthrange(year, month - 1)[1]}"
    add("AZ", "PK", "--date", before)
    first = add("AZ", "PK", "--date", f"{year}-{month:02d}-01")
    assert ids(run, "--since", f"{year}-{month:02d}") == [first]


@pytest.mark.parametrize(
    ("args", "kept"),
    [
        # A month-only record counts as the first day of its month.
        (["--since", "2021-02-01"], True),
        (["--since", "2021-02-02"], False),
        (["--since", "2021-02"], True),
        (["--since", "2021-03"], False),
        (["--since", "2021"], True),
        (["--since", "2022"], False),
        (["--until", "2021-02-01"], True),
        (["--until", "2021-01-31"], False),
        (["--until", "2021-02"], True),
        (["--until", "2021-01"], False),
        (["--until", "2021"], True),
        (["--until", "2020"], False),
        (["--since", "2021-02", "--until", "2021-02"], True),
        (["--since", "2021-02-01", "--until", "2021-02-01"], True),
    ],
)
def test_a_month_only_record_at_every_boundary(run: Run, add: AddFn, args: list[str], kept: bool) -> None:
    record = add("AZ", "PK", "--date", "2021-02")
    assert ids(run, *args) == ([record] if kept else [])


@pytest.mark.parametrize(
    ("args", "kept"),
    [
        # A year-only record counts as the 1st of January.
        (["--since", "2021-01-01"], True),
        (["--since", "2021-01-02"], False),
        (["--since", "2021-01"], True),
        (["--since", "2021-02"], False),
        (["--since", "2021"], True),
        (["--since", "2022"], False),
        (["--until", "2021-01-01"], True),
        (["--until", "2020-12-31"], False),
        (["--until", "2021-01"], True),
        (["--until", "2020-12"], False),
        (["--until", "2021"], True),
        (["--until", "2020"], False),
        (["--since", "2021", "--until", "2021"], True),
    ],
)
def test_a_year_only_record_at_every_boundary(run: Run, add: AddFn, args: list[str], kept: bool) -> None:
    record = add("AZ", "PK", "--date", "2021")
    assert ids(run, *args) == ([record] if kept else [])


def test_partial_dates_sort_as_their_first_day_then_by_id(run: Run, add: AddFn) -> None:
    feb_2 = add("AZ", "PK", "--date", "2021-02-02")
    feb = add("AZ", "PK", "--date", "2021-02")
    feb_1 = add("AZ", "PK", "--date", "2021-02-01")
    jan_31 = add("AZ", "PK", "--date", "2021-01-31")
    year = add("AZ", "PK", "--date", "2021")
    dec_31 = add("AZ", "PK", "--date", "2020-12-31")
    assert ids(run) == [dec_31, year, jan_31, feb, feb_1, feb_2]
    assert ids(run, "--sort", "-date") == [feb_2, feb_1, feb, jan_31, year, dec_31]


@pytest.mark.parametrize("text", ["2024-02-29", "2000-02-29", "2021-04-30", "2021-12-31", "2021-01", "2021-12", "2021"])
def test_real_dates_are_taken_as_given(text: str) -> None:
    assert check(text) == text


def test_surrounding_spaces_are_dropped() -> None:
    assert check(" 2021-02 ") == "2021-02"


@pytest.mark.parametrize("text", ["2023-02-29", "1900-02-29", "2021-04-31", "2021-13", "2021-00", "2021-01-00"])
def test_impossible_calendar_dates_are_named_as_such(text: str) -> None:
    with pytest.raises(InvalidInput, match=rf"^bad --since '{text}': no such calendar date$"):
        check(text, field="--since")


@pytest.mark.parametrize("text", ["21", "2021-1", "2021-02-1", "2021/02", "02-2021", "2021-02-01T00:00", ""])
def test_malformed_dates_say_what_is_expected(text: str) -> None:
    with pytest.raises(InvalidInput, match=r"expected YYYY-MM-DD, YYYY-MM or YYYY$") as caught:
        check(text, field="--until")
    assert str(caught.value).startswith(f"bad --until {text!r}")
    assert caught.value.field == "--until"


def test_a_bad_date_is_named_by_its_field(run: Run) -> None:
    result = run("add", "AZ", "PK", "--date", "2023-02-29")
    assert result.exit_code == 2
    assert "bad date '2023-02-29': no such calendar date" in result.stderr
    result = run("list", "--until", "2021-04-31")
    assert result.exit_code == 2
    assert "bad --until '2021-04-31': no such calendar date" in result.stderr


@pytest.mark.parametrize("text", ["2021-00", "2021-01-00", "2021-00-00"])
def test_month_or_day_zero_is_refused_not_read_as_the_first(run: Run, db: Path, text: str) -> None:
    result = run("add", "AZ", "PK", "--date", text)
    assert result.exit_code == 2
    assert f"bad date '{text}': no such calendar date" in result.stderr
    assert not db.exists() or "AZE" not in db.read_text()


@pytest.fixture
def far_from_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The local clock 14 hours ahead of UTC, as on a machine in Kiribati."""
    monkeypatch.setenv("TZ", "Etc/GMT-14")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("far_from_utc")
def test_created_and_updated_are_utc_whatever_the_local_clock(run: Run) -> None:
    assert time.localtime().tm_gmtoff == 14 * 3600  # the fixture took effect
    record = json.loads(run("add", "AZ", "PK", "--date", "2021", "--json").stdout)
    stamp = datetime.strptime(record["created"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    assert abs((datetime.now(timezone.utc) - stamp).total_seconds()) < 600
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", utc_now())


@pytest.mark.parametrize(
    ("stored", "problem"),
    [
        ("2021-02-30", "bad date '2021-02-30': no such calendar date"),
        ("2021-00", "bad date '2021-00': no such calendar date"),
        ("2021-2", "bad date '2021-2': expected YYYY-MM-DD, YYYY-MM or YYYY"),
    ],
)
def test_check_names_the_date_field_of_a_hand_edited_record(
    run: Run, add: AddFn, db: Path, stored: str, problem: str
) -> None:
    add("AZ", "PK", "--date", "2021-02-01")
    db.write_text(db.read_text().replace('"2021-02-01"', f'"{stored}"'))
    result = run("check", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [{"id": 1, "field": "date", "problem": problem}]
