"""The `site` fixture: a fresh `news_site.Site` on 127.0.0.1 for each test."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer

import pytest

from news_site import Site, _handler_class


@pytest.fixture
def site() -> Iterator[Site]:
    """A fresh news site on 127.0.0.1 (a random port), with a robots.txt that keeps /private/."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), None)  # type: ignore[arg-type]
    s = Site(f"http://127.0.0.1:{server.server_address[1]}")
    server.RequestHandlerClass = _handler_class(s)
    server.daemon_threads = True
    server.handle_error = lambda request, address: None  # a client hanging up early is expected
    s.add("/robots.txt", "User-agent: *\nDisallow: /private/\n",
          headers={"Content-Type": "text/plain"})
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield s
    finally:
        server.shutdown()
        server.server_close()
