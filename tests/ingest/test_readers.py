"""Pages, feeds and WARC files through `read_inputs`: what comes out, and one clear error per bad
document while the rest goes on. No model, no network."""

from __future__ import annotations

import gzip
import io

import pytest
from news_site import BRIDGE, DEPOT, FIXTURES, PROTEST, article

from eventwire.errors import DocumentError
from eventwire.ingest import read_inputs
from eventwire.ingest.dedup import NearDuplicates
from eventwire.ingest.html import decode, read_page
from eventwire.records import Document


def read(*paths, stdin: bytes = b""):
    return list(read_inputs([str(p) for p in paths], stdin=io.BytesIO(stdin)))


def docs(items):
    return [x for x in items if isinstance(x, Document)]


def errors(items):
    return [str(x) for x in items if isinstance(x, DocumentError)]


# -- HTML ------------------------------------------------------------------------------------------

def test_page_gives_body_title_date_author_and_canonical_id():
    (doc,) = read(FIXTURES / "harbour-fire.html")
    assert doc.id == doc.url == "https://courier.example/world/harbour-fire"
    assert doc.title == "Fire at Veldmar harbour injures three"  # the site's name taken off
    assert doc.published == "2025-03-14"  # the meta tag's, not the footer's "Last updated"
    assert doc.author == "Mira Testwriter"
    assert doc.source == "The Fictania Courier"
    assert "Three dock workers were injured" in doc.text
    assert "Home" not in doc.text and "Most read" not in doc.text and "Copyright" not in doc.text


def test_page_without_a_stated_date_has_none():
    # Its footer says "Last updated: 2023-01-05", "Posted on 3 March 2022": text, not a date it states.
    (doc,) = read(FIXTURES / "undated.html")
    assert doc.published is None
    assert doc.id == "undated.html"
    assert "Train drivers in the fictional province of Ostravia" in doc.text


@pytest.mark.parametrize(("head", "url", "expected"), [
    ('<meta name="dc.date" content="2025-02-03">', None, "2025-02-03"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-01-31T23:10:00-05:00"}</script>',
     None, "2025-01-31"),
    ("", "https://courier.example/2024/06/30/story", "2024-06-30"),
    ("", "https://courier.example/story-2024", None),
])
def test_date_sources(head, url, expected):
    html = article("T", DEPOT).replace(b"<title>", head.encode() + b"<title>")
    assert read_page(html, url=url).published == expected


def test_page_in_windows_1252_is_decoded():
    (doc,) = read(FIXTURES / "latin1.html")
    assert "café in the invented town of Brenn" in doc.text


def test_wrong_declared_charset_does_not_crash():
    page = article("T", "Attackers damaged a café in Brenn, the mayor of the invented town said.")
    assert "café" in read_page(page, charset="iso-2022-jp").text  # contradicted: falls through
    assert "café" in read_page(page, charset="no-such-charset").text  # unknown: skipped
    latin = page.replace(b"charset='utf-8'", b"").decode("utf-8").encode("cp1252")
    assert "café" in read_page(latin, charset="utf-8").text  # wrongly declared UTF-8


def test_decode_prefers_bom_then_declared_then_meta():
    assert decode("\ufeffé".encode("utf-8"), "cp1252") == "é"
    assert decode("é".encode("cp1252"), "cp1252") == "é"
    assert decode(b"<meta charset=windows-1252>\xe9", None).endswith("é")


def test_bad_pages_are_one_error_each(tmp_path):
    good = tmp_path / "a-good.html"
    good.write_bytes(article("Fire", DEPOT))
    (tmp_path / "b-empty.html").write_bytes(b"")
    (tmp_path / "c-menu.html").write_bytes(b"<html><body><nav>Home | News</nav></body></html>")
    (tmp_path / "d-broken.html").write_bytes(b"<html><body><p>Unclosed <b>tags <i>and " + PROTEST.encode() + b"<div")
    (tmp_path / "e-huge.html").write_bytes(b"<html><body><p>" + b"word " * 1_100_000 + b"</p></body></html>")
    (tmp_path / "f-binary.html").write_bytes(bytes(range(256)) * 10)
    items = read(tmp_path)
    texts = {d.id: d.text for d in docs(items)}
    assert set(texts) == {"a-good.html", "d-broken.html"}  # malformed HTML is read as far as it goes
    assert "300 protesters" in texts["d-broken.html"]
    errs = errors(items)
    assert len(errs) == 4, errs
    assert any("b-empty.html: empty page" in e for e in errs)
    assert any("c-menu.html: no article text found" in e for e in errs)
    assert any("e-huge.html: page is 5.5 MB, over the 5 MB limit" in e for e in errs)
    assert any("f-binary.html" in e for e in errs)


# -- feeds -----------------------------------------------------------------------------------------

def test_rss_entries_become_documents_and_link_only_entries_are_skipped_with_a_warning(caplog):
    items = read(FIXTURES / "feed.rss")
    assert errors(items) == []
    depot, protest = docs(items)
    assert depot.id == "https://courier.example/world/fuel-depot"
    assert depot.text == ("Unidentified drones struck a fuel depot outside Veldmar overnight, the "
                          "regional governor said on Friday.\nTwo guards were injured.")
    assert depot.published == "2025-03-14" and depot.source == "Fictania Courier: World"
    assert protest.text.startswith("Police in the invented town of Brenn")  # from content:encoded
    assert "1 of 3 entries have only a title and a link" in caplog.text


def test_atom_entry_keeps_its_own_time_zone_date():
    (doc,) = read(FIXTURES / "feed.atom")
    assert doc.published == "2025-04-01"  # 22:30 at -03:00; in UTC it would be the 2nd
    assert doc.author == "Jon Placeholder"


