"""Reconciliation across documents: reports of one real event form one cluster that keeps every claim.

``cluster_events(events, docs=docs)`` takes event dicts in the contract's JSON form
(``Event.to_dict()``, shared/spec/event-record.md) from any store and returns :class:`Cluster`
records. "Ukraine's air force: 653 drones launched, 585 destroyed" and "Russia's defence ministry:
116 Ukrainian drones destroyed" about the same night and place end up in one cluster with two
claims and ``count_ranges["drone.destroyed"] == CountRange(116, 585, 2)``.

Rules (every pair of members satisfies all of them: complete linkage, so a cluster never grows
by chaining, e.g. day 1 - day 2 - day 3):

- **Kind family.** Remote violence (air/drone strikes, shelling/missiles, IEDs, grenades, suicide
  bombs, chemical weapons) together; interceptions (DISR_WEAP) join that family but only on the
  *same* day as the attack members; battles together; violence against civilians together;
  protests and riots together; every other kind (DIPLO, AGREEMENT, ARREST, ...) only with itself.
- **Place.** Same country always. Locations fall in three classes that never mix: fine (point,
  city), area (admin2, admin1, region) and country. Two places are the same when they share a
  geonameid, or (if they do not both carry different geonameids) the same name, or, for fine
  locations with coordinates, lie within 25 km of each other.
- **Date.** Windows overlap or are at most one day apart (`end` of one to `start` of the other);
  zero days between an interception and an attack. Events without a date (or ``unknown``
  precision) or without a location stay alone.
- **Counts.** For the same claimant (``attribution.source_country``, else the source's name;
  "no attribution" is a claimant of its own) no exact count may differ from another's by more than
  a factor of 3 (and by more than 2) for the same weapon class and field, or for killed/injured.
  Different claimants' numbers may differ freely: they are kept side by side as claims.
- **Modality.** Only asserted and historical events cluster; negated, hypothetical and future
  ones each form a cluster of their own.

Cluster ids are ``"c-" + sha1(seed id)[:16]`` where the seed is the member that comes first in
(date start, date end, event id) order, i.e. the earliest report. Reports that join later (which is
how news arrives) do not change the id; only a new member dated *earlier* than the seed does.

Cost: events are sorted once by (family, country, location class, start date) and each one is
compared only with clusters still open (whose members end no more than a day before it starts) that
share its geonameid, its name, or a 0.25-degree grid cell nearby. Cluster state is summarised
(date bounds, distinct places, count bounds per claimant), so a join test does not walk the members.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from eventwire.gcpause import paused_gc

__all__ = ["Claim", "Cluster", "CountRange", "cluster_events", "kind_family", "publisher"]

# ---------------------------------------------------------------------------------------------
# Vocabularies

_FAMILIES: dict[str, str] = {
    **dict.fromkeys(("AIR_STRIKE", "ART_MISS_ATTACK", "CHEM_WEAP", "SUIC_BOMB", "REM_EXPLOS",
                     "GRENADE", "DISR_WEAP"), "remote_violence"),
    **dict.fromkeys(("ARMED_CLASH", "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER"), "battle"),
    **dict.fromkeys(("SEX_VIOL", "ATTACK", "ABDUCT_DISSAP"), "violence_against_civilians"),
    **dict.fromkeys(("PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR",
                     "MOB_VIOL"), "demonstration"),
}
_SAME_DAY_ONLY = "DISR_WEAP"  # joins attack members of the same day only
_CLUSTERING_MODALITIES = frozenset({"asserted", "historical"})

_LOC_RANK = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
_LOC_CLASS = {"point": "fine", "city": "fine", "admin2": "area", "admin1": "area", "region": "area",
              "country": "country"}
_DATE_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}

NEAR_KM = 25.0
COUNT_FACTOR = 3.0
COUNT_SLACK = 2  # small numbers (1 vs 4 killed) never contradict
_CELL_DEG = 0.25  # grid cell for the 25 km search: 0.25 deg latitude ~ 27.8 km > NEAR_KM


def kind_family(kind: str) -> str:
    """The family a kind clusters in: ``AIR_STRIKE`` -> ``remote_violence``, ``DIPLO`` -> ``diplo``."""
    return _FAMILIES.get(kind, kind.lower())


def publisher(doc_id: str, docs: Mapping[str, dict] | None) -> str:
    """Who published a document: ``docs[doc_id]["source"]``, else the URL host, else the doc id."""
    doc = docs.get(doc_id) if docs else None
    if doc:
        if doc.get("source"):
            return str(doc["source"]).strip()
        if doc.get("url"):
            host = urlsplit(str(doc["url"])).hostname or ""
            host = host.removeprefix("www.")
            if host:
                return host
    return doc_id


# ---------------------------------------------------------------------------------------------
# Output records


@dataclass(slots=True)
class CountRange:
    """Smallest and largest value reported for one count across a cluster's members."""

    min: float | int
    max: float | int
    n: int  # members that report a number for it

    def to_dict(self) -> dict[str, Any]:
        return {"min": self.min, "max": self.max, "n": self.n}


