"""HttpxFetcher against a real HTTP server on loopback: limits, politeness, conditional requests."""

from __future__ import annotations

import time

import pytest
from news_site import article, gzip_bomb

from eventwire.ingest.fetch import USER_AGENT, FakeFetcher, FetchConfig, FetchError, HttpxFetcher, Response

FAST = FetchConfig(timeout=0.5, total_timeout=2.0, max_bytes=1_000_000, min_delay=0.0)


@pytest.fixture
def fetcher():
    with HttpxFetcher(FAST) as f:
        yield f


def test_fetches_a_page_with_our_user_agent(site, fetcher):
    url = site.add("/news/a", article("A", "Some invented news."))
    response = fetcher.fetch(url)
    assert response.status == 200 and b"Some invented news." in response.content
    assert response.charset == "utf-8"
    agents = {h.get("User-Agent") for path, h in site.headers_seen}
    assert agents == {USER_AGENT}
    assert [p for p, _ in site.headers_seen] == ["/robots.txt", "/news/a"]


def test_robots_txt_is_obeyed_and_fetched_once_per_host(site, fetcher):
    site.add("/private/secret", article("Secret", "Not for crawlers."))
    ok = site.add("/news/a", article("A", "Fine to read."))
    with pytest.raises(FetchError, match="robots.txt .* disallows"):
        fetcher.fetch(site.url("/private/secret"))
    fetcher.fetch(ok)
    fetcher.fetch(ok)
    assert site.hits["/private/secret"] == 0
    assert site.hits["/robots.txt"] == 1


def test_missing_robots_txt_allows_everything(site, fetcher):
    del site.routes["/robots.txt"]
    assert fetcher.fetch(site.add("/private/x", "<p>x</p>")).status == 200


def test_failing_robots_txt_keeps_us_off_the_host(site, fetcher):
    site.add("/robots.txt", "oops", status=503)
    with pytest.raises(FetchError, match="disallows"):
        fetcher.fetch(site.add("/news/a", "<p>x</p>"))
    assert site.hits["/news/a"] == 0


def test_slow_page_times_out(site, fetcher):
    url = site.add("/slow", "<p>late</p>", delay=1.5)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out") as e:
        fetcher.fetch(url)
    assert e.value.transient
    assert time.monotonic() - started < 1.4


def test_server_error_is_transient_and_not_found_is_not(site, fetcher):
    with pytest.raises(FetchError, match="HTTP 500") as e:
        fetcher.fetch(site.add("/fail", "boom", status=500))
    assert e.value.transient
    with pytest.raises(FetchError, match="HTTP 404") as e:
        fetcher.fetch(site.url("/nowhere"))
    assert not e.value.transient


def test_redirects_are_followed_up_to_the_limit(site, fetcher):
    site.add("/news/final", article("Final", "Arrived."))
    site.add("/r1", status=301, headers={"Location": "/news/final"})
    response = fetcher.fetch(site.url("/r1"))
    assert response.url == site.url("/news/final") and b"Arrived." in response.content

    for i in range(7):
        site.add(f"/chain{i}", status=302, headers={"Location": f"/chain{i + 1}"})
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher.fetch(site.url("/chain0"))
    assert site.hits["/chain6"] == 0


def test_redirect_loop_is_caught(site, fetcher):
    site.add("/loop1", status=302, headers={"Location": "/loop2"})
    site.add("/loop2", status=302, headers={"Location": "/loop1"})
    with pytest.raises(FetchError, match="redirect loop"):
        fetcher.fetch(site.url("/loop1"))
    assert site.hits["/loop1"] == 1 and site.hits["/loop2"] == 1


def test_redirect_into_a_disallowed_path_is_refused(site, fetcher):
    site.add("/private/p", "<p>secret</p>")
    site.add("/go", status=302, headers={"Location": "/private/p"})
    with pytest.raises(FetchError, match="disallows"):
        fetcher.fetch(site.url("/go"))
    assert site.hits["/private/p"] == 0


def test_oversized_page_is_refused(site, fetcher):
    with pytest.raises(FetchError, match="over the 1 MB limit"):
        fetcher.fetch(site.add("/big", b"<p>" + b"word " * 400_000 + b"</p>"))


def test_gzip_bomb_stops_at_the_limit(site, fetcher):
    bomb = gzip_bomb(50_000_000)  # 50 MB of zeros in about 50 KB
    assert len(bomb) < 100_000
    url = site.add("/bomb", bomb, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="over the 1 MB limit .decompressed."):
        fetcher.fetch(url)


def test_gzipped_page_is_decoded(site, fetcher):
    import gzip

    page = article("Zipped", "Compressed invented news.")
    url = site.add("/gz", gzip.compress(page), headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
    assert fetcher.fetch(url).content == page


def test_conditional_request_gets_304(site, fetcher):
    url = site.feed("/feed.rss", [("A", "/news/a")], etag='"v1"')
    first = fetcher.fetch(url)
    assert first.status == 200 and first.headers["etag"] == '"v1"'
    again = fetcher.fetch(url, etag=first.headers["etag"])
    assert again.status == 304 and again.content == b""


def test_requests_to_one_host_are_spaced(site):
    slept: list[float] = []
    now = [100.0]
    with HttpxFetcher(FetchConfig(min_delay=1.0, timeout=2), clock=lambda: now[0],
                      sleep=lambda s: (slept.append(s), now.__setitem__(0, now[0] + s))) as f:
        url = site.add("/news/a", "<p>a</p>")
        f.fetch(url)  # robots.txt, then the page: one wait between them
        f.fetch(url)
    assert slept == [1.0, 1.0]


def test_non_http_urls_are_refused(fetcher):
    with pytest.raises(FetchError, match="not an http"):
        fetcher.fetch("file:///etc/passwd")


def test_fake_fetcher_answers_from_its_table():
    ok = Response("https://x.example/a", 200, b"<p>a</p>")
    fake = FakeFetcher({"https://x.example/a": ok,
                        "https://x.example/etag": lambda etag, lm: Response("https://x.example/etag", 304 if etag else 200),
                        "https://x.example/down": FetchError("https://x.example/down", "HTTP 500", transient=True)})
    assert fake.fetch("https://x.example/a") is ok
    assert fake.fetch("https://x.example/etag", etag='"e"').status == 304
    with pytest.raises(FetchError, match="HTTP 500"):
        fake.fetch("https://x.example/down")
    with pytest.raises(FetchError, match="404"):
        fake.fetch("https://x.example/missing")
    assert fake.fetched() == ["https://x.example/a", "https://x.example/etag", "https://x.example/down",
                              "https://x.example/missing"]
