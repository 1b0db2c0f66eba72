"""Towns and cities of the world (GeoNames, 50,000 people and more): which party's country a place is in."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from ..text import fold

_MOST_WORDS = 4  # the longest place name looked for inside a longer one ("Bogor Presidential Palace")


@cache
def _places() -> dict[str, tuple[str, ...]]:
    raw = json.loads(resources.files("relations_cli").joinpath("data/places.json").read_text(encoding="utf-8"))
    return {key: tuple(codes.split(",")) for key, codes in raw["places"].items()}


# Seats of government and venues known by their own name, which GeoNames' towns do not hold.
_SEATS = {
    "pentagon": "USA", "white house": "USA", "camp david": "USA", "state department": "USA", "capitol": "USA",
    "kremlin": "RUS", "elysee": "FRA", "elysee palace": "FRA", "quai d orsay": "FRA", "downing street": "GBR",
    "number 10": "GBR", "lancaster house": "GBR", "chequers": "GBR", "zhongnanhai": "CHN",
    "great hall of the people": "CHN", "diaoyutai": "CHN", "rashtrapati bhavan": "IND", "hyderabad house": "IND",
    "south block": "IND", "malacanang": "PHL", "malacanang palace": "PHL", "blue house": "KOR",
    "kantei": "JPN", "akasaka palace": "JPN", "aso rock": "NGA", "union buildings": "ZAF", "bundeskanzleramt": "DEU",
    "chancellery": "DEU", "aiwan e sadr": "PAK", "ak saray": "TUR", "dolmabahce": "TUR", "istana merdeka": "IDN",
    "istana negara": "MYS", "seri perdana": "MYS", "planalto": "BRA", "casa rosada": "ARG", "los pinos": "MEX",
    "palacio nacional": "MEX", "miraflores": "VEN", "la moneda": "CHL", "ak orda": "KAZ", "kuksaroy": "UZB",
}  # fmt: skip


def countries_of(name: str) -> tuple[str, ...]:
    """The countries that have a town or city of this name, or a seat of government so named (none when the
    tables have no such place)."""
    key = fold(name)
    seat = _SEATS.get(key.removeprefix("the "))  # "the Kremlin" (where "The Hague" is a town's own name)
    return (seat,) if seat else _places().get(key, ())


def party_of(place: str, parties: list[str]) -> str | None:
    """The one party in whose country a place, or a town named inside it ("the Joint Training Node in Umroi",
    "Bogor Presidential Palace"), lies; None when no party has such a town, or when two do."""
    words = place.split()
    for length in range(min(_MOST_WORDS, len(words)), 0, -1):
        for start in range(len(words) - length + 1):
            found = {c for c in countries_of(" ".join(words[start : start + length])) if c in parties}
            if len(found) == 1:
                return found.pop()
    return None
