"""CAMEO: which event codes are cooperation, and what kind and areas each one gives.

This is the one mapping table from CAMEO event codes to engagements. Only the
cooperative roots are taken: 03 (express intent to cooperate), 04 (consult),
05 (diplomatic cooperation) and 06 (material cooperation).

Kind: 041 is a call; 036, 042, 043, 044 and 046 are meetings; 057 is an
agreement. The purely verbal codes (030–039 apart from 036, and 050–056) are
statements; the rest of 04 and 06 is `other`.

Areas: 061, 0311 and 0331 are economic; 062, 0312, 0332 and 0334 (peacekeeping)
are military; 063, 064, 0313 and 0314 are security; 0333 is humanitarian.
Every other code is political.
"""

from __future__ import annotations

COOPERATION_ROOTS = ("03", "04", "05", "06")

NAMES = {
    "030": "express intent to cooperate",
    "031": "express intent to engage in material cooperation",
    "0311": "express intent to cooperate economically",
    "0312": "express intent to cooperate militarily",
    "0313": "express intent to cooperate on judicial matters",
    "0314": "express intent to cooperate on intelligence",
    "032": "express intent to engage in diplomatic cooperation",
    "033": "express intent to provide material aid",
    "0331": "express intent to provide economic aid",
    "0332": "express intent to provide military aid",
    "0333": "express intent to provide humanitarian aid",
    "0334": "express intent to provide military protection or peacekeeping",
    "034": "express intent to institute political reform",
    "035": "express intent to yield",
    "036": "express intent to meet or negotiate",
    "037": "express intent to settle dispute",
    "038": "express intent to accept mediation",
    "039": "express intent to mediate",
    "040": "consult",
    "041": "discuss by telephone",
    "042": "make a visit",
    "043": "host a visit",
    "044": "meet at a third location",
    "045": "mediate",
    "046": "engage in negotiation",
    "050": "engage in diplomatic cooperation",
    "051": "praise or endorse",
    "052": "defend verbally",
    "053": "rally support on behalf of",
    "054": "grant diplomatic recognition",
    "055": "apologize",
    "056": "forgive",
    "057": "sign formal agreement",
    "060": "engage in material cooperation",
    "061": "cooperate economically",
    "062": "cooperate militarily",
    "063": "engage in judicial cooperation",
    "064": "share intelligence or information",
}

KINDS = {
    "041": "call",
    "036": "meeting",
    "042": "meeting",
    "043": "meeting",
    "044": "meeting",
    "046": "meeting",
    "057": "agreement",
}
AREAS = {
    "061": "economic",
    "0311": "economic",
    "0331": "economic",
    "062": "military",
    "0312": "military",
    "0332": "military",
    "0334": "military",
    "063": "security",
    "064": "security",
    "0313": "security",
    "0314": "security",
    "0333": "humanitarian",
}
VERBAL_PREFIXES = ("03", "050", "051", "052", "053", "054", "055", "056")


def is_cooperation(code: str) -> bool:
    return code[:2] in COOPERATION_ROOTS


def reading(code: str) -> tuple[str, str]:
    """The kind and the area of one cooperative CAMEO code."""
    kind = KINDS.get(code) or ("statement" if code.startswith(VERBAL_PREFIXES) else "other")
    return kind, AREAS.get(code, "political")


def name(code: str) -> str:
    return NAMES.get(code) or NAMES.get(code[:3]) or f"CAMEO {code}"


# CAMEO actor country codes are ISO 3166 alpha-3, apart from these.
COUNTRY_CODES = {
    "ROM": "ROU",  # Romania's old code
    "ZAR": "COD",  # Zaire
    "TMP": "TLS",  # East Timor
    "KOS": "XKX",  # Kosovo
    "WSB": "PSE",  # West Bank
    "GZS": "PSE",  # Gaza Strip
    "PAL": "PSE",
    "YUG": "SRB",  # Yugoslavia, read as its UN successor
    "SCG": "SRB",  # Serbia and Montenegro, likewise
}
# Regions and groupings: real CAMEO codes, but not one state.
REGIONS = frozenset(
    [
        "AFR",
        "ASA",
        "BLK",
        "CRB",
        "CAU",
        "CFR",
        "CAS",
        "CEU",
        "EIN",
        "EAF",
        "EEU",
        "EUR",
        "LAM",
        "MEA",
        "MDT",
        "NAF",
        "NMR",
        "PGS",
        "SCN",
        "SAM",
        "SAS",
        "SEA",
        "SAF",
        "WAF",
        "WST",
    ]
)
