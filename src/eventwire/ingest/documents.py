"""Read input files into `Document`s, one clear `DocumentError` for each one that can't be read.

Inputs, as named on the command line:

- `*.jsonl`, `*.json`, `*.ndjson`: JSON Lines, one object per line with `text` and optionally `id`,
  `published`, `title`, `url`, `source`, `author`. Read line by line, so a file of any size streams.
- `*.txt`: the whole file is one document; its id is the file name.
- `*.html`, `*.htm`, `*.xhtml`: a web page; its article text and stated metadata (`html.py`). Its
  id is the canonical URL the page names, else the file name.
- `*.xml`, `*.rss`, `*.atom`: an RSS or Atom feed (`feeds.py`); each entry with text in the feed
  is a document, id = its link (else its feed id). Entries with only a link are skipped with a
  warning: `eventwire watch` fetches their pages.
- `*.warc`, `*.warc.gz`: the HTML responses of a web crawl (`warc.py`); id = canonical URL or the
  record's target URI.
- a directory: its files of the kinds above, in name order (not recursive).
- `-`: standard input, sniffed: a WARC (`WARC/1.`, plain or gzipped), a page (`<html`, `<!doctype
  html`), a feed (`<?xml`, `<rss`, `<feed`), JSON Lines (first non-blank character `{`), else one
  text document with id `stdin`.
- any other file: sniffed like standard input.

Text files and JSON Lines are UTF-8 (a leading byte order mark is dropped); pages are decoded by
their declared or detected charset. Every text is normalised before the `Document` is built:
`\\r\\n` and lone `\\r` become `\\n`. Evidence offsets in the event records index
`Document.text`, so they refer to the normalised text.

One bad document never stops the others: `read_inputs` yields a `DocumentError` in its place,
naming the file (and line, for JSON Lines; URI, for WARC records) and saying what to fix.
"""

from __future__ import annotations

import io
import json
import logging
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import BinaryIO

from eventwire.errors import DocumentError
from eventwire.ingest.feeds import MAX_FEED_BYTES, FeedError, looks_like_feed, read_feed
from eventwire.ingest.html import MAX_PAGE_BYTES, Page, PageError, read_page
from eventwire.ingest.warc import read_warc
from eventwire.records import Document

log = logging.getLogger(__name__)

DEFAULT_MAX_CHARS = 1_000_000
MAX_DUPLICATE_WARNINGS = 10  # then one note, not a warning per repeat

JSONL_SUFFIXES = (".jsonl", ".json", ".ndjson")
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
WARC_SUFFIXES = (".warc", ".warc.gz")
READABLE_SUFFIXES = JSONL_SUFFIXES + TEXT_SUFFIXES + HTML_SUFFIXES + FEED_SUFFIXES + WARC_SUFFIXES

