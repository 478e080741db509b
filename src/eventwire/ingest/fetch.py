"""Fetching feeds and pages over HTTP, politely and within limits, behind a one-method interface.

    fetcher = HttpxFetcher(FetchConfig(min_delay=1.0))
    response = fetcher.fetch(url, etag=..., last_modified=...)     # or FetchError
    response.status (200 or 304), response.url (after redirects), response.content, .headers

`HttpxFetcher` (httpx) is the real one: a timeout per read and one for the whole response, at
most `max_redirects` redirects (each target checked again), robots.txt obeyed (protego, fetched
once per host an hour; a robots.txt that answers 5xx or not at all forbids the host for that
hour, as RFC 9309 says), at most one request per `min_delay` seconds to a host, and bodies
refused once they pass `max_bytes` *after* decompression: gzip and deflate are decoded here,
chunk by chunk with a bounded output, so a compressed bomb stops at the limit instead of filling
memory. `FakeFetcher` answers from a dict, for unit tests of what uses a fetcher.
"""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urljoin, urlsplit

from eventwire import __version__

USER_AGENT = f"eventwire/{__version__} (+https://github.com/eventwire/eventwire)"
ROBOTS_TTL = 3600.0


@dataclass(frozen=True)
class FetchConfig:
    """How `HttpxFetcher` behaves; one object, so a run is described in one place."""

    timeout: float = 10.0  # seconds to connect, and between two reads
    total_timeout: float = 60.0  # seconds for a whole response, however slowly it trickles
    max_bytes: int = 5_000_000  # largest body, decompressed
    max_redirects: int = 5
    min_delay: float = 1.0  # seconds between two requests to one host
    user_agent: str = USER_AGENT
    respect_robots: bool = True


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 for a conditional request whose resource has not changed
    content: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset":
                return value.strip().strip("'\"") or None
        return None


class FetchError(Exception):
    """A URL that could not be fetched; `transient` if trying again later may succeed."""

    def __init__(self, url: str, message: str, transient: bool = False):
        super().__init__(f"{url}: {message}")
        self.url = url
        self.message = message
        self.transient = transient


class Fetcher(Protocol):
    def fetch(self, url: str, *, etag: str | None = None,
              last_modified: str | None = None) -> Response:
        """The response at `url` (status 200, or 304 when `etag`/`last_modified` still hold);
        `FetchError` for anything else."""
        ...

    def close(self) -> None: ...


