"""Read a news page's HTML into its article text and the metadata the page states.

    page = read_page(data, url="https://news.example/a", charset="utf-8")   # or a DocumentError
    page.text, page.title, page.published, page.author, page.url, page.source

The body, title and author come from trafilatura (boilerplate, menus and comments removed). The
publication date does not: trafilatura's date search also reads dates out of the running text
("Last updated: ..." in a footer), which is a guess. `published` is only what the page states as
its date, in this order: publication meta tags (`article:published_time`, `datePublished`,
Dublin Core, ...), JSON-LD `datePublished`, a `<time datetime>` marked as the publication time or
heading an `<article>`, and a date in the URL's path (`/2025/03/14/`). A page stating none has
`published` None.

Bytes are decoded with the charset the server declared, then the page's `<meta charset>`, then
UTF-8, then a detected charset; a declared charset that is wrong or unknown falls through to the
next, so it never stops a page from being read.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

MAX_PAGE_BYTES = 5_000_000  # a news page is far smaller; anything bigger is not an article
MIN_WORDS = 5  # fewer words than this is no article

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# <meta> names and properties that state when the article was published (lowercased).
_DATE_META = frozenset([
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "pubdate", "publishdate", "publish-date", "publish_date", "published_time", "date",
    "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued",
    "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
    "citation_publication_date", "citation_date", "original-publish-date",
])
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=/|[-_.]|$)")
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')


@dataclass(frozen=True)
class Page:
    """What a news page says: its article text and the metadata it states (None if it doesn't)."""

    text: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD, as stated by the page
    author: str | None = None
    url: str | None = None  # the canonical URL the page names, else the URL it was read from
    source: str | None = None  # the site's name, if the page states one
    host: str | None = None  # the host name of `url`


class PageError(ValueError):
    """A page that has no article to read; the message says why."""


def read_page(data: bytes, *, url: str | None = None, charset: str | None = None,
              max_bytes: int = MAX_PAGE_BYTES) -> Page:
    """The article of an HTML page given as bytes; `PageError` if there is none.

    `url` is where the page came from (its canonical URL, if it names one, wins); `charset` is
    the one the server declared, if any."""
    if len(data) > max_bytes:
        raise PageError(f"page is {len(data) / 1_000_000:.1f} MB, over the "
                        f"{max_bytes / 1_000_000:.0f} MB limit for one page")
    return parse_page(decode(data, charset), url=url)


def parse_page(html: str, *, url: str | None = None) -> Page:
    """The article of an HTML page given as text; `PageError` if there is none."""
    import trafilatura  # imported here: it takes a second, and only HTML input needs it
    from lxml import html as lxml_html

    if not html.strip():
        raise PageError("empty page")
    html = html.replace("\x00", "")
    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_images=False,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except (ValueError, TypeError) as e:  # lxml refusing a document that is not markup at all
        raise PageError(f"not readable as HTML ({e})") from None
    text = (result.text or "").strip() if result is not None else ""
    if len(text.split()) < MIN_WORDS:  # a menu or a caption that the fallback extractors kept
        raise PageError("no article text found in the page (not an article, or all boilerplate)")
    canonical = result.url if _is_web_url(result.url) else None
    try:
        tree = lxml_html.document_fromstring(html)
    except (ValueError, TypeError):
        tree = None
    published = _stated_date(tree, canonical or url) if tree is not None else None
    host = _clean(result.hostname)
    sitename = _clean(result.sitename)
    return Page(text=text, title=_clean(result.title), published=published,
                author=_clean(result.author), url=canonical or url,
                source=sitename if sitename != host else None, host=host)


def decode(data: bytes, declared: str | None = None) -> str:
    """HTML bytes as text: byte order mark, declared charset, `<meta charset>`, UTF-8, detected.

    A charset that is unknown or that the bytes contradict is skipped, never fatal."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    meta = _META_CHARSET.search(data[:4096])
    candidates = [declared, meta.group(1).decode("ascii", "replace") if meta else None, "utf-8"]
    for encoding in candidates:
        if not encoding:
            continue
        try:
            return data.decode(_codec(encoding))
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return data.decode("windows-1252", errors="replace")


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content), paragraphs on their own lines."""
    from lxml import etree
    from lxml import html as lxml_html

    if "<" not in fragment:
        return _squeeze(fragment)
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, etree.ParserError):
        return _squeeze(re.sub(r"<[^>]*>", " ", fragment))
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.xpath(".//p|.//div|.//li|.//h1|.//h2|.//h3|.//h4|.//blockquote|.//tr"):
        block.tail = "\n" + (block.tail or "")
    return _squeeze(root.text_content())


def _squeeze(text: str) -> str:
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _codec(name: str) -> str:
    """A charset label as Python's codec name, with the WHATWG rule that ISO-8859-1 means
    Windows-1252 (what servers and pages that say Latin-1 actually send)."""
    codec = codecs.lookup(name.strip().strip("'\"")).name
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else None
    return value or None


def _is_web_url(url: str | None) -> bool:
    return bool(url) and urlsplit(url).scheme in ("http", "https") and bool(urlsplit(url).netloc)


def _stated_date(tree, url: str | None) -> str | None:
    """The publication date the page states (see the module's docstring), as YYYY-MM-DD."""
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _DATE_META and (day := day_of(meta.get("content"))):
            return day
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        for value in _JSONLD_DATE.findall(script.text or ""):
            if day := day_of(value):
                return day
    for time in tree.xpath('//time[@datetime][@pubdate or @itemprop="datePublished"]'
                           '|//article//time[@datetime]|//header//time[@datetime]'):
        if day := day_of(time.get("datetime")):
            return day
    if url and (m := _URL_DATE.search(urlsplit(url).path)):
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    return None


def day_of(value: str | None) -> str | None:
    """The calendar date of an ISO 8601 or RFC 2822 timestamp, in its own time zone."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:  # "2025-03-14 08:00 CET" and other near-ISO forms: the date part
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None
