"""Exports: JSON Lines, ACLED-style CSV, GeoJSON, Parquet by month, PLOVER JSON.

Events are built by hand in the contract's JSON form (no model needed).
"""

from __future__ import annotations

import io
import json
import math

import pandas as pd
import pyarrow.parquet as pq
import pytest

from eventwire.store.export import (
    ACLED_COLUMNS, COLUMNS, DIRECTORY_FORMATS, EXPORTERS, flat_summary, plover_record,
    write_acled_csv, write_geojson, write_jsonl, write_parquet, write_plover,
)

from event_dicts import KYIV, ODESA, AIR_FORCE, RU_MOD, count, event

DOCS = {"d1": {"source": "Reuters", "title": "Russia pounds Kyiv", "url": "https://reuters.com/x"},
        "d2": {"url": "https://www.kyivindependent.com/y", "title": "Drones over Odesa"}}


def sample_events():
    strike = event("ev-1", doc="d1", day="2025-12-06",
                   weapons=[("drone", count(653), count(585)), ("missile", count(51), count(30)),
                            ("cruise_missile", count(10), None)],
                   killed=count(2), injured=count(5, "about", "about five"), attribution=AIR_FORCE)
    claim = event("ev-2", doc="d2", day="2025-12-06", location=ODESA,
                  weapons=[("drone", None, count(116))], attribution=RU_MOD)
    talks = event("ev-3", doc="d1", kind="DIPLO", subkind="talks", day="2026-01-15", location=None)
    talks["acled"] = None
    talks["plover"] = {"event_type": "CONSULT", "mode": "talks"}
    undated = event("ev-4", doc="d2", day=None)
    weekly = event("ev-5", doc="d2", day="2025-11-24", end="2025-11-30", precision="week",
                   location={**KYIV, "precision": "admin1", "name": "Kyiv Oblast", "geonameid": 703446})
    return [strike, claim, talks, undated, weekly]


def test_jsonl_round_trips():
    evs = sample_events()
    buf = io.StringIO()
    assert write_jsonl(evs, buf) == len(evs)
    back = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert back == evs


def test_acled_csv_reads_back_with_acled_columns_in_order(tmp_path):
    path = tmp_path / "events.csv"
    assert write_acled_csv(sample_events(), path, docs=DOCS) == 5
    df = pd.read_csv(path)
    assert list(df.columns[: len(ACLED_COLUMNS)]) == list(ACLED_COLUMNS)
    assert list(df.columns) == list(COLUMNS)
    assert ACLED_COLUMNS[:3] == ("event_id_cnty", "event_date", "year")
    for col in ("injuries", "drones_launched", "drones_destroyed", "missiles_launched",
                "missiles_destroyed", "claim_status", "claim_source", "eventwire_id", "kind",
                "subkind", "confidence"):
        assert col in df.columns
    row = df.set_index("eventwire_id").loc["ev-1"]
    assert row["event_id_cnty"].startswith("UKR")
    assert row["country"] == "Ukraine" and row["iso"] == 804
    assert row["event_date"] == "2025-12-06" and row["time_precision"] == 1
    assert row["disorder_type"] == "Political violence"
    assert row["sub_event_type"] == "Air/drone strike"
    assert row["actor1"] == "Russia"
    assert row["geo_precision"] == 1 and row["location"] == "Kyiv"
    assert math.isclose(row["latitude"], 50.4501) and math.isclose(row["longitude"], 30.5234)
    assert row["source"] == "Reuters"
    assert row["fatalities"] == 2 and row["injuries"] == 5
    assert row["drones_launched"] == 653 and row["drones_destroyed"] == 585
    assert row["missiles_launched"] == 61 and row["missiles_destroyed"] == 30
    assert row["claim_source"] == "Ukraine's air force" and row["claim_status"] == "claimed"
    assert "653" in row["notes"] and "Ukraine's air force" in row["notes"]
    other = df.set_index("eventwire_id")
    assert other.loc["ev-2", "source"] == "kyivindependent.com"
    assert other.loc["ev-3", "fatalities"] == 0  # no killed count -> 0, as ACLED does
    assert other.loc["ev-5", "time_precision"] == 2 and other.loc["ev-5", "geo_precision"] == 3


def test_event_id_cnty_is_stable():
    ev = sample_events()[0]
    assert flat_summary(ev)["event_id_cnty"] == flat_summary(dict(ev))["event_id_cnty"]
    assert flat_summary(ev)["event_id_cnty"] != flat_summary(sample_events()[1])["event_id_cnty"]


