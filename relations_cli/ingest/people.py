"""Participants: people named with a title ("Defence Minister Zakir Hasanov", "Jane Doe, the
Foreign Minister of X", "the Minister of Foreign Affairs of X, Jane Doe"), each with a country."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as lx
from .mentions import Mention

HEAD = re.compile(rf"^(?:{lx.TITLE_HEADS})$")
# Honorifics written before a name; each use adds its own ("Excellency" as a whole role, "Hon" before a name).
_HONORIFICS = r"Dr|Mr|Ms|Mrs|H\.E"
HONORIFIC = re.compile(rf"^(?:{_HONORIFICS}|Excellency|Prof)\.?$")
RANK = re.compile(
    r"\b(?:Senior\s+)?(?:(?:Colonel|Lieutenant|Major|Army|Brigadier|Rear|Vice|Air|Four-Star)\s+)?"
    r"(?:General|Admiral|Marshal)\b\s*$"
)
_GENERAL_OFFICE = re.compile(r"\b(?:Director|Secretary|Inspector|Attorney|Auditor|Consul|Solicitor)[ -]General$")
# The capitals a name may begin with: Latin-1's and Latin Extended's ("Šimonytė", "Łukasz", "Ștefan").
UPPER = "A-ZÀ-ÖØ-Þ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
# "O'Brien", "Tu‘i‘onetoa", "al-Sudani"; initials "H.S." and "K.T.M."
_NAME_PART = rf"(?:[{UPPER}][^\W\d_]*(?:['’‘][^\W\d_]+)*['’]?|(?:al|el|bin|ibn|ben|abu|ul|ud)-[A-Z][^\W\d_]+)"
_NAME_WORD = re.compile(rf"^(?:{_NAME_PART}(?:-[^\W\d_]+)*|[A-Z]\.?(?:[A-Z]\.)*|[A-Z]{{2,}}|Mc[A-Z][a-z]+)$")
_TOKEN = re.compile(r"@?[\w'’‘.-]+|[,;:()]")  # a handle ("@SuluhuSamia") is one token, and no name


@dataclass
class Person:
    name: str
    role: str | None
    country: str | None
    evidence: str
    rule: str = "participants.title-name"


def find_people(sentence: str, mentions: list[Mention], previous: list[Person]) -> list[Person]:
    """People named in one sentence; `mentions` are the sentence's countries (offsets within it)."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
    people: list[Person] = []
    for i, (word, _, _) in enumerate(tokens):
        ranked = i > 0 and (tokens[i - 1][0], word) in lx.RANK_PAIRS  # "Lt Gen X" (but "Gen Nakatani" is a name)
        if not (HEAD.match(word) or ranked) or (
            word in lx.TITLES_ALSO_NAMES and i > 0 and HEAD.match(tokens[i - 1][0])
        ):
            continue
        after = i + 1
        if after < len(tokens) and tokens[after][0] == ",":
            if word.lower() != "counterpart":  # "his Russian counterpart, Vladimir Putin,": the name in apposition
                continue
            after += 1
        if after < len(tokens) and tokens[after][0] in ("of", "to", "for"):
            # "Minister of National Defense Muhsin Dere", "Ambassador to Pakistan Jiang Zaidong", "Minister for
            # Foreign Affairs, Ishaq Dar"
            after = _skip_institution(tokens, after + 1, mentions)
            if after < 0:
                continue
        name_tokens = _name_after(tokens, after, mentions)
        if not name_tokens:
            continue
        start = _title_start(tokens, i, mentions)
        # an ambassador "to" a country is not of it: the title ends before it
        title_end = tokens[after - 1][2] if tokens[i + 1][0] in ("of", "for") else tokens[i][2]
        title_text = sentence[tokens[start][1] : title_end]
        name = " ".join(t[0] for t in name_tokens)
        name = name if re.search(r"\b[A-Z]\.$", name) else name.rstrip(".")
        country = _country_in(mentions, tokens[start][1], title_end, sentence)
        country = country or _country_after(mentions, name_tokens[-1][2], sentence)
        first = tokens[start][0]
        if country is None and start > 0 and tokens[start - 1][0] == "and" and people and first in lx.OFFICE_WORDS:
            country = people[-1].country  # "Japanese Foreign Minister X and Defense Minister Y"
        role = role_of(title_text, mentions, tokens[start][1])
        if "counterpart" in sentence[max(0, tokens[start][1] - 14) : title_end].lower():
            role = previous[-1].role if previous else (people[-1].role if people else None)
        evidence = sentence[tokens[start][1] : name_tokens[-1][2]]
        people.append(Person(name, role, country, evidence))
    people.extend(_name_then_title(sentence, mentions))
    people.extend(_title_of_country_then_name(sentence, mentions))
    return people


