"""Web pages in: fetch an article's URL (bounded) or read saved HTML, and take out its text and details.

The extraction (main text without navigation, cookie banners or related links; title, author, site
name and publication date from <meta>, JSON-LD and the page) is trafilatura's, with htmldate for the
date; both are imported only here, and only when HTML is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InvalidInput, RelationsError

TIMEOUT = 20.0  # seconds for the whole response to start arriving
MAX_BYTES = 5_000_000  # a page larger than this is refused
_URL = re.compile(r"^https?://", re.I)
_HTML = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
# "/2019/11/17/", "/2019-11-17", "/20191117/": a date in the path counts when nothing better is found.
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])/")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=[/._-]|$)")


class FetchFailed(RelationsError):
    """The page could not be had: the network, the server or the page itself failed (exit 1)."""


@dataclass
class Page:
    text: str  # the article's text, its title first
    title: str | None
    author: str | None
    site: str | None
    published: str | None
    evidence: str  # where the publication date came from


def is_url(source: str) -> bool:
    return bool(_URL.match(source))


def looks_like_html(data: bytes, name: str = "") -> bool:
    return name.lower().endswith((".html", ".htm", ".xhtml")) or bool(_HTML.match(data[:2048]))


def date_in_url(url: str | None) -> str | None:
    found = _URL_DATE.search(url or "")
    return "-".join(found.groups()) if found else None


def month_in_url(url: str | None) -> str | None:
    """ "/2018/01/": the month, for an article whose text and page give no day."""
    found = _URL_MONTH.search(url or "")
    return "-".join(found.groups()) if found else None


# A government's own site: "foreign.gov.tt", "www.gov.uk", "mofa.go.jp", "www.mfa.gov.tr"; "state.gov" (no
# country code) is the United States'.
_GOVERNMENT_HOST = re.compile(
    r"^https?://(?:[\w-]+\.)*?(?:gov|go|gob|gouv|govt|gv|mil)\.(?P<cc>[a-z]{2})(?::\d+)?(?:/|$)|"
    r"^https?://(?:[\w-]+\.)*(?P<us>gov|mil)(?::\d+)?(?:/|$)",
    re.I,
)


def government_of(url: str | None) -> str | None:
    """The alpha-2 code ("TT", "UK" read as "GB") of the country whose government publishes at this URL."""
    found = _GOVERNMENT_HOST.match(url or "")
    if not found:
        return None
    code = (found.group("cc") or "us").upper()
    return "GB" if code == "UK" else code


def fetch(url: str) -> bytes:
    """The page's bytes: at most MAX_BYTES, within TIMEOUT; any failure names the URL."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "relations (+https://example.org/relations)"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            data: bytes = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as e:
        raise FetchFailed(f"{url}: the server answered {e.code} {e.reason}") from None
    except urllib.error.URLError as e:
        raise FetchFailed(f"{url}: could not fetch it ({e.reason})") from None
    except TimeoutError:
        raise FetchFailed(f"{url}: no answer within {TIMEOUT:g} seconds") from None
    except (OSError, ValueError) as e:
        raise FetchFailed(f"{url}: could not fetch it ({e})") from None
    if len(data) > MAX_BYTES:
        raise FetchFailed(f"{url}: the page is larger than {MAX_BYTES:,} bytes")
    return data


def read_html(data: bytes, url: str | None, name: str) -> Page:
    """The article in a page: main text, title, author, site name and publication date."""
    import trafilatura

    if len(data) > MAX_BYTES:
        raise InvalidInput(f"{name}: the page is larger than {MAX_BYTES:,} bytes")
    found = trafilatura.bare_extraction(
        data,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    doc = found.as_dict() if found is not None and hasattr(found, "as_dict") else (found or {})
    body = (doc.get("text") or "").strip()
    if not body:
        raise InvalidInput(f"{name}: no article text found in the page")
    title = (doc.get("title") or "").strip() or None
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    published, evidence = doc.get("date"), "the page's metadata"
    if not published and date_in_url(url):
        published, evidence = date_in_url(url), f"the date in the URL: {url}"
    paragraphs = "\n\n".join(line.strip() for line in body.splitlines() if line.strip())
    return Page(paragraphs, title, doc.get("author") or None, doc.get("sitename") or None, published, evidence)
