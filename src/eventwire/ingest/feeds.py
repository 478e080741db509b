"""Read RSS and Atom feeds (feedparser) into their entries.

    feed = read_feed(data)                    # bytes; FeedError if it is not a feed
    for entry in feed.entries:
        entry.link, entry.title, entry.published, entry.text

`entry.text` is the entry's full content if the feed carries it, else its summary, as plain text
(HTML removed, paragraphs on their own lines); empty when the feed gives only a title and a
link, which `eventwire watch` follows and a file reader skips with a warning. `published` is the
entry's publication (or, lacking one, update) date as the feed states it, YYYY-MM-DD in the
time zone the feed gives.

feedparser reads malformed feeds as far as they go: a feed with a syntax error still yields
the entries before it (`feed.problem` says what was wrong); one that yields nothing is a
`FeedError`. It is always given bytes, never a URL: nothing here touches the network.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import datetime, timezone

from eventwire.ingest.html import day_of, html_to_text

MAX_FEED_BYTES = 20_000_000


@dataclass(frozen=True)
class FeedEntry:
    link: str | None
    id: str | None
    title: str | None
    published: str | None
    text: str
    author: str | None = None


@dataclass(frozen=True)
class Feed:
    title: str | None
    entries: list[FeedEntry] = field(default_factory=list)
    problem: str | None = None  # a syntax error feedparser read past


class FeedError(ValueError):
    """Bytes that are not an RSS or Atom feed; the message says why."""


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of a file look like RSS or Atom (not XHTML)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048].lower()
    if b"<html" in start or b"<!doctype html" in start:
        return False
    return start.startswith(b"<?xml") or b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start


def read_feed(data: bytes, max_bytes: int = MAX_FEED_BYTES) -> Feed:
    import feedparser  # imported here: only feed input needs it

    if len(data) > max_bytes:
        raise FeedError(f"feed is {len(data) / 1_000_000:.1f} MB, over the "
                        f"{max_bytes / 1_000_000:.0f} MB limit")
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    problem = None
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        problem = f"{type(exc).__name__}: {exc}" if exc else "malformed"
        # An undeclared or misdeclared encoding that feedparser worked around is no problem.
        if type(exc).__name__ in ("CharacterEncodingOverride", "NonXMLContentType"):
            problem = None
    entries = [_entry(e) for e in parsed.entries]
    entries = [e for e in entries if e.link or e.text]
    if not entries and not parsed.get("version"):
        raise FeedError("not an RSS or Atom feed" + (f" ({problem})" if problem else ""))
    title = parsed.feed.get("title") if parsed.get("feed") else None
    return Feed(title=" ".join(title.split()) if title else None, entries=entries, problem=problem)


def _entry(e) -> FeedEntry:
    content = e.get("content") or []
    bodies = [c.get("value", "") for c in content] or [e.get("summary", "")]
    text = "\n".join(t for t in (html_to_text(b or "") for b in bodies) if t)
    title = e.get("title")
    return FeedEntry(
        link=e.get("link") or None,
        id=e.get("id") or None,
        title=" ".join(title.split()) if title else None,
        published=(day_of(e.get("published")) or day_of(e.get("updated"))
                   or _date(e.get("published_parsed") or e.get("updated_parsed"))),
        text=text,
        author=e.get("author") or None,
    )


def _date(parsed) -> str | None:
    """feedparser's UTC struct_time as YYYY-MM-DD."""
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc).date().isoformat()
    except (OverflowError, ValueError, OSError):
        return None
