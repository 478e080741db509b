"""The store's contract, run against every backend (DuckDB and PostgreSQL, see conftest.py)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

import eventwire
from eventwire.store import StoreError, content_hash, open_store
from eventwire.store.schema import FRAME_COLUMNS, LATEST_VERSION

from store_helpers import doc, event


def test_migrate_is_idempotent_and_versioned(db_url):
    with open_store(db_url) as s:
        assert s.schema_version() == LATEST_VERSION
        assert s.migrate() == LATEST_VERSION
        assert s.counts() == dict.fromkeys(
            ("documents", "events", "actors", "weapons", "evidence", "clusters"), 0)
    with open_store(db_url) as s:  # reopening keeps the version and migrates nothing
        assert s.schema_version() == LATEST_VERSION


def test_newer_schema_is_refused(db_url):
    with open_store(db_url) as s:
        s._fetch("INSERT INTO schema_version VALUES (999, 'future', CURRENT_TIMESTAMP) "
                 "RETURNING version")
    with pytest.raises(StoreError, match="newer than this eventwire"):
        open_store(db_url)


def test_store_and_read_back(store):
    events = [event("a", 0), event("a", 1, kind="DIPLO", lat=None, start=None)]
    assert store.upsert_document(doc("a"), events) is True
    assert list(store.event_records()) == [e.to_dict() for e in events]
    assert store.counts() == {"documents": 1, "events": 2, "actors": 4, "weapons": 2,
                              "evidence": 4, "clusters": 0}
    df = store.events()
    assert list(df.columns) == list(FRAME_COLUMNS)
    assert list(df["id"]) == ["ew-a-0", "ew-a-1"]  # dated events first
    first = df.iloc[0]
    assert (first["kind"], first["country"], first["lat"], first["lon"]) == ("AIR_STRIKE", "UKR", 50.45, 30.52)
    assert first["date_start"] == pd.Timestamp("2025-03-14")
    assert first["status"] == "reported" and first["confidence"] == pytest.approx(0.91)
    assert pd.isna(df.iloc[1]["lat"]) and pd.isna(df.iloc[1]["date_start"])
    assert str(df["date_start"].dtype).startswith("datetime64")


def test_same_document_again_adds_nothing(store):
    d, events = doc("a"), [event("a", 0)]
    assert store.upsert_document(d, events)
    before = store.documents()
    assert store.upsert_document(d, events) is False
    assert store.upsert_documents([(d, events, None), (d, events, None)]) == [False, False]
    assert store.counts()["events"] == 1
    pd.testing.assert_frame_equal(store.documents(), before)
    assert store.has_document("a", content_hash(d))
    assert not store.has_document("a", "other")
    assert not store.has_document("missing", content_hash(d))


def test_changed_document_replaces_its_own_events_only(store):
    store.upsert_documents([(doc("a"), [event("a", 0), event("a", 1)], None),
                            (doc("b"), [event("b", 0)], None)])
    changed = doc("a", "Russian forces struck Kyiv again.")
    assert store.upsert_document(changed, [event("a", 5)]) is True
    ids = [r["id"] for r in store.event_records()]
    assert ids == ["ew-a-5", "ew-b-0"]
    assert store.counts() == {"documents": 2, "events": 2, "actors": 4, "weapons": 2,
                              "evidence": 4, "clusters": 0}
    docs = store.documents().set_index("id")
    assert docs.loc["a", "content_hash"] == content_hash(changed)
    assert docs.loc["a", "n_events"] == 1
    # and back to no events at all: the document stays known, so it's skipped next time
    assert store.upsert_document(doc("a", "Nothing happened."), []) is True
    assert store.counts()["events"] == 1 and store.counts()["documents"] == 2
    assert store.upsert_document(doc("a", "Nothing happened."), []) is False


def test_duplicate_ids_in_one_batch_last_wins(store):
    v1, v2 = doc("a", "one"), doc("a", "two")
    assert store.upsert_documents([(v1, [event("a", 1)], None), (v2, [event("a", 2)], None)]) \
        == [True, True]
    assert [r["id"] for r in store.event_records()] == ["ew-a-2"]
    assert store.has_document("a", content_hash(v2))
    # v1 then v2 again ends where it is: v2 stored
    store.upsert_documents([(v1, [event("a", 1)], None), (v2, [event("a", 2)], None)])
    assert [r["id"] for r in store.event_records()] == ["ew-a-2"]
    assert store.counts()["events"] == 1


def test_failed_batch_leaves_nothing(store):
    store.upsert_document(doc("a"), [event("a", 0)])

    class Boom(Exception):
        pass

    class BadEvent:
        id = "bad"

        def to_dict(self):
            raise Boom

    with pytest.raises(Boom):
        store.upsert_documents([(doc("b"), [event("b", 0)], None),
                                (doc("a", "changed"), [BadEvent()], None)])
    assert [r["id"] for r in store.event_records()] == ["ew-a-0"]
    assert store.counts()["documents"] == 1
    assert store.upsert_document(doc("b"), [event("b", 0)])  # the store still works


@pytest.fixture
def spread(store):
    """Events over places, kinds and dates."""
    items = [
        (doc("kyiv"), [event("kyiv", 0, lat=50.45, lon=30.52, start="2025-03-14")], None),
        (doc("kharkiv"), [event("kharkiv", 0, lat=49.99, lon=36.23, start="2025-04-01",
                                end="2025-04-07")], None),
        (doc("odesa"), [event("odesa", 0, kind="ART_MISS_ATTACK", lat=46.48, lon=30.72,
                              start="2024-12-31")], None),
        (doc("warsaw"), [event("warsaw", 0, kind="DIPLO", country="POL", lat=52.23, lon=21.01,
                               start="2025-03-20")], None),
        (doc("nowhere"), [event("nowhere", 0, lat=None, start=None)], None),
    ]
    store.upsert_documents(items)
    return store


def ids(df) -> set[str]:
    return set(df["doc_id"])


def test_filters(spread):
    s = spread
    assert ids(s.events()) == {"kyiv", "kharkiv", "odesa", "warsaw", "nowhere"}
    assert ids(s.events(kind="DIPLO")) == {"warsaw"}
    assert ids(s.events(kind=["DIPLO", "ART_MISS_ATTACK"])) == {"warsaw", "odesa"}
    assert ids(s.events(kind=[])) == set()
    assert ids(s.events(country="POL")) == {"warsaw"}
    assert ids(s.events(country=("UKR",))) == {"kyiv", "kharkiv", "odesa"}  # "nowhere": no place
    # bbox is (min_lon, min_lat, max_lon, max_lat), inclusive
    assert ids(s.events(bbox=(30, 46, 37, 51))) == {"kyiv", "kharkiv", "odesa"}
    assert ids(s.events(bbox=(30.52, 50.45, 30.52, 50.45))) == {"kyiv"}
    # dates: overlap, inclusive; undated events never match a date filter
    assert ids(s.events(since="2025-01-01")) == {"kyiv", "kharkiv", "warsaw"}
    assert ids(s.events(until=date(2025, 3, 14))) == {"kyiv", "odesa"}
    assert ids(s.events(since="2025-04-05", until="2025-04-05")) == {"kharkiv"}
    assert ids(s.events(kind="AIR_STRIKE", country="UKR", bbox=(22, 44, 41, 53),
                        since="2025-03-01", until="2025-03-31")) == {"kyiv"}
    assert [r["doc_id"] for r in s.event_records(bbox=(30, 46, 37, 51), since="2025-01-01")] \
        == ["kharkiv", "kyiv"]
    assert list(s.events()["date_start"].dropna()) == sorted(s.events()["date_start"].dropna())


def test_bad_filters_are_clear(store):
    with pytest.raises(ValueError, match="min_lon, min_lat"):
        store.events(bbox=(1, 2, 3))
    with pytest.raises(ValueError, match="antimeridian"):
        store.events(bbox=(10, 0, 0, 1))
    with pytest.raises(ValueError, match="not an ISO date"):
        store.events(since="last week")


def test_clusters(spread):
    spread.set_clusters({"ew-kyiv-0": "c1", "ew-kharkiv-0": "c1", "ew-odesa-0": "c2"})
    assert spread.clusters().values.tolist() == [
        ["ew-kharkiv-0", "c1"], ["ew-kyiv-0", "c1"], ["ew-odesa-0", "c2"]]
    spread.set_clusters([("ew-warsaw-0", "c9")])
    assert spread.clusters().values.tolist() == [["ew-warsaw-0", "c9"]]
    assert spread.counts()["clusters"] == 1


def test_eventwire_open(db_url):
    with open_store(db_url) as s:
        s.upsert_document(doc("a"), [event("a", 0)])
    with eventwire.open(db_url) as db:
        df = db.events(kind="AIR_STRIKE")
    assert list(df["id"]) == ["ew-a-0"]


def test_unknown_url_is_clear():
    with pytest.raises(StoreError, match="unknown database URL"):
        open_store("mysql://x/y")


def test_duckdb_url_forms(tmp_path):
    path = tmp_path / "x.duckdb"
    with open_store(f"duckdb://{path}") as s:  # duckdb:///abs/path
        s.upsert_document(doc("a"), [event("a", 0)])
    with open_store(path) as s:
        assert s.counts()["events"] == 1


def test_missing_psycopg_names_the_extra(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(StoreError, match=r"eventwire\[postgres\]"):
        open_store("postgresql://localhost/x")


def test_import_eventwire_does_not_load_duckdb():
    import subprocess
    import sys

    code = "import sys, eventwire; assert 'duckdb' not in sys.modules and 'pandas' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_near_duplicate_is_stored_linked_without_events(store):
    from dataclasses import replace

    store.upsert_document(doc("a"), [event("a", 0)])
    copy = replace(doc("b", "MOSCOW (Wire) - Russian forces struck Kyiv with 48 drones."),
                   duplicate_of="a")
    assert store.upsert_document(copy, []) is True
    docs = store.documents().set_index("id")
    assert docs.loc["b", "duplicate_of"] == "a" and docs.loc["b", "n_events"] == 0
    assert pd.isna(docs.loc["a", "duplicate_of"])
    assert {e["doc_id"] for e in store.event_records()} == {"a"}
    # The same copy again is unchanged; the link stays.
    assert store.upsert_document(copy, []) is False
    assert store.documents().set_index("id").loc["b", "duplicate_of"] == "a"


def test_version_1_database_is_upgraded_in_place(tmp_path):
    """A database made by the first schema keeps its rows when opened by this version."""
    import duckdb

    from eventwire.store.schema import MIGRATIONS, SCHEMA_VERSION_DDL

    path = str(tmp_path / "v1.duckdb")
    con = duckdb.connect(path)
    con.execute(SCHEMA_VERSION_DDL)
    for sql in MIGRATIONS[0].for_dialect("duckdb"):
        con.execute(sql)
    con.execute("INSERT INTO schema_version VALUES (1, 'v1', CURRENT_TIMESTAMP)")
    con.execute("INSERT INTO documents VALUES ('old', 'h', '2025-01-01', NULL, NULL, NULL, 0, "
                "CURRENT_TIMESTAMP)")
    con.close()
    with open_store(path) as s:
        assert s.schema_version() == LATEST_VERSION
        docs = s.documents()
        assert list(docs["id"]) == ["old"] and docs["duplicate_of"].isna().all()
        s.upsert_document(doc("new"), [event("new", 0)])
        assert s.counts()["documents"] == 2