class HttpxFetcher:
    """The real fetcher (see the module's docstring)."""

    def __init__(self, config: FetchConfig | None = None, *, transport=None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        import httpx

        self.config = config or FetchConfig()
        self._httpx = httpx
        self._client = httpx.Client(
            transport=transport, follow_redirects=False,
            timeout=httpx.Timeout(self.config.timeout),
            headers={"User-Agent": self.config.user_agent, "Accept-Encoding": "gzip, deflate"})
        self._clock, self._sleep = clock, sleep
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, tuple[float, object | None]] = {}  # host -> (fetched at, parser)
        self._lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HttpxFetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def fetch(self, url: str, *, etag: str | None = None,
              last_modified: str | None = None) -> Response:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen = [url]
        for _ in range(self.config.max_redirects + 1):
            scheme = urlsplit(url).scheme
            if scheme not in ("http", "https"):
                raise FetchError(seen[0], f"not an http(s) URL: {url}")
            if self.config.respect_robots and not self._allowed(url):
                raise FetchError(seen[0], f"robots.txt of {urlsplit(url).netloc} disallows {url}")
            status, location, response = self._get(url, headers)
            if location is None:
                return response
            url = urljoin(url, location)
            if url in seen:
                raise FetchError(seen[0], f"redirect loop ({' -> '.join([*seen, url])})")
            seen.append(url)
        raise FetchError(seen[0], f"more than {self.config.max_redirects} redirects")

    # -- one request -----------------------------------------------------------------------

    def _get(self, url: str, headers: Mapping[str, str]) -> tuple[int, str | None, Response]:
        httpx = self._httpx
        self._wait_turn(url)
        started = self._clock()
        try:
            with self._client.stream("GET", url, headers=headers) as r:
                status = r.status_code
                if status in (301, 302, 303, 307, 308):
                    location = r.headers.get("location")
                    if not location:
                        raise FetchError(url, f"HTTP {status} redirect without a Location")
                    return status, location, Response(url, status)
                lower = {k.lower(): v for k, v in r.headers.items()}
                if status == 304:
                    return status, None, Response(str(r.url), 304, b"", lower)
                if status != 200:
                    retry = status in (408, 425, 429) or status >= 500
                    raise FetchError(url, f"HTTP {status} {r.reason_phrase}".rstrip(), transient=retry)
                declared = lower.get("content-length", "")
                if declared.isdigit() and int(declared) > self.config.max_bytes and \
                        lower.get("content-encoding", "identity") == "identity":
                    raise FetchError(url, f"response is {int(declared) / 1_000_000:.1f} MB, over the "
                                          f"{self._limit_mb} MB limit")
                body = self._read_body(url, r.iter_raw(), lower.get("content-encoding", ""), started)
                return status, None, Response(str(r.url), status, body, lower)
        except httpx.TimeoutException:
            raise FetchError(url, f"timed out (no data for {self.config.timeout:g} s)",
                             transient=True) from None
        except httpx.TransportError as e:
            raise FetchError(url, f"network error: {type(e).__name__} {e}".rstrip(),
                             transient=True) from None
        except httpx.HTTPError as e:  # a malformed response, an unsupported URL
            raise FetchError(url, f"bad response: {e}") from None

    @property
    def _limit_mb(self) -> str:
        return f"{self.config.max_bytes / 1_000_000:g}"

    def _read_body(self, url: str, chunks: Iterable[bytes], encoding: str, started: float) -> bytes:
        """The body, decoded from gzip/deflate here so that its decompressed size is bounded."""
        limit = self.config.max_bytes
        encoding = encoding.strip().lower()
        if encoding in ("gzip", "x-gzip", "deflate"):
            decoder = zlib.decompressobj(wbits=47)  # gzip or zlib header, found automatically
        elif encoding in ("", "identity"):
            decoder = None
        else:
            raise FetchError(url, f"unsupported Content-Encoding {encoding!r}")
        out = bytearray()
        for chunk in chunks:
            if self._clock() - started > self.config.total_timeout:
                raise FetchError(url, f"timed out (response took over {self.config.total_timeout:g} s)",
                                 transient=True)
            if decoder is None:
                out += chunk
            else:
                data = chunk
                try:
                    while data:
                        out += decoder.decompress(data, limit + 1 - len(out))
                        data = decoder.unconsumed_tail
                        if len(out) > limit:
                            break
                except zlib.error as e:
                    raise FetchError(url, f"corrupt {encoding} body ({e})") from None
            if len(out) > limit:
                what = "decompressed" if decoder is not None else "body"
                raise FetchError(url, f"response is over the {self._limit_mb} MB limit ({what})")
        return bytes(out)

    # -- politeness ------------------------------------------------------------------------

    def _wait_turn(self, url: str) -> None:
        """Sleep until `min_delay` has passed since the last request to this URL's host."""
        host = urlsplit(url).netloc.lower()
        with self._lock:
            last = self._last_request.get(host)
            now = self._clock()
            if last is not None and now - last < self.config.min_delay:
                self._sleep(self.config.min_delay - (now - last))
                now = self._clock()
            self._last_request[host] = now

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc.lower()}"
        cached = self._robots.get(host)
        if cached is None or self._clock() - cached[0] > ROBOTS_TTL:
            cached = (self._clock(), self._load_robots(host))
            self._robots[host] = cached
        parser = cached[1]
        if parser is None:  # robots.txt unreachable: the host is off limits for now
            return False
        return parser.can_fetch(url, self.config.user_agent)

    def _load_robots(self, host: str):
        """The host's robots.txt parsed; an allow-all one if it has none; None if unreachable."""
        from protego import Protego

        try:
            status, location, response = self._get(f"{host}/robots.txt", {})
            for _ in range(self.config.max_redirects):
                if location is None:
                    break
                status, location, response = self._get(urljoin(f"{host}/robots.txt", location), {})
        except FetchError as e:
            if not e.transient and e.message.startswith("HTTP 4"):
                return Protego.parse("")  # no robots.txt (404, 403, ...): everything is allowed
            return None
        if location is not None:
            return Protego.parse("")
        return Protego.parse(response.content.decode("utf-8", errors="replace"))


class FakeFetcher:
    """A fetcher for tests: answers from `responses` (URL -> Response, or FetchError to raise,
    or a callable taking (etag, last_modified) and returning either), recording each call."""

    def __init__(self, responses: Mapping[str, object] | None = None):
        self.responses = dict(responses or {})
        self.calls: list[tuple[str, str | None, str | None]] = []

    def fetch(self, url: str, *, etag: str | None = None,
              last_modified: str | None = None) -> Response:
        self.calls.append((url, etag, last_modified))
        answer = self.responses.get(url)
        if answer is None:
            raise FetchError(url, "HTTP 404 Not Found")
        if callable(answer) and not isinstance(answer, (Response, FetchError)):
            answer = answer(etag, last_modified)
        if isinstance(answer, FetchError):
            raise answer
        return answer

    def fetched(self) -> list[str]:
        return [url for url, _, _ in self.calls]

    def close(self) -> None:
        pass
