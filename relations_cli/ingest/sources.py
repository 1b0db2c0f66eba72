"""Where an article comes from: a text file, an HTML file, `-` (either), or an http(s) URL."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..errors import InvalidInput
from ..inputs import read_bytes
from . import web


@dataclass
class Source:
    name: str  # as the user gave it ("stdin" for -)
    text: str
    url: str | None = None  # the page's address: the URL read, or --url
    published: str | None = None  # from the page's metadata or its URL
    outlet: str | None = None
    author: str | None = None
    evidence: dict[str, str] = field(default_factory=dict)

    def text_hash(self) -> str:
        """What recognises an article already stored, whatever date it would resolve to today."""
        return hashlib.sha256(" ".join(self.text.split()).encode()).hexdigest()[:16]


def load(source: str, url: str | None) -> Source:
    """Read one source; a URL is fetched (exit 1 when that fails), HTML is reduced to the article."""
    name = "stdin" if source == "-" else source
    if web.is_url(source):
        return _page(web.read_html(web.fetch(source), source, source), source, source)
    data = read_bytes(source)
    if web.looks_like_html(data, source):
        return _page(web.read_html(data, url, name), name, url)
    try:
        return Source(name, data.decode("utf-8-sig"), url)
    except UnicodeDecodeError as e:
        raise InvalidInput(f"{source} is not UTF-8 text (byte {e.start})") from None


def _page(page: web.Page, name: str, url: str | None) -> Source:
    evidence = {"published": page.evidence} if page.published else {}
    return Source(name, page.text, url, page.published, page.site, page.author, evidence)
