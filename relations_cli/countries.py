"""Any typed country name, code or demonym -> ISO 3166-1 alpha-3; names for display.

The table ships inside the package (data/countries.json, built from pycountry,
countryinfo and countrynames by scripts/build_countries.py), so resolving a
name costs one small JSON load and no third-party import.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from .errors import InvalidInput
from .text import fold

_DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Country:
    alpha3: str
    alpha2: str
    name: str  # common English name, for tables
    iso_name: str
    official: str | None
    demonyms: tuple[str, ...]
    capital: str | None


@dataclass(frozen=True)
class Match:
    country: Country
    matched: str  # what the text matched: "alpha-3 code", "demonym", ...


def name_key(text: str) -> str:
    """The form names are compared in: folded, without a leading "the"."""
    key = fold(text)
    return key[4:] if key.startswith("the ") else key


def _load(name: str) -> dict[str, Any]:
    import orjson

    table: dict[str, Any] = orjson.loads((_DATA / name).read_bytes())
    return table


@cache
def _table() -> dict[str, Any]:
    return _load("countries.json")


def name_index() -> dict[str, tuple[str, str]]:
    """Every folded name, demonym and alias the resolver knows -> (alpha-3, what it is); read-only."""
    index: dict[str, tuple[str, str]] = _table()["index"]
    return index


@cache
def _variants() -> dict[str, str]:
    """Names in other languages: loaded only when the common names miss."""
    variants: dict[str, str] = _load("country-variants.json")["variants"]
    return variants


@cache
def _countries() -> dict[str, Country]:
    return {
        code: Country(
            alpha3=code,
            alpha2=row["alpha2"],
            name=row["name"],
            iso_name=row["iso_name"],
            official=row["official"],
            demonyms=tuple(row["demonyms"]),
            capital=row["capital"],
        )
        for code, row in _table()["countries"].items()
    }


@cache
def _by_alpha2() -> dict[str, Country]:
    return {c.alpha2: c for c in _countries().values()}


def all_countries() -> list[Country]:
    """Every known country, by common name."""
    return sorted(_countries().values(), key=lambda c: name_key(c.name))


def get(alpha3: str) -> Country:
    """The country with this alpha-3 code (which must be known)."""
    return _countries()[alpha3]


def is_code(alpha3: str) -> bool:
    return alpha3 in _countries()


def display_name(alpha3: str) -> str:
    """Common English name for a stored code; an unknown code is shown as it is."""
    country = _countries().get(alpha3)
    return country.name if country else alpha3


@lru_cache(maxsize=4096)  # an import repeats the same few country names thousands of times
def lookup(text: str) -> Match:
    """Resolve what a person typed, or raise InvalidInput naming candidates or near names."""
    stripped = text.strip()
    upper = stripped.upper()
    if len(upper) == 3 and upper in _countries():
        return Match(_countries()[upper], "alpha-3 code")
    if len(upper) == 2 and upper in _by_alpha2():
        return Match(_by_alpha2()[upper], "alpha-2 code")
    key = name_key(stripped)
    found = _table()["index"].get(key)
    if found:
        code, kind = found
        return Match(_countries()[code], kind)
    candidates = _table()["ambiguous"].get(key)
    if candidates:
        names = ", ".join(f"{display_name(c)} ({c})" for c in candidates)
        raise InvalidInput(f"ambiguous country {stripped!r}: did you mean {names}?")
    variant = _variants().get(key)
    if variant:
        return Match(_countries()[variant], "other name")
    raise InvalidInput(_unknown_message(stripped, key))


def resolve(text: str) -> str:
    """The alpha-3 code for what a person typed."""
    return lookup(text).country.alpha3


def _unknown_message(text: str, key: str) -> str:
    if not key:
        return f"no country given in {text!r}"
    near = difflib.get_close_matches(key, _table()["index"].keys(), n=8, cutoff=0.75)
    codes: list[str] = []
    for name in near:
        code = _table()["index"][name][0]
        if code not in codes:
            codes.append(code)
    if not codes:
        return f"unknown country {text!r} (try `relations countries` for the list)"
    names = ", ".join(f"{display_name(c)} ({c})" for c in codes[:4])
    return f"unknown country {text!r}; nearest: {names}"


def locate(text: str) -> tuple[str, str | None]:
    """Where an engagement took place, from a country or a city: (alpha-3, the city or None).

    One rule for every name: a country's code, name, alias or demonym is that country; else a capital
    or a city of the list ingest places engagements with is its country, and the city is the place;
    else a country's name in another language is that country. Anything else is an error.
    """
    try:
        match: Match | None = lookup(text)
        failure: InvalidInput | None = None
    except InvalidInput as e:
        match, failure = None, e
    if match is not None and match.matched != "other name":
        return match.country.alpha3, None
    found = _cities().get(name_key(text), [])
    if len(found) > 1:
        names = ", ".join(f"{city}, {display_name(code)} ({code})" for code, city in found)
        raise InvalidInput(
            f"ambiguous city {text.strip()!r}: did you mean {names}? Give --location COUNTRY --place CITY"
        )
    if found:
        return found[0]
    if match is not None:
        return match.country.alpha3, None
    assert failure is not None
    if str(failure).startswith("unknown"):
        raise InvalidInput(f"{failure}; for a city that is not a capital, give --location COUNTRY --place CITY")
    raise failure


@cache
def _cities() -> dict[str, list[tuple[str, str]]]:
    """Capitals and the cities ingest knows, by folded name: each with its country."""
    table: dict[str, list[tuple[str, str]]] = {}
    pairs = [(c.alpha3, c.capital) for c in _countries().values() if c.capital]
    pairs += [(code, city) for code, cities in _city_list().items() for city in cities]
    for code, city in pairs:
        entries = table.setdefault(name_key(city), [])
        if all(code != known for known, _ in entries):
            entries.append((code, city))
    return table


def _city_list() -> dict[str, tuple[str, ...]]:
    # ingest/cities.py is plain data, but importing it through its package would load all of ingest (~80 ms).
    import importlib.util

    spec = importlib.util.spec_from_file_location("_relations_cities", Path(__file__).parent / "ingest" / "cities.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    cities: dict[str, tuple[str, ...]] = module.CITIES
    return cities
