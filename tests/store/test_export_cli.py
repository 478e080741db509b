"""`eventwire reconcile` and `eventwire export` on a DuckDB store filled by `eventwire ingest`
from the bundled samples. Real model, real subprocesses, outputs read back with real parsers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from eventwire.store import open_store
from eventwire.store.export import ACLED_COLUMNS

pytestmark = pytest.mark.model

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def eventwire(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=600)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("export") / "events.duckdb")
    result = eventwire("ingest", str(SAMPLES), "--db", path, "-q")
    assert result.returncode == 0, result.stderr
    return path


def test_reconcile_stores_one_cluster_per_event_at_least(db, tmp_path):
    out = tmp_path / "clusters.jsonl"
    result = eventwire("reconcile", "--db", db, "-o", str(out))
    assert result.returncode == 0, result.stderr
    clusters = [json.loads(line) for line in out.read_text().splitlines()]
    with open_store(db) as s:
        n_events = s.counts()["events"]
        assigned = s.clusters()
        where = {e["id"]: (e["location"] or {}).get("country") for e in s.event_records()}
    members = [m for c in clusters for m in c["members"]]
    assert len(members) == len(set(members)) == n_events == len(assigned)
    for c in clusters:  # a cluster never spans countries, and names its sources
        assert len({where[m] for m in c["members"]}) == 1
        assert c["n_sources"] >= 1


def test_every_format(db, tmp_path):
    with open_store(db) as s:
        n = s.counts()["events"]
    jsonl = eventwire("export", "--db", db, "-f", "jsonl")
    assert jsonl.returncode == 0 and len(jsonl.stdout.splitlines()) == n
    assert all("kind" in json.loads(line) for line in jsonl.stdout.splitlines())

    csv = tmp_path / "events.csv"
    assert eventwire("export", "--db", db, "-f", "csv", "-o", str(csv)).returncode == 0
    frame = pd.read_csv(csv)
    assert list(frame.columns[:len(ACLED_COLUMNS)]) == list(ACLED_COLUMNS) and len(frame) == n

    geo = tmp_path / "events.geojson"
    assert eventwire("export", "--db", db, "-f", "geojson", "-o", str(geo)).returncode == 0
    collection = json.loads(geo.read_text())
    assert collection["type"] == "FeatureCollection" and collection["features"]
    for f in collection["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90

    pq = tmp_path / "parquet"
    assert eventwire("export", "--db", db, "-f", "parquet", "-o", str(pq)).returncode == 0
    assert {p.name.split("=")[0] for p in pq.iterdir()} == {"month"}
    assert len(pd.read_parquet(pq)) == n

    plover = eventwire("export", "--db", db, "-f", "plover", "--kind", "AIR_STRIKE")
    assert plover.returncode == 0
    rows = [json.loads(line) for line in plover.stdout.splitlines()]
    assert rows and all(r["event_type"] == "ASSAULT" for r in rows)


def test_parquet_to_stdout_is_a_usage_error(db):
    result = eventwire("export", "--db", db, "-f", "parquet")
    assert result.returncode == 2 and "directory" in result.stderr