_DATE_WORDS = {*lx.MONTH_NAMES, *lx.WEEKDAY_NAMES}


def _on_date(tokens: list[tuple[str, int, int]], j: int) -> bool:
    """ "… Nurettin Canikli on March 29": the name ends before its date (a month alone may be a first name, as
    in "January Makamba")."""
    return tokens[j][0] == "on" and j + 1 < len(tokens) and tokens[j + 1][0].rstrip(".,") in _DATE_WORDS


def _skip_institution(tokens: list[tuple[str, int, int]], j: int, mentions: list[Mention]) -> int:
    """Past "of the Central Military Commission" or "to Pakistan" to where the name starts, or -1.

    After "for", a portfolio's words may look like a name ("Director for Emerging Threats at ..."): the name
    is taken only after an office's or a country's word, and of two words or more, or after a comma."""
    portfolio = tokens[j - 1][0] == "for"
    run: list[int] = []
    listed: int | None = None  # in a list of portfolios: the place in `run` of its last "and" (or -1 before it)
    while j < len(tokens) and not _on_date(tokens, j):
        if _abbreviation(tokens, j):  # "Chairman of the Caribbean Community (CARICOM) Keith Rowley"
            run += [j, j + 1, j + 2]
            j += 3
            continue
        word = tokens[j][0]
        if (word == "," and _portfolio_list(tokens, j, mentions)) or (word == "and" and listed is not None):
            listed = len(run) if word == "and" else -1
            run.append(j)
            j += 1
            continue
        # "Minister of Foreign Affairs and Defence": one office; "… X and Chairman of …": the next person's title
        joined = word == "and" and j + 1 < len(tokens) and tokens[j + 1][0] in lx.OFFICE_WORDS
        if not (
            word[0].isupper() or word in ("of", "the", "for", "on") or (joined and not HEAD.match(tokens[j + 1][0]))
        ):
            break
        run.append(j)
        j += 1
    while run and tokens[run[-1]][0] in ("of", "the", "for", "on"):  # "… Liu Yantao on behalf of"
        j = run.pop()
    # The name is the capitalised words at the end of the run that are not part of an office or a country.
    k = len(run)
    while k > 0 and _name_word(tokens[run[k - 1]][0]) and tokens[run[k - 1]][0].rstrip(".,") not in lx.OFFICE_WORDS \
            and not _is_country(tokens[run[k - 1]], mentions):  # fmt: skip
        k -= 1
    if listed is not None and listed >= 0:
        k = max(k, listed + 2)  # "..., and Fisheries Abdelmonem Belati": the word after the "and" is a portfolio's
    if k == len(run):
        # "Minister for Foreign Affairs, Ishaq Dar": the office ends at a comma, the name follows it
        return j + 1 if run and j + 1 < len(tokens) and tokens[j][0] == "," else -1
    if k == 0:
        # "Minister of Hydraulics Taha Derbal": the first word after "of" is the portfolio's, never the name's
        if portfolio or len(run) < 3 or any(tokens[r][0].rstrip(".,") in lx.NOT_NAMES for r in run[1:]):
            return -1
        k = 1
    if portfolio and (len(run) - k < 2 or not tokens[run[k - 1]][0][0].isupper()):
        return -1
    return run[k]


