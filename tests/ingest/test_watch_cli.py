"""`eventwire watch`, `extract` and `ingest` as a user runs them, against a news site on loopback:
the real model, the real store, subprocesses. A second `watch --once` fetches no page again."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from news_site import BRIDGE, DEPOT, FIXTURES, PROTEST, article, gzip_bomb

from eventwire.store import open_store

pytestmark = pytest.mark.model


def eventwire(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([sys.executable, "-m", "eventwire.cli", *args], input=stdin,
                          capture_output=True, timeout=300)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode(), proc.stderr.decode())


@pytest.fixture
def news(site):
    """A feed of three good stories, a wire copy, and one each of every way a page can fail."""
    site.add("/news/depot", article("Drones hit Veldmar fuel depot", DEPOT, published="2025-03-14T06:00:00Z"))
    site.add("/news/protest", article("Brenn protest dispersed", PROTEST))
    site.add("/news/bridge", article("Oster bridge reopens", BRIDGE))
    site.add("/news/depot-wire", article("Veldmar depot hit", "VELDMAR (Wire) - " + DEPOT))
    site.add("/private/leak", article("Leak", PROTEST))
    site.add("/news/slow", article("Slow", BRIDGE), delay=2.0)
    site.add("/news/down", "oops", status=500)
    site.add("/news/loop", status=302, headers={"Location": "/news/loop2"})
    site.add("/news/loop2", status=302, headers={"Location": "/news/loop"})
    site.add("/news/bomb", gzip_bomb(20_000_000), headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
    site.add("/news/moved", status=301, headers={"Location": "/news/bridge"})
    feed = site.feed("/feed.rss", [
        ("Depot", "/news/depot"), ("Protest", "/news/protest"), ("Bridge", "/news/bridge"),
        ("Wire", "/news/depot-wire"), ("Leak", "/private/leak"), ("Slow", "/news/slow"),
        ("Down", "/news/down"), ("Loop", "/news/loop"), ("Bomb", "/news/bomb")])
    return feed


def watch(feed, db, *extra):
    return eventwire("watch", feed, "--db", str(db), "--once", "--delay", "0", "--timeout", "0.5",
                     "--max-page-mb", "1", *extra)


def test_watch_once_then_again_fetches_nothing_twice(site, news, tmp_path):
    db = tmp_path / "events.duckdb"
    first = watch(news, db)
    assert first.returncode == 1, first.stderr  # some pages failed
    assert "Traceback" not in first.stderr
    lines = first.stderr.splitlines()
    assert "4 documents read, 1 skipped as duplicates, 5 failed" in first.stderr, first.stderr
    assert any(line.startswith(f"duplicate: {site.url('/news/depot-wire')}: nearly repeats "
                               f"{site.url('/news/depot')}") for line in lines)
    errors = [line for line in lines if line.startswith("error: ")]
    for path, reason in [("/private/leak", "disallows"), ("/news/slow", "timed out"),
                         ("/news/down", "HTTP 500"), ("/news/loop", "redirect loop"),
                         ("/news/bomb", "over the 1 MB limit (decompressed)")]:
        assert any(site.url(path) in e and reason in e for e in errors), (path, errors)
    with open_store(str(db)) as store:
        docs = store.documents().set_index("id")
        n_events = store.counts()["events"]
        with_events = {e["doc_id"] for e in store.event_records()}
    originals = {site.url(p) for p in ("/news/depot", "/news/protest", "/news/bridge")}
    wire = site.url("/news/depot-wire")
    assert set(docs.index) == originals | {wire}  # the wire copy is kept, linked, without events
    assert docs.loc[wire, "duplicate_of"] == site.url("/news/depot") and docs.loc[wire, "n_events"] == 0
    assert wire not in with_events and with_events <= originals
    assert n_events > 0
    assert f"{n_events} events found" in first.stderr

    fetched = dict(site.hits)
    second = watch(news, db)
    assert "0 documents read, 0 skipped as duplicates, 2 failed" in second.stderr, second.stderr
    # Nothing it has is fetched again. Two pages failed for a passing reason (a timeout, a 500),
    # so the feed's ETag was not saved: the feed is read again and only those two are retried.
    asked_again = {p: n - fetched.get(p, 0) for p, n in site.hits.items() if n != fetched.get(p, 0)}
    assert asked_again == {"/robots.txt": 1, "/feed.rss": 1, "/news/slow": 1, "/news/down": 1}

    site.add("/news/slow", article("Slow", "A late story from the invented town of Brenn, about a "
                                   "storm that flooded the market square on Sunday."))
    site.add("/news/down", article("Down", "The power plant outside the invented port of Veldmar "
                                   "was back at full output on Monday, its operator said."))
    third = watch(news, db)
    assert third.returncode == 0, third.stderr
    assert "2 documents read, 0 skipped as duplicates, 0 failed" in third.stderr, third.stderr
    stored = originals | {wire, site.url("/news/slow"), site.url("/news/down")}
    fourth = watch(news, db)
    assert "1 unchanged" in fourth.stderr and "0 documents read" in fourth.stderr  # now a 304
    with open_store(str(db)) as store:
        assert set(store.documents()["id"]) == stored and store.counts()["events"] >= n_events


def test_watch_bad_duration_and_state_next_to_db(tmp_path, news):
    bad = eventwire("watch", news, "--db", str(tmp_path / "e.duckdb"), "--every", "soon")
    assert bad.returncode == 2 and "give a duration such as 30s, 5m or 1h" in bad.stderr


def test_extract_reads_pages_and_feeds_and_dedup_skips_copies(tmp_path):
    for name in ("harbour-fire.html", "feed.rss"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    copy = (FIXTURES / "harbour-fire.html").read_bytes().replace(
        b"https://courier.example/world/harbour-fire", b"https://wire.example/harbour")
    (tmp_path / "wire-copy.html").write_bytes(copy)
    result = eventwire("extract", str(tmp_path), "--dedup")
    assert result.returncode == 0, result.stderr
    doc_ids = {json.loads(line)["doc_id"] for line in result.stdout.splitlines()}
    assert "https://courier.example/world/harbour-fire" in doc_ids
    assert "https://wire.example/harbour" not in doc_ids
    assert "duplicate: https://wire.example/harbour: nearly repeats https://courier.example/world/harbour-fire" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("4 documents, ")
    assert result.stderr.splitlines()[-1].endswith(" events, 1 skipped as duplicates, 0 failed")


def test_ingest_a_page_from_stdin(tmp_path):
    db = str(tmp_path / "e.duckdb")
    result = eventwire("ingest", "-", "--db", db, stdin=(FIXTURES / "harbour-fire.html").read_bytes())
    assert result.returncode == 0, result.stderr
    with open_store(db) as store:
        docs = store.documents()
    assert list(docs["id"]) == ["https://courier.example/world/harbour-fire"]
