"""Shell completion of countries, areas and kinds: light to import, its work done only when a shell asks."""

from __future__ import annotations


def countries(incomplete: str) -> list[tuple[str, str]]:
    """Alpha-3 codes and common names that start with what was typed (any case), each with the other as help."""
    from .countries import all_countries, name_key

    typed = incomplete.casefold()
    found: list[tuple[str, str]] = []
    for country in all_countries():
        if country.alpha3.casefold().startswith(typed):
            found.append((_as_typed(incomplete, country.alpha3), country.name))
        if typed and name_key(country.name).startswith(name_key(incomplete)):
            found.append((_as_typed(incomplete, country.name), country.alpha3))
    return found


def areas(incomplete: str) -> list[tuple[str, str]]:
    """The built-in areas that start with what was typed, with a few of their aliases as help."""
    from .areas import VOCABULARY

    typed = incomplete.casefold()
    return [(a.name, ", ".join(a.aliases[:3])) for a in VOCABULARY if a.name.startswith(typed)]


def kinds(incomplete: str) -> list[tuple[str, str]]:
    """The kinds of engagement that start with what was typed, with what each means."""
    from .models import KIND_HELP

    typed = incomplete.casefold()
    return [(kind, meaning) for kind, meaning in KIND_HELP.items() if kind.startswith(typed)]


def _as_typed(incomplete: str, value: str) -> str:
    # Shells keep only candidates that start with the typed word, so the typed prefix is kept as typed
    # ("aze" completes to "aze", "azer" to "azerbaijan"): names and codes are matched in any case anyway.
    if value.casefold().startswith(incomplete.casefold()):
        return incomplete + value[len(incomplete) :]
    return value