def _portfolio_list(tokens: list[tuple[str, int, int]], j: int, mentions: list[Mention]) -> bool:
    """Whether the comma at `j` goes on listing one office's portfolios: "Minister of Agriculture, Water
    Resources, and Fisheries Abdelmonem Belati". Every word of the list is a portfolio's, up to "and" and
    one more, which no office follows ("Minister of Foreign Affairs, Ishaq Dar, and State Minister ..." lists
    people)."""
    k = j + 1
    while k < min(len(tokens), j + 10):
        word = tokens[k][0]
        if word == "and":
            last = tokens[k + 1][0] if k + 1 < len(tokens) else ""
            following = tokens[k + 2][0] if k + 2 < len(tokens) else ""
            return last in lx.OFFICE_WORDS and not HEAD.match(following) and following not in lx.OFFICE_WORDS
        if word != "," and word not in lx.OFFICE_WORDS:
            return False
        k += 1
    return False


def _abbreviation(tokens: list[tuple[str, int, int]], j: int) -> bool:
    """An institution's initials in brackets: "(CARICOM)", "(IME)"."""
    return (
        tokens[j][0] == "("
        and j + 2 < len(tokens)
        and tokens[j + 2][0] == ")"
        and tokens[j + 1][0].isupper()
        and len(tokens[j + 1][0]) > 1
    )


def _name_after(tokens: list[tuple[str, int, int]], i: int, mentions: list[Mention]) -> list[tuple[str, int, int]]:
    name: list[tuple[str, int, int]] = []
    j = i
    while j < len(tokens) and len(name) < 5:
        word = tokens[j][0]
        # "Colonel General Zakir Hasanov": the rank is part of the title; "counterpart Amir Hatami": a first name
        if HEAD.match(word) and not name and word not in lx.TITLES_ALSO_NAMES:
            return []
        if word in lx.NAME_PARTICLES and name:
            name.append(tokens[j])
        elif (
            _name_word(word)
            and word.rstrip(".,") not in lx.NOT_NAMES | lx.OFFICE_WORDS
            and not _is_country(tokens[j], mentions)
        ):
            name.append(tokens[j])
            if word.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", word):  # the sentence ends here
                break
        else:
            break
        j += 1
    while name and name[-1][0] in lx.NAME_PARTICLES:
        name.pop()
    return name


def _name_word(word: str) -> bool:
    return bool(_NAME_WORD.match(word) or _NAME_WORD.match(word.rstrip(".")))


def _is_country(token: tuple[str, int, int], mentions: list[Mention]) -> bool:
    return any(m.start <= token[1] < m.end for m in mentions)


def _title_start(tokens: list[tuple[str, int, int]], head: int, mentions: list[Mention]) -> int:
    """Walk back over the title's words (capitalised, or `of`, `the`, `and`) from its head word."""
    start = head
    j = head - 1
    while j >= 0:
        word = tokens[j][0]
        if (word[0].isupper() and word not in ("The", "A", "An")) or word in ("of", "the", "for", "on"):
            start = j
            j -= 1
            continue
        break
    while start < head and tokens[start][0] in ("of", "the", "for", "on"):
        start += 1
    return start


_FROM = re.compile(r",?\s+(?:from|of)\s+(?:the\s+)?")


def _country_after(mentions: list[Mention], end: int, sentence: str) -> str | None:
    """The country right after a name: "Minister Nakatani Shinichi from Japan's Ministry of Economy"."""
    found = _FROM.match(sentence, end)
    if not found:
        return None
    return next((m.code for m in mentions if m.start == found.end()), None)


def _country_in(mentions: list[Mention], start: int, end: int, sentence: str) -> str | None:
    inside = [m for m in mentions if start <= m.start < end]
    if not inside:
        return None
    # "his Belarusian counterpart", "Azerbaijani Defence Minister", "Minister of Defence of Pakistan"
    return inside[-1].code


