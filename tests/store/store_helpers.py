"""Hand-built events for the store tests (no model needed)."""

from __future__ import annotations

from eventwire.records import (
    Actor, Attribution, Casualties, Count, DateSpan, Document, Event, Location, Span, Weapon,
)


def event(doc_id: str, n: int, *, kind: str = "AIR_STRIKE", country: str | None = "UKR",
          lat: float | None = 50.45, lon: float | None = 30.52, start: str | None = "2025-03-14",
          end: str | None = None) -> Event:
    location = None if lat is None else Location(
        name="Kyiv", country=country, lat=lat, lon=lon, precision="city", text="Kyiv",
        admin1="Kyiv City", geonameid=703448)
    return Event(
        id=f"ew-{doc_id}-{n}", doc_id=doc_id, kind=kind, subkind="drone_strike",
        acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"},
        plover={"event_type": "ASSAULT", "mode": "drone"},
        actors=[Actor("Russia", "RUS", "initiator", text="Russian forces", sector="MIL"),
                Actor("Ukraine", "UKR", "target", text="Ukraine")],
        targets=["energy"],
        weapons=[Weapon("drone", "Shahed-136", launched=Count(48, "exact", 48, 48, "48"),
                        destroyed=Count(31, "exact", 31, 31, "31"))],
        casualties=Casualties(injured=Count(7, "at_least", 7, None, "at least seven")),
        location=location,
        date=None if start is None else DateSpan(start, end or start, "day", "on Friday"),
        attribution=Attribution("the regional governor", "UKR", "reported", "said"),
        evidence=[Span(0, 40), Span(41, 90)], confidence=0.91, trigger="struck",
    )


def doc(doc_id: str, text: str = "Russian forces struck Kyiv with 48 drones.") -> Document:
    return Document(id=doc_id, text=text, published="2025-03-15", title="t", url=None,
                    source="wire")
