"""Reading inputs: every kind of bad input gets one clear error and the good documents still come out.

No model needed: `eventwire.ingest` only reads files.
"""

from __future__ import annotations

import gzip
import io
import json
import logging

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.errors import DocumentError
from eventwire.ingest import read_inputs
from eventwire.records import Document

GOOD = "Russia fired 51 missiles at Ukraine early Saturday, officials said."


def read(paths, stdin=b"", **kw):
    return list(read_inputs([str(p) for p in paths], stdin=io.BytesIO(stdin), **kw))


def docs(items):
    return [x for x in items if isinstance(x, Document)]


def errors(items):
    return [str(x) for x in items if isinstance(x, DocumentError)]


def jsonl(*objs) -> bytes:
    return b"".join(json.dumps(o).encode() + b"\n" for o in objs)


@pytest.fixture
def good_txt(tmp_path):
    p = tmp_path / "good.txt"
    p.write_text(GOOD, encoding="utf-8")
    return p


def check_one_error_between_good(tmp_path, good_txt, bad, *expected):
    """`bad` between two good files: the good ones come out, `bad` gets one error saying `expected`."""
    items = read([good_txt, bad, good_txt])
    assert [d.text for d in docs(items)] == [GOOD, GOOD]
    (err,) = errors(items)
    assert err.startswith(str(bad)), err
    for part in expected:
        assert part in err
    return err


# -- bad files, each between two good ones ---------------------------------------------------------

def test_empty_file(tmp_path, good_txt):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    check_one_error_between_good(tmp_path, good_txt, bad, "empty text")


def test_whitespace_only_file(tmp_path, good_txt):
    bad = tmp_path / "blank.txt"
    bad.write_bytes(b" \n\t\r\n  \n")
    check_one_error_between_good(tmp_path, good_txt, bad, "empty text")


def test_invalid_utf8_names_the_byte_offset(tmp_path, good_txt):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Kyiv café attack".encode("latin-1"))
    check_one_error_between_good(tmp_path, good_txt, bad, "not valid UTF-8", "0xE9", "offset 8")


def test_invalid_utf8_offset_counts_the_bom(tmp_path, good_txt):
    bad = tmp_path / "bom-latin1.txt"
    bad.write_bytes(b"\xef\xbb\xbf" + "café".encode("latin-1"))
    check_one_error_between_good(tmp_path, good_txt, bad, "offset 6")


def test_binary_file_with_nul_bytes(tmp_path, good_txt):
    bad = tmp_path / "image.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    check_one_error_between_good(tmp_path, good_txt, bad, "looks like a binary file, not text")


def test_binary_file_of_control_characters(tmp_path, good_txt):
    bad = tmp_path / "controls.txt"
    bad.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 0x0E, 0x0F, 0x10, 65]) * 200)
    check_one_error_between_good(tmp_path, good_txt, bad, "looks like a binary file, not text")


def test_binary_jsonl_file(tmp_path, good_txt):
    bad = tmp_path / "data.jsonl"
    bad.write_bytes(b"\x00\x01\x02" * 1000)
    check_one_error_between_good(tmp_path, good_txt, bad, "looks like a binary file")


def test_gzip_file_says_decompress(tmp_path, good_txt):
    bad = tmp_path / "news.jsonl"
    bad.write_bytes(gzip.compress(jsonl({"id": "a", "text": GOOD})))
    check_one_error_between_good(tmp_path, good_txt, bad, "gzip", "gunzip")


def test_utf16_file_says_resave_as_utf8(tmp_path, good_txt):
    bad = tmp_path / "utf16.txt"
    bad.write_bytes(GOOD.encode("utf-16"))
    check_one_error_between_good(tmp_path, good_txt, bad, "UTF-16", "UTF-8")


def test_five_mb_text_is_over_the_limit(tmp_path, good_txt):
    bad = tmp_path / "huge.txt"
    bad.write_bytes(b"word " * 1_000_000)
    err = check_one_error_between_good(tmp_path, good_txt, bad)
    assert err == (f"{bad}: 5.0 MB of text is over the 1,000,000-character limit; "
                   "split the document or raise --max-chars")


def test_text_just_over_max_chars(tmp_path, good_txt):
    bad = tmp_path / "long.txt"
    bad.write_text("x" * 101, encoding="utf-8")
    items = read([good_txt, bad], max_chars=100)
    assert errors(items) == [f"{bad}: 0.0 MB of text is over the 100-character limit; "
                             "split the document or raise --max-chars"]
    assert len(docs(read([bad], max_chars=101))) == 1


def test_missing_file(tmp_path, good_txt):
    bad = tmp_path / "nope.jsonl"
    check_one_error_between_good(tmp_path, good_txt, bad, "no such file")


def test_html_file_is_read_as_a_page(tmp_path, good_txt):
    page = tmp_path / "page.html"
    page.write_text("<html><body><article><p>" + GOOD + "</p></article></body></html>", encoding="utf-8")
    items = read([good_txt, page])
    assert errors(items) == []
    assert [(d.id, d.text) for d in docs(items)] == [("good.txt", GOOD), ("page.html", GOOD)]


