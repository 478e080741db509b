"""The watch loop with a FakeFetcher and a recording sink: what is fetched, stored, skipped,
retried and remembered across restarts. No network, no model."""

from __future__ import annotations

import pytest
from news_site import BRIDGE, DEPOT, PROTEST, article

from eventwire.errors import DocumentError
from eventwire.ingest.fetch import FakeFetcher, FetchError, Response
from eventwire.ingest.watch import WatchConfig, Watcher, WatchState

FEED = "https://courier.example/feed.rss"


def rss(*links: str, etag: str = '"v1"') -> object:
    items = "".join(f"<item><title>T {i}</title><link>{link}</link>"
                    f"<pubDate>Fri, 14 Mar 2025 07:00:00 GMT</pubDate></item>" for i, link in enumerate(links))
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>{items}</channel></rss>'

    def answer(seen_etag, last_modified):
        if seen_etag == etag:
            return Response(FEED, 304)
        return Response(FEED, 200, body.encode(), {"etag": etag})
    return answer


def page(url: str, text: str, **kw) -> Response:
    return Response(url, 200, article("Headline", text, **kw), {"content-type": "text/html; charset=utf-8"})


class Sink:
    """Stores documents in a list; `fail` names ids whose extraction fails. Like the real sink,
    a near-duplicate is kept with its link and gets no events."""

    def __init__(self, fail: set[str] = frozenset()):
        self.docs = []
        self.fail = fail

    def __call__(self, docs):
        self.docs.extend(docs)
        return [DocumentError(d.id, "internal error") if d.id in self.fail
                else 0 if d.duplicate_of else 2 for d in docs]

    def originals(self):
        return [d.id for d in self.docs if not d.duplicate_of]

    def links(self):
        return [(d.id, d.duplicate_of) for d in self.docs if d.duplicate_of]


def urls(n):
    return [f"https://courier.example/news/{i}" for i in range(n)]


@pytest.fixture
def state(tmp_path):
    with WatchState.open(tmp_path / "w.sqlite") as s:
        yield s


def make(fetcher, state, sink, **config):
    return Watcher([FEED], fetcher=fetcher, state=state, sink=sink,
                   config=WatchConfig(**config), clock=lambda: 1000.0)


def test_one_poll_fetches_and_stores_each_article(state):
    a, b, c = urls(3)
    fetcher = FakeFetcher({FEED: rss(a, b, c), a: page(a, DEPOT, published="2025-03-14T06:00:00Z"),
                           b: page(b, PROTEST), c: page(c, BRIDGE)})
    sink = Sink()
    stats = make(fetcher, state, sink).poll()
    assert [d.id for d in sink.docs] == [a, b, c]
    assert sink.docs[0].published == "2025-03-14"
    assert sink.docs[1].published == "2025-03-14"  # no date on the page: the feed entry's own
    assert sink.docs[0].source == "Courier" and sink.docs[0].text.startswith("Headline\nUnidentified drones")
    assert (stats.documents, stats.events, stats.duplicates, stats.failures) == (3, 6, 0, [])


def test_restart_fetches_nothing_it_has(tmp_path):
    a, b = urls(2)
    responses = {FEED: rss(a, b, etag='"v1"'), a: page(a, DEPOT), b: page(b, PROTEST)}
    with WatchState.open(tmp_path / "w.sqlite") as s:
        make(FakeFetcher(responses), s, Sink()).poll()
    # The feed changed (new ETag) and lists one more story; a new process starts.
    c = "https://courier.example/news/new"
    responses.update({FEED: rss(a, b, c, etag='"v2"'), c: page(c, BRIDGE)})
    fetcher, sink = FakeFetcher(responses), Sink()
    with WatchState.open(tmp_path / "w.sqlite") as s:
        make(fetcher, s, sink).poll()
    assert fetcher.calls[0] == (FEED, '"v1"', None)  # asked with the saved ETag
    assert fetcher.fetched() == [FEED, c]
    assert [d.id for d in sink.docs] == [c]


def test_unchanged_feed_costs_one_request(state):
    a = urls(1)[0]
    fetcher = FakeFetcher({FEED: rss(a), a: page(a, DEPOT)})
    watcher = make(fetcher, state, Sink())
    watcher.poll()
    watcher.poll()
    assert fetcher.fetched() == [FEED, a, FEED]
    assert watcher.stats.feeds_unchanged == 1


def test_wire_copy_is_linked_not_extracted_and_remembered_across_restarts(tmp_path):
    a, b, c = urls(3)
    wire = "VELDMAR (Wire) - " + DEPOT + " Reporting by an invented correspondent."
    with WatchState.open(tmp_path / "w.sqlite") as s:
        sink = Sink()
        stats = make(FakeFetcher({FEED: rss(a, b), a: page(a, DEPOT), b: page(b, wire)}), s, sink).poll()
        assert sink.originals() == [a] and sink.links() == [(b, a)]
        assert stats.duplicates == 1 and stats.events == 2
        assert s.duplicates() == [(b, a)]
    # After a restart, a third copy on another page is still recognised.
    with WatchState.open(tmp_path / "w.sqlite") as s:
        sink = Sink()
        fetcher = FakeFetcher({FEED: rss(a, b, c, etag='"v2"'), c: page(c, DEPOT + " Updated at noon.")})
        stats = make(fetcher, s, sink).poll()
        assert sink.originals() == [] and sink.links() == [(c, a)] and stats.duplicates == 1
        assert (c, a) in s.duplicates()


