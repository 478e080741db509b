"""Crash safety with a real kill: `eventwire ingest` is SIGKILLed at random points, then run
again to completion; the database must equal the one an uninterrupted run makes (same documents,
same event ids, same rows in every table: nothing lost, nothing twice)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.store import open_store
from eventwire.store.schema import (
    ACTOR_COLUMNS, DOCUMENT_COLUMNS, EVENT_COLUMNS, EVIDENCE_COLUMNS, WEAPON_COLUMNS,
)
from newsgen import write_jsonl

pytestmark = pytest.mark.model

N_DOCS = 200
BATCH = 4  # small batches: many commits, so kills land before, inside and after transactions
EVENTWIRE = [sys.executable, "-m", "eventwire.cli"]


def ingest(jsonl: Path, db: str) -> subprocess.Popen:
    return subprocess.Popen([*EVENTWIRE, "ingest", str(jsonl), "--db", db, "--batch-size",
                             str(BATCH), "--quiet"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def snapshot(db: str) -> dict[str, list[tuple]]:
    """Every table's rows, in a fixed order, without the ingestion time."""
    tables = {"documents": ([c for c in DOCUMENT_COLUMNS if c != "ingested_at"], "id"),
              "events": (EVENT_COLUMNS, "doc_id, seq"),
              "actors": (ACTOR_COLUMNS, "doc_id, seq, idx"),
              "weapons": (WEAPON_COLUMNS, "doc_id, seq, idx"),
              "evidence": (EVIDENCE_COLUMNS, "doc_id, seq, idx")}
    with open_store(db) as s:
        out = {}
        for table, (columns, order) in tables.items():
            cols = ", ".join(f'"{c}"' for c in columns)
            out[table] = s._fetch(f"SELECT {cols} FROM {table} ORDER BY {order}")[1]
        return out


@pytest.fixture(scope="module")
def news(tmp_path_factory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("news") / "news.jsonl", N_DOCS)


@pytest.fixture(scope="module")
def reference(news, tmp_path_factory) -> dict[str, list[tuple]]:
    """The database of an uninterrupted run."""
    db = str(tmp_path_factory.mktemp("ref") / "ref.duckdb")
    proc = ingest(news, db)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    snap = snapshot(db)
    assert len(snap["documents"]) == N_DOCS and len(snap["events"]) > N_DOCS
    return snap


def _stored_something(db: str) -> bool:
    """Whether the running ingest has committed a batch (probing without disturbing it)."""
    if db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0] > 0
    wal = Path(db + ".wal")  # DuckDB appends each commit to the write-ahead log
    return wal.exists() and wal.stat().st_size > 0


def test_killed_ingest_resumes_to_the_same_database(news, reference, db_url):
    seed = int(time.time() * 1000) % 100_000
    rng = random.Random(seed)
    with open_store(db_url):  # the empty schema, so the first commit of ingest is a batch
        pass
    partial = []
    for _ in range(3):
        proc = ingest(news, db_url)
        deadline = time.monotonic() + 120
        while proc.poll() is None and not _stored_something(db_url):
            assert time.monotonic() < deadline, "ingest stored nothing in 120 s"
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.8))
        if proc.poll() is not None:  # finished before the kill
            break
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        with open_store(db_url) as s:
            partial.append(s.counts()["documents"])
    assert partial and 0 < partial[0] < N_DOCS, f"no kill left a partial database (seed {seed})"
    proc = ingest(news, db_url)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    got = snapshot(db_url)
    for table, rows in reference.items():
        assert len(got[table]) == len(rows), (table, seed, partial)
        assert got[table] == rows, (table, seed, partial)