# -- plain text ------------------------------------------------------------------------------------

def test_text_file_is_one_document_named_by_file(tmp_path):
    p = tmp_path / "report-1.txt"
    p.write_text(GOOD + "\n\nSecond paragraph.\n", encoding="utf-8")
    (doc,) = read([p])
    assert doc == Document(id="report-1.txt", text=GOOD + "\n\nSecond paragraph.\n", published=None)


def test_bom_is_stripped(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    (doc,) = read([p])
    assert doc.text == GOOD


def test_crlf_is_normalised_before_the_document_is_built(tmp_path):
    p = tmp_path / "windows.txt"
    p.write_bytes(b"First line.\r\nSecond line.\rThird.\r\n")
    (doc,) = read([p])
    assert doc.text == "First line.\nSecond line.\nThird.\n"
    assert doc.text[doc.text.index("Second"):][:6] == "Second"  # offsets index the normalised text


def test_other_extension_is_sniffed(tmp_path):
    p = tmp_path / "article.md"
    p.write_text(GOOD, encoding="utf-8")
    q = tmp_path / "feed.data"
    q.write_bytes(jsonl({"id": "f1", "text": GOOD}))
    assert [d.id for d in docs(read([p, q]))] == ["article.md", "f1"]


# -- JSON Lines ------------------------------------------------------------------------------------

def test_jsonl_fields(tmp_path):
    p = tmp_path / "news.jsonl"
    p.write_bytes(jsonl({"id": "d1", "text": GOOD, "published": "2025-12-06", "title": "T",
                         "url": "https://example.org/1", "source": "Wire"}))
    (doc,) = read([p])
    assert doc == Document(id="d1", text=GOOD, published="2025-12-06", title="T",
                           url="https://example.org/1", source="Wire")


def test_bad_lines_each_get_one_error_naming_the_line(tmp_path):
    p = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "ok-1", "text": GOOD}),                 # 1
        '{"id": "broken", "text": "no closing quote}',            # 2 malformed JSON
        json.dumps(["not", "an", "object"]),                      # 3 non-object
        json.dumps({"id": "no-text", "title": "headline only"}),  # 4 no text
        json.dumps({"id": "num-text", "text": 42}),               # 5 non-string text
        json.dumps({"id": "blank", "text": "   \n "}),            # 6 empty text
        "",                                                       # 7 blank line: skipped
        json.dumps({"text": GOOD}),                               # 8 no id
        json.dumps({"id": "bad-date", "text": GOOD, "published": "last week"}),  # 9
        json.dumps({"id": "ok-2", "text": GOOD}),                 # 10
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read([p])
    assert [d.id for d in docs(items)] == ["ok-1", f"{p}:8", "ok-2"]
    assert errors(items) == [
        f"{p}:2: not valid JSON (Unterminated string starting at column 26)",
        f"{p}:3: expected a JSON object {{...}}, got an array",
        f"{p}:4 (no-text): no 'text' field",
        f"{p}:5 (num-text): 'text' must be a string, got a number",
        f"{p}:6 (blank): empty text",
        f"{p}:9 (bad-date): 'published' is not a date eventwire can read ('last week'); "
        "use ISO 8601, e.g. 2025-12-06",
    ]


def test_invalid_utf8_line_is_one_error(tmp_path):
    p = tmp_path / "latin1.jsonl"
    p.write_bytes(jsonl({"id": "a", "text": GOOD})
                  + b'{"id": "b", "text": "caf\xe9"}\n'
                  + jsonl({"id": "c", "text": GOOD}))
    items = read([p])
    assert [d.id for d in docs(items)] == ["a", "c"]
    (err,) = errors(items)
    assert err.startswith(f"{p}:2: not valid UTF-8: byte 0xE9 at byte offset 24 of the line")


def test_jsonl_bom_and_crlf(tmp_path):
    p = tmp_path / "windows.jsonl"
    body = jsonl({"id": "a", "text": "One.\r\nTwo."}, {"id": "b", "text": GOOD}).replace(b"\n", b"\r\n")
    p.write_bytes(b"\xef\xbb\xbf" + body)
    assert [(d.id, d.text) for d in read([p])] == [("a", "One.\nTwo."), ("b", GOOD)]


def test_jsonl_text_over_the_limit(tmp_path):
    p = tmp_path / "long.jsonl"
    p.write_bytes(jsonl({"id": "a", "text": "x" * (len(GOOD) + 1)}, {"id": "b", "text": GOOD}))
    items = read([p], max_chars=len(GOOD))
    assert [d.id for d in docs(items)] == ["b"]
    assert errors(items) == [f"{p}:1 (a): 0.0 MB of text is over the {len(GOOD)}-character limit; "
                             "split the document or raise --max-chars"]


def test_jsonl_line_far_over_the_limit_is_skipped_without_reading_it_whole(tmp_path):
    p = tmp_path / "giant-line.jsonl"
    p.write_bytes(jsonl({"id": "a", "text": "x" * 5_000_000}, {"id": "b", "text": GOOD}))
    items = read([p], max_chars=1000)
    assert [d.id for d in docs(items)] == ["b"]
    (err,) = errors(items)
    assert err.startswith(f"{p}:1: 5.0 MB of text is over the 1,000-character limit")


