"""Areas as a user types them and sees them: aliases, compounds, custom areas, families, the areas command."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from relations_cli import areas
from relations_cli.errors import InvalidInput

from .conftest import Run

AddFn = Callable[..., int]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("trade", ("trade",)),
        ("TRADE", ("trade",)),
        ("  Trade ", ("trade",)),
        ("trade and economic", ("economic", "trade")),
        ("Economic-and-Trade", ("economic", "trade")),
        ("military and military technical", ("military", "military-technical")),
        ("Inter-Parliamentary", ("political",)),
        ("people to people", ("culture",)),
        ("Food Security", ("food-security",)),
        ("Sécurité alimentaire", ("sécurité-alimentaire",)),  # a custom area keeps its letters
        ("Défense", ("military",)),  # but accents do not hide an alias
        ("space_exploration", ("space-exploration",)),
    ],
)
def test_normalise_one_typed_area(typed: str, expected: tuple[str, ...]) -> None:
    assert areas.normalise(typed) == expected


def test_an_empty_area_names_what_was_typed() -> None:
    with pytest.raises(InvalidInput, match=r"^empty area ' - '$") as caught:
        areas.normalise(" - ")
    assert caught.value.field == "areas"


def test_an_empty_area_on_the_command_line_exits_2(run: Run) -> None:
    result = run("add", "AZ", "PK", "--date", "2021", "--area", "--")
    assert result.exit_code == 2
    assert "empty area" in result.stderr


def test_normalise_all_merges_aliases_and_compounds_sorted() -> None:
    assert areas.normalise_all(["Trade and Economic", "commerce", "Food Security", "economy"]) == [
        "economic", "food-security", "trade",
    ]  # fmt: skip
    assert areas.normalise_all([]) == []


def test_phrases_cover_every_name_and_alias_in_kebab_case() -> None:
    phrases = areas.phrases()
    assert phrases["military-technical"] == ("military-technical",)
    assert phrases["oil-and-gas"] == ("energy",)
    assert phrases["trade-and-economic"] == ("economic", "trade")
    assert phrases["science-and-technology"] == ("science-technology",)
    for area in areas.VOCABULARY:
        assert phrases[area.name] == (area.name,)
    assert all(key == key.lower() and " " not in key for key in phrases)


def test_families_colour_built_in_areas_and_custom_ones_apart() -> None:
    assert [areas.family(a) for a in ("political", "military-industrial", "energy", "health")] == [
        "political", "military", "economic", "social",
    ]  # fmt: skip
    assert areas.family("food-security") == "custom"
    assert areas.is_builtin("security") and not areas.is_builtin("food-security")
    assert not areas.is_builtin("defence")  # an alias is not a name


def test_the_areas_command_counts_built_in_and_custom_areas(run: Run, add: AddFn) -> None:
    add("AZ", "PK", "--date", "2021", "--area", "defence", "--area", "Food Security")
    add("AZ", "TR", "--date", "2022", "--area", "military", "--area", "space")
    rows = {row["area"]: row for row in json.loads(run("areas", "--json").stdout)}
    assert rows["military"]["engagements"] == 2 and rows["military"]["custom"] is False
    assert rows["military"]["family"] == "military"
    assert rows["trade"]["engagements"] == 0
    assert rows["food-security"] == {
        "area": "food-security", "custom": True, "family": "custom", "aliases": [], "engagements": 1,
    }  # fmt: skip
    assert [name for name, row in rows.items() if row["custom"]] == ["food-security", "space"]


def test_short_labels_are_distinct_and_at_most_five_characters() -> None:
    # The matrix's column labels where the full names do not fit; the legend spells them out.
    typed = ["political", "exploration", "explorations", "explore-space", "pol", "food-security", "a-b-c", "trade"]
    labels = areas.short_labels(typed)
    assert labels == {
        "political": "pol", "exploration": "explo", "explorations": "expl2", "explore-space": "ex-sp",
        "pol": "pol2", "food-security": "fo-se", "a-b-c": "a-b", "trade": "trade",
    }  # fmt: skip
    assert list(labels) == typed
    many = areas.short_labels([f"exploration{n}" for n in range(5)])
    assert list(many.values()) == ["explo", "expl2", "expl3", "expl4", "expl5"]
