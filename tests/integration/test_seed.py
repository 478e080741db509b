"""The real model on the seed article (bundled as samples/seed-barrage.jsonl), field by field."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import eventwire

pytestmark = pytest.mark.model

SEED = Path(__file__).resolve().parents[2] / "samples" / "seed-barrage.jsonl"


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def seed():
    doc = json.loads(SEED.read_text(encoding="utf-8"))
    events = eventwire.extract(doc["text"], published=doc["published"], doc_id=doc["id"])
    return doc, [e.to_dict() for e in events]


def near(ev, lat, lon, tol):
    loc = ev["location"]
    return loc is not None and km(lat, lon, loc["lat"], loc["lon"]) <= tol


def find(events, kinds, pred=lambda e: True):
    hits = [e for e in events if e["kind"] in kinds and pred(e)]
    assert hits, f"no {kinds} event matching; got {[(e['kind'], e['location'] and e['location']['name']) for e in events]}"
    return hits[0]


def roles(ev, role):
    return {a["country"] for a in ev["actors"] if a["role"] == role}


def test_barrage(seed):
    _, events = seed
    ev = find(events, {"AIR_STRIKE", "ART_MISS_ATTACK"}, lambda e: any(w["launched"] and w["launched"]["value"] == 650 for w in e["weapons"]))
    assert roles(ev, "initiator") == {"RUS"} and "UKR" in roles(ev, "target")
    drones = [w for w in ev["weapons"] if w["class"] == "drone" and w["launched"]]
    assert drones[0]["launched"] == {"value": 650, "low": 651, "high": None, "qualifier": "more_than", "text": "more than 650"}
    missiles = [w for w in ev["weapons"] if w["class"].endswith("missile") and w["launched"]]
    assert missiles[0]["launched"]["value"] == 51 and missiles[0]["launched"]["qualifier"] == "exact"
    assert "energy" in ev["targets"]
    assert ev["location"]["country"] == "UKR" and ev["location"]["precision"] in ("country", "region")
    assert ev["date"]["start"] == "2025-12-06" and ev["date"]["precision"] == "day"
    assert ev["attribution"]["source_country"] == "UKR" and ev["attribution"]["status"] in ("reported", "confirmed")
    assert ev["modality"] == "asserted"
    assert ev["kind"] == "AIR_STRIKE"  # drones are the larger share


def test_kyiv_injuries(seed):
    _, events = seed
    ev = find(events, {"AIR_STRIKE", "ART_MISS_ATTACK"}, lambda e: (e["casualties"]["injured"] or {}).get("value") == 3)
    assert ev["casualties"]["injured"]["qualifier"] == "at_least"
    assert "Kyiv" in (ev["location"]["admin1"] or ev["location"]["name"])
    assert near(ev, 50.45, 30.52, 120)
    assert roles(ev, "initiator") == {"RUS"}
    assert ev["attribution"]["source_country"] == "UKR"


def test_poland_sirens(seed):
    _, events = seed
    ev = find(events, {"OTHER"})
    assert ev["subkind"] == "air_alert"
    assert ev["location"]["country"] == "POL" and ev["location"]["precision"] == "region"
    assert near(ev, 51.25, 22.57, 350)


def test_russian_interceptions(seed):
    _, events = seed
    ev = find(events, {"DISR_WEAP"})
    assert roles(ev, "initiator") == {"RUS"} and roles(ev, "target") == {"UKR"}
    assert [(w["class"], w["destroyed"]["value"]) for w in ev["weapons"] if w["destroyed"]] == [("drone", 116)]
    assert ev["attribution"]["status"] == "claimed" and ev["attribution"]["source_country"] == "RUS"
    assert ev["location"]["country"] == "RUS"


def test_ryazan_refinery(seed):
    _, events = seed
    ev = find(events, {"AIR_STRIKE", "ART_MISS_ATTACK"}, lambda e: e["location"] and e["location"]["country"] == "RUS")
    assert roles(ev, "initiator") == {"UKR"}
    assert "oil_gas" in ev["targets"]
    assert near(ev, 54.63, 39.74, 60)
    assert ev["attribution"]["status"] == "unconfirmed"


def test_talks_and_meeting(seed):
    _, events = seed
    miami = find(events, {"DIPLO"}, lambda e: near(e, 25.77, -80.19, 50))
    assert miami["subkind"] in ("talks", "meeting")
    assert {"USA", "UKR"} & {a["country"] for a in miami["actors"]}
    moscow = find(events, {"DIPLO"}, lambda e: near(e, 55.75, 37.62, 50))
    assert moscow["date"]["precision"] == "week" and moscow["date"]["start"] == "2025-12-01"
    assert {"USA", "RUS"} <= {a["country"] for a in moscow["actors"]}


def test_no_attack_where_only_talk_happened(seed):
    _, events = seed
    attacks = {"AIR_STRIKE", "ART_MISS_ATTACK", "ARMED_CLASH", "ATTACK"}
    for ev in events:
        if ev["kind"] in attacks and ev["location"]:
            assert ev["location"]["country"] not in ("USA", "QAT")
            assert not near(ev, 55.75, 37.62, 60)


def test_evidence_and_ids(seed):
    doc, events = seed
    again = [e.to_dict() for e in eventwire.extract(doc["text"], published=doc["published"], doc_id=doc["id"])]
    assert [e["id"] for e in events] == [e["id"] for e in again]
    assert len({e["id"] for e in events}) == len(events)
    for ev in events:
        for span in ev["evidence"]:
            assert 0 <= span["start"] < span["end"] <= len(doc["text"])
        assert ev["trigger"].lower() in " ".join(doc["text"][s["start"]:s["end"]] for s in ev["evidence"]).lower()
