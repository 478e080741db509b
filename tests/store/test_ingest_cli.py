"""`eventwire ingest`: what is stored equals what `extract` prints; reruns skip; errors and exit
codes as `extract`. Real model, real subprocesses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.store import open_store

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


def eventwire(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=600)


@pytest.fixture(scope="module")
def extracted() -> list[dict]:
    result = eventwire("extract", str(SAMPLES))
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_ingest_stores_what_extract_prints_and_reruns_skip(db_url, extracted):
    first = eventwire("ingest", str(SAMPLES), "--db", db_url)
    assert first.returncode == 0, first.stderr
    n_docs = len({e["doc_id"] for e in extracted})
    assert first.stderr.strip().endswith(
        f"{n_docs} documents, {len(extracted)} events, 0 skipped unchanged, "
        "0 skipped as duplicates, 0 failed")
    with open_store(db_url) as s:
        stored = list(s.event_records())
        counts = s.counts()
    key = lambda e: (e["doc_id"], e["id"])  # noqa: E731
    assert sorted(stored, key=key) == sorted(extracted, key=key)

    again = eventwire("ingest", str(SAMPLES), "--db", db_url)
    assert again.returncode == 0, again.stderr
    assert f"0 events, {n_docs} skipped unchanged, 0 skipped as duplicates, 0 failed" in again.stderr
    with open_store(db_url) as s:
        assert s.counts() == counts


def test_changed_document_and_bad_input(tmp_path):
    db = str(tmp_path / "events.duckdb")
    news = tmp_path / "news.jsonl"
    a = {"id": "a", "text": "Russia launched 40 drones at Kharkiv overnight, the governor said.",
         "published": "2025-03-14"}
    b = {"id": "b", "text": "Police detained 12 protesters in Belgrade on Saturday.",
         "published": "2025-03-15"}
    news.write_text(json.dumps(a) + "\n" + json.dumps(b) + "\n{broken\n", encoding="utf-8")
    first = eventwire("ingest", str(news), "--db", db)
    assert first.returncode == 1  # one bad line: exit 1, the others stored
    assert "error: " in first.stderr and "news.jsonl:3" in first.stderr
    assert "3 documents" in first.stderr and "1 failed" in first.stderr
    with open_store(db) as s:
        b_events = [e for e in s.event_records() if e["doc_id"] == "b"]
        assert {e["doc_id"] for e in s.event_records()} == {"a", "b"}

    a["text"] = "Russia launched 40 missiles at Odesa overnight, the governor said."
    news.write_text(json.dumps(a) + "\n" + json.dumps(b) + "\n", encoding="utf-8")
    second = eventwire("ingest", str(news), "--db", db, "--quiet")
    assert second.returncode == 0 and second.stderr == ""
    with open_store(db) as s:
        records = list(s.event_records())
        assert s.counts()["documents"] == 2
    assert [e for e in records if e["doc_id"] == "b"] == b_events  # b untouched
    assert any(e["location"] and e["location"]["name"] == "Odesa"
               for e in records if e["doc_id"] == "a")
    assert not any(e["location"] and e["location"]["name"] == "Kharkiv"
                   for e in records if e["doc_id"] == "a")


def test_bad_database_exits_2(tmp_path):
    result = eventwire("ingest", str(SAMPLES), "--db", "mysql://nowhere/db")
    assert result.returncode == 2
    assert result.stderr.startswith("error: unknown database URL")
    result = eventwire("ingest", str(SAMPLES), "--db", str(tmp_path / "no" / "such" / "dir.duckdb"))
    assert result.returncode == 2 and result.stderr.startswith("error: cannot open")


def test_wire_copy_is_stored_linked_and_not_counted(tmp_path):
    db = str(tmp_path / "events.duckdb")
    news = tmp_path / "news.jsonl"
    story = ("Russian drones struck an energy facility in Kharkiv overnight, the regional "
             "governor said on Friday. Three people were injured and a fire broke out at the "
             "site, which was damaged, according to emergency services.")
    rows = [{"id": "orig", "text": story, "published": "2025-03-14"},
            {"id": "copy", "text": "KYIV (Wire) - " + story + " Reporting by an invented desk.",
             "published": "2025-03-14"},
            {"id": "other", "text": "Police detained 12 protesters in Belgrade on Saturday.",
             "published": "2025-03-15"}]
    news.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    first = eventwire("ingest", str(news), "--db", db)
    assert first.returncode == 0, first.stderr
    assert "duplicate: copy: nearly repeats orig" in first.stderr
    assert "1 skipped as duplicates" in first.stderr
    with open_store(db) as s:
        docs = s.documents().set_index("id")
        assert docs.loc["copy", "duplicate_of"] == "orig" and docs.loc["copy", "n_events"] == 0
        assert {e["doc_id"] for e in s.event_records()} == {"orig", "other"}
        counts = s.counts()
    again = eventwire("ingest", str(news), "--db", db)  # nothing changes on a rerun
    assert again.returncode == 0 and "3 skipped unchanged" in again.stderr, again.stderr
    with open_store(db) as s:
        assert s.counts() == counts
    every = eventwire("ingest", str(news), "--db", str(tmp_path / "all.duckdb"), "--no-dedup")
    with open_store(str(tmp_path / "all.duckdb")) as s:
        assert {e["doc_id"] for e in s.event_records()} == {"orig", "copy", "other"}
    assert every.returncode == 0