def test_malformed_feed_reads_what_it_can_and_garbage_is_an_error(tmp_path, caplog):
    whole = (FIXTURES / "feed.rss").read_bytes()
    cut = whole[:whole.index(b"<item>", whole.index(b"<item>") + 1) + 40]  # ends in the second item
    (tmp_path / "cut.rss").write_bytes(cut)
    (tmp_path / "junk.xml").write_bytes(b"<?xml version='1.0'?><not-a-feed><x>1</x></not-a-feed>")
    items = read(tmp_path / "cut.rss", tmp_path / "junk.xml")
    assert [d.id for d in docs(items)][:1] == ["https://courier.example/world/fuel-depot"]
    assert [e.split(": ", 1)[1] for e in errors(items)] == ["not an RSS or Atom feed"]
    assert "malformed feed" in caplog.text


# -- WARC ------------------------------------------------------------------------------------------

def warc(pages: list[tuple[str, bytes]], gz: bool = True, extra: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for uri, body in pages:
        if extra:  # a request record before each response, as crawlers write
            writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    if extra:
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://x.example/logo.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG...."), http_headers=image))
    return buf.getvalue()


PAGES = [("https://courier.example/a", article("A", DEPOT, published="2025-03-14")),
         ("https://courier.example/b", article("B", PROTEST)),
         ("https://courier.example/c", article("C", BRIDGE))]


@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_responses_become_documents(tmp_path, gz):
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    p.write_bytes(warc(PAGES, gz=gz))
    items = read(p)
    assert errors(items) == []
    assert [d.id for d in docs(items)] == [u for u, _ in PAGES]
    assert docs(items)[0].published == "2025-03-14" and docs(items)[1].published is None


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_warc_keeps_the_records_before(tmp_path, gz):
    data = warc(PAGES, gz=gz, extra=False)
    p = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    p.write_bytes(data[:-60])  # the last record loses its end
    good = tmp_path / "good.txt"
    good.write_text(BRIDGE)
    items = read(p, good)
    assert [d.id for d in docs(items)] == PAGES_IDS[:2] + ["good.txt"]
    (err,) = errors(items)
    assert "https://courier.example/c" in err and "truncated WARC record" in err


PAGES_IDS = [u for u, _ in PAGES]


def test_warc_cut_inside_a_record_header_is_reported(tmp_path):
    data = warc(PAGES, gz=False, extra=False)
    second_end = data.index(b"WARC/1.", data.index(b"WARC/1.", 10) + 10)
    p = tmp_path / "cut.warc"
    p.write_bytes(data[:second_end + 40])  # the third record's first header lines only
    items = read(p)
    assert [d.id for d in docs(items)] == PAGES_IDS[:2]
    (err,) = errors(items)
    assert "truncated WARC file" in err or "unreadable WARC data" in err


def test_warc_garbage_after_a_record_is_an_error(tmp_path):
    p = tmp_path / "bad.warc.gz"
    p.write_bytes(warc(PAGES[:1]) + b"\x1f\x8bnot really gzip at all" * 10)
    items = read(p)
    assert [d.id for d in docs(items)] == PAGES_IDS[:1]
    assert len(errors(items)) == 1


# -- stdin and directories -------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "expected_id"), [
    (article("A", DEPOT, canonical="https://courier.example/a"), "https://courier.example/a"),
    ((FIXTURES / "feed.atom").read_bytes(), "https://ostravia.example/news/bridge"),
    (warc(PAGES[:1]), PAGES_IDS[0]),
    (warc(PAGES[:1], gz=False), PAGES_IDS[0]),
])
def test_stdin_is_sniffed(data, expected_id):
    items = read("-", stdin=data)
    assert errors(items) == []
    assert [d.id for d in docs(items)] == [expected_id]


def test_directory_reads_every_kind(tmp_path):
    for name in ("harbour-fire.html", "feed.atom", "feed.rss"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    (tmp_path / "crawl.warc.gz").write_bytes(warc(PAGES[2:]))
    (tmp_path / "notes.md").write_text("not read")
    items = read(tmp_path)
    assert errors(items) == []
    assert len(docs(items)) == 1 + 2 + 1 + 1


# -- near-duplicates -------------------------------------------------------------------------------

def test_wire_copies_and_updates_are_linked_other_reports_are_not():
    seen = NearDuplicates()
    first = seen.check(Document("a", DEPOT))
    wire = seen.check(Document("b", "VELDMAR, Fictania (Wire) - " + DEPOT + " (Reporting by an invented desk.)"))
    update = seen.check(Document("c", DEPOT + " Later on Friday the governor said the fire was out."))
    other = seen.check(Document("d", DEPOT.replace("fuel depot outside Veldmar", "power plant near Brenn")
                                .replace("Two guards", "Five workers").replace("four", "nine")
                                .replace("storage tank", "transformer hall").replace("harbour", "river")))
    protest = seen.check(Document("e", PROTEST))
    assert first.duplicate_of is None
    assert wire.duplicate_of == "a" and update.duplicate_of == "a"
    assert other.duplicate_of is None and protest.duplicate_of is None
    # A new version under the same id is never its own duplicate.
    assert seen.check(Document("a", DEPOT + " Updated.")).duplicate_of is None


def test_gzip_file_that_is_not_a_warc_is_still_refused(tmp_path):
    p = tmp_path / "x.txt.gz"
    p.write_bytes(gzip.compress(b"some text"))
    assert "gzip-compressed" in errors(read(p))[0]
