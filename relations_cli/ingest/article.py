"""An article's parts: publication line, byline, dateline, headline, and the body in sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import when

_DATE_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b(?:\s+by\s+(.+?))?\s*$", re.I)
_BYLINE = re.compile(r"^\s*by\s+([^\d].{1,80}?)\s*$", re.I)
_STAMP = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*(?:\[\d{1,2}:\d{2}\])?\s*(.*)$")
_PUBLISHED = re.compile(r"^\s*(?:published|posted|updated|date)?\s*(?:on|:)?\s*(.{6,40}?)\s*$", re.I)
_AGENCY = r"[A-Z][A-Za-z.]*(?:[ -][A-Z][A-Za-z.]*){0,3}"
_PLACE = r"[A-Z][A-Za-z'’.-]*(?:\s[A-Z][A-Za-z'’.-]*){0,3}"
_COUNTRY = r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)*"  # "Pakistan", "Sri Lanka"
_CAPS = r"[A-Z]{3,}(?:[ -][A-Z]{3,})*"  # "BAKU", "ABU DHABI"
# How reports open, by outlet style; each names the place and some of the date, the agency, the country.
_DATELINES = [re.compile(pattern) for pattern in (
    # ANKARA, (APP - UrduPoint / Pakistan Point News - 16th Sep, 2019 ) :    /    MOSCOW (Sputnik - 27th May, 2020)
    (
        rf"^(?P<place>{_CAPS}),?\s*\((?P<outlet>[^()]{{2,80}}?)\s+[-–—]\s+(?P<date>{when.DATE_TEXT})\s*\)"
        r"\s*[:–—-]*\s*"
    ),
    # ISLAMABAD, Jan. 28 (Xinhua) --    /    BAKU, Dec 1 (Reuters) -    /    ABU DHABI, 14th Feb. 2024 (WAM) --
    rf"^(?P<place>{_PLACE}),\s+(?P<date>{when.DATE_TEXT})\.?,?\s*\((?P<outlet>{_AGENCY})\)\s*[-–—]+\s*",
    # ASTANA. KAZINFORM –
    rf"^(?P<place>{_CAPS})\.\s+(?P<outlet>[A-Z]{{3,}}\w*)\s*[-–—]+\s*",
    # KARACHI, Pakistan (a line of its own)
    rf"^(?P<place>{_CAPS}),\s+(?P<country>{_COUNTRY})\s*$",
    # BAKU, Azerbaijan, May 16.
    (
        rf"^(?P<place>{_CAPS}),\s+(?P<country>{_COUNTRY}),\s+"
        rf"(?P<date>{when.DATE_TEXT})\.?\s*"
    ),
    # Doha: His Highness ...    /    KUALA LUMPUR: As part of ...
    rf"^(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?|{_CAPS}):\s+",
    # MOSCOW, March 3. /TASS/.
    rf"^(?P<place>{_PLACE}),\s+(?P<date>{when.MONTH_DAY})\.?\s*/(?P<outlet>{_AGENCY})/\.?\s*",
    # Hanoi (VNA) –
    rf"^(?P<place>{_PLACE})\s*\((?P<outlet>{_AGENCY})\)\s*[-–—]+\s*",
    # Baku, October 31, AZERTAC
    rf"^(?P<place>{_PLACE}),\s+(?P<date>{when.DATE_TEXT}),\s+(?P<outlet>[A-Z]{{3,}}\w*)\.?\s*",
    # Nicosia [Cyprus], May 14 :    /    Kigali, 10 February 2017 –
    (
        rf"^(?P<place>{_PLACE})\s*(?:\[(?P<country>{_COUNTRY})\])?,\s+(?P<date>{when.DATE_TEXT})"
        r"\s*[:–—-]+\s*"
    ),
    # Nairobi, KENYA - 21st October 2023 -
    rf"^(?P<place>{_PLACE}),\s+(?P<country>{_CAPS})\s*[-–—]+\s*(?P<date>{when.DATE_TEXT})\s*[-–—:]+\s*",
    # January 28/2021(ENA)
    rf"^(?P<date>{when.MONTH_DAY})/\d{{4}}\s*\((?P<outlet>{_AGENCY})\)\s*[-–—:]*\s*",
    # BAKU --
    rf"^(?P<place>{_CAPS})(?:,\s*(?P<date>[^-–—]{{3,25}}?))?\s*[-–—]{{1,2}}\s+",
)]  # fmt: skip
_COLON_DATELINE = _DATELINES[5]
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                  "nov", "dec", "gen", "col", "lt", "maj", "capt", "adm", "st", "no", "vs", "prof", "sen", "rep",
                  "gov", "h.e", "u.s", "u.k", "e.g", "i.e", "inc", "co", "corp", "brig", "sgt"}  # fmt: skip
_DATE_PREFIX = re.compile(r"^date\s+(\d{4}-\d{2}-\d{2})\s+")
_BULLET = re.compile(r"^[•·▪►*|/]")
# A page's links to other stories and its language menu, wherever they are: "Related: Trump, Mexico's President
# Agree ..." names countries and people of another report; "English Arabic French Russian Spanish" is no one.
_OTHER_STORY = re.compile(
    r"^(?:related(?:\s+(?:news|stories|articles))?|(?:read|see)\s+(?:more|also)|also\s+read)\b\s*[:|-]", re.I
)
_LANGUAGES = {
    "english", "français", "french", "arabic", "العربية", "russian", "русский", "spanish", "español", "chinese", "中文",
    "portuguese", "português", "german", "deutsch", "japanese", "日本語", "korean", "turkish", "türkçe", "persian",
    "farsi", "urdu", "hindi", "italian", "azerbaijani", "azərbaycan", "kazakh", "uzbek", "vietnamese", "indonesian",
    "ukrainian", "українська", "swahili", "georgian", "armenian", "mongolian",
}  # fmt: skip
LATE_DATELINE = 3  # a dateline may follow a photo caption or a stamp: looked for in this many paragraphs
# A photo's caption at the top of a saved page, before the report: "A handout picture provided by ... shows ...",
# "Photo: Dunyo news agency", or a line that ends with a picture agency's credit, "... in Riyadh. (AFP)".
_CAPTION = re.compile(
    r"^(?:an?|the)\s+(?:handout\s+|file\s+)?(?:photo(?:graph)?|picture|image)\b.{0,300}?\bshows?\b|"
    r"\((?:photo:?\s*)?(?:AFP|Reuters|AP|EPA|Getty Images|Anadolu|Xinhua|Handout|File|Pool)(?:\s*/\s*[\w .]+)*\)\s*$|"
    # "Photo: Dunyo news agency" alone on its line (where a caption followed by the report's first sentence is
    # left to the rules that pass over a caption's date and names)
    r"^(?:photo|picture|image)s?(?:\s+credit)?\s*:(?!.*[.!?]\s+[A-Z])",
    re.I,
)
_LIST_NUMBER = re.compile(r"^\(?\d{1,3}[.)](?:\s+(?=[A-Z\"“])|$)")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")  # "H.S. Sampath": initials, not a sentence's end
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
# Rules look at most this far back from a word ("the war with ..."), and a sentence is cut at this length:
# both keep the work per character bounded, so that reading is linear in the text whatever it holds.
BEFORE = 120
MAX_SENTENCE = 800
# The longest text read (characters); a news article is a few thousand.
MAX_TEXT = 1_000_000


def before(text: str, end: int) -> str:
    """The words just before `end`, for rules anchored there."""
    return text[max(0, end - BEFORE) : end]


@dataclass
class Sentence:
    text: str
    index: int
    paragraph: int


@dataclass
class Article:
    headline: str | None = None
    published: str | None = None
    outlet: str | None = None
    author: str | None = None
    dateline: str | None = None  # the city the report was filed from
    dateline_country: str | None = None  # as the dateline names it: "KARACHI, Pakistan"
    sentences: list[Sentence] = field(default_factory=list)
    evidence: dict[str, str] = field(default_factory=dict)
    dateline_date: str | None = None  # as written: "Jan. 31", "14th Feb. 2024"
    year_from_clock: bool = False  # the publication date's year was not in the text: today's was taken


def parse(text: str, today: str, year_known: bool = False) -> Article:
    """Split an article into its publication details and its sentences.

    A page saved as text carries its chrome (menus, section names, bullets) and photo captions: before the
    body starts they are passed over, and a dateline found in the first paragraphs drops what came before it.
    `year_known`: `today` is the end of the month the article's URL names, not the clock's.
    """
    article = Article()
    if not year_known:
        today = when.year_reference(text, today)  # a year-less dateline takes the latest year the text names
    lines = _unwrapped([line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")])
    paragraphs: list[str] = []
    header = True
    for line in lines:
        if not line or _other_page(line):
            continue
        if header:
            line = _date_prefix(article, line)
            if not line or _header_line(article, line, today):
                continue
            if _CAPTION.search(line) or _same_words(line, article.headline):
                continue
            rest = _dateline(article, line, today)
            if rest != line:
                header = False
                if rest:
                    paragraphs.append(rest)
                continue
            if _chrome(line):
                continue
            if article.headline is None and not paragraphs and _looks_like_headline(line, lines):
                article.headline = line
                continue
            header = False
        elif len(paragraphs) < LATE_DATELINE:
            # a publication line or a dateline after a photo caption: the caption was not the article
            if _header_line(article, line, today):
                paragraphs = []
                continue
            if _same_words(line, article.headline) or _chrome(line) or _CAPTION.search(line):
                continue
            rest = _dateline(article, line, today, late=True) if article.dateline is None else line
            if rest != line:
                paragraphs = [rest] if rest else []
                continue
        line = _LIST_NUMBER.sub("", line)  # "4. Ministers agreed ...": a communiqué numbers its paragraphs
        if line:
            paragraphs.append(line)
    for number, paragraph in enumerate(_rejoined(paragraphs)):
        for piece in split_sentences(paragraph):
            article.sentences.append(Sentence(piece, len(article.sentences), number))
    return article


_WRAPPED = 50  # a hard-wrapped line is at least this long ...
_WRAP_WIDTH = 100  # ... and none is longer than this
_ENDS = (".", "!", "?", ":", "”", '"')


def _unwrapped(lines: list[str]) -> list[str]:
    """A text hard-wrapped at a fixed width (a plain-text archive, lines copied from a PDF) has each paragraph's
    lines joined: a line that is as long as a wrapped line and ends no sentence goes on in the line right after
    it ("Prime Ministers, Tigran Sargsyan and Nika" / "Gilauri, respectively, met"). Only where no line is
    longer than a wrapped one would be: a saved web page has each paragraph on one line."""
    widths = [len(line) for line in lines if len(line) >= _WRAPPED]
    if len(widths) < 3 or max(widths) > _WRAP_WIDTH:
        return lines
    joined: list[str] = []
    for line in lines:
        if line and joined and len(joined[-1]) >= _WRAPPED and not joined[-1].endswith(_ENDS):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


def _rejoined(paragraphs: list[str]) -> list[str]:
    """A sentence a saved page broke over lines ("Sailors from Chile, Peru, and" / "the United States began")
    is one again: a paragraph with no closing punctuation is joined to a next one that starts in lower case."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and paragraph[:1].islower() and not joined[-1].endswith(_ENDS):
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def _date_prefix(article: Article, line: str) -> str:
    """A "date 2021-08-26" prefix on the first line of a saved text: the publication date; the rest is text."""
    found = _DATE_PREFIX.match(line)
    if not found or _DATE_LINE.match(line):
        return line
    article.published, article.evidence["published"] = found.group(1), found.group(0).strip()
    return line[found.end() :].strip()