def test_numeric_id_becomes_a_string(tmp_path):
    p = tmp_path / "ids.jsonl"
    p.write_bytes(jsonl({"id": 7, "text": GOOD}, {"id": ["x"], "text": GOOD}))
    items = read([p])
    assert [d.id for d in docs(items)] == ["7"]
    assert errors(items) == [f"{p}:2: 'id' must be a string or an integer, got an array"]


def test_rss_style_published_date_becomes_iso(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_bytes(jsonl({"id": "a", "text": GOOD, "published": "Sat, 06 Dec 2025 10:00:00 GMT"},
                        {"id": "b", "text": GOOD, "published": "2025-12-06T08:30:00Z"}))
    assert [d.published for d in read([p])] == ["2025-12-06T10:00:00+00:00", "2025-12-06T08:30:00Z"]


def test_duplicate_ids_are_allowed_but_warned(tmp_path, caplog):
    p = tmp_path / "dups.jsonl"
    p.write_bytes(jsonl({"id": "same", "text": GOOD}, {"id": "same", "text": GOOD + " Again."}))
    with caplog.at_level(logging.WARNING, logger="eventwire"):
        items = read([p])
    assert [d.id for d in docs(items)] == ["same", "same"]
    assert errors(items) == []
    assert any("duplicate id 'same'" in r.getMessage() and f"{p}:1" in r.getMessage()
               for r in caplog.records)


def test_big_jsonl_streams_line_by_line():
    """The reader pulls a bounded amount from the stream per document, not the whole input."""
    line = json.dumps({"text": GOOD * 15}).encode() + b"\n"
    total = len(line) * 3000

    class Counting(io.BytesIO):
        pulled = 0

        def read(self, size=-1):
            data = super().read(size)
            Counting.pulled += len(data)
            return data

    stream = Counting(line * 3000)
    items = read_inputs(["-"], stdin=stream)
    assert isinstance(next(items), Document)
    assert Counting.pulled < total / 10


# -- stdin -----------------------------------------------------------------------------------------

def test_stdin_json_lines():
    items = read(["-"], stdin=b"\n  \n" + jsonl({"id": "s1", "text": GOOD}, {"text": GOOD}) + b"{oops\n")
    assert [d.id for d in docs(items)] == ["s1", "stdin:4"]
    assert errors(items) == ["stdin:5: not valid JSON (Expecting property name enclosed in double "
                             "quotes at column 2)"]


def test_stdin_plain_text():
    (doc,) = read(["-"], stdin=b"\xef\xbb\xbf  " + GOOD.encode() + b"\r\n")
    assert doc == Document(id="stdin", text="  " + GOOD + "\n")


def test_stdin_empty():
    assert errors(read(["-"], stdin=b"  \n")) == ["stdin: empty text"]


def test_stdin_binary():
    assert errors(read(["-"], stdin=b"\x00\x01garbage")) == ["stdin: looks like a binary file, not text"]


def test_stdin_named_twice(good_txt):
    items = read(["-", good_txt, "-"], stdin=GOOD.encode())
    assert [d.id for d in docs(items)] == ["stdin", "good.txt"]
    (err,) = errors(items)
    assert err.startswith("stdin: '-' is given more than once")


# -- directories -----------------------------------------------------------------------------------

def test_directory_reads_its_jsonl_and_txt_files_sorted(tmp_path):
    d = tmp_path / "inbox"
    d.mkdir()
    (d / "b.txt").write_text(GOOD, encoding="utf-8")
    (d / "a.jsonl").write_bytes(jsonl({"id": "a1", "text": GOOD}, {"id": "a2"}))
    (d / "c.txt").write_bytes(b"")
    (d / "notes.md").write_text("ignored", encoding="utf-8")
    (d / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (d / "sub").mkdir()
    (d / "sub" / "deeper.txt").write_text("ignored: not recursive", encoding="utf-8")
    items = read([d])
    assert [d.id for d in docs(items)] == ["a1", "b.txt"]
    assert errors(items) == [f"{d}/a.jsonl:2 (a2): no 'text' field", f"{d}/c.txt: empty text"]


def test_directory_with_nothing_readable(tmp_path, good_txt):
    d = tmp_path / "empty-dir"
    d.mkdir()
    (d / "readme.md").write_text("not an input", encoding="utf-8")
    items = read([good_txt, d])
    assert len(docs(items)) == 1
    (err,) = errors(items)
    assert err.startswith(f"{d}: directory has no readable files")


# -- invariants ------------------------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=400), as_jsonl=st.booleans())
def test_any_bytes_give_documents_or_errors_never_an_exception(data, as_jsonl):
    prefix = b'{"text": "' if as_jsonl else b""
    for item in read_inputs(["-"], stdin=io.BytesIO(prefix + data), max_chars=200):
        assert isinstance(item, (Document, DocumentError))
        if isinstance(item, Document):
            assert item.text.strip() and "\r" not in item.text and len(item.text) <= 200
            assert not item.text.startswith("\ufeff")