def role_of(title: str, mentions: list[Mention], offset: int) -> str | None:
    text = title
    for m in sorted(mentions, key=lambda m: -m.start):
        if offset <= m.start < offset + len(title):
            local = m.start - offset
            text = text[:local] + "\0" * (m.end - m.start) + text[local + (m.end - m.start) :]
    text = re.sub(r"\0+(?:['’]s)?", " ", text)
    # "Minister of National Defense of the Republic of [Turkey]": the office without its country's words
    text = re.sub(
        r"(?:\s+of\s+the\s+(?:Republic|Kingdom|State|Federation)(?:\s+of)?|\s+(?:of|for)(?:\s+the)?)+\s*$",
        "",
        text.strip(" ,"),
    )
    text = re.sub(r"^\s*(?:the|The)\s+", "", text)
    text = re.sub(r"^(?:newly|recently)\s+(?:appointed|elected|named)\s+", "", text)  # the office, not its news
    text = re.sub(rf"\b(?:{_HONORIFICS})\.?\s*$", "", text).strip(" ,")
    text = re.sub(r"\s+", " ", text)
    # "Foreign Minister Sheikh Khalid ...": the style before the name is not part of the office ("Crown Prince" is)
    words = text.split()
    if len(words) > 1 and words[-1] in lx.STYLES and any(HEAD.match(w) for w in words[:-1]):
        text = " ".join(words[:-1])
    # "Director General", "Secretary General": one office, not an office and a rank
    office = text if _GENERAL_OFFICE.search(text) else RANK.sub("", text).strip()
    if office and re.search(r"\b(Minister|President|Chairman|Chief|Secretary|Commander|Speaker|Ambassador|"
                            r"Director|Premier|Head)\b", office):  # fmt: skip
        text = office
    return text or None


NAME = (
    # initials before the name ("K.T.M. Udayanga Hemapala", "S. Ganbyamba"), not a country's ("U.S.") or a style's
    r"(?:(?!(?:U\.S|U\.K|U\.N|E\.U|U\.A\.E|H\.H|H\.E|H\.R\.H|H\.M)\.)(?:[A-Z]\.){1,3}\s?)?"
    rf"[{UPPER}][^\W\d_]+(?:[ -](?:[{UPPER}][^\W\d_'’]+|[A-Z]\.?(?=\s)|bin|al|de|da|van|von))*"
    rf"\s(?:(?:al|el|bin|ibn)-)?[{UPPER}][^\W\d_'’-]+(?:-[{UPPER}][^\W\d_]+)?"
)
_NAME_THEN_TITLE = re.compile(
    rf"(?:^|(?<=[,;:] )|(?<=\band )|(?<=\bwith )|(?<=\bby )|(?<=\bmet )|(?<=\breceived )|(?<=\bhosted )|"
    rf"(?<=\bwelcomed ))(?:(?:[Tt]he\s+)?(?:{_HONORIFICS}|Hon|Honourable|Honorable|Prof)\.?\s+)?(?P<name>{NAME}),\s+"
    r"(?:the\s+|a\s+)?"
    r"(?P<title>[^,;.]{3,90}?)(?=,|;|\.|\s+(?:who|said|and|met|held|has|had|was|on)\b)"
)
_TITLE_OF_THEN_NAME = re.compile(
    r"(?P<title>\b[A-Z][\w'’-]{0,40}(?:\s+[\w'’-]{1,40}){0,8}?\s+of\s+(?:the\s+)?[A-Z][^,;]{2,80}?),\s+"
    r"(?P<rank>(?:Colonel |Lieutenant |Major |Army |Brigadier |Rear |Vice )?(?:General|Admiral) )?"
    rf"(?P<name>{NAME})"
)
_PORTFOLIO_THEN_NAME = re.compile(rf"[A-Z][\w'’-]*(?:,?\s+(?:and\s+)?[A-Z][\w'’-]*){{0,8}},\s+(?P<name>{NAME})")
_NAME_END = re.compile(rf"(?:^|\s)({NAME})$")
_HEAD_WORD = re.compile(rf"\b(?:{lx.TITLE_HEADS})\b", re.I)