def _other_page(line: str) -> bool:
    """A line that belongs to the page around the report: a link to another story, a language menu."""
    words = line.lower().split()
    return bool(_OTHER_STORY.match(line)) or (len(words) >= 2 and all(w in _LANGUAGES for w in words))


def _same_words(line: str, headline: str | None) -> bool:
    """The headline again, as a page repeats it, its quotes perhaps of another style."""
    return headline is not None and line.translate(_QUOTES).split() == headline.translate(_QUOTES).split()


def _chrome(line: str) -> bool:
    """A page's navigation saved with its text: a bulleted item, a breadcrumb, a section name."""
    words = line.split()
    return (
        bool(_BULLET.match(line))
        or " > " in line
        or (len(words) <= 3 and not line.endswith((".", ":", "!", "?")))
        or (len(words) == 1 and line.endswith(":"))  # "Tagged:"
    )


def _header_line(article: Article, line: str, today: str) -> bool:
    found = _DATE_LINE.match(line)
    if found:
        article.published = found.group(1)
        article.evidence["published"] = line
        if found.group(2):
            article.outlet = found.group(2).strip()
            article.evidence["outlet"] = line
        return True
    found = _BYLINE.match(line)
    if found and not line.endswith("."):
        who = found.group(1).strip()
        if len(who.split()) == 1 and article.outlet is None:
            article.outlet, article.evidence["outlet"] = who, line
        else:
            author, _, outlet = who.partition(",")
            article.author, article.evidence["author"] = author.strip(), line
            if outlet.strip() and article.outlet is None:
                article.outlet, article.evidence["outlet"] = outlet.strip(), line
        return True
    found = _STAMP.match(line)
    if found:
        day, month, year, rest = found.groups()
        article.published = f"{year}-{int(month):02d}-{int(day):02d}"
        article.evidence["published"] = line
        return not rest or _header_line(article, rest, today) or not _dateline_rest(article, rest, today)
    stamped = when.stamp_date(line) if article.published is None and len(line) < 60 else None
    if stamped and not line.endswith("."):
        article.published, article.evidence["published"] = stamped, line
        return True
    if article.published is None and len(line) < 45 and not line.endswith("."):
        found = _PUBLISHED.match(line)
        stated = when.absolute_date(found.group(1), today) if found else None
        if stated and len(stated) == 10:
            article.published, article.evidence["published"] = stated, line
            article.year_from_clock = not re.search(r"\d{4}", line)
            return True
    return False