@dataclass(slots=True)
class Claim:
    """What one member (one report) says, and who says it."""

    event_id: str
    doc_id: str
    publisher: str  # who published the report
    claimant: str | None  # attribution.source: who makes the claim ("Ukraine's air force")
    claimant_country: str | None
    status: str | None  # attribution.status
    counts: dict[str, dict[str, Any]]  # "drone.launched" / "killed" -> the contract's Count dict

    def to_dict(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "doc_id": self.doc_id, "publisher": self.publisher,
                "claimant": self.claimant, "claimant_country": self.claimant_country,
                "status": self.status, "counts": self.counts}


@dataclass(slots=True)
class Cluster:
    """One real event as reported by one or more documents."""

    id: str
    kind_family: str
    kind: str  # the members' majority kind
    location: dict[str, Any] | None  # the most precise member location
    date: dict[str, Any] | None  # {"start", "end", "precision"} over the most precise members
    members: tuple[str, ...]  # event ids, seed first
    sources: tuple[str, ...]  # distinct publishers, sorted
    n_documents: int  # distinct documents, wire copies (same publisher and title) once
    claims: tuple[Claim, ...]
    count_ranges: dict[str, CountRange] = field(default_factory=dict)

    @property
    def n_sources(self) -> int:
        return len(self.sources)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind_family": self.kind_family, "kind": self.kind,
                "location": self.location, "date": self.date, "members": list(self.members),
                "sources": list(self.sources), "n_sources": self.n_sources,
                "n_documents": self.n_documents, "claims": [c.to_dict() for c in self.claims],
                "count_ranges": {k: r.to_dict() for k, r in self.count_ranges.items()}}


# ---------------------------------------------------------------------------------------------
# Reading an event


