"""Read the news pages in a WARC file (a web crawl such as CC-NEWS), plain or gzipped, with warcio.

    for item in read_warc(stream, "crawl.warc.gz"):
        ...   # (where, target URI, Page) for each HTML response, or a DocumentError

Only `response` records of status 200 with an HTML content type are pages; requests, metadata,
redirects and images are passed over silently. Each page goes through `html.read_page`, so it
gets the same text, metadata and limits as a page read from a file or fetched. A record whose
body ends before its declared length (a crawl cut short) is an error of its own; bytes after the
last whole record that are not a record are one more error; the pages before them are read.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

from eventwire.errors import DocumentError
from eventwire.ingest.html import MAX_PAGE_BYTES, Page, PageError, read_page

HTML_TYPES = ("text/html", "application/xhtml+xml")
_TRAILER_SLACK = 16  # blank lines a writer may leave after the last record


class _Counting(io.RawIOBase):
    """A stream that counts the bytes read from it, to know where the last whole record ended."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.n = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.stream.read(len(buffer))
        buffer[: len(data)] = data
        self.n += len(data)
        return len(data)


def read_warc(stream: BinaryIO, shown: str,
              max_bytes: int = MAX_PAGE_BYTES) -> Iterator[tuple[str, str, Page] | DocumentError]:
    """Each HTML page of the WARC in `stream` as (where, URI, Page), or a DocumentError."""
    from warcio.archiveiterator import ArchiveIterator

    counted = _Counting(stream)
    archive = ArchiveIterator(io.BufferedReader(counted, buffer_size=1 << 16))
    records = iter(archive)
    end = 0  # where the last whole record ended
    n = 0
    while True:
        # warcio meets damaged input with assorted exceptions (ArchiveLoadFailed, zlib.error, and
        # AttributeError or ValueError from a header cut short): any of them ends this file only.
        try:
            record = next(records, None)
            if record is None:
                break
            n += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"record {n}"
            page_type = _html_response(record)
            body = record.content_stream().read(max_bytes + 1) if page_type is not None else b""
            missing = record.raw_stream.limit if page_type is not None else 0
            if len(body) > max_bytes or page_type is None:
                archive.read_to_end(record)
        except Exception as e:  # noqa: BLE001 (see above)
            yield DocumentError(shown, f"unreadable WARC data after byte {end:,} ({_short(e)})")
            return
        where = f"{shown} ({uri})"
        if page_type is None:
            pass
        elif len(body) > max_bytes:
            yield DocumentError(where, f"page is over the {max_bytes / 1_000_000:.0f} MB "
                                       "limit for one page (decompressed)")
        elif missing > 0:
            yield DocumentError(where, f"truncated WARC record: {missing:,} of its "
                                       f"{record.length:,} bytes are missing")
            return  # a short record ends the file: nothing whole can follow it
        else:
            try:
                yield where, uri, read_page(body, url=uri, charset=page_type, max_bytes=max_bytes)
            except PageError as e:
                yield DocumentError(where, str(e))
        try:
            end = archive.get_record_offset() + archive.get_record_length()
        except Exception as e:  # noqa: BLE001 (as above)
            yield DocumentError(shown, f"unreadable WARC data after byte {end:,} ({_short(e)})")
            return
    while counted.read(1 << 20):
        pass
    if n == 0:
        yield DocumentError(shown, "no WARC records in the file")
    elif counted.n - end > _TRAILER_SLACK:
        yield DocumentError(shown, f"truncated WARC file: {counted.n - end:,} bytes after the last "
                                   f"whole record (byte {end:,}) are not a complete record")


def _html_response(record) -> str | None:
    """The declared charset ('' if none) of a record that is a 200 HTML response, else None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not content_type.startswith(HTML_TYPES):
        return None
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip() == "charset":
            return value.strip().strip("'\"")
    return ""


def _short(e: BaseException) -> str:
    text = " ".join(str(e).split())
    return f"{type(e).__name__}: {text[:120]}" if text else type(e).__name__
