"""Country resolution: every ISO 3166-1 country by code, name and demonym, plus aliases people type."""

from __future__ import annotations

import pycountry
import pytest

from relations_cli import countries
from relations_cli.errors import InvalidInput

AMBIGUOUS_BY_DESIGN = {"congo"}  # ISO's short name for COG; "Congo" alone could be either


def test_the_table_holds_every_iso_country_and_kosovo() -> None:
    codes = {c.alpha3 for c in countries.all_countries()}
    assert codes == {c.alpha_3 for c in pycountry.countries} | {"XKX"}


@pytest.mark.parametrize("iso", list(pycountry.countries), ids=lambda c: c.alpha_3)
def test_every_iso_country_resolves_by_codes_and_names(iso: object) -> None:
    code = iso.alpha_3  # type: ignore[attr-defined]
    assert countries.resolve(code) == code
    assert countries.resolve(code.lower()) == code
    assert countries.resolve(iso.alpha_2) == code  # type: ignore[attr-defined]
    names = [iso.name, getattr(iso, "official_name", None), getattr(iso, "common_name", None)]  # type: ignore[attr-defined]
    for name in filter(None, names):
        if countries.name_key(name) in AMBIGUOUS_BY_DESIGN:
            continue
        assert countries.resolve(name) == code, name
        assert countries.resolve(name.upper()) == code, name


@pytest.mark.parametrize("country", countries.all_countries(), ids=lambda c: c.alpha3)
def test_every_demonym_resolves_to_its_country(country: countries.Country) -> None:
    for demonym in country.demonyms:
        assert countries.resolve(demonym) == country.alpha3


# Territories with no demonym in use, and states whose demonym is shared ("Dominican", "Congolese").
NO_DEMONYM = {
    "ALA", "ATA", "BVT", "IOT", "VGB", "BES", "CXR", "ATF", "GGY", "JEY", "MYT", "MNP", "BLM", "MAF",
    "SPM", "SXM", "SJM", "TCA", "UMI", "VIR", "DMA", "DOM", "COD", "COG",
}  # fmt: skip


def test_every_other_country_has_a_demonym() -> None:
    assert {c.alpha3 for c in countries.all_countries() if not c.demonyms} == NO_DEMONYM


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Turkey", "TUR"), ("Türkiye", "TUR"), ("turkiye", "TUR"), ("Russia", "RUS"),
        ("Iran", "IRN"), ("South Korea", "KOR"), ("UK", "GBR"), ("USA", "USA"), ("U.S.", "USA"),
        ("Ivory Coast", "CIV"), ("Côte d’Ivoire", "CIV"), ("cote d'ivoire", "CIV"),
        ("Czech Republic", "CZE"), ("Vietnam", "VNM"), ("Kosovo", "XKX"), ("XK", "XKX"),
        ("Azerbaijani", "AZE"), ("Pakistani", "PAK"), ("Turkish", "TUR"), ("the Republic of Azerbaijan", "AZE"),
        ("People's Republic of China", "CHN"), ("  pakistan  ", "PAK"), ("BOSNIA & HERZEGOVINA", "BIH"),
        ("The Gambia", "GMB"), ("DRC", "COD"), ("Belarusian", "BLR"), ("Chinese", "CHN"),
    ],
)  # fmt: skip
def test_common_names_aliases_and_demonyms(typed: str, code: str) -> None:
    assert countries.resolve(typed) == code


@pytest.mark.parametrize(
    ("typed", "candidates"),
    [("Korea", {"KOR", "PRK"}), ("Congo", {"COD", "COG"}), ("Virgin Islands", {"VGB", "VIR"})],
)
def test_ambiguous_names_are_errors_listing_the_candidates(typed: str, candidates: set[str]) -> None:
    with pytest.raises(InvalidInput, match="ambiguous") as info:
        countries.resolve(typed)
    assert all(f"({code})" in str(info.value) for code in candidates)


def test_unknown_names_suggest_the_nearest() -> None:
    with pytest.raises(InvalidInput, match=r"unknown country 'Azerbajan'; nearest: Azerbaijan \(AZE\)"):
        countries.resolve("Azerbajan")
    with pytest.raises(InvalidInput, match="unknown country"):
        countries.resolve("Atlantis Prime")


def test_tables_show_common_english_names() -> None:
    assert [countries.display_name(c) for c in ("TUR", "RUS", "KOR", "IRN", "USA", "GBR")] == [
        "Türkiye", "Russia", "South Korea", "Iran", "United States", "United Kingdom",
    ]  # fmt: skip


def test_what_matched_is_reported() -> None:
    assert countries.lookup("AZE").matched == "alpha-3 code"
    assert countries.lookup("az").matched == "alpha-2 code"
    assert countries.lookup("Azerbaijani").matched == "demonym"
    assert countries.lookup("Aserbaidschan").matched == "other name"
