"""Round-trip properties: an event stored and read back is equal, on every backend."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings, strategies as st

from eventwire.records import (
    TARGETS, WEAPON_CLASSES, Actor, Attribution, Casualties, Count, DateSpan, Document, Event,
    Location, Span, Weapon,
)

# Any Unicode text but lone surrogates (not encodable; never produced by decoding UTF-8).
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
OPT_TEXT = st.none() | TEXT
NUMBER = st.none() | st.integers(-10**12, 10**12) | st.floats(allow_nan=False, allow_infinity=False)
COUNT = st.builds(Count, value=NUMBER,
                  qualifier=st.sampled_from(["exact", "at_least", "more_than", "about", "at_most",
                                             "up_to", "vague"]),
                  low=NUMBER, high=NUMBER, text=OPT_TEXT)
ACTOR = st.builds(Actor, name=OPT_TEXT, country=st.none() | st.sampled_from(["RUS", "UKR", "POL"]),
                  role=st.sampled_from(["initiator", "target", "participant"]), text=OPT_TEXT,
                  sector=st.none() | st.sampled_from(["MIL", "GOV", "CVL"]))
WEAPON = st.builds(Weapon, cls=st.sampled_from(WEAPON_CLASSES), model=OPT_TEXT,
                   launched=st.none() | COUNT, destroyed=st.none() | COUNT)
LAT = st.floats(-90, 90, allow_nan=False)
LON = st.floats(-180, 180, allow_nan=False)
LOCATION = st.builds(Location, name=OPT_TEXT, country=st.none() | st.sampled_from(["UKR", "POL"]),
                     lat=st.none() | LAT, lon=st.none() | LON,
                     precision=st.sampled_from(["point", "city", "admin2", "admin1", "region",
                                                "country"]),
                     text=OPT_TEXT, admin1=OPT_TEXT, admin2=OPT_TEXT,
                     geonameid=st.none() | st.integers(0, 2**40))
ISO = st.dates().map(lambda d: d.isoformat())
DATE = st.builds(DateSpan, start=st.none() | ISO | TEXT, end=st.none() | ISO,
                 precision=st.sampled_from(["day", "week", "month", "year", "unknown"]),
                 text=OPT_TEXT)
ATTRIBUTION = st.builds(Attribution, source=OPT_TEXT, source_country=st.none() | st.just("UKR"),
                        status=st.none() | st.sampled_from(["confirmed", "reported", "claimed",
                                                            "unconfirmed", "denied", "alleged"]),
                        cue=OPT_TEXT)
SPAN = st.builds(Span, start=st.integers(0, 10**6), end=st.integers(0, 10**6))
EVENT = st.builds(
    Event, id=TEXT, doc_id=st.just("doc"), kind=st.sampled_from(["AIR_STRIKE", "DIPLO", "OTHER"]),
    subkind=OPT_TEXT,
    acled=st.none() | st.dictionaries(st.sampled_from(["event_type", "sub_event_type"]), TEXT),
    plover=st.none() | st.dictionaries(st.sampled_from(["event_type", "mode"]), OPT_TEXT),
    actors=st.lists(ACTOR, max_size=3), targets=st.lists(st.sampled_from(TARGETS), max_size=3),
    weapons=st.lists(WEAPON, max_size=2),
    casualties=st.builds(Casualties, killed=st.none() | COUNT, injured=st.none() | COUNT),
    location=st.none() | LOCATION, date=st.none() | DATE, attribution=st.none() | ATTRIBUTION,
    modality=st.sampled_from(["asserted", "negated", "hypothetical", "future", "historical"]),
    evidence=st.lists(SPAN, max_size=3), confidence=st.floats(0, 1), trigger=OPT_TEXT,
)
DOC_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=50)

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


@SETTINGS
@given(st.lists(EVENT, max_size=4), DOC_TEXT)
def test_events_round_trip(store, events, text):
    # the content hash stands for "what extraction read"; here the events vary with it
    store.upsert_document(Document(id="doc", text=text), events, content_hash=repr((events, text)))
    assert list(store.event_records()) == [e.to_dict() for e in events]
    assert store.counts()["events"] == len(events)


@SETTINGS
@given(EVENT)
def test_typed_columns_match_the_record(store, ev):
    store.upsert_document(Document(id="doc", text=""), [ev], content_hash=repr(ev))
    (row,) = store.events().to_dict("records")
    r = ev.to_dict()
    loc, dt = r["location"] or {}, r["date"] or {}
    # PostgreSQL text can't hold NUL: typed columns drop it there (the JSON record keeps it)
    assert row["id"] == (r["id"] if store.dialect == "duckdb" else r["id"].replace("\x00", ""))
    assert row["kind"] == r["kind"]
    for column, value in (("lat", loc.get("lat")), ("lon", loc.get("lon"))):
        assert (pd.isna(row[column]) if value is None else row[column] == value)
    start = dt.get("start")
    try:
        expected = pd.Timestamp(start) if start and len(start) == 10 else None
    except ValueError:
        expected = None
    assert (pd.isna(row["date_start"]) if expected is None else row["date_start"] == expected)
