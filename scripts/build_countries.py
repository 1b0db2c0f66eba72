"""Build relations_cli/data/countries.json, the country table the program ships.

Run by hand when a source package changes (`pip install -e '.[build]'`, then
`python scripts/build_countries.py`). Sources, in order of trust:

1. pycountry: the ISO 3166-1 codes, short names and official names.
2. OVERRIDES below: common English names, aliases and demonyms we vouch for,
   Kosovo (XKX, not in ISO 3166-1), and names that must stay ambiguous.
3. countryinfo: one demonym, the capital and alternative spellings per country.
4. countrynames: thousands of aliases in many languages; only Latin-script ones
   longer than three letters are kept, since short ones are mostly stray codes.

A name claimed by two countries at the same level of trust becomes ambiguous;
a more trusted source wins over a less trusted one.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import countryinfo
import countrynames.data
import pycountry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from relations_cli.countries import name_key  # noqa: E402

OUT = ROOT / "relations_cli" / "data" / "countries.json"
OUT_VARIANTS = ROOT / "relations_cli" / "data" / "country-variants.json"

# Common English names shown in tables, where the ISO short name is not one.
DISPLAY = {
    "BES": "Caribbean Netherlands",
    "BOL": "Bolivia",
    "BRN": "Brunei",
    "COD": "DR Congo",
    "COG": "Republic of the Congo",
    "CZE": "Czechia",
    "FLK": "Falkland Islands",
    "FSM": "Micronesia",
    "GBR": "United Kingdom",
    "IRN": "Iran",
    "KOR": "South Korea",
    "LAO": "Laos",
    "MAF": "Saint Martin",
    "MDA": "Moldova",
    "PRK": "North Korea",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SHN": "Saint Helena",
    "SXM": "Sint Maarten",
    "SYR": "Syria",
    "TWN": "Taiwan",
    "TZA": "Tanzania",
    "USA": "United States",
    "VAT": "Vatican City",
    "VEN": "Venezuela",
    "VGB": "British Virgin Islands",
    "VIR": "US Virgin Islands",
    "VNM": "Vietnam",
}

ALIASES = {
    "ARE": ["UAE", "U.A.E.", "Emirates"],
    "BIH": ["Bosnia", "BiH"],
    "CHN": ["PRC", "People's Republic of China", "Mainland China"],
    "CIV": ["Ivory Coast"],
    "COD": ["DRC", "DR Congo", "Democratic Republic of the Congo", "Congo-Kinshasa"],
    "COG": ["Republic of the Congo", "Congo-Brazzaville", "Congo Republic"],
    "CPV": ["Cape Verde"],
    "CZE": ["Czech Republic", "Czechia"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain"],
    "IRN": ["Iran", "Persia", "Islamic Republic of Iran"],
    "KOR": ["South Korea", "Republic of Korea", "ROK"],
    "MKD": ["North Macedonia", "Macedonia"],
    "MMR": ["Burma"],
    "NLD": ["Holland", "The Netherlands"],
    "PRK": ["North Korea", "DPRK"],
    "PSE": ["Palestine", "State of Palestine"],
    "RUS": ["Russia"],
    "SAU": ["KSA", "Saudi"],
    "SWZ": ["Swaziland"],
    "SYR": ["Syria"],
    "TLS": ["East Timor"],
    "TUR": ["Turkey", "Türkiye", "Turkiye", "Republic of Turkey"],
    "USA": ["US", "U.S.", "U.S.A.", "America", "United States", "United States of America"],
    "VAT": ["Vatican", "Holy See"],
    "VNM": ["Vietnam", "Viet Nam"],
    "XKX": ["Kosovo", "Republic of Kosovo"],
}

DEMONYMS = {
    "AZE": ["Azerbaijani", "Azeri"],
    "ARE": ["Emirati"],
    "CHN": ["Chinese"],
    "CUW": ["Curaçaoan"],
    "DJI": ["Djiboutian"],
    "GIB": ["Gibraltarian"],
    "GUF": ["French Guianese"],
    "HKG": ["Hongkonger", "Hong Konger"],
    "MAC": ["Macanese"],
    "MTQ": ["Martinican"],
    "REU": ["Réunionese"],
    "CZE": ["Czech"],
    "FRA": ["French"],
    "GBR": ["British"],
    "IND": ["Indian"],
    "KOR": ["South Korean"],
    "NLD": ["Dutch"],
    "NOR": ["Norwegian"],
    "PAK": ["Pakistani"],
    "PHL": ["Filipino", "Philippine"],
    "PRK": ["North Korean"],
    "RUS": ["Russian"],
    "SAU": ["Saudi Arabian"],
    "TUR": ["Turkish", "Turk"],
    "USA": ["American"],
    "VNM": ["Vietnamese"],
    "XKX": ["Kosovar", "Kosovan"],
}

CAPITALS = {"XKX": "Pristina", "USA": "Washington"}

# Names people type for more than one country: resolving them would be a guess.
AMBIGUOUS = {
    "Korea": ["KOR", "PRK"],
    "Korean": ["KOR", "PRK"],
    "Congo": ["COD", "COG"],
    "Congolese": ["COD", "COG"],
    "The Congo": ["COD", "COG"],
    "Virgin Islands": ["VGB", "VIR"],
    "Virgin Islander": ["VGB", "VIR"],
    "Dominican": ["DMA", "DOM"],
}

TRUST_ISO, TRUST_OURS, TRUST_COUNTRYINFO, TRUST_COUNTRYNAMES = range(4)


def is_latin(text: str) -> bool:
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha()) and any(ch.isalpha() for ch in text)


def build() -> tuple[dict[str, object], dict[str, object]]:
    countries: dict[str, dict[str, object]] = {}
    for iso in pycountry.countries:
        countries[iso.alpha_3] = {
            "alpha2": iso.alpha_2,
            "name": DISPLAY.get(iso.alpha_3) or getattr(iso, "common_name", None) or iso.name,
            "iso_name": iso.name,
            "official": getattr(iso, "official_name", None),
            "demonyms": [],
            "capital": None,
        }
    countries["XKX"] = {
        "alpha2": "XK",
        "name": "Kosovo",
        "iso_name": "Kosovo",
        "official": "Republic of Kosovo",
        "demonyms": [],
        "capital": None,
    }
    by_alpha2 = {str(v["alpha2"]): k for k, v in countries.items()}

    # key -> trust -> {code: kind}
    claims: dict[str, dict[int, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    spelled: dict[str, str] = {}

    def claim(name: str, code: str, kind: str, trust: int) -> None:
        key = name_key(name)
        if key and code in countries:
            claims[key][trust].setdefault(code, kind)
            spelled.setdefault(key, name)

    for code, row in countries.items():
        claim(str(row["iso_name"]), code, "ISO name", TRUST_ISO)
        if row["official"]:
            claim(str(row["official"]), code, "official name", TRUST_ISO)
        claim(str(row["name"]), code, "common name", TRUST_OURS)
    for code, names in ALIASES.items():
        for name in names:
            claim(name, code, "alias", TRUST_OURS)
    for code, names in DEMONYMS.items():
        for name in names:
            claim(name, code, "demonym", TRUST_OURS)

    info_dir = Path(countryinfo.__file__).parent / "data"
    for path in sorted(info_dir.glob("*.json")):
        info = json.loads(path.read_text(encoding="utf-8"))
        info_code = str((info.get("ISO") or {}).get("alpha3"))
        if info_code not in countries:
            continue
        if info.get("demonym"):
            claim(info["demonym"], info_code, "demonym", TRUST_COUNTRYINFO)
        capital = info.get("capital")
        if isinstance(capital, list):  # countryinfo gives a list for a few, e.g. the Vatican
            capital = capital[0] if capital else None
        if capital and not countries[info_code]["capital"]:
            countries[info_code]["capital"] = capital
        for alt in info.get("altSpellings") or []:
            if len(alt) > 3 and is_latin(alt):
                claim(alt, info_code, "alias", TRUST_COUNTRYINFO)
    for code, capital in CAPITALS.items():
        countries[code]["capital"] = capital

    for alpha2, names in countrynames.data.DATA.items():
        alpha3 = by_alpha2.get(str(alpha2).upper())
        if alpha3 is None:
            continue
        for name in names:
            if isinstance(name, str) and len(name_key(name)) > 3 and is_latin(name):
                claim(name, alpha3, "variant", TRUST_COUNTRYNAMES)

    index: dict[str, list[str]] = {}
    variants: dict[str, str] = {}
    ambiguous: dict[str, list[str]] = {}
    for key, by_trust in claims.items():
        best = by_trust[min(by_trust)]
        if len(best) == 1:
            [(code, kind)] = best.items()
            if kind == "variant":
                variants[key] = code
            else:
                index[key] = [code, kind]
        else:
            ambiguous[key] = sorted(best)
    for name, codes in AMBIGUOUS.items():
        key = name_key(name)
        index.pop(key, None)
        ambiguous[key] = sorted(codes)

    for key, (code, kind) in index.items():
        if kind == "demonym":
            demonyms = countries[code]["demonyms"]
            assert isinstance(demonyms, list)
            demonyms.append(spelled[key])
    for row in countries.values():
        assert isinstance(row["demonyms"], list)
        row["demonyms"].sort()

    about = (
        "Generated by scripts/build_countries.py from pycountry "
        f"{version('pycountry')}, countryinfo {version('countryinfo')} and countrynames "
        f"{version('countrynames')}, with the overrides in that script. Do not edit by hand."
    )
    core: dict[str, object] = {
        "_about": about,
        "countries": dict(sorted(countries.items())),
        "index": dict(sorted(index.items())),
        "ambiguous": dict(sorted(ambiguous.items())),
    }
    return core, {"_about": about, "variants": dict(sorted(variants.items()))}


def version(package: str) -> str:
    from importlib.metadata import version as dist_version

    return dist_version(package)


def write(path: Path, table: dict[str, object]) -> None:
    path.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


def main() -> None:
    core, variants = build()
    write(OUT, core)
    write(OUT_VARIANTS, variants)
    print(f"wrote {OUT.name}: {len(core['index'])} names, {len(core['ambiguous'])} ambiguous")  # type: ignore[arg-type]
    print(f"wrote {OUT_VARIANTS.name}: {len(variants['variants'])} variants")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
