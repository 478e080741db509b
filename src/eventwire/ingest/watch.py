"""Watch news feeds: poll them, fetch their new articles, hand the documents on (`eventwire watch`).

    with WatchState.open("events.duckdb.watch.sqlite") as state:
        watcher = Watcher(feeds, fetcher=HttpxFetcher(), state=state, sink=store_sink(store))
        watcher.run(every=300)           # or watcher.poll() once

Each poll asks every feed with its last ETag and Last-Modified (an unchanged feed answers 304
and costs nothing), fetches the pages of entries not seen before, reads them like any page
(`html.read_page`; the entry's own date when the page states none), links near-duplicates to
their originals (`dedup.py`) and gives the new documents to the sink, which extracts and
stores them. A feed that fails waits `every * 2**failures` (at most `max_backoff`) before its
next try.

What was seen is kept in a small SQLite file beside the database (`WatchState`): each feed's
validators and failures, and each article URL with its outcome and MinHash fingerprint. So a
restarted watch fetches no page it already has, and still knows which stories it has stored.
A page is marked seen only after the sink has stored it, and a feed's validators are saved only
once all its new entries are handled: a crash costs some refetching, never a lost article.
Pages that failed for a passing reason (timeout, 5xx) are tried again, up to `MAX_ATTEMPTS`.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from urllib.parse import urldefrag

import numpy as np

from eventwire.errors import DocumentError
from eventwire.ingest.dedup import NearDuplicates
from eventwire.ingest.documents import DEFAULT_MAX_CHARS, DocumentReader
from eventwire.ingest.feeds import FeedEntry, FeedError, read_feed
from eventwire.ingest.fetch import FetchError, Fetcher
from eventwire.ingest.html import Page, PageError, read_page
from eventwire.records import Document

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3  # tries of a page that keeps failing for a passing reason
BATCH = 16  # documents handed to the sink at once (one extraction batch, one transaction)

# What the sink says about each document it was given: its number of events, or why it failed.
Outcome = int | DocumentError
Sink = Callable[[Sequence[Document]], Sequence[Outcome]]


class Reporter(Protocol):
    """Where a watch reports as it goes (the CLI's progress bar and error lines)."""

    def document(self, doc: Document, n_events: int) -> None: ...
    def duplicate(self, doc: Document) -> None: ...
    def failed(self, error: DocumentError) -> None: ...
    def status(self, message: str) -> None: ...


class _Silent:
    def document(self, doc: Document, n_events: int) -> None: pass
    def duplicate(self, doc: Document) -> None: pass
    def failed(self, error: DocumentError) -> None: pass
    def status(self, message: str) -> None: pass


@dataclass
class WatchStats:
    polls: int = 0
    feeds_changed: int = 0
    feeds_unchanged: int = 0  # 304, or the same bytes
    feeds_waiting: int = 0  # backing off after errors
    pages_fetched: int = 0
    documents: int = 0
    duplicates: int = 0
    events: int = 0
    failures: list[DocumentError] = field(default_factory=list)


class WatchState:
    """What a watch has seen, in SQLite: feeds' validators and failures, article URLs."""

    SCHEMA = """
    CREATE TABLE IF NOT EXISTS feeds (
        url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT,
        failures INTEGER NOT NULL DEFAULT 0, next_poll REAL NOT NULL DEFAULT 0,
        last_error TEXT, last_polled REAL);
    CREATE TABLE IF NOT EXISTS pages (
        url TEXT PRIMARY KEY, feed TEXT, doc_id TEXT,
        status TEXT NOT NULL,            -- stored | duplicate | failed
        duplicate_of TEXT, error TEXT, attempts INTEGER NOT NULL DEFAULT 0,
        transient INTEGER NOT NULL DEFAULT 0, signature BLOB, seen_at REAL);
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        conn.executescript(self.SCHEMA)

    @classmethod
    def open(cls, path: str | Path) -> WatchState:
        conn = sqlite3.connect(str(path), timeout=30, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        return cls(conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> WatchState:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def feed(self, url: str) -> tuple[str | None, str | None, int, float]:
        row = self.conn.execute("SELECT etag, last_modified, failures, next_poll FROM feeds "
                                "WHERE url = ?", (url,)).fetchone()
        return tuple(row) if row else (None, None, 0, 0.0)

    def feed_ok(self, url: str, etag: str | None, last_modified: str | None, now: float) -> None:
        self.conn.execute(
            "INSERT INTO feeds (url, etag, last_modified, failures, next_poll, last_error, last_polled) "
            "VALUES (?, ?, ?, 0, 0, NULL, ?) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "
            "last_modified = excluded.last_modified, failures = 0, next_poll = 0, last_error = NULL, "
            "last_polled = excluded.last_polled", (url, etag, last_modified, now))

    def feed_failed(self, url: str, error: str, next_poll: float, now: float) -> int:
        """Record a failure; the number of failures in a row."""
        self.conn.execute(
            "INSERT INTO feeds (url, failures, next_poll, last_error, last_polled) VALUES (?, 1, ?, ?, ?) "
            "ON CONFLICT (url) DO UPDATE SET failures = feeds.failures + 1, next_poll = excluded.next_poll, "
            "last_error = excluded.last_error, last_polled = excluded.last_polled",
            (url, next_poll, error, now))
        return self.feed(url)[2]

    def wants(self, url: str) -> bool:
        """Whether the page at `url` is still to be fetched: never seen, or failed for a passing
        reason fewer than `MAX_ATTEMPTS` times."""
        row = self.conn.execute("SELECT status, attempts, transient FROM pages WHERE url = ?",
                                (url,)).fetchone()
        return row is None or (row[0] == "failed" and bool(row[2]) and row[1] < MAX_ATTEMPTS)

    def page_done(self, url: str, feed: str, doc: Document, now: float,
                  signature: np.ndarray | None) -> None:
        status = "duplicate" if doc.duplicate_of else "stored"
        blob = signature.astype("<u4").tobytes() if signature is not None else None
        self.conn.execute(
            "INSERT OR REPLACE INTO pages (url, feed, doc_id, status, duplicate_of, error, attempts, "
            "transient, signature, seen_at) VALUES (?, ?, ?, ?, ?, NULL, 0, 0, ?, ?)",
            (url, feed, doc.id, status, doc.duplicate_of, blob, now))

    def page_failed(self, url: str, feed: str, error: str, transient: bool, now: float) -> None:
        self.conn.execute(
            "INSERT INTO pages (url, feed, status, error, attempts, transient, seen_at) "
            "VALUES (?, ?, 'failed', ?, 1, ?, ?) ON CONFLICT (url) DO UPDATE SET status = 'failed', "
            "error = excluded.error, attempts = pages.attempts + 1, transient = excluded.transient, "
            "seen_at = excluded.seen_at", (url, feed, error, int(transient), now))

    def signatures(self) -> Iterable[tuple[str, np.ndarray]]:
        """(doc id, fingerprint) of every stored (not duplicate) page."""
        for doc_id, blob in self.conn.execute(
                "SELECT doc_id, signature FROM pages WHERE status = 'stored' AND signature IS NOT NULL"):
            yield doc_id, np.frombuffer(blob, dtype="<u4").astype(np.uint32)

    def duplicates(self) -> list[tuple[str, str]]:
        """(page URL, id of the document it repeats) of every page found to be a near-duplicate."""
        return self.conn.execute("SELECT url, duplicate_of FROM pages WHERE status = 'duplicate' "
                                 "ORDER BY url").fetchall()

    def transaction(self):
        return _Transaction(self.conn)


class _Transaction:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, *exc) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")


@dataclass(frozen=True)
class WatchConfig:
    every: float = 300.0  # seconds between polls
    max_pages: int | None = None  # new pages fetched per poll, over all feeds
    max_backoff: float = 6 * 3600.0
    max_chars: int = DEFAULT_MAX_CHARS
    dedup: bool = True


class Watcher:
    """Polls `feeds` (see the module's docstring)."""

    def __init__(self, feeds: Sequence[str], *, fetcher: Fetcher, state: WatchState, sink: Sink,
                 config: WatchConfig | None = None, reporter: Reporter | None = None,
                 clock: Callable[[], float] = time.time, sleep: Callable[[float], None] = time.sleep):
        self.feeds = list(dict.fromkeys(feeds))
        self.fetcher, self.state, self.sink = fetcher, state, sink
        self.config = config or WatchConfig()
        self.report = reporter or _Silent()
        self.clock, self.sleep = clock, sleep
        self.stats = WatchStats()
        self.seen = NearDuplicates()
        self.seen.add_all(state.signatures())
        self._checker = DocumentReader(None, self.config.max_chars)

    def run(self, once: bool = False) -> WatchStats:
        """Poll until interrupted (KeyboardInterrupt propagates), or once."""
        while True:
            started = self.clock()
            self.poll()
            if once:
                return self.stats
            wait = max(0.0, self.config.every - (self.clock() - started))
            self.report.status(f"next poll in {wait:,.0f} s")
            self.sleep(wait)

    def poll(self) -> WatchStats:
        """One poll of every feed that is not backing off."""
        self.stats.polls += 1
        budget = [self.config.max_pages if self.config.max_pages is not None else 1 << 62]
        for feed in self.feeds:
            self._poll_feed(feed, budget)
        return self.stats

    # -- one feed --------------------------------------------------------------------------

    def _poll_feed(self, feed: str, budget: list[int]) -> None:
        etag, last_modified, failures, next_poll = self.state.feed(feed)
        now = self.clock()
        if next_poll > now:
            self.stats.feeds_waiting += 1
            self.report.status(f"{feed}: backing off, next try in {next_poll - now:,.0f} s")
            return
        self.report.status(f"polling {feed}")
        try:
            response = self.fetcher.fetch(feed, etag=etag, last_modified=last_modified)
            if response.status == 304:
                self.stats.feeds_unchanged += 1
                self.state.feed_ok(feed, etag, last_modified, now)
                return
            parsed = read_feed(response.content)
        except (FetchError, FeedError) as e:
            message = e.message if isinstance(e, FetchError) else str(e)
            wait = min(self.config.every * 2 ** failures, self.config.max_backoff)
            n = self.state.feed_failed(feed, message, now + wait, now)
            self._fail(DocumentError(feed, f"{message} (failure {n} in a row; next try in {wait:,.0f} s)"))
            return
        self.stats.feeds_changed += 1
        if parsed.problem:
            log.warning("%s: malformed feed, read as far as it goes (%s)", feed, parsed.problem)
        complete = self._entries(feed, parsed.title, parsed.entries, budget)
        if complete:  # else: keep the old validators, so the next poll sees the rest
            self.state.feed_ok(feed, response.headers.get("etag"),
                               response.headers.get("last-modified"), now)

    def _entries(self, feed: str, feed_title: str | None, entries: Sequence[FeedEntry],
                 budget: list[int]) -> bool:
        """Fetch, read and hand on the new entries; whether all of them were handled."""
        complete = True
        batch: list[tuple[str, Document]] = []
        for entry in entries:
            key = urldefrag(entry.link)[0] if entry.link else entry.id
            if not key or not self.state.wants(key):
                continue
            if budget[0] <= 0:
                complete = False
                break
            budget[0] -= 1
            doc = self._document(feed, feed_title, key, entry)
            if doc is None:
                complete = False if self.state.wants(key) else complete
                continue
            batch.append((key, doc))
            if len(batch) >= BATCH:
                self._hand_on(feed, batch)
                batch = []
        if batch:
            self._hand_on(feed, batch)
        return complete

    def _document(self, feed: str, feed_title: str | None, key: str,
                  entry: FeedEntry) -> Document | None:
        """The entry's article as a document, or None (the failure is recorded and reported)."""
        now = self.clock()
        page: Page | None = None
        if entry.link:
            try:
                response = self.fetcher.fetch(entry.link)
                self.stats.pages_fetched += 1
                page = read_page(response.content, url=response.url, charset=response.charset)
            except FetchError as e:
                if entry.text and not e.transient:
                    log.warning("%s: %s; using the feed's text instead", key, e.message)
                else:
                    self.state.page_failed(key, feed, e.message, e.transient, now)
                    self._fail(DocumentError(key, e.message))
                    return None
            except PageError as e:
                if not entry.text:
                    self.state.page_failed(key, feed, str(e), False, now)
                    self._fail(DocumentError(key, str(e)))
                    return None
        if page is not None:
            text, doc_id = page.text, page.url or key
            meta = {"published": page.published or entry.published, "title": page.title or entry.title,
                    "url": page.url or key, "source": page.source or feed_title or page.host,
                    "author": page.author or entry.author}
        else:
            text, doc_id = entry.text, key
            meta = {"published": entry.published, "title": entry.title, "url": entry.link,
                    "source": feed_title, "author": entry.author}
        doc = self._checker.document(key, doc_id, text, len(text.encode("utf-8")), meta)
        if isinstance(doc, DocumentError):
            self.state.page_failed(key, feed, doc.message, False, now)
            self._fail(doc)
            return None
        return doc

    def _hand_on(self, feed: str, batch: list[tuple[str, Document]]) -> None:
        """Link duplicates, give the documents to the sink (which stores a duplicate with its
        link, without extracting it), then record every page as seen."""
        now = self.clock()
        checked = [(key, self.seen.check(doc) if self.config.dedup else doc) for key, doc in batch]
        docs = [doc for _, doc in checked]
        outcomes = self.sink(docs) if docs else []
        with self.state.transaction():
            for (key, doc), outcome in zip(checked, outcomes, strict=True):
                if isinstance(outcome, DocumentError):
                    self.state.page_failed(key, feed, outcome.message, False, now)
                    self._fail(outcome)
                    continue
                if doc.duplicate_of:
                    self.stats.duplicates += 1
                    self.report.duplicate(doc)
                    self.state.page_done(key, feed, doc, now, None)
                    continue
                self.stats.documents += 1
                self.stats.events += outcome
                self.report.document(doc, outcome)
                self.state.page_done(key, feed, doc, now,
                                     self.seen.signature(doc.text) if self.config.dedup else None)

    def _fail(self, error: DocumentError) -> None:
        self.stats.failures.append(error)
        self.report.failed(error)


def store_sink(store, batch_size: int = BATCH) -> Sink:
    """The sink of `eventwire watch`: `store.ingest.extract_and_store` (one transaction per
    call): a document stored before with the same content is not extracted again (0 events), a
    near-duplicate is stored linked to its original, without events."""
    from eventwire.store.ingest import extract_and_store

    def sink(docs: Sequence[Document]) -> list[Outcome]:
        return [o.error or o.events for o in extract_and_store(store, docs, batch_size)]

    return sink
