"""Event records in the contract's JSON form (`Event.to_dict()`), built by hand for the store's
unit tests (reconciliation, exports): places, claimants, counts and one event factory."""

from __future__ import annotations

KYIV = {"text": "Kyiv", "name": "Kyiv", "country": "UKR", "admin1": "Kyiv City", "admin2": None,
        "lat": 50.4501, "lon": 30.5234, "precision": "city", "geonameid": 703448}
BROVARY = {"text": "Brovary", "name": "Brovary", "country": "UKR", "admin1": "Kyiv Oblast",
           "admin2": None, "lat": 50.5114, "lon": 30.7903, "precision": "city", "geonameid": 711660}
ODESA = {"text": "Odesa", "name": "Odesa", "country": "UKR", "admin1": "Odesa Oblast", "admin2": None,
         "lat": 46.4775, "lon": 30.7326, "precision": "city", "geonameid": 698740}
UKRAINE = {"text": "Ukraine", "name": "Ukraine", "country": "UKR", "admin1": None, "admin2": None,
           "lat": 49.0, "lon": 32.0, "precision": "country", "geonameid": 690791}
BELGOROD = {"text": "Belgorod", "name": "Belgorod", "country": "RUS", "admin1": "Belgorod Oblast",
            "admin2": None, "lat": 50.6107, "lon": 36.5802, "precision": "city", "geonameid": 578072}

AIR_FORCE = {"source": "Ukraine's air force", "source_country": "UKR", "status": "claimed",
             "cue": "according to"}
RU_MOD = {"source": "Russia's defence ministry", "source_country": "RUS", "status": "claimed",
          "cue": "said"}


def count(value, qualifier="exact", text=None):
    """A Count with the bounds its qualifier implies."""
    low = value + 1 if qualifier == "more_than" else value if qualifier in ("exact", "at_least") else None
    high = value if qualifier == "exact" else None
    return {"value": value, "low": low, "high": high, "qualifier": qualifier, "text": text or str(value)}


def event(eid, *, doc="doc-1", kind="AIR_STRIKE", subkind="drone_strike", location=KYIV,
          day="2025-12-06", precision="day", end=None, weapons=(), killed=None, injured=None,
          attribution=None, modality="asserted"):
    """A contract event dict with sensible defaults; `weapons` holds (class, launched, destroyed)."""
    actors = [{"text": "Russia", "name": "Russia", "country": "RUS", "sector": "MIL", "role": "initiator"},
              {"text": "Ukraine", "name": "Ukraine", "country": "UKR", "sector": None, "role": "target"}]
    return {
        "id": eid, "doc_id": doc, "kind": kind, "subkind": subkind,
        "acled": {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"},
        "plover": {"event_type": "ASSAULT", "mode": "drone"},
        "actors": actors,
        "targets": ["energy"],
        "weapons": [{"class": c, "model": None, "launched": l, "destroyed": d} for c, l, d in weapons],
        "casualties": {"killed": killed, "injured": injured},
        "location": location,
        "date": None if day is None else {"text": "Saturday", "start": day, "end": end or day,
                                          "precision": precision},
        "attribution": attribution,
        "modality": modality,
        "evidence": [{"start": 0, "end": 100}],
        "confidence": 0.9,
        "trigger": "attack",
    }