def _dateline_rest(article: Article, rest: str, today: str) -> bool:
    """The rest of a stamp line: a dateline, perhaps followed by the first sentence."""
    remainder = _dateline(article, rest, today)
    return bool(remainder)


def _titled(text: str) -> bool:
    """A headline's title case: no sentence's end, and most of its longer words capitalised."""
    words = [w for w in text.split() if len(w) > 3]
    return (
        len(words) >= 3
        and not text.rstrip().endswith((".", "!", "?"))
        and sum(w[0].isupper() for w in words) >= 0.75 * len(words)
    )


def _looks_like_headline(line: str, lines: list[str]) -> bool:
    return len(line) < 200 and not line.rstrip().endswith((".", "。")) and len([x for x in lines if x]) > 2


def _dateline(article: Article, line: str, today: str, late: bool = False) -> str:
    """Take the dateline off the first paragraph, noting its city, date and agency (past the first paragraph,
    only a dateline that names a date or an agency counts)."""
    for pattern in _DATELINES:
        found = pattern.match(line)
        if not found:
            continue
        parts = found.groupdict()
        if late and not (parts.get("date") or parts.get("outlet")):
            continue
        if pattern is _COLON_DATELINE and _titled(line[found.end() :]):
            continue  # "Kenya: Uhuru Kenyatta, Donald Trump Discuss Trade": a headline under its country's name
        place = (parts.get("place") or "").strip()
        article.dateline = (place.title() if place.isupper() else place) or None
        article.evidence["dateline"] = found.group(0).strip()
        article.dateline_country = parts.get("country") and parts["country"].title()
        if parts.get("outlet") and article.outlet is None:
            article.outlet, article.evidence["outlet"] = parts["outlet"].strip(), found.group(0).strip()
        article.dateline_date = parts.get("date")
        if parts.get("date") and article.published is None:
            stated = when.absolute_date(parts["date"], today)
            if stated and len(stated) == 10:
                article.published, article.evidence["published"] = stated, found.group(0).strip()
                article.year_from_clock = not re.search(r"\d{4}", parts["date"])
        return line[found.end() :].strip()
    return line


def split_sentences(paragraph: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for found in _SENTENCE_END.finditer(paragraph):
        last_word = re.findall(r"[\w.]+$", paragraph[max(start, found.start() - 40) : found.start() + 1])
        word = last_word[0].rstrip(".").lower() if last_word else ""
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or _INITIALS.fullmatch(word):
            continue
        pieces.append(paragraph[start : found.end()].strip())
        start = found.end()
    tail = paragraph[start:].strip()
    if tail:
        pieces.append(tail)
    return [cut for piece in pieces for cut in _bounded(piece)]


def _bounded(sentence: str) -> list[str]:
    """A run-on "sentence" (a list, a table flattened to text) in pieces of at most MAX_SENTENCE characters."""
    pieces = []
    while len(sentence) > MAX_SENTENCE:
        space = sentence.rfind(" ", MAX_SENTENCE // 2, MAX_SENTENCE)
        cut = space if space > 0 else MAX_SENTENCE
        pieces.append(sentence[:cut].strip())
        sentence = sentence[cut:].strip()
    return [*pieces, sentence] if sentence else pieces