def test_without_dedup_copies_are_stored(state):
    a, b = urls(2)
    sink = Sink()
    make(FakeFetcher({FEED: rss(a, b), a: page(a, DEPOT), b: page(b, DEPOT)}), state, sink, dedup=False).poll()
    assert [d.id for d in sink.docs] == [a, b]


def test_failures_are_reported_and_the_rest_goes_on(state):
    a, b, c, d = urls(4)
    fetcher = FakeFetcher({
        FEED: rss(a, b, c, d),
        a: FetchError(a, "timed out", transient=True),
        b: Response(b, 200, b"<html><body><nav>menu</nav></body></html>"),
        c: FetchError(c, "robots.txt of courier.example disallows it"),
        d: page(d, BRIDGE),
    })
    sink = Sink()
    stats = make(fetcher, state, sink).poll()
    assert [x.id for x in sink.docs] == [d]
    assert [(e.where, e.message.split(" (")[0]) for e in stats.failures] == [
        (a, "timed out"), (b, "no article text found in the page"),
        (c, "robots.txt of courier.example disallows it")]
    # The timeout is retried on the next poll (the feed's ETag was not saved); the others are not.
    assert state.wants(a) and not state.wants(b) and not state.wants(c) and not state.wants(d)
    fetcher.responses[a] = page(a, DEPOT)
    make(fetcher, state, sink).poll()
    assert [x.id for x in sink.docs] == [d, a]


def test_transient_failures_give_up_after_three_tries(state):
    a = urls(1)[0]
    fetcher = FakeFetcher({FEED: rss(a), a: FetchError(a, "HTTP 503", transient=True)})
    watcher = make(fetcher, state, Sink())
    for _ in range(5):
        watcher.poll()
    assert fetcher.fetched().count(a) == 3


def test_extraction_failure_is_counted_and_not_marked_stored(state):
    a, b = urls(2)
    sink = Sink(fail={a})
    stats = make(FakeFetcher({FEED: rss(a, b), a: page(a, DEPOT), b: page(b, PROTEST)}), state, sink).poll()
    assert stats.documents == 1 and [e.where for e in stats.failures] == [a]


def test_failing_feed_backs_off_exponentially(state):
    now = [1000.0]
    fetcher = FakeFetcher({FEED: FetchError(FEED, "HTTP 500", transient=True)})
    watcher = Watcher([FEED], fetcher=fetcher, state=state, sink=Sink(),
                      config=WatchConfig(every=60), clock=lambda: now[0])
    asked = []
    for _ in range(12):
        before = len(fetcher.calls)
        watcher.poll()
        asked.append(len(fetcher.calls) > before)
        now[0] += 60
    # Tries at t=0, then after 60, 120, 240 s: polls 0, 1, 3, 7 (then 15, beyond this loop).
    assert [i for i, a in enumerate(asked) if a] == [0, 1, 3, 7]
    assert "failure 4 in a row" in watcher.stats.failures[-1].message
    fetcher.responses[FEED] = rss()
    now[0] += 10_000
    watcher.poll()
    assert state.feed(FEED)[2] == 0  # a success resets the count


def test_malformed_feed_is_one_error(state):
    fetcher = FakeFetcher({FEED: Response(FEED, 200, b"\x00\x01 this is no feed")})
    stats = make(fetcher, state, Sink()).poll()
    assert [e.where for e in stats.failures] == [FEED]
    assert "not an RSS or Atom feed" in stats.failures[0].message


def test_max_pages_leaves_the_rest_for_the_next_poll(state):
    links = urls(5)
    responses = {FEED: rss(*links)} | {u: page(u, f"Story {i}. " + [DEPOT, PROTEST, BRIDGE][i % 3] + f" Item {i}.")
                                       for i, u in enumerate(links)}
    fetcher, sink = FakeFetcher(responses), Sink()
    watcher = make(fetcher, state, sink, max_pages=2, dedup=False)
    watcher.poll()
    assert len(sink.docs) == 2
    watcher.poll()  # the ETag was not saved, so the feed is read again and two more follow
    watcher.poll()
    assert [d.id for d in sink.docs] == links
    assert fetcher.fetched().count(FEED) == 3


def test_entry_without_page_but_with_text_in_the_feed(state):
    body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>C</title><item><title>T</title>'
            f"<guid>urn:x:1</guid><description>{PROTEST}</description></item></channel></rss>")
    sink = Sink()
    make(FakeFetcher({FEED: Response(FEED, 200, body.encode())}), state, sink).poll()
    assert [(d.id, d.text) for d in sink.docs] == [("urn:x:1", PROTEST)]
