"""Tags compare without regard to case and keep the spelling they were first given in the database."""

from __future__ import annotations

from collections.abc import Iterable


def spellings(tags: Iterable[str]) -> dict[str, str]:
    """Each tag's case-folded form → the spelling first seen (pass the stored tags in id order)."""
    known: dict[str, str] = {}
    for tag in tags:
        known.setdefault(tag.casefold(), tag)
    return known


def canonical(tags: Iterable[str], known: dict[str, str]) -> list[str]:
    """The tags, distinct regardless of case, spelt as the database first had them, in stored order.

    `known` grows with tags that are new, so that the same new tag in later records is spelt alike.
    """
    chosen: dict[str, str] = {}
    for tag in tags:
        key = tag.casefold()
        chosen.setdefault(key, known.setdefault(key, tag))
    return sorted(chosen.values())


def change(current: Iterable[str], add: Iterable[str], remove: Iterable[str], known: dict[str, str]) -> list[str]:
    """`current` with tags added and removed; removing a tag it does not have is not an error."""
    drop = {tag.casefold() for tag in remove}
    kept = [tag for tag in current if tag.casefold() not in drop]
    return canonical([*kept, *add], known)