def _name_then_title(sentence: str, mentions: list[Mention]) -> list[Person]:
    people = []
    at = 0
    while (m := _NAME_THEN_TITLE.search(sentence, at)) is not None:
        # A match refused is looked into again from its "title": "International Cooperation, held a call with
        # Nikola Dimitrov, Minister of ..." holds the next one.
        at = m.start("title")
        title = m.group("title")
        first = title.split()[0]
        if not _HEAD_WORD.search(title) or not (first[0].isupper() or first.lower() in lx.TITLE_STARTS):
            continue
        if any(w in lx.NOT_NAMES for w in m.group("name").split()) or lx.SOURCE_AFTER.match(sentence[m.end() :]):
            continue
        if re.search(r"\bby\b", title):  # "X, Azerbaijan by the Minister of Energy Y": the next clause, no title
            continue
        if _ends_with_name(title, mentions, m.start("title")):
            # "Presidential Aide Yury Ushakov, Presidential Press Secretary Dmitry Peskov": a list of offices with
            # their names, not a name and its office
            continue
        at = m.end()
        country = _country_in(mentions, m.start("title"), m.end("title"), sentence)
        role = role_of(title, mentions, m.start("title"))
        people.append(Person(m.group("name"), role, country, m.group(0), "participants.name-title"))
    return people


_NOT_A_NAME = lx.OFFICE_WORDS | lx.NOT_NAMES | lx.REGION_WORDS


def _ends_with_name(title: str, mentions: list[Mention], offset: int) -> bool:
    """Whether an office (at `offset` in its sentence) is followed by someone's name: "Ambassador to China Igor
    Morgulov" (where "Minister of Foreign Affairs" ends with its portfolio's words, "... of Saudi Arabia" with
    its country's)."""
    heads = list(_HEAD_WORD.finditer(title))
    if not heads:
        return False
    end = _NAME_END.search(title, heads[-1].end())
    if end is None:
        return False
    words = [
        w.group()
        for w in re.finditer(r"\S+", end.group(1))
        if not any(c.start <= offset + end.start(1) + w.start() < c.end for c in mentions)
        and w.group() not in _NOT_A_NAME
    ]
    return len(words) >= 2


def _after_last_title(name: str) -> str | None:
    """A "name" that begins with an office ("Presidential Aide Yury Ushakov"): the words after its last title
    word, or None when no name is left."""
    words = name.split()
    heads = [i for i, w in enumerate(words) if HEAD.match(w) and w not in lx.TITLES_ALSO_NAMES]  # "Amir Khan ..."
    if not heads:
        return name
    rest = words[heads[-1] + 1 :]
    return " ".join(rest) if len(rest) >= 2 else None


def _title_of_country_then_name(sentence: str, mentions: list[Mention]) -> list[Person]:
    people = []
    for m in _TITLE_OF_THEN_NAME.finditer(sentence):
        title = m.group("title")
        # "... Foreign Minister Sergey Lavrov, X": a list of offices with their names
        if not _HEAD_WORD.search(title) or _ends_with_name(title, mentions, m.start("title")):
            continue
        # the title begins at the last title word before its "of": "talks with the Minister of ..." -> "Minister
        # of ...", "Minister X met the Commander of ..." -> "Commander of ..."
        before_of = list(_HEAD_WORD.finditer(title, 0, max(title.find(" of "), 0)))
        head = before_of[-1] if before_of else _HEAD_WORD.search(title)
        assert head is not None
        prefix = re.search(r"((?:[A-Z][\w'’-]*\s+)*)$", title[: head.start()])
        begin = m.start("title") + (prefix.start(1) if prefix else head.start())
        name, end = _after_last_title(m.group("name")), m.end("title")
        if name is None:
            continue
        if set(name.split()) <= lx.OFFICE_WORDS:
            # "Minister of Higher Education, Scientific Research and Innovation, X": the portfolio goes on.
            more = _PORTFOLIO_THEN_NAME.match(sentence, m.start("name"))
            if more is None:
                continue
            name, end = more.group("name"), more.start("name")
        title_text = sentence[begin:end].rstrip(" ,")
        country = _country_in(mentions, begin, end, sentence)
        role = role_of(title_text, mentions, begin)
        role = re.sub(r"\s+of\s*(?:the\s*)?$", "", role or "").strip() or None
        people.append(Person(name, role, country, m.group(0), "participants.title-of-name"))
    return people