_BOM = b"\xef\xbb\xbf"
_SNIFF_BYTES = 8192
# Bytes that plain text does not contain: C0 controls other than \t \n \v \f \r and ESC, and DEL.
_CONTROL_BYTES = frozenset([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_CONTROL_CHARS = frozenset(chr(b) for b in _CONTROL_BYTES)
_BINARY_RATIO = 0.10  # more control characters than this in a sample: not text
_BINARY = "looks like a binary file, not text"


def read_inputs(
    paths: Sequence[str | os.PathLike[str]],
    stdin: BinaryIO | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Document | DocumentError]:
    """Yield a `Document` for each readable input document and a `DocumentError` for each other one.

    `stdin` is the binary stream `-` reads (default: `sys.stdin.buffer`, looked up at call time).
    A text longer than `max_chars` characters is an error, not a truncated document.
    Duplicate ids are allowed; each repeat is logged as a warning.
    """
    reader = DocumentReader(stdin, max_chars)
    for path in paths:
        yield from reader.read(os.fspath(path))


class DocumentReader:
    """State shared across the inputs of one `read_inputs` call: stdin use and the ids seen.
    `document()` applies the same checks to a text from elsewhere (`eventwire watch`'s pages)."""

    def __init__(self, stdin: BinaryIO | None, max_chars: int):
        self.stdin = stdin
        self.max_chars = max_chars
        self.stdin_read = False
        self.seen: dict[str, str] = {}  # id -> where it was first seen
        self.n_duplicates = 0

    def read(self, path: str) -> Iterator[Document | DocumentError]:
        if path == "-":
            yield from self._read_stdin()
            return
        p = Path(path)
        try:
            if p.is_dir():
                yield from self._read_dir(p, path)
            elif p.exists():
                yield from self._read_file(p, path)
            else:
                yield DocumentError(path, "no such file or directory")
        except OSError as e:  # permission denied, a file vanishing mid-read, ...
            yield DocumentError(path, f"cannot read: {e.strerror or e}")

    # -- sources ---------------------------------------------------------------------------

    def _read_dir(self, directory: Path, shown: str) -> Iterator[Document | DocumentError]:
        files = sorted(
            f for f in directory.iterdir()
            if f.is_file() and not f.name.startswith(".")
            and f.name.lower().endswith(READABLE_SUFFIXES)
        )
        if not files:
            kinds = ", ".join(READABLE_SUFFIXES)
            yield DocumentError(shown, f"directory has no readable files (looked for {kinds})")
            return
        for f in files:
            yield from self.read(os.path.join(shown, f.name))

    def _read_file(self, p: Path, shown: str) -> Iterator[Document | DocumentError]:
        suffix = p.suffix.lower()
        if p.name.lower().endswith(WARC_SUFFIXES):
            with p.open("rb") as f:
                yield from self._read_warc(f, shown)
            return
        if suffix in HTML_SUFFIXES + FEED_SUFFIXES:
            size = p.stat().st_size
            limit = MAX_PAGE_BYTES if suffix in HTML_SUFFIXES else MAX_FEED_BYTES
            if size > limit:
                kind = "page" if suffix in HTML_SUFFIXES else "feed"
                yield DocumentError(shown, f"{kind} is {size / 1_000_000:.1f} MB, over the "
                                           f"{limit / 1_000_000:.0f} MB limit")
                return
            data = p.read_bytes()
            if suffix in HTML_SUFFIXES:
                yield self._read_html(data, shown, doc_id=p.name)
            else:
                yield from self._read_feed(data, shown)
            return
        with p.open("rb") as f:
            head = f.read(_SNIFF_BYTES)
            problem = _sniff_binary(head)
            if problem:
                yield DocumentError(shown, problem)
                return
            f.seek(0)
            if suffix in JSONL_SUFFIXES:
                yield from self._read_jsonl(f, shown)
            elif suffix in TEXT_SUFFIXES:
                yield self._read_text(f, shown, doc_id=p.name)
            else:
                yield from self._read_sniffed(f, shown, doc_id=p.name)

    def _read_stdin(self) -> Iterator[Document | DocumentError]:
        if self.stdin_read:
            yield DocumentError("stdin", "'-' is given more than once; standard input can be read only once")
            return
        self.stdin_read = True
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        yield from self._read_sniffed(stream, "stdin", doc_id="stdin")

    def _read_sniffed(self, stream: BinaryIO, shown: str, doc_id: str) -> Iterator[Document | DocumentError]:
        """A WARC, page or feed by its first bytes; JSON Lines if the first non-blank character
        is `{`; else one text document."""
        skipped = bytearray()
        while True:
            chunk = stream.read(_SNIFF_BYTES)
            if not chunk:
                break
            skipped += chunk
            if bytes(skipped).removeprefix(_BOM).strip():
                break
        head = bytes(skipped).removeprefix(_BOM).lstrip()
        first = head[:1]
        whole = io.BufferedReader(_Prefixed(bytes(skipped), stream), buffer_size=1 << 16)
        if _is_warc(bytes(skipped)):
            yield from self._read_warc(whole, shown)
            return
        problem = _sniff_binary(bytes(skipped[:_SNIFF_BYTES]))
        if problem:
            yield DocumentError(shown, problem)
            return
        lowered = head[:1024].lower()
        if first == b"<" and (lowered.startswith((b"<html", b"<!doctype html"))
                              or (b"<html" in lowered and not looks_like_feed(head))):
            data = whole.read(MAX_PAGE_BYTES + 1)
            if len(data) > MAX_PAGE_BYTES:
                yield DocumentError(shown, f"page is over the {MAX_PAGE_BYTES / 1_000_000:.0f} MB limit")
                return
            yield self._read_html(data, shown, doc_id=doc_id)
            return
        if first == b"<" and looks_like_feed(head):
            data = whole.read(MAX_FEED_BYTES + 1)
            if len(data) > MAX_FEED_BYTES:
                yield DocumentError(shown, f"feed is over the {MAX_FEED_BYTES / 1_000_000:.0f} MB limit")
                return
            yield from self._read_feed(data, shown)
            return
        if first == b"{":
            yield from self._read_jsonl(whole, shown)
        else:
            yield self._read_text(whole, shown, doc_id=doc_id)

    # -- formats ---------------------------------------------------------------------------

    def _read_html(self, data: bytes, shown: str, doc_id: str) -> Document | DocumentError:
        """A page: its article; id = the canonical URL it names, else `doc_id`."""
        try:
            page = read_page(data)
        except PageError as e:
            return DocumentError(shown, str(e))
        return self.page_document(page, shown, page.url or doc_id)

    def _read_feed(self, data: bytes, shown: str) -> Iterator[Document | DocumentError]:
        """A feed: one document per entry that has text."""
        try:
            feed = read_feed(data)
        except FeedError as e:
            yield DocumentError(shown, str(e))
            return
        if feed.problem:
            log.warning("%s: malformed feed, read as far as it goes (%s)", shown, feed.problem)
        n_linked = 0
        for n, entry in enumerate(feed.entries, 1):
            doc_id = entry.link or entry.id or f"{shown}#{n}"
            where = f"{shown} entry {n} ({doc_id})"
            if not entry.text:
                n_linked += 1
                continue
            meta = {"published": entry.published, "title": entry.title, "url": entry.link,
                    "source": feed.title, "author": entry.author}
            yield self.document(where, doc_id, entry.text, len(entry.text.encode("utf-8")), meta)
        if n_linked:
            log.warning("%s: %d of %d entries have only a title and a link, no text; skipped "
                        "(eventwire watch fetches their pages)", shown, n_linked, len(feed.entries))

    def _read_warc(self, stream: BinaryIO, shown: str) -> Iterator[Document | DocumentError]:
        """A web crawl: one document per HTML response."""
        for item in read_warc(stream, shown):
            if isinstance(item, DocumentError):
                yield item
            else:
                where, uri, page = item
                yield self.page_document(page, where, page.url or uri)

    def page_document(self, page: Page, where: str, doc_id: str) -> Document | DocumentError:
        """The document of a read page, through the checks every document gets."""
        meta = {"published": page.published, "title": page.title, "url": page.url,
                "source": page.source or page.host, "author": page.author}
        return self.document(where, doc_id, page.text, len(page.text.encode("utf-8")), meta)

    def _read_text(self, stream: BinaryIO, shown: str, doc_id: str) -> Document | DocumentError:
        """The whole stream as one document."""
        limit = 4 * self.max_chars + len(_BOM)  # UTF-8 takes at most 4 bytes a character
        data = stream.read(limit + 1)
        if len(data) > limit:
            size = len(data) + _drain(stream)
            return DocumentError(shown, _too_long(size, self.max_chars))
        has_bom = data.startswith(_BOM)
        try:
            text = data[len(_BOM):].decode("utf-8") if has_bom else data.decode("utf-8")
        except UnicodeDecodeError as e:
            offset = e.start + (len(_BOM) if has_bom else 0)
            return DocumentError(shown, _not_utf8(data[offset], f"at byte offset {offset:,}"))
        return self.document(shown, doc_id, text, len(data), {})

    def _read_jsonl(self, stream: BinaryIO, shown: str) -> Iterator[Document | DocumentError]:
        """One document per non-blank line, streamed."""
        # A line holds the text JSON-escaped: at most 12 bytes a character (a \\uXXXX pair).
        limit = 12 * self.max_chars + 65536
        lineno = 0
        while True:
            line = stream.readline(limit)
            if not line:
                return
            lineno += 1
            where = f"{shown}:{lineno}"
            if len(line) == limit and not line.endswith(b"\n"):
                size = len(line) + _drain_line(stream, limit)
                yield DocumentError(where, _too_long(size, self.max_chars))
                continue
            if lineno == 1 and line.startswith(_BOM):
                line = line[len(_BOM):]
            if not line.strip():
                continue
            yield self._parse_line(line, where)

    def _parse_line(self, line: bytes, where: str) -> Document | DocumentError:
        try:
            raw = line.decode("utf-8")
        except UnicodeDecodeError as e:
            return DocumentError(where, _not_utf8(line[e.start], f"at byte offset {e.start:,} of the line"))
        try:
            obj = json.loads(raw.rstrip("\r\n"))
        except json.JSONDecodeError as e:
            return DocumentError(where, f"not valid JSON ({e.msg.removesuffix(' at')} at column {e.colno})")
        if not isinstance(obj, dict):
            return DocumentError(where, f"expected a JSON object {{...}}, got {_json_type(obj)}")

        doc_id = obj.get("id")
        if isinstance(doc_id, int) and not isinstance(doc_id, bool):
            doc_id = str(doc_id)
        if doc_id is None or doc_id == "":
            doc_id = where
        elif not isinstance(doc_id, str):
            return DocumentError(where, f"'id' must be a string or an integer, got {_json_type(doc_id)}")
        else:
            where = f"{where} ({doc_id})"

        if "text" not in obj:
            return DocumentError(where, "no 'text' field")
        text = obj["text"]
        if not isinstance(text, str):
            return DocumentError(where, f"'text' must be a string, got {_json_type(text)}")
        return self.document(where, doc_id, text, len(text.encode("utf-8", "surrogatepass")), obj)

    # -- checks common to every document -----------------------------------------------------

    def document(self, where: str, doc_id: str, text: str, nbytes: int,
                 meta: dict[str, object]) -> Document | DocumentError:
        text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        if len(text) > self.max_chars:
            return DocumentError(where, _too_long(nbytes, self.max_chars))
        if not text.strip():
            return DocumentError(where, "empty text")
        if "\x00" in text or _control_ratio(text[:_SNIFF_BYTES]) > _BINARY_RATIO:
            return DocumentError(where, "the text looks like binary data, not text")
        fields: dict[str, str | None] = {}
        for key in ("published", "title", "url", "source", "author"):
            value = meta.get(key)
            if value is not None and not isinstance(value, str):
                return DocumentError(where, f"'{key}' must be a string, got {_json_type(value)}")
            fields[key] = value.strip() if value and value.strip() else None
        if fields["published"] is not None:
            published = _iso_date(fields["published"])
            if published is None:
                return DocumentError(where, f"'published' is not a date eventwire can read "
                                            f"({fields['published']!r}); use ISO 8601, e.g. 2025-12-06")
            fields["published"] = published
        if doc_id not in self.seen:
            self.seen[doc_id] = where
        else:
            self.n_duplicates += 1
            if self.n_duplicates <= MAX_DUPLICATE_WARNINGS:
                log.warning("%s: duplicate id %r (first seen at %s); their events share that doc_id%s",
                            where, doc_id, self.seen[doc_id],
                            "; further duplicates are not reported"
                            if self.n_duplicates == MAX_DUPLICATE_WARNINGS else "")
        return Document(id=doc_id, text=text, **fields)


class _Prefixed(io.RawIOBase):
    """A raw stream that first replays bytes already read from `rest`, then reads on from it.

    Wrapped in `io.BufferedReader` it gives `read` and `readline` to the format readers."""

    def __init__(self, prefix: bytes, rest: BinaryIO):
        self._prefix = prefix
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._prefix:
            data, self._prefix = self._prefix[: len(buffer)], self._prefix[len(buffer):]
        else:
            data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _is_warc(head: bytes) -> bool:
    """Whether the first bytes are a WARC record, plain or in a gzip member."""
    if head.startswith(b"WARC/1."):
        return True
    if head.startswith(b"\x1f\x8b"):
        try:
            return zlib.decompressobj(wbits=31).decompress(head, 16).startswith(b"WARC/1.")
        except zlib.error:
            return False
    return False


def _sniff_binary(head: bytes) -> str | None:
    """Why the first bytes of a file show it isn't UTF-8 text, or None."""
    if head.startswith(b"\x1f\x8b"):
        return "is gzip-compressed; decompress it first (gunzip)"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "is UTF-16 text; eventwire reads UTF-8: re-save it as UTF-8"
    if b"\x00" in head:
        return _BINARY
    if head and sum(b in _CONTROL_BYTES for b in head) / len(head) > _BINARY_RATIO:
        return _BINARY
    return None


def _control_ratio(text: str) -> float:
    return sum(c in _CONTROL_CHARS for c in text) / len(text) if text else 0.0


def _not_utf8(byte: int, at: str) -> str:
    return (f"not valid UTF-8: byte 0x{byte:02X} {at} "
            "(Latin-1 or Windows-1252 perhaps?); re-save it as UTF-8")


def _too_long(nbytes: int, max_chars: int) -> str:
    return (f"{nbytes / 1_000_000:.1f} MB of text is over the {max_chars:,}-character limit; "
            "split the document or raise --max-chars")


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a string"


def _iso_date(value: str) -> str | None:
    """`value` if it is an ISO 8601 date or datetime; an RFC 2822 date (as in RSS) turned into
    ISO 8601; None if it is neither."""
    try:
        datetime.fromisoformat(value)
    except ValueError:
        pass
    else:
        return value
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _drain(stream: BinaryIO) -> int:
    """Read `stream` to its end, keeping nothing; the number of bytes read."""
    total = 0
    while chunk := stream.read(1 << 20):
        total += len(chunk)
    return total


def _drain_line(stream: BinaryIO, limit: int) -> int:
    """Read the rest of the current line, keeping nothing; the number of bytes read."""
    total = 0
    while chunk := stream.readline(limit):
        total += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return total
