"""A news site on loopback for the ingest tests (the `site` fixture is in conftest.py): fixture
pages and feeds, and endpoints that are slow, failing, redirecting in a loop, oversized or a gzip
bomb. No external network. Imported by name (`from news_site import ...`), not from conftest,
whose module name other test folders share.

All the news text here and in `fixtures/` is invented: the places (Veldmar, Brenn, Ostravia,
Fictania) and the events do not exist.
"""

from __future__ import annotations

import gzip
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def article(title: str, *paragraphs: str, published: str | None = None,
            canonical: str | None = None) -> bytes:
    head = f"<title>{title}</title>"
    if published:
        head += f'<meta property="article:published_time" content="{published}">'
    if canonical:
        head += f'<link rel="canonical" href="{canonical}">'
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>"
            f"<nav>Home | World | Sport</nav><article><h1>{title}</h1>{body}</article>"
            f"<footer>The Fictania Courier, an invented newspaper</footer></body></html>").encode()


DEPOT = ("Unidentified drones struck a fuel depot outside Veldmar overnight, the regional governor "
         "said on Friday. Two guards were injured and a storage tank burned for several hours "
         "before firefighters from the neighbouring towns put out the blaze. The governor said "
         "air defence units had shot down four of the drones over the harbour district.")
PROTEST = ("Police in the invented town of Brenn used tear gas to disperse about 300 protesters "
           "on Saturday, the interior ministry said. Twelve people were detained after the crowd "
           "tried to enter the town hall, where councillors were debating a new water tax.")
BRIDGE = ("The bridge over the fictional river Oster reopened on Tuesday, three weeks after it was "
          "damaged by artillery fire, the provincial government of Ostravia said. Engineers "
          "replaced two of its spans and traffic resumed in both directions by the evening.")


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0
    handler: Callable[[BaseHTTPRequestHandler], None] | None = None


class Site:
    """The server's routes (path -> Route) and a count of the requests each path got."""

    def __init__(self, base: str):
        self.base = base
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.headers_seen: list[tuple[str, dict[str, str]]] = []

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str = b"", **kw) -> str:
        self.routes[path] = Route(body=body.encode() if isinstance(body, str) else body, **kw)
        return self.url(path)

    def feed(self, path: str, items: list[tuple[str, str]], etag: str | None = "\"v1\"",
             title: str = "Fictania Courier: World") -> str:
        """An RSS feed of (title, link path) items, answering 304 to its own ETag."""
        entries = "".join(
            f"<item><title>{t}</title><link>{self.url(link)}</link>"
            f"<pubDate>Fri, 14 Mar 2025 07:00:00 GMT</pubDate></item>" for t, link in items)
        body = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                f"<title>{title}</title><link>{self.base}</link>{entries}</channel></rss>").encode()

        def handler(h: BaseHTTPRequestHandler) -> None:
            if etag and h.headers.get("If-None-Match") == etag:
                h.send_response(304)
                h.send_header("ETag", etag)
                h.end_headers()
                return
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            h.send_header("Content-Length", str(len(body)))
            if etag:
                h.send_header("ETag", etag)
            h.end_headers()
            h.wfile.write(body)

        self.routes[path] = Route(handler=handler)
        return self.url(path)


def _handler_class(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # keep pytest's output clean
            pass

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            site.hits[self.path] += 1
            site.headers_seen.append((self.path, dict(self.headers)))
            route = site.routes.get(self.path)
            if route is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if route.delay:
                time.sleep(route.delay)
            if route.handler:
                route.handler(self)
                return
            self.send_response(route.status)
            for k, v in route.headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            try:
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


def gzip_bomb(size: int) -> bytes:
    """`size` zero bytes, gzipped (about a thousandth of the size)."""
    return gzip.compress(b"\0" * size, compresslevel=9)
