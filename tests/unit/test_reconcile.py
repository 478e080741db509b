"""Reconciliation: reports of one real event form one cluster that keeps every claim.

Events are built by hand in the contract's JSON form (no model needed).
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.store.reconcile import CountRange, cluster_events, kind_family

from event_dicts import KYIV, BROVARY, ODESA, UKRAINE, BELGOROD, AIR_FORCE, RU_MOD, count, event


def only(clusters):
    assert len(clusters) == 1, [c.members for c in clusters]
    return clusters[0]


def test_two_outlets_same_strike_different_numbers_form_one_cluster():
    docs = {"reuters-1": {"source": "Reuters", "title": "Russia pounds Kyiv"},
            "kyiv-1": {"url": "https://www.kyivindependent.com/a", "title": "Massive attack"}}
    a = event("e1", doc="reuters-1", weapons=[("drone", count(653), count(585))], killed=count(2),
              attribution=AIR_FORCE)
    b = event("e2", doc="kyiv-1", weapons=[("drone", count(650, "more_than", "more than 650"),
                                            count(580))], killed=count(3), attribution=AIR_FORCE)
    c = only(cluster_events([a, b], docs=docs))
    assert c.members == ("e1", "e2")
    assert c.sources == ("Reuters", "kyivindependent.com")
    assert c.n_sources == 2 and c.n_documents == 2
    assert c.count_ranges["drone.launched"] == CountRange(650, 653, 2)
    assert c.count_ranges["drone.destroyed"] == CountRange(580, 585, 2)
    assert c.count_ranges["killed"] == CountRange(2, 3, 2)
    assert c.kind == "AIR_STRIKE" and c.kind_family == "remote_violence"
    assert c.location["geonameid"] == KYIV["geonameid"]
    assert c.date == {"start": "2025-12-06", "end": "2025-12-06", "precision": "day"}


def test_ukrainian_and_russian_claims_stay_side_by_side_in_one_cluster():
    ua = event("ua", doc="d1", weapons=[("drone", count(653), count(585))], attribution=AIR_FORCE)
    ru = event("ru", doc="d2", weapons=[("drone", None, count(116))], attribution=RU_MOD)
    c = only(cluster_events([ua, ru]))
    claims = {cl.claimant_country: cl for cl in c.claims}
    assert claims["UKR"].claimant == "Ukraine's air force"
    assert claims["UKR"].counts["drone.destroyed"]["value"] == 585
    assert claims["RUS"].counts["drone.destroyed"]["value"] == 116
    assert claims["RUS"].status == "claimed"
    assert c.count_ranges["drone.destroyed"] == CountRange(116, 585, 2)
    assert c.count_ranges["drone.launched"] == CountRange(653, 653, 1)


def test_same_claimant_contradicting_counts_are_two_events():
    a = event("a", doc="d1", weapons=[("drone", count(40), None)], attribution=AIR_FORCE)
    b = event("b", doc="d2", weapons=[("drone", count(600), None)], attribution=AIR_FORCE)
    assert len(cluster_events([a, b])) == 2
    # Vague numbers never contradict: "about 600" is not an exact count.
    b_vague = event("b", doc="d2", weapons=[("drone", count(600, "about"), None)], attribution=AIR_FORCE)
    assert len(cluster_events([a, b_vague])) == 1


def test_different_places_never_merge():
    a = event("a", location=KYIV)
    b = event("b", location=ODESA)
    c = event("c", location=BELGOROD)
    assert len(cluster_events([a, b, c])) == 3


def test_same_name_different_geonameid_never_merge():
    village_1 = {**KYIV, "name": "Mykolaivka", "geonameid": 1, "lat": 48.0, "lon": 37.0,
                 "precision": "point"}
    village_2 = {**KYIV, "name": "Mykolaivka", "geonameid": 2, "lat": 46.9, "lon": 31.9,
                 "precision": "point"}
    assert len(cluster_events([event("a", location=village_1), event("b", location=village_2)])) == 2


def test_nearby_places_within_25_km_merge_at_city_precision():
    # Brovary is ~20 km from Kyiv's centre.
    assert len(cluster_events([event("a", location=KYIV), event("b", location=BROVARY)])) == 1
    far = {**BROVARY, "geonameid": 9, "name": "Far", "lat": 50.9, "lon": 30.52}  # ~50 km north
    assert len(cluster_events([event("a", location=KYIV), event("b", location=far)])) == 2


def test_country_level_only_clusters_with_country_level():
    assert len(cluster_events([event("a", location=KYIV), event("b", location=UKRAINE)])) == 2
    assert len(cluster_events([event("a", location=UKRAINE), event("b", location=UKRAINE)])) == 1


def test_days_more_than_one_apart_never_merge_and_clusters_do_not_chain():
    d1 = event("d1", day="2025-12-06")
    d2 = event("d2", day="2025-12-07")
    d3 = event("d3", day="2025-12-08")
    assert len(cluster_events([d1, d2])) == 1
    assert len(cluster_events([d1, d3])) == 2
    clusters = cluster_events([d1, d2, d3])
    for c in clusters:
        days = {m[1] for m in c.members}
        assert not ({"1", "3"} <= days)


def test_diplo_never_joins_an_attack():
    attack = event("a")
    talks = event("t", kind="DIPLO", subkind="talks")
    clusters = cluster_events([attack, talks])
    assert len(clusters) == 2
    assert {c.kind_family for c in clusters} == {"remote_violence", "diplo"}


def test_interception_joins_the_attack_of_the_same_day_only():
    attack = event("a", weapons=[("drone", count(653), None)])
    shot_down = event("s", kind="DISR_WEAP", subkind="interception",
                      weapons=[("drone", None, count(585))])
    c = only(cluster_events([attack, shot_down]))
    assert c.kind_family == "remote_violence"
    next_day = event("s", kind="DISR_WEAP", subkind="interception", day="2025-12-07")
    assert len(cluster_events([attack, next_day])) == 2


def test_wire_copies_count_once_and_undated_or_unplaced_events_stay_alone():
    docs = {"a": {"source": "AP", "title": "Russia attacks Kyiv"},
            "b": {"source": "AP", "title": "Russia attacks  Kyiv"}}
    c = only(cluster_events([event("1", doc="a"), event("2", doc="b")], docs=docs))
    assert c.sources == ("AP",) and c.n_documents == 1
    assert len(cluster_events([event("1", day=None), event("2", day=None)])) == 2
    assert len(cluster_events([event("1", location=None), event("2", location=None)])) == 2
    assert len(cluster_events([event("1"), event("2", modality="negated")])) == 2


def test_cluster_id_is_stable_as_later_reports_join():
    first = event("e-first", day="2025-12-06")
    c1 = only(cluster_events([first]))
    c2 = only(cluster_events([event("e-later", day="2025-12-07"), first]))
    assert c1.id == c2.id
    assert c2.members[0] == "e-first"
    assert c2.to_dict()["n_sources"] == 1  # no docs: the doc id ("doc-1") names the source


def test_kind_family():
    assert kind_family("ART_MISS_ATTACK") == kind_family("AIR_STRIKE") == kind_family("DISR_WEAP")
    assert kind_family("PEACE_PROTEST") == kind_family("VIOL_DEMONSTR")
    assert kind_family("DIPLO") == "diplo"


PLACES = [KYIV, BROVARY, ODESA, UKRAINE, BELGOROD,
          {**UKRAINE, "name": "Russia", "country": "RUS", "geonameid": 2017370}]
KINDS = ["AIR_STRIKE", "ART_MISS_ATTACK", "DISR_WEAP", "DIPLO", "PEACE_PROTEST"]


@st.composite
def events_strategy(draw):
    n = draw(st.integers(1, 25))
    out = []
    for i in range(n):
        day = date(2025, 12, 1) + timedelta(days=draw(st.integers(0, 6)))
        span = draw(st.sampled_from([0, 0, 0, 1, 3]))
        out.append(event(
            f"e{i}", doc=f"d{draw(st.integers(0, 4))}", kind=draw(st.sampled_from(KINDS)),
            location=draw(st.sampled_from(PLACES)), day=day.isoformat(),
            end=(day + timedelta(days=span)).isoformat(), precision="day" if span == 0 else "week",
            weapons=[("drone", count(draw(st.integers(1, 900))), None)],
            attribution=draw(st.sampled_from([None, AIR_FORCE, RU_MOD]))))
    return out


@settings(max_examples=200, deadline=None)
@given(events_strategy())
def test_property_no_cluster_spans_countries_or_distant_days(evs):
    by_id = {e["id"]: e for e in evs}
    clusters = cluster_events(evs)
    assert sorted(m for c in clusters for m in c.members) == sorted(by_id)
    for c in clusters:
        members = [by_id[m] for m in c.members]
        assert len({m["location"]["country"] for m in members}) == 1
        assert len({kind_family(m["kind"]) for m in members}) == 1
        for x in members:
            for y in members:
                gap = (date.fromisoformat(y["date"]["start"]) - date.fromisoformat(x["date"]["end"])).days
                assert gap <= 1