def event_counts(event: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The event's counts by key: ``"drone.launched"``, ``"missile.destroyed"``, ``"killed"``, ...

    Two weapons of one class (Shahed drones and decoy drones) add up when both give a value.
    """
    out: dict[str, dict[str, Any]] = {}
    for w in event.get("weapons") or ():
        cls = w.get("class") or "other"
        for fld in ("launched", "destroyed"):
            c = w.get(fld)
            if not c:
                continue
            k = f"{cls}.{fld}"
            prev = out.get(k)
            if prev is None:
                out[k] = dict(c)
            else:
                out[k] = _add_counts(prev, c)
    cas = event.get("casualties") or {}
    for fld in ("killed", "injured"):
        if cas.get(fld):
            out[fld] = dict(cas[fld])
    return out


def _add_counts(a: Mapping[str, Any], b: Mapping[str, Any]) -> dict[str, Any]:
    va, vb = a.get("value"), b.get("value")
    both_exact = a.get("qualifier") == "exact" and b.get("qualifier") == "exact"
    return {"value": va + vb if va is not None and vb is not None else None,
            "low": None, "high": None,
            "qualifier": "exact" if both_exact else "vague",
            "text": "; ".join(t for t in (a.get("text"), b.get("text")) if t) or None}


def _count_number(c: Mapping[str, Any]) -> float | int | None:
    v = c.get("value")
    return v if v is not None else c.get("low")


def _ordinal(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def _name_key(name: str | None) -> str | None:
    return " ".join(name.casefold().split()) if name else None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


class _Place(NamedTuple):
    gid: int | None
    name: str | None
    lat: float | None
    lon: float | None
    fine: bool

    def same(self, other: _Place) -> bool:
        if self.gid is not None and self.gid == other.gid:
            return True
        if (self.fine and other.fine and self.lat is not None and other.lat is not None
                and self.lon is not None and other.lon is not None
                and _km(self.lat, self.lon, other.lat, other.lon) <= NEAR_KM):
            return True
        if self.gid is not None and other.gid is not None:
            return False  # two different known places that share a name (many villages do)
        return self.name is not None and self.name == other.name


@dataclass(slots=True)
class _Member:
    order: int
    event: Mapping[str, Any]
    place: _Place
    start: int
    end: int
    same_day_only: bool
    claimant: str | None
    counts: dict[str, dict[str, Any]]
    exact: dict[str, float | int]


def _claimant(event: Mapping[str, Any]) -> str | None:
    att = event.get("attribution") or {}
    return att.get("source_country") or _name_key(att.get("source"))


def _exact_counts(counts: Mapping[str, Mapping[str, Any]]) -> dict[str, float | int]:
    return {k: c["value"] for k, c in counts.items()
            if c.get("qualifier") == "exact" and c.get("value") is not None}


def _contradicts(a: float, b: float) -> bool:
    lo, hi = (a, b) if a <= b else (b, a)
    return hi > COUNT_FACTOR * lo and hi - lo > COUNT_SLACK


# ---------------------------------------------------------------------------------------------
# Building clusters


class _Open:
    """A cluster being built: its members and the summaries the join test needs."""

    __slots__ = ("members", "places", "bounds", "exact", "min_end")

    def __init__(self, m: _Member) -> None:
        self.members: list[_Member] = []
        self.places: list[_Place] = []
        # (min end, max start) of same-day-only members and of the others
        self.bounds: dict[bool, list[int]] = {}
        self.exact: dict[str, dict[str | None, list[float]]] = {}
        self.min_end = m.end
        self.add(m)

    def add(self, m: _Member) -> None:
        self.members.append(m)
        if m.place not in self.places:
            self.places.append(m.place)
        b = self.bounds.get(m.same_day_only)
        if b is None:
            self.bounds[m.same_day_only] = [m.end, m.start]
        else:
            b[0] = min(b[0], m.end)
            b[1] = max(b[1], m.start)
        self.min_end = min(self.min_end, m.end)
        for k, v in m.exact.items():
            rng = self.exact.setdefault(k, {}).get(m.claimant)
            if rng is None:
                self.exact[k][m.claimant] = [v, v]
            else:
                rng[0] = min(rng[0], v)
                rng[1] = max(rng[1], v)

    def accepts(self, m: _Member) -> bool:
        for group_same_day, (min_end, max_start) in self.bounds.items():
            tol = 0 if (group_same_day != m.same_day_only) else 1
            if m.start - min_end > tol or max_start - m.end > tol:
                return False
        if not all(p.same(m.place) for p in self.places):
            return False
        for k, v in m.exact.items():
            rng = self.exact.get(k, {}).get(m.claimant)
            if rng is not None and (_contradicts(v, rng[0]) or _contradicts(v, rng[1])):
                return False
        return True

    def exact_place(self, m: _Member) -> bool:
        p = m.place
        return any((p.gid is not None and q.gid == p.gid) or (p.name is not None and q.name == p.name)
                   for q in self.places)


class _Group:
    """Open clusters of one (family, country, location class), indexed by place."""

    def __init__(self) -> None:
        self.index: dict[tuple, list[_Open]] = {}

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / _CELL_DEG), math.floor(lon / _CELL_DEG)

    def _keys(self, p: _Place) -> list[tuple]:
        keys: list[tuple] = []
        if p.gid is not None:
            keys.append(("g", p.gid))
        if p.name is not None:
            keys.append(("n", p.name))
        if p.fine and p.lat is not None and p.lon is not None:
            keys.append(("c", *self._cell(p.lat, p.lon)))
        return keys

    def _search_keys(self, p: _Place) -> list[tuple]:
        keys = [k for k in self._keys(p) if k[0] != "c"]
        if p.fine and p.lat is not None and p.lon is not None:
            ci, cj = self._cell(p.lat, p.lon)
            span = NEAR_KM / (111.32 * max(0.01, math.cos(math.radians(p.lat))))
            dj = min(int(math.ceil(span / _CELL_DEG)), int(360 / _CELL_DEG))
            keys.extend(("c", i, j) for i in (ci - 1, ci, ci + 1) for j in range(cj - dj, cj + dj + 1))
        return keys

    def candidates(self, m: _Member) -> list[_Open]:
        seen: set[int] = set()
        out: list[_Open] = []
        for k in self._search_keys(m.place):
            lst = self.index.get(k)
            if not lst:
                continue
            live = [c for c in lst if m.start - c.min_end <= 1]  # events come in start order
            if len(live) != len(lst):
                if live:
                    self.index[k] = live
                else:
                    del self.index[k]
            for c in live:
                if id(c) not in seen:
                    seen.add(id(c))
                    out.append(c)
        return out

    def register(self, c: _Open, m: _Member) -> None:
        for k in self._keys(m.place):
            lst = self.index.setdefault(k, [])
            if not lst or lst[-1] is not c:
                if c not in lst:
                    lst.append(c)


def cluster_events(events: Iterable[Mapping[str, Any]], *,
                   docs: Mapping[str, dict] | None = None) -> list[Cluster]:
    """Group reports of the same real event; every event lands in exactly one cluster.

    `events` are contract dicts (``Event.to_dict()``); `docs` maps a doc id to its input document
    (``source``, ``url``, ``title``) and names the publishers. Clusters come back ordered by date
    (undated last), then id.
    """
    # Millions of small objects: the cyclic GC would rescan them all many times over, and none
    # of them form cycles. Pausing it makes a 1M-event run several times faster.
    with paused_gc():
        return _cluster(events, docs)


def _cluster(events: Iterable[Mapping[str, Any]], docs: Mapping[str, dict] | None) -> list[Cluster]:
    keyed: list[tuple] = []
    singles: list[_Member] = []
    for order, ev in enumerate(events):
        m, group = _member(order, ev)
        if group is None:
            singles.append(m)
        else:
            keyed.append(((group, m.start, m.end, str(ev.get("id")), order), m))
    keyed.sort(key=itemgetter(0))

    built: list[list[_Member]] = [[m] for m in singles]
    current_group: tuple | None = None
    grp = _Group()
    opened: list[_Open] = []
    for (group, *_), m in keyed:
        if group != current_group:
            built.extend(c.members for c in opened)
            opened = []
            grp = _Group()
            current_group = group
        best: _Open | None = None
        best_score: tuple | None = None
        for c in grp.candidates(m):
            if not c.accepts(m):
                continue
            score = (c.exact_place(m), len(c.members), -c.members[0].order)
            if best_score is None or score > best_score:
                best, best_score = c, score
        if best is None:
            best = _Open(m)
            opened.append(best)
        else:
            best.add(m)
        grp.register(best, m)
    built.extend(c.members for c in opened)

    publishers: dict[str, tuple[str, tuple]] = {}
    clusters = [_finish(members, docs, publishers) for members in built]
    clusters.sort(key=lambda c: ((c.date or {}).get("start") or "9999", c.id))
    return clusters


def _member(order: int, ev: Mapping[str, Any]) -> tuple[_Member, tuple | None]:
    """The event's summary, and its group key (``None``: it cannot cluster, it stays alone)."""
    loc = ev.get("location") or None
    dt = ev.get("date") or None
    kind = str(ev.get("kind") or "")
    start = end = None
    if dt and dt.get("precision") != "unknown":
        start, end = _ordinal(dt.get("start")), _ordinal(dt.get("end"))
        if start is not None and end is None:
            end = start
        if start is not None and end is not None and end < start:
            start, end = end, start
    precision = (loc or {}).get("precision")
    loc_class = _LOC_CLASS.get(precision) if precision else None
    place = _Place(
        gid=(loc or {}).get("geonameid"),
        name=_name_key((loc or {}).get("name")),
        lat=(loc or {}).get("lat"), lon=(loc or {}).get("lon"),
        fine=loc_class == "fine")
    counts = event_counts(ev)
    m = _Member(order=order, event=ev, place=place, start=start or 0, end=end or 0,
                same_day_only=kind == _SAME_DAY_ONLY, claimant=_claimant(ev),
                counts=counts, exact=_exact_counts(counts))
    can_cluster = (loc is not None and loc_class is not None and start is not None
                   and (ev.get("modality") or "asserted") in _CLUSTERING_MODALITIES
                   and (place.gid is not None or place.name is not None or place.lat is not None))
    if not can_cluster:
        return m, None
    return m, (kind_family(kind), loc.get("country") or "", loc_class)


def _publisher(doc_id: str, docs: Mapping[str, dict] | None,
               cache: dict[str, tuple[str, tuple]]) -> tuple[str, tuple]:
    """Publisher of a document and its identity for counting documents (wire copies once)."""
    hit = cache.get(doc_id)
    if hit is None:
        pub = publisher(doc_id, docs)
        title = _name_key(docs.get(doc_id, {}).get("title")) if docs else None
        hit = cache[doc_id] = (pub, (pub, title) if title else (pub, "#" + doc_id))
    return hit


def _finish(members: list[_Member], docs: Mapping[str, dict] | None,
            publishers: dict[str, tuple[str, tuple]]) -> Cluster:
    if len(members) > 1:
        members = sorted(members, key=lambda m: (m.start, m.end, str(m.event.get("id")), m.order))
    seed = members[0].event
    cid = "c-" + hashlib.sha1(str(seed.get("id")).encode("utf-8")).hexdigest()[:16]

    if len(members) == 1:
        kind = str(seed.get("kind"))
    else:
        kinds = Counter(str(m.event.get("kind")) for m in members)
        first_seen: dict[str, int] = {}
        for i, m in enumerate(members):
            first_seen.setdefault(str(m.event.get("kind")), i)
        kind = max(kinds, key=lambda k: (kinds[k], -first_seen[k]))

    if len(members) == 1:
        location = seed.get("location")
    else:
        located = [m.event["location"] for m in members if m.event.get("location")]
        location = min(located, key=lambda l: _LOC_RANK.get(l.get("precision"), 9)) if located else None

    dated = [m.event["date"] for m in members
             if m.event.get("date") and m.event["date"].get("precision") in _DATE_RANK
             and m.event["date"].get("start")]
    span = None
    if dated:
        best = min(_DATE_RANK[d["precision"]] for d in dated)
        finest = [d for d in dated if _DATE_RANK[d["precision"]] == best]
        span = {"start": min(d["start"] for d in finest),
                "end": max(d.get("end") or d["start"] for d in finest),
                "precision": finest[0]["precision"]}

    claims: list[Claim] = []
    pubs: set[str] = set()
    documents: set[tuple] = set()
    ranges: dict[str, list] = {}
    for m in members:
        ev = m.event
        doc_id = str(ev.get("doc_id"))
        pub, doc_key = _publisher(doc_id, docs, publishers)
        pubs.add(pub)
        documents.add(doc_key)
        att = ev.get("attribution") or {}
        counts = m.counts
        claims.append(Claim(event_id=str(ev.get("id")), doc_id=doc_id, publisher=pub,
                            claimant=att.get("source"), claimant_country=att.get("source_country"),
                            status=att.get("status"), counts=counts))
        for k, c in counts.items():
            v = _count_number(c)
            if v is None:
                continue
            r = ranges.get(k)
            if r is None:
                ranges[k] = [v, v, 1]
            else:
                if v < r[0]:
                    r[0] = v
                elif v > r[1]:
                    r[1] = v
                r[2] += 1

    return Cluster(
        id=cid, kind_family=kind_family(str(seed.get("kind") or "")), kind=kind,
        location=location, date=span,
        members=tuple(str(m.event.get("id")) for m in members),
        sources=tuple(sorted(pubs)), n_documents=len(documents), claims=tuple(claims),
        count_ranges={k: CountRange(*ranges[k]) for k in sorted(ranges)})
