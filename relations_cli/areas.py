"""The cooperation-area vocabulary, its aliases, and normalising what people type onto it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .errors import InvalidInput
from .text import fold, kebab


@dataclass(frozen=True)
class Area:
    name: str
    family: str  # groups areas for colouring: military, economic, social, political
    aliases: tuple[str, ...]


VOCABULARY: tuple[Area, ...] = (
    Area(
        "political",
        "political",
        (
            "politics",
            "diplomatic",
            "diplomacy",
            "foreign policy",
            "political-diplomatic",
            "parliamentary",
            "inter-parliamentary",
        ),
    ),
    Area(
        "military",
        "military",
        (
            "defence",
            "defense",
            "military cooperation",
            "defence cooperation",
            "defense cooperation",
            "armed forces",
        ),
    ),
    Area(
        "military-technical",
        "military",
        (
            "military technical cooperation",
            "mil-tech",
            "military technology",
            "defence technical",
            "arms trade",
        ),
    ),
    Area(
        "military-educational",
        "military",
        (
            "military education",
            "military training",
            "defence education",
            "defense education",
            "military educational cooperation",
        ),
    ),
    Area(
        "military-industrial",
        "military",
        (
            "defence industry",
            "defense industry",
            "defence industrial",
            "defense industrial",
            "military industry",
            "defence production",
            "defense production",
            "arms industry",
        ),
    ),
    Area(
        "security",
        "military",
        (
            "counter-terrorism",
            "counterterrorism",
            "intelligence",
            "border security",
            "cybersecurity",
            "cyber security",
        ),
    ),
    Area(
        "economic",
        "economic",
        ("economy", "economics", "economic cooperation", "investment", "finance", "financial", "business"),
    ),
    Area("trade", "economic", ("commerce", "commercial", "trade cooperation")),
    Area(
        "energy",
        "economic",
        (
            "oil",
            "gas",
            "oil and gas",
            "energy security",
            "nuclear energy",
            "electricity",
            "renewables",
            "renewable energy",
        ),
    ),
    Area("transport", "economic", ("transportation", "connectivity", "logistics", "transit", "railways")),
    Area("education", "social", ("educational", "academic", "higher education")),
    Area(
        "science-technology",
        "social",
        ("science", "technology", "science and technology", "research", "innovation", "digital", "ict"),
    ),
    Area("culture", "social", ("cultural", "arts", "people to people", "humanitarian-cultural")),
    Area("health", "social", ("healthcare", "medicine", "medical", "public health", "pharmaceuticals")),
    Area("humanitarian", "social", ("humanitarian aid", "aid", "disaster relief", "demining")),
    Area("environment", "social", ("environmental", "climate", "climate change", "ecology")),
)

# Phrases that name two areas at once.
_COMPOUND: dict[str, tuple[str, ...]] = {
    "trade-and-economic": ("economic", "trade"),
    "trade-economic": ("economic", "trade"),
    "economic-and-trade": ("economic", "trade"),
    "military-and-military-technical": ("military", "military-technical"),
}

NAMES: frozenset[str] = frozenset(a.name for a in VOCABULARY)
_BY_NAME = {a.name: a for a in VOCABULARY}
_ALIASES: dict[str, tuple[str, ...]] = {
    **{kebab(fold(alias)): (a.name,) for a in VOCABULARY for alias in a.aliases},
    **{a.name: (a.name,) for a in VOCABULARY},
    **_COMPOUND,
}


@lru_cache(maxsize=4096)  # an import repeats the same few area names thousands of times
def normalise(text: str) -> tuple[str, ...]:
    """Areas for one typed area: the vocabulary's names, or the text kebab-cased as a custom area."""
    custom = kebab(text)
    if not custom:
        raise InvalidInput(f"empty area {text!r}", field="areas")
    return _ALIASES.get(kebab(fold(text)), (custom,))


def normalise_all(texts: list[str]) -> list[str]:
    """Distinct, sorted areas for a list of typed areas."""
    return sorted({area for text in texts for area in normalise(text)})


def phrases() -> dict[str, tuple[str, ...]]:
    """Every name and alias (kebab-cased, as `fold` then `-` joins its words) with the areas it means."""
    return {kebab(fold(key.replace("-", " "))): value for key, value in _ALIASES.items()}


def is_builtin(area: str) -> bool:
    return area in NAMES


def family(area: str) -> str:
    """The family an area is coloured by; custom areas have their own."""
    known = _BY_NAME.get(area)
    return known.family if known else "custom"


# Column labels where the full names do not fit (the matrix at 80 columns); a legend explains them.
SHORT: dict[str, str] = {
    "political": "pol", "military": "mil", "military-technical": "m-tec", "military-educational": "m-edu",
    "military-industrial": "m-ind", "security": "sec", "economic": "econ", "trade": "trade", "energy": "enrg",
    "transport": "trans", "education": "educ", "science-technology": "sci", "culture": "cult", "health": "hlth",
    "humanitarian": "hum", "environment": "env",
}  # fmt: skip


def short_labels(areas: list[str]) -> dict[str, str]:
    """A distinct label of at most five characters for each area; custom areas from their words' first letters."""
    labels: dict[str, str] = {}
    taken: set[str] = set()
    for area in areas:
        words = area.split("-")
        label = SHORT.get(area) or (words[0][:5] if len(words) == 1 else "-".join(w[:2] for w in words[:2]))
        base, n = label[:4], 2
        while label in taken:
            label, n = f"{base}{n}", n + 1
        labels[area] = label
        taken.add(label)
    return labels


def nearest(text: str) -> tuple[str, float]:
    """The built-in area closest in spelling to a typed one (through its name or any alias), and how close (0-1)."""
    import difflib

    typed = kebab(fold(text))
    scores = {key: difflib.SequenceMatcher(None, typed, key).ratio() for key in _ALIASES if len(_ALIASES[key]) == 1}
    best = max(sorted(scores), key=scores.__getitem__)
    return _ALIASES[best][0], scores[best]
