"""Text folding for matching names, and neutralising text before it reaches a terminal."""

from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not split into a base letter and a mark.
_FOLD_EXTRA = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ð": "d", "þ": "th"}
)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_NON_WORD = re.compile(r"[\W_]+")
_APOSTROPHES = re.compile(r"['’‘`ʼ]")


def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces: "Côte d'Ivoire" -> "cote divoire"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD_EXTRA))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = _APOSTROPHES.sub("", bare.replace("&", " and "))
    return _NON_ALNUM.sub(" ", bare).strip()


def kebab(text: str) -> str:
    """Lower-case words of any script joined by hyphens: "Food Security" -> "food-security"."""
    normal = unicodedata.normalize("NFKC", text.replace("&", " and ").casefold())
    return _NON_WORD.sub("-", _APOSTROPHES.sub("", normal)).strip("-")


# C0/C1 controls but tab and newline; bidi embeddings, overrides and isolates (text shown reversed to
# mislead); and invisible characters that hide or fake content. ZWJ/ZWNJ stay: scripts need them.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def printable(text: str) -> str:
    r"""Show unsafe characters as escapes: \xNN for controls, \uNNNN for bidi and invisible format characters."""
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable_json(text: str) -> str:
    """The same characters as `printable`, as JSON's \\uNNNN escapes: shown safely, parsed back the same."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
