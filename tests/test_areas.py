"""The area vocabulary: aliases onto built-in areas, custom areas kept in kebab-case."""

from __future__ import annotations

import pytest

from relations_cli import areas
from relations_cli.errors import InvalidInput


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("military technical", ["military-technical"]),
        ("Military-Technical", ["military-technical"]),
        ("defence industry", ["military-industrial"]),
        ("Defense Industry", ["military-industrial"]),
        ("defense", ["military"]),
        ("Trade and Economic", ["economic", "trade"]),
        ("Science & Technology", ["science-technology"]),
        ("connectivity", ["transport"]),
        ("energy security", ["energy"]),
        ("Food  Security", ["food-security"]),
        ("Sécurité alimentaire", ["sécurité-alimentaire"]),
    ],
)
def test_typed_areas_land_on_the_vocabulary(typed: str, expected: list[str]) -> None:
    assert areas.normalise_all([typed]) == expected


def test_lists_become_distinct_and_sorted() -> None:
    assert areas.normalise_all(["trade", "defence", "Trade", "military"]) == ["military", "trade"]


def test_the_built_in_vocabulary_is_the_contracts() -> None:
    assert [a.name for a in areas.VOCABULARY] == [
        "political", "military", "military-technical", "military-educational", "military-industrial",
        "security", "economic", "trade", "energy", "transport", "education", "science-technology",
        "culture", "health", "humanitarian", "environment",
    ]  # fmt: skip


def test_no_alias_points_away_from_its_own_area_twice() -> None:
    seen: dict[str, str] = {}
    for area in areas.VOCABULARY:
        for alias in area.aliases:
            assert seen.setdefault(alias, area.name) == area.name, alias


@pytest.mark.parametrize("typed", ["", "  ", "---", "!!"])
def test_empty_areas_are_rejected(typed: str) -> None:
    with pytest.raises(InvalidInput, match="empty area"):
        areas.normalise(typed)
