"""The record: validation in one place, normalisation, and the contract's JSON shape."""

from __future__ import annotations

import json
from typing import Any

import pytest

from relations_cli import dates
from relations_cli.errors import InvalidInput
from relations_cli.models import FIELDS, parse_participant, parse_record


def minimal(**extra: Any) -> dict[str, Any]:
    return {"date": "2021-12-01", "countries": ["AZ", "Pakistan"], **extra}


@pytest.mark.parametrize("good", ["2021", "2021-02", "2024-02-29", "0999-01-01"])
def test_real_partial_dates_pass(good: str) -> None:
    assert dates.check(good) == good


@pytest.mark.parametrize("bad", ["2021-02-29", "2021-13", "21-01-01", "2021/01/01", "yesterday", "2021-1-1"])
def test_unreal_or_malformed_dates_fail(bad: str) -> None:
    with pytest.raises(InvalidInput, match="bad date"):
        dates.check(bad)


def test_partial_bounds() -> None:
    assert dates.first_day("2021") == "2021-01-01"
    assert dates.last_day("2024-02") == "2024-02-29"
    assert dates.last_day("2021") == "2021-12-31"


def test_a_record_is_normalised_and_has_every_key() -> None:
    record = parse_record(
        minimal(
            kind="call",
            areas=["Defense", "military technical", "trade"],
            mentioned=["Turkey", "PK"],
            participants=["Zakir Hasanov|Defence Minister|Azerbaijani", {"name": "Jane Doe"}],
            tags=["b", "a", "b"],
            summary="",
        )
    ).to_dict()
    assert list(record) == list(FIELDS)
    assert record["countries"] == ["AZE", "PAK"]
    assert record["areas"] == ["military", "military-technical", "trade"]
    assert record["mentioned"] == ["TUR"]  # a party is not "mentioned"
    assert record["participants"][0] == {
        "name": "Zakir Hasanov",
        "role": "Defence Minister",
        "country": "AZE",
    }
    assert record["participants"][1] == {"name": "Jane Doe", "role": None, "country": None}
    assert record["tags"] == ["a", "b"]
    assert record["summary"] is None
    assert record["location"] == {"country": None, "place": None}
    assert record["source"] == {"outlet": None, "author": None, "url": None, "published": None}


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"countries": ["AZ", "PK"]}, "date"),
        (minimal(countries=["AZ"]), "countries"),
        (minimal(countries=["AZ", "Azerbaijan"]), "countries"),
        (minimal(countries=["AZ", "Narnia"]), "countries"),
        (minimal(kind="summit"), "kind"),
        (minimal(date="2021-02-30"), "date"),
        (minimal(location={"country": "Korea"}), "location.country"),
        (minimal(source={"published": "soon"}), "source.published"),
        (minimal(participants=[{"role": "Minister"}]), "participants[0].name"),
        (minimal(tags=[""]), "tags"),
        (minimal(id=0), "id"),
        (minimal(id=True), "id"),
        (minimal(colour="red"), "colour"),
        (minimal(created="yesterday"), "created"),
        (minimal(summary=5), "summary"),
    ],
)
def test_invalid_records_name_the_field(raw: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_record(raw)
    assert info.value.field == field


def test_participant_syntax() -> None:
    p = parse_participant("Zobaida Jalal | Federal Defence Production Minister | PK")
    assert (p.name, p.role, p.country) == ("Zobaida Jalal", "Federal Defence Production Minister", "PK")
    assert parse_participant("Jane Doe").role is None
    with pytest.raises(InvalidInput, match="NAME\\|ROLE\\|COUNTRY"):
        parse_participant("a|b|c|d")


def test_identity_uses_url_or_else_summary() -> None:
    a = parse_record(minimal(summary="x", source={"url": "http://a"}))
    b = parse_record(minimal(summary="y", source={"url": "http://a"}))
    c = parse_record(minimal(summary="x"))
    assert a.identity() == b.identity() != c.identity()


# -- input validated once, at the edge (issue 15, items 2, 6 and 11) ------------------------------


ARABIC_2021 = "\u0662\u0660\u0662\u0661"


@pytest.mark.parametrize("other_digits", [ARABIC_2021, f"{ARABIC_2021}-\u0660\u0663-\u0660\u0661",
                                          "\uff12\uff10\uff12\uff11", "2021-\u0966\u0969"])  # fmt: skip
def test_dates_take_ascii_digits_only(other_digits: str) -> None:
    with pytest.raises(InvalidInput, match="bad date"):
        dates.check(other_digits)
    with pytest.raises(InvalidInput, match="date"):
        parse_record(minimal(date=other_digits))


@pytest.mark.parametrize(
    "stamp",
    [
        "9999-99-99T99:99:99Z",
        "2026-02-30T10:00:00Z",
        "2026-01-01T24:00:00Z",
        "\u0662\u0660\u0662\u0666-01-01T00:00:00Z",
    ],
)
def test_created_and_updated_are_real_utc_times(stamp: str) -> None:
    with pytest.raises(InvalidInput, match="UTC timestamp"):
        parse_record(minimal(created=stamp))
    assert parse_record(minimal(created="2024-02-29T23:59:59.5Z")).created == "2024-02-29T23:59:59.5Z"


@pytest.mark.parametrize("bad_id", [0, -1, 2**53, 2**64 - 1, 2**64, True, "1"])
def test_ids_are_integers_within_the_documented_range(bad_id: Any) -> None:
    with pytest.raises(InvalidInput, match="id must be an integer from 1 to 9007199254740991"):
        parse_record(minimal(id=bad_id))
    assert parse_record(minimal(id=2**53 - 1)).id == 2**53 - 1


# -- partial dates at every filter boundary (issue 19) ------------------------------------------------

MONTH_LENGTHS = {"2023-01": 31, "2023-02": 28, "2024-02": 29, "1900-02": 28, "2000-02": 29, "2023-04": 30,
                 "2023-06": 30, "2023-09": 30, "2023-11": 30, "2023-12": 31}  # fmt: skip


@pytest.mark.parametrize("month", sorted(MONTH_LENGTHS))
def test_a_month_runs_from_its_first_to_its_last_day(month: str) -> None:
    assert dates.first_day(month) == f"{month}-01"
    assert dates.last_day(month) == f"{month}-{MONTH_LENGTHS[month]:02d}"
    assert dates.first_day(month[:4]) == f"{month[:4]}-01-01" and dates.last_day(month[:4]) == f"{month[:4]}-12-31"
    assert dates.first_day(f"{month}-15") == dates.last_day(f"{month}-15") == f"{month}-15"


@pytest.mark.parametrize("month", ["2023-02", "2024-02", "2023-04", "2023-12"])
def test_list_since_and_until_keep_partial_dates_at_their_boundaries(month: str) -> None:
    from typer.testing import CliRunner

    from relations_cli.cli import app

    def run(*args: str) -> list[str]:
        result = CliRunner().invoke(app, ["--db", db, *args])
        assert result.exit_code == 0, result.stderr
        return [r["date"] for r in json.loads(result.stdout)] if args[0] == "list" else []

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        db = f"{tmp}/db.json"
        last = f"{month}-{MONTH_LENGTHS[month]:02d}"
        for date in (month[:4], month, f"{month}-01", last):
            run("add", "AZ", "PK", "--date", date)
        # A record dated by its month or year counts as that period's first day; an --until month or
        # year reaches its last day, whatever the month's length.
        assert run("list", "--since", f"{month}-01", "--json") == [month, f"{month}-01", last]
        assert run("list", "--since", month, "--json") == [month, f"{month}-01", last]
        assert run("list", "--since", last, "--json") == [last]
        assert run("list", "--until", month, "--json") == [month[:4], month, f"{month}-01", last]
        assert run("list", "--until", f"{month}-01", "--json") == [month[:4], month, f"{month}-01"]
        assert run("list", "--since", month, "--until", month, "--json") == [month, f"{month}-01", last]
