"""Exports of event records (``eventwire export --format ...``).

Every writer takes event dicts in the contract's JSON form (``Event.to_dict()``,
shared/spec/event-record.md) from any store, streams them to `out` (a path or an open text
stream; a directory for Parquet) and returns the number of records written.

- ``jsonl``: the records as they are, one per line.
- ``csv``: ACLED-style CSV. ACLED's column names, in ACLED's order, wherever a field maps
  (:data:`ACLED_COLUMNS`), then our own (:data:`EXTRA_COLUMNS`: injuries, weapon counts, who
  claims them).
- ``geojson``: a FeatureCollection of the events that have coordinates; each feature's
  properties are the same flat summary as a CSV row.
- ``parquet``: the flat summary plus the full record as JSON (``record``), hive-partitioned by the
  month the event starts in (``month=2025-12/part-0.parquet``; ``month=unknown`` when undated).
- ``plover``: PLOVER JSON Lines, with the field names of the PLOVER specification's "JSON Data
  Fields" chapter (``id``, ``date``, ``enddate``, ``source``/``recipient`` actor objects with
  ``code``/``sector``/``actor_text``, ``event``, ``mode``, ``context``, ``quad_code``,
  ``event_loc``, ``text_info``, ``cite_info``) plus POLECAT's flat ``event_type``, ``actor_name``,
  ``actor_country``, ``recipient_name``, ``recipient_country``, and our extras under
  ``eventwire``.

ACLED semantics used here:

- ``time_precision``: 1 the day is known, 2 the week (or a span of up to 7 days), 3 a month or
  longer. ``event_date`` is the first day of the span.
- ``geo_precision``: 1 a point or town, 2 part of a region (admin2, "eastern Poland"),
  3 a province or only the country.
- ``disorder_type`` follows the event type: Battles, Explosions/Remote violence, Violence against
  civilians -> Political violence; Protests -> Demonstrations; Riots -> Demonstrations (Violent
  demonstration) or Political violence (Mob violence); Excessive force against protesters ->
  "Political violence; Demonstrations"; Strategic developments -> Strategic developments.
- ``fatalities``: the killed count's value (or lower bound), 0 when none is given.
- ``event_id_cnty``: the ISO alpha-3 of the place plus a number derived from the event id
  (``UKR4412870931``): the same event always gets the same one.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import math
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from functools import lru_cache
from typing import IO, Any

from eventwire.errors import EventwireError
from eventwire.store.reconcile import kind_family, publisher

__all__ = ["ACLED_COLUMNS", "DIRECTORY_FORMATS", "EXPORTERS", "EXTRA_COLUMNS", "flat_summary",
           "plover_record", "write_acled_csv", "write_geojson", "write_jsonl", "write_parquet",
           "write_plover"]

Target = str | os.PathLike | IO[str]

# ACLED's own columns, in ACLED's order (columns with nothing to map are left out).
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "iso", "country",
    "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities",
)
EXTRA_COLUMNS: tuple[str, ...] = (
    "injuries", "drones_launched", "drones_destroyed", "missiles_launched", "missiles_destroyed",
    "claim_status", "claim_source", "claim_source_country", "eventwire_id", "doc_id", "kind",
    "subkind", "plover_event_type", "plover_mode", "modality", "date_end", "date_precision",
    "location_precision", "geonameid", "confidence",
)
COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS

_INT_COLUMNS = ("year", "time_precision", "iso", "geo_precision", "fatalities", "geonameid")
_FLOAT_COLUMNS = ("latitude", "longitude", "injuries", "drones_launched", "drones_destroyed",
                  "missiles_launched", "missiles_destroyed", "confidence")

_MISSILE_CLASSES = frozenset({"missile", "ballistic_missile", "cruise_missile"})
_GEO_PRECISION = {"point": 1, "city": 1, "admin2": 2, "region": 2, "admin1": 3, "country": 3}
_DISORDER = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Protests": "Demonstrations",
    "Riots": "Demonstrations", "Strategic developments": "Strategic developments",
}
_DISORDER_BY_SUB = {"Mob violence": "Political violence",
                    "Excessive force against protesters": "Political violence; Demonstrations"}
_QUAD = {**dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
         **dict.fromkeys(("COOPERATE", "AID", "RETREAT", "INVESTIGATE"), 2),
         **dict.fromkeys(("DEMAND", "ACCUSE", "REJECT", "SANCTION", "THREATEN"), 3),
         **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4)}
_VIOLENT_FAMILIES = frozenset({"remote_violence", "battle", "violence_against_civilians"})
_MODALITY_CONTEXT = {"historical": "historical", "future": "future", "hypothetical": "hypothetical",
                     "negated": "negation"}


class ExportError(EventwireError):
    """An export cannot be written (a missing optional package, a bad target)."""


# ---------------------------------------------------------------------------------------------
# Helpers


@contextlib.contextmanager
def _text_out(out: Target, *, newline: str | None = None) -> Iterator[IO[str]]:
    if isinstance(out, (str, os.PathLike)):
        with open(out, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
    else:
        yield out


@lru_cache(maxsize=512)
def _country(iso3: str | None) -> tuple[str | None, int | None]:
    """Common English name and ISO numeric code of an alpha-3 code ("RUS" -> ("Russia", 643))."""
    if not iso3:
        return None, None
    import pycountry

    from eventwire.geocode.countries import countries

    pc = pycountry.countries.get(alpha_3=iso3)
    known = countries().by_iso3.get(iso3)
    if known:
        name = known.name
    else:
        name = (getattr(pc, "common_name", None) or pc.name) if pc else None
    return name, int(pc.numeric) if pc else None


def _number(c: Mapping[str, Any] | None) -> float | int | None:
    if not c:
        return None
    v = c.get("value")
    return v if v is not None else c.get("low")


def _say(c: Mapping[str, Any] | None) -> str | None:
    """How a count reads in notes: the number, with the text when it says more ("more than 650")."""
    if not c:
        return None
    v = _number(c)
    text = c.get("text")
    if v is None:
        return text
    num = f"{v:g}" if isinstance(v, float) else str(v)
    if text and text != num and c.get("qualifier") != "exact":
        return f"{num} ({text})"
    return num


def _weapon_total(event: Mapping[str, Any], classes: frozenset[str], field: str) -> float | int | None:
    total = None
    for w in event.get("weapons") or ():
        if w.get("class") in classes:
            v = _number(w.get(field))
            if v is not None:
                total = v if total is None else total + v
    return total


def _names(event: Mapping[str, Any], role: str) -> list[str]:
    return [a.get("name") or a.get("text") for a in event.get("actors") or ()
            if a.get("role") == role and (a.get("name") or a.get("text"))]


def _event_number(event_id: str) -> int:
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:12], 16)


def _time_precision(d: Mapping[str, Any] | None) -> int:
    if not d or not d.get("start"):
        return 3
    if d.get("precision") == "day":
        return 1
    if d.get("precision") == "week":
        return 2
    try:
        span = (date.fromisoformat(d.get("end") or d["start"]) - date.fromisoformat(d["start"])).days
    except ValueError:
        return 3
    return 1 if span == 0 else 2 if span <= 6 else 3


def notes(event: Mapping[str, Any]) -> str:
    """A readable one-paragraph summary: what, where, when, the numbers and who claims them."""
    acled = event.get("acled") or {}
    what = acled.get("sub_event_type") or event.get("subkind") or str(event.get("kind") or "event").lower()
    what = str(what).replace("_", " ")
    loc = event.get("location") or {}
    d = event.get("date") or {}
    parts: list[str] = []
    head = ""
    if d.get("start"):
        head = f"On {d['start']}" if d.get("end") in (None, d["start"]) else \
            f"Between {d['start']} and {d['end']}"
        head += ", "
    initiators, targets = _names(event, "initiator"), _names(event, "target")
    head += what[0].lower() + what[1:] if head else what[0].upper() + what[1:]
    if initiators:
        head += f" by {', '.join(initiators)}"
    if targets:
        violent = kind_family(str(event.get("kind") or "")) in _VIOLENT_FAMILIES
        head += f" {'against' if violent else 'with'} {', '.join(targets)}"
    if loc.get("name"):
        place = loc["name"]
        country = _country(loc.get("country"))[0]
        if country and country != place:
            place += f", {country}"
        head += f" in {place}"
    parts.append(head + ".")
    for w in event.get("weapons") or ():
        cls = str(w.get("class") or "weapon").replace("_", " ")
        model = f" ({w['model']})" if w.get("model") else ""
        said = [f"{fld} {_say(w.get(fld))}" for fld in ("launched", "destroyed") if _say(w.get(fld))]
        if said:
            parts.append(f"{cls.capitalize()}s{model}: {', '.join(said)}.")
    cas = event.get("casualties") or {}
    hurt = [f"{_say(cas.get(fld))} {fld}" for fld in ("killed", "injured") if _say(cas.get(fld))]
    if hurt:
        parts.append(f"{', '.join(hurt).capitalize()}.")
    if event.get("targets"):
        parts.append(f"Targets: {', '.join(event['targets'])}.")
    att = event.get("attribution") or {}
    if att.get("source") or att.get("status"):
        who = att.get("source") or "an unnamed source"
        if att.get("source_country"):
            who += f" ({att['source_country']})"
        parts.append(f"Source of the claim: {who}; status: {att.get('status') or 'unknown'}.")
    if event.get("modality") and event["modality"] != "asserted":
        parts.append(f"Modality: {event['modality']}.")
    return " ".join(parts)


def flat_summary(event: Mapping[str, Any], docs: Mapping[str, dict] | None = None) -> dict[str, Any]:
    """One flat row (:data:`COLUMNS`) for an event: a CSV row, GeoJSON properties, a Parquet row."""
    acled = event.get("acled") or {}
    plover = event.get("plover") or {}
    loc = event.get("location") or {}
    d = event.get("date") or {}
    att = event.get("attribution") or {}
    cas = event.get("casualties") or {}
    eid = str(event.get("id"))
    country, iso = _country(loc.get("country"))
    initiators, targets = _names(event, "initiator"), _names(event, "target")
    event_type = acled.get("event_type")
    sub = acled.get("sub_event_type")
    killed = _number(cas.get("killed"))
    lat, lon = loc.get("lat"), loc.get("lon")
    return {
        "event_id_cnty": f"{loc.get('country') or 'XXX'}{_event_number(eid)}",
        "event_date": d.get("start"),
        "year": int(d["start"][:4]) if d.get("start") else None,
        "time_precision": _time_precision(d),
        "disorder_type": _DISORDER_BY_SUB.get(sub) or _DISORDER.get(event_type),
        "event_type": event_type,
        "sub_event_type": sub,
        "actor1": initiators[0] if initiators else None,
        "assoc_actor_1": "; ".join(initiators[1:]) or None,
        "actor2": targets[0] if targets else None,
        "assoc_actor_2": "; ".join(targets[1:]) or None,
        "iso": iso,
        "country": country,
        "admin1": loc.get("admin1"),
        "admin2": loc.get("admin2"),
        "location": loc.get("name"),
        "latitude": lat,
        "longitude": lon,
        "geo_precision": _GEO_PRECISION.get(loc.get("precision")),
        "source": publisher(str(event.get("doc_id")), docs),
        "notes": notes(event),
        "fatalities": int(round(killed)) if killed is not None else 0,
        "injuries": _number(cas.get("injured")),
        "drones_launched": _weapon_total(event, frozenset({"drone"}), "launched"),
        "drones_destroyed": _weapon_total(event, frozenset({"drone"}), "destroyed"),
        "missiles_launched": _weapon_total(event, _MISSILE_CLASSES, "launched"),
        "missiles_destroyed": _weapon_total(event, _MISSILE_CLASSES, "destroyed"),
        "claim_status": att.get("status"),
        "claim_source": att.get("source"),
        "claim_source_country": att.get("source_country"),
        "eventwire_id": eid,
        "doc_id": event.get("doc_id"),
        "kind": event.get("kind"),
        "subkind": event.get("subkind"),
        "plover_event_type": plover.get("event_type"),
        "plover_mode": plover.get("mode"),
        "modality": event.get("modality"),
        "date_end": d.get("end"),
        "date_precision": d.get("precision"),
        "location_precision": loc.get("precision"),
        "geonameid": loc.get("geonameid"),
        "confidence": event.get("confidence"),
    }


# ---------------------------------------------------------------------------------------------
# Writers


def write_jsonl(events: Iterable[Mapping[str, Any]], out: Target, *,
                docs: Mapping[str, dict] | None = None) -> int:
    """The records as they are, one JSON object per line."""
    n = 0
    with _text_out(out) as fh:
        for ev in events:
            fh.write(json.dumps(ev, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_acled_csv(events: Iterable[Mapping[str, Any]], out: Target,
                    docs: Mapping[str, dict] | None = None) -> int:
    """ACLED-style CSV: :data:`ACLED_COLUMNS` then :data:`EXTRA_COLUMNS`."""
    n = 0
    with _text_out(out, newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for ev in events:
            w.writerow(flat_summary(ev, docs))
            n += 1
    return n


def _valid_point(lat: Any, lon: Any) -> bool:
    return (isinstance(lat, (int, float)) and isinstance(lon, (int, float))
            and not isinstance(lat, bool) and not isinstance(lon, bool)
            and math.isfinite(lat) and math.isfinite(lon)
            and -90 <= lat <= 90 and -180 <= lon <= 180)


def write_geojson(events: Iterable[Mapping[str, Any]], out: Target, *,
                  docs: Mapping[str, dict] | None = None) -> int:
    """A GeoJSON FeatureCollection (RFC 7946) of the events with valid coordinates.

    Returns the number of features; events without coordinates are left out.
    """
    n = 0
    with _text_out(out) as fh:
        fh.write('{"type": "FeatureCollection", "features": [\n')
        for ev in events:
            loc = ev.get("location") or {}
            lat, lon = loc.get("lat"), loc.get("lon")
            if not _valid_point(lat, lon):
                continue
            feature = {"type": "Feature", "id": ev.get("id"),
                       "geometry": {"type": "Point", "coordinates": [lon, lat]},
                       "properties": flat_summary(ev, docs)}
            fh.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
            n += 1
        fh.write("\n]}\n")
    return n


def _parquet_schema(pa):
    fields = []
    for col in COLUMNS:
        if col in _INT_COLUMNS:
            t = pa.int64()
        elif col in _FLOAT_COLUMNS:
            t = pa.float64()
        else:
            t = pa.string()
        fields.append(pa.field(col, t))
    fields.append(pa.field("record", pa.string()))
    fields.append(pa.field("month", pa.string()))
    return pa.schema(fields)


def _parquet_value(col: str, v: Any) -> Any:
    if v is None:
        return None
    if col in _FLOAT_COLUMNS:
        return float(v)
    if col in _INT_COLUMNS:
        return int(v)
    return str(v)


def write_parquet(events: Iterable[Mapping[str, Any]], directory: str | os.PathLike, *,
                  docs: Mapping[str, dict] | None = None, batch_size: int = 50_000) -> int:
    """Parquet files under `directory`, hive-partitioned by month: ``month=2025-12/part-0.parquet``.

    Columns: the flat summary (:data:`COLUMNS`) and ``record``, the full event as JSON. Partitions
    written again are replaced; other months already in `directory` are kept.
    """
    import pyarrow as pa  # imported here: only Parquet export needs it
    import pyarrow.dataset as ds

    schema = _parquet_schema(pa)
    counter = [0]

    def batches() -> Iterator[Any]:
        rows: dict[str, list] = {name: [] for name in schema.names}
        filled = 0
        for ev in events:
            row = flat_summary(ev, docs)
            for col in COLUMNS:
                rows[col].append(_parquet_value(col, row[col]))
            rows["record"].append(json.dumps(ev, ensure_ascii=False))
            start = (ev.get("date") or {}).get("start")
            rows["month"].append(start[:7] if start else "unknown")
            filled += 1
            if filled == batch_size:
                counter[0] += filled
                yield pa.RecordBatch.from_pydict(rows, schema=schema)
                rows = {name: [] for name in schema.names}
                filled = 0
        if filled:
            counter[0] += filled
            yield pa.RecordBatch.from_pydict(rows, schema=schema)

    os.makedirs(directory, exist_ok=True)
    ds.write_dataset(batches(), os.fspath(directory), schema=schema, format="parquet",
                     partitioning=ds.partitioning(pa.schema([schema.field("month")]), flavor="hive"),
                     basename_template="part-{i}.parquet", existing_data_behavior="delete_matching")
    return counter[0]


def _plover_actor(a: Mapping[str, Any]) -> dict[str, Any]:
    return {"code": a.get("country"), "sector": a.get("sector"), "actor_text": a.get("text"),
            "identifier_text": a.get("name")}


def _first(actors: list[Mapping[str, Any]], key: str) -> Any:
    return actors[0].get(key) if actors else None


def plover_record(event: Mapping[str, Any], docs: Mapping[str, dict] | None = None) -> dict[str, Any]:
    """One event as a PLOVER JSON record (see the module docstring for the field names)."""
    plover = event.get("plover") or {}
    ptype = plover.get("event_type")
    d = event.get("date") or {}
    loc = event.get("location")
    actors = event.get("actors") or []
    sources = [a for a in actors if a.get("role") in ("initiator", "participant")]
    recipients = [a for a in actors if a.get("role") == "target"]
    context = []
    if kind_family(str(event.get("kind") or "")) in ("remote_violence", "battle"):
        context.append("military")
    if event.get("modality") in _MODALITY_CONTEXT:
        context.append(_MODALITY_CONTEXT[event["modality"]])
    cas = event.get("casualties") or {}
    event_loc = None
    if loc:
        iso2 = None
        if loc.get("country"):
            from eventwire.geocode.countries import countries

            c = countries().by_iso3.get(loc["country"])
            iso2 = c.iso2 if c else None
        event_loc = {"geonameid": loc.get("geonameid"), "name": loc.get("name"),
                     "latitude": loc.get("lat"), "longitude": loc.get("lon"),
                     "country_code": iso2, "cc3": loc.get("country"),
                     "admin1": loc.get("admin1"), "admin2": loc.get("admin2"),
                     "precision": loc.get("precision")}
    doc_id = str(event.get("doc_id"))
    doc = (docs or {}).get(doc_id) or {}
    evidence = (event.get("evidence") or [None])[0]
    return {
        "id": event.get("id"),
        "has_event": ptype is not None,
        "date": d.get("start"),
        "enddate": d.get("end"),
        "source": [_plover_actor(a) for a in sources],
        "recipient": [_plover_actor(a) for a in recipients],
        "event": [ptype] if ptype else [],
        "event_type": ptype,
        "mode": [plover["mode"]] if plover.get("mode") else [],
        "context": context,
        "quad_code": _QUAD.get(ptype),
        "actor_name": _first(sources, "name"),
        "actor_country": _first(sources, "country"),
        "recipient_name": _first(recipients, "name"),
        "recipient_country": _first(recipients, "country"),
        "event_loc": event_loc,
        "size": {"dead": _number(cas.get("killed")), "injured": _number(cas.get("injured"))},
        "text_info": {"start": evidence.get("start"), "end": evidence.get("end")} if evidence else None,
        "cite_info": {"publication": publisher(doc_id, docs), "url": doc.get("url"),
                      "title": doc.get("title"), "citation": doc_id,
                      "codebook": "plover (eventwire event record v1)"},
        "coder": "eventwire",
        "comment": notes(event),
        "eventwire": {"kind": event.get("kind"), "subkind": event.get("subkind"),
                      "acled": event.get("acled"), "targets": event.get("targets") or [],
                      "weapons": event.get("weapons") or [], "casualties": event.get("casualties"),
                      "attribution": event.get("attribution"), "modality": event.get("modality"),
                      "date_precision": d.get("precision"), "confidence": event.get("confidence"),
                      "doc_id": event.get("doc_id")},
    }


def write_plover(events: Iterable[Mapping[str, Any]], out: Target, *,
                 docs: Mapping[str, dict] | None = None) -> int:
    """PLOVER JSON Lines (the specification's suggested layout): one record per event."""
    n = 0
    with _text_out(out) as fh:
        for ev in events:
            fh.write(json.dumps(plover_record(ev, docs), ensure_ascii=False) + "\n")
            n += 1
    return n


Exporter = Callable[..., int]

# Format name -> writer, for `eventwire export --format NAME`. Every writer is called as
# ``write(events, target, docs=docs)`` and returns the number of records written.
EXPORTERS: dict[str, Exporter] = {
    "jsonl": write_jsonl,
    "csv": write_acled_csv,
    "geojson": write_geojson,
    "parquet": write_parquet,
    "plover": write_plover,
}
# Formats whose target is a directory rather than a file or stream.
DIRECTORY_FORMATS: frozenset[str] = frozenset({"parquet"})