def test_disorder_types():
    ev = sample_events()[0]
    ev["acled"] = {"event_type": "Protests", "sub_event_type": "Peaceful protest"}
    assert flat_summary(ev)["disorder_type"] == "Demonstrations"
    ev["acled"] = {"event_type": "Strategic developments", "sub_event_type": "Disrupted weapons use"}
    assert flat_summary(ev)["disorder_type"] == "Strategic developments"
    ev["acled"] = {"event_type": "Protests", "sub_event_type": "Excessive force against protesters"}
    assert flat_summary(ev)["disorder_type"] == "Political violence; Demonstrations"


def test_geojson_parses_and_every_feature_has_valid_coordinates():
    evs = sample_events()
    bad = event("ev-bad", location={**KYIV, "lat": 123.0})  # out of range: left out
    buf = io.StringIO()
    n = write_geojson([*evs, bad], buf, docs=DOCS)
    fc = json.loads(buf.getvalue())
    assert fc["type"] == "FeatureCollection"
    assert n == len(fc["features"]) == 4  # all but the talks (no location) and ev-bad
    for f in fc["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert f["properties"]["latitude"] == lat and f["properties"]["longitude"] == lon
        assert all(not isinstance(v, (dict, list)) for v in f["properties"].values())
    ids = {f["id"] for f in fc["features"]}
    assert "ev-bad" not in ids and "ev-3" not in ids


def test_geojson_empty_collection_is_valid():
    buf = io.StringIO()
    assert write_geojson([], buf) == 0
    assert json.loads(buf.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_parquet_partitions_by_month_and_reads_back(tmp_path):
    evs = sample_events()
    out = tmp_path / "pq"
    assert write_parquet(evs, out, docs=DOCS) == len(evs)
    months = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert months == ["month=2025-11", "month=2025-12", "month=2026-01", "month=unknown"]
    table = pq.read_table(out)
    assert table.num_rows == len(evs)
    df = table.to_pandas()
    assert set(df["eventwire_id"]) == {e["id"] for e in evs}
    dec = pq.read_table(out / "month=2025-12")
    assert dec.num_rows == 2
    rec = json.loads(df.set_index("eventwire_id").loc["ev-1", "record"])
    assert rec == evs[0]
    # Writing again replaces the partitions instead of duplicating rows.
    write_parquet(evs, out, docs=DOCS)
    assert pq.read_table(out).num_rows == len(evs)


def test_parquet_many_batches(tmp_path):
    evs = [event(f"e{i}", day=f"2025-{1 + i % 12:02d}-10") for i in range(250)]
    assert write_parquet(evs, tmp_path / "pq", batch_size=64) == 250
    assert pq.read_table(tmp_path / "pq").num_rows == 250


def test_plover_has_the_expected_keys():
    buf = io.StringIO()
    evs = sample_events()
    assert write_plover(evs, buf, docs=DOCS) == len(evs)
    recs = [json.loads(line) for line in buf.getvalue().splitlines()]
    expected = {"id", "date", "enddate", "source", "recipient", "event", "event_type", "mode",
                "context", "quad_code", "actor_name", "actor_country", "recipient_name",
                "recipient_country", "event_loc", "cite_info", "eventwire"}
    for r in recs:
        assert expected <= set(r)
    strike = recs[0]
    assert strike["event"] == ["ASSAULT"] and strike["event_type"] == "ASSAULT"
    assert strike["mode"] == ["drone"] and "military" in strike["context"]
    assert strike["quad_code"] == 4
    assert strike["actor_name"] == "Russia" and strike["actor_country"] == "RUS"
    assert strike["source"][0] == {"code": "RUS", "sector": "MIL", "actor_text": "Russia",
                                   "identifier_text": "Russia"}
    assert strike["event_loc"]["geonameid"] == 703448 and strike["event_loc"]["cc3"] == "UKR"
    assert strike["event_loc"]["country_code"] == "UA"
    assert strike["date"] == "2025-12-06" and strike["size"]["dead"] == 2
    assert strike["cite_info"]["publication"] == "Reuters"
    assert strike["eventwire"]["kind"] == "AIR_STRIKE"
    talks = recs[2]
    assert talks["event_type"] == "CONSULT" and talks["quad_code"] == 1 and talks["event_loc"] is None


def test_plover_context_carries_modality():
    ev = event("x", modality="hypothetical")
    assert "hypothetical" in plover_record(ev)["context"]
    ev["plover"] = None
    rec = plover_record(ev)
    assert rec["has_event"] is False and rec["event"] == []


@pytest.mark.parametrize("name", sorted(EXPORTERS))
def test_every_exporter_writes_to_a_path(tmp_path, name):
    target = tmp_path / ("dir" if name in DIRECTORY_FORMATS else f"out.{name}")
    assert EXPORTERS[name](sample_events(), target, docs=DOCS) >= 1
    assert target.exists()
