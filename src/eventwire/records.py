"""Typed records of the output contract (shared/spec/event-record.md, version 1).

Every path that writes an event (CLI, Python API, store, exports) serialises through
`Event.to_dict()`, so field names and vocabularies live in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Qualifier = Literal["exact", "at_least", "more_than", "about", "at_most", "up_to", "vague"]
Role = Literal["initiator", "target", "participant"]
LocationPrecision = Literal["point", "city", "admin2", "admin1", "region", "country"]
DatePrecision = Literal["day", "week", "month", "year", "unknown"]
Status = Literal["confirmed", "reported", "claimed", "unconfirmed", "denied", "alleged"]
Modality = Literal["asserted", "negated", "hypothetical", "future", "historical"]

TARGETS = (
    "energy", "oil_gas", "residential", "industrial", "military", "transport", "civilian",
    "government", "medical", "education", "agriculture", "communications", "water", "religious",
    "commercial",
)
WEAPON_CLASSES = (
    "drone", "missile", "ballistic_missile", "cruise_missile", "guided_bomb", "aircraft",
    "artillery", "rocket", "small_arms", "explosive", "chemical", "other",
)


@dataclass(frozen=True)
class Count:
    """A number as stated plus the bounds it implies ("more than 650" -> low 651)."""

    value: float | int | None
    qualifier: Qualifier
    low: float | int | None = None
    high: float | int | None = None
    text: str | None = None
    start: int | None = None  # character offsets of `text` in the document (not in the contract)
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "low": self.low, "high": self.high,
                "qualifier": self.qualifier, "text": self.text}


@dataclass
class Actor:
    name: str | None
    country: str | None
    role: Role
    text: str | None = None
    sector: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "country": self.country,
                "sector": self.sector, "role": self.role}


@dataclass
class Weapon:
    cls: str  # `class` in the contract (a Python keyword)
    model: str | None = None
    launched: Count | None = None
    destroyed: Count | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"class": self.cls, "model": self.model,
                "launched": self.launched.to_dict() if self.launched else None,
                "destroyed": self.destroyed.to_dict() if self.destroyed else None}


@dataclass
class Casualties:
    killed: Count | None = None
    injured: Count | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"killed": self.killed.to_dict() if self.killed else None,
                "injured": self.injured.to_dict() if self.injured else None}


@dataclass
class Location:
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: LocationPrecision
    text: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    geonameid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "country": self.country,
                "admin1": self.admin1, "admin2": self.admin2, "lat": self.lat, "lon": self.lon,
                "precision": self.precision, "geonameid": self.geonameid}


@dataclass(frozen=True)
class DateSpan:
    start: str | None
    end: str | None
    precision: DatePrecision
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "precision": self.precision}


@dataclass
class Attribution:
    source: str | None
    source_country: str | None
    status: Status | None
    cue: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # Spelled out rather than dataclasses.asdict (same dict): asdict deep-copies every value
        # and was a third of Event.to_dict's time, which bulk storing pays per event.
        return {"source": self.source, "source_country": self.source_country,
                "status": self.status, "cue": self.cue}


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass
class Event:
    id: str
    doc_id: str
    kind: str
    subkind: str | None
    acled: dict[str, str] | None
    plover: dict[str, str | None] | None
    actors: list[Actor] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    weapons: list[Weapon] = field(default_factory=list)
    casualties: Casualties = field(default_factory=Casualties)
    location: Location | None = None
    date: DateSpan | None = None
    attribution: Attribution | None = None
    modality: Modality = "asserted"
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.5
    trigger: str | None = None  # the word the event was read from (an added field)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "kind": self.kind,
            "subkind": self.subkind,
            "acled": self.acled,
            "plover": self.plover,
            "actors": [a.to_dict() for a in self.actors],
            "targets": list(self.targets),
            "weapons": [w.to_dict() for w in self.weapons],
            "casualties": self.casualties.to_dict(),
            "location": self.location.to_dict() if self.location else None,
            "date": self.date.to_dict() if self.date else None,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "modality": self.modality,
            "evidence": [s.to_dict() for s in self.evidence],
            "confidence": round(self.confidence, 3),
            "trigger": self.trigger,
        }


@dataclass(frozen=True)
class Document:
    """One input document (a JSON Lines object, a text file, a web page, a feed entry, ...)."""

    id: str
    text: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    duplicate_of: str | None = None  # the id of the document this one nearly repeats (a wire copy)
