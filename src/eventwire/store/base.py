"""The `EventStore` interface, and what every backend shares: the rows an event becomes, the
filters of `events()`, content hashes.

A backend (`duckdb_store.DuckDBStore`, `postgres_store.PostgresStore`) supplies the connection,
transactions and its fast insert path; the semantics live here:

- `upsert_documents(items)` writes many documents in ONE transaction. For each document whose
  content hash differs from the stored one (or that is new) it deletes the document's old
  events and inserts the new ones, then records the hash. A document with an unchanged hash is
  skipped. A crash leaves the state before or after the transaction, never between: running
  the same ingest again finishes the job with nothing lost and nothing twice.
- `events(...)` and `event_records(...)` read with the same filters; the first returns typed
  columns as a pandas DataFrame, the second the contract's dicts (`Event.to_dict()`, as stored).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timezone
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import orjson

from eventwire.records import Document, Event
from eventwire.store.schema import FRAME_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

# One document to write: the document, its events, and its content hash (None: computed).
Item = tuple[Document, Sequence[Event], "str | None"]
BBox = tuple[float, float, float, float]
DateLike = date | datetime | str


class StoreError(Exception):
    """The store can't be opened or used (bad URL, newer schema, missing driver)."""


def content_hash(doc: Document) -> str:
    """The hash that decides whether a document changed: every field extraction reads. Not
    `duplicate_of`: a document stored as a near-duplicate stays linked to its original until its
    content changes, whatever a later run compares it with."""
    payload = json.dumps([doc.id, doc.text, doc.published, doc.title, doc.url, doc.source],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record_json(event: Event) -> str:
    """The stored form of an event: `Event.to_dict()` as compact JSON (orjson, the fast path;
    the standard library for what orjson refuses, such as integers over 64 bits)."""
    record = event.to_dict()
    try:
        return orjson.dumps(record).decode("utf-8")
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # what a DATE column takes (both backends)


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class EventStore(ABC):
    """Where event records live. Use as a context manager, or call `close()`."""

    dialect: str  # "duckdb" or "postgres"
    placeholder = "?"

    # -- the backend's part ------------------------------------------------------------------

    @abstractmethod
    def migrate(self) -> int:
        """Create or upgrade the tables (`schema.MIGRATIONS`); the schema version afterwards."""

    @abstractmethod
    def schema_version(self) -> int:
        """The version of the database's schema; 0 for an empty database."""

    @abstractmethod
    def upsert_documents(self, items: Iterable[Item]) -> list[bool]:
        """Store many documents in one transaction; for each, whether it was written (False:
        stored before with the same content hash, nothing done)."""

    @abstractmethod
    def document_hashes(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """The stored content hash of each of `doc_ids` that is stored."""

    @abstractmethod
    def set_clusters(self, assignments: Mapping[str, str] | Iterable[tuple[str, str]]) -> None:
        """Replace all cluster assignments (event id -> cluster id) in one transaction."""

    @abstractmethod
    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        """Column names and rows of a query written with `?` placeholders."""

    @abstractmethod
    def _frame(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """A query's result as a DataFrame (`?` placeholders)."""

    @abstractmethod
    def close(self) -> None: ...

    # -- shared ------------------------------------------------------------------------------

    def upsert_document(self, doc: Document, events: Sequence[Event],
                        content_hash: str | None = None) -> bool:
        """Store one document and its events (one transaction); False if it was unchanged."""
        return self.upsert_documents([(doc, events, content_hash)])[0]

    def upsert_batches(self, batches: Iterable[Iterable[Item]]) -> Iterator[list[bool]]:
        """`upsert_documents` for each batch, in order, one transaction each (a backend may
        overlap preparing one batch with writing the previous); yields each batch's flags."""
        for batch in batches:
            yield self.upsert_documents(batch)

    def has_document(self, doc_id: str, content_hash: str) -> bool:
        """Whether `doc_id` is stored with this content hash."""
        return self.document_hashes([doc_id]).get(doc_id) == content_hash

    def events(self, kind: str | Iterable[str] | None = None,
               country: str | Iterable[str] | None = None, bbox: BBox | None = None,
               since: DateLike | None = None, until: DateLike | None = None) -> pd.DataFrame:
        """Events as a DataFrame of typed columns (`schema.FRAME_COLUMNS`), ordered by date.

        `kind`, `country` (ISO alpha-3 of the location): one value or several. `bbox`:
        `(min_lon, min_lat, max_lon, max_lat)`, inclusive, as in GeoJSON. `since`/`until`:
        dates (or ISO strings), inclusive; an event matches when its date span overlaps them,
        and an event without a date never matches a date filter.
        """
        where, params = self._where(kind, country, bbox, since, until)
        cols = ", ".join(FRAME_COLUMNS)
        df = self._frame(f"SELECT {cols} FROM events{where} "
                         "ORDER BY date_start NULLS LAST, doc_id, seq", params)
        return _normalise_frame(df)

    def event_records(self, kind: str | Iterable[str] | None = None,
                      country: str | Iterable[str] | None = None, bbox: BBox | None = None,
                      since: DateLike | None = None, until: DateLike | None = None,
                      ) -> Iterator[dict[str, Any]]:
        """The stored event records (the contract's dicts), same filters as `events()`, in
        document then extraction order."""
        where, params = self._where(kind, country, bbox, since, until)
        _, rows = self._fetch(f"SELECT record FROM events{where} ORDER BY doc_id, seq", params)
        for (record,) in rows:
            yield json.loads(record)

    def documents(self) -> pd.DataFrame:
        """The stored documents: id, content_hash, published, title, url, source, n_events,
        ingested_at, duplicate_of."""
        return self._frame("SELECT * FROM documents ORDER BY id")

    def clusters(self) -> pd.DataFrame:
        """Cluster assignments: event_id, cluster_id."""
        return self._frame("SELECT event_id, cluster_id FROM clusters ORDER BY cluster_id, event_id")

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        out = {}
        for table in ("documents", "events", "actors", "weapons", "evidence", "clusters"):
            _, rows = self._fetch(f"SELECT count(*) FROM {table}")
            out[table] = int(rows[0][0])
        return out

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _where(self, kind, country, bbox, since, until) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for column, value in (("kind", kind), ("country", country)):
            if value is None:
                continue
            values = [value] if isinstance(value, str) else list(value)
            clauses.append(f"{column} IN ({', '.join('?' * len(values))})" if values else "FALSE")
            params += values
        if bbox is not None:
            min_lon, min_lat, max_lon, max_lat = _bbox(bbox)
            clauses.append("lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?")
            params += [min_lon, max_lon, min_lat, max_lat]
        if since is not None:
            clauses.append("date_end >= ?")
            params.append(_date(since, "since"))
        if until is not None:
            clauses.append("date_start <= ?")
            params.append(_date(until, "until"))
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _bbox(bbox: Any) -> BBox:
    try:
        min_lon, min_lat, max_lon, max_lat = (float(x) for x in bbox)
    except (TypeError, ValueError):
        raise ValueError(f"bbox must be (min_lon, min_lat, max_lon, max_lat), not {bbox!r}") from None
    if min_lon > max_lon or min_lat > max_lat:
        raise ValueError(f"bbox {bbox!r}: min_lon > max_lon or min_lat > max_lat "
                         "(a box across the antimeridian is two queries)")
    return min_lon, min_lat, max_lon, max_lat


def _date(value: DateLike, name: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return datetime.fromisoformat(str(value)).date()
    except ValueError:
        raise ValueError(f"{name}={value!r} is not an ISO date (YYYY-MM-DD)") from None


def _normalise_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The same dtypes from every backend: dates as datetime64, numbers as float64."""
    import pandas as pd

    for col in ("date_start", "date_end"):
        if col in df.columns:
            df[col] = pd.to_datetime(df[col]).astype("datetime64[us]")
    for col in ("lat", "lon", "confidence"):
        if col in df.columns:
            df[col] = df[col].astype("float64")
    return df


# -- the rows an event becomes ---------------------------------------------------------------

@lru_cache(maxsize=65536)
def _iso_date(value: Any) -> date | None:
    """`value` as a date if it is a valid ISO date string (what a DATE column takes), else None.
    Cached: a batch holds few distinct dates."""
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _number(value: Any) -> float | None:
    """A count or coordinate as the typed column holds it: a finite float, else None (the JSON
    record has null for NaN and infinities too)."""
    if type(value) is float:  # the common case, first: this runs for every coordinate
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, bool):
        return None
    try:
        x = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return x if math.isfinite(x) else None


class Rows:
    """The rows of every table for a batch of documents, as lists of tuples in column order
    (`schema.*_COLUMNS`). Typed columns are read from the records' fields (as `Event.to_dict()`
    writes them: confidence rounded, non-finite numbers null), the `record` column is the JSON."""

    def __init__(self) -> None:
        self.documents: list[tuple] = []
        self.events: list[tuple] = []
        self.actors: list[tuple] = []
        self.weapons: list[tuple] = []
        self.evidence: list[tuple] = []

    def add(self, doc: Document, events: Sequence[Event], chash: str, now: datetime) -> None:
        """Add a document and its events."""
        doc_id = doc.id
        self.documents.append((doc_id, chash, doc.published, doc.title, doc.url, doc.source,
                               len(events), now, doc.duplicate_of))
        actors, weapons, evidence = self.actors, self.weapons, self.evidence
        for seq, ev in enumerate(events):
            text = record_json(ev)
            loc, dt, attr = ev.location, ev.date, ev.attribution
            eid = ev.id
            self.events.append((
                doc_id, seq, eid, ev.kind, ev.subkind,
                *((loc.country, loc.name, loc.admin1, loc.precision, _number(loc.lat),
                   _number(loc.lon)) if loc else (None,) * 6),
                *((_iso_date(dt.start), _iso_date(dt.end), dt.precision) if dt
                  else (None, None, None)),
                ev.modality, *((attr.status, attr.source) if attr else (None, None)),
                _number(round(ev.confidence, 3)), ev.trigger, text))
            for i, a in enumerate(ev.actors):
                actors.append((doc_id, seq, i, eid, a.role, a.name, a.country, a.sector, a.text))
            for i, w in enumerate(ev.weapons):
                la, de = w.launched, w.destroyed
                weapons.append((doc_id, seq, i, eid, w.cls, w.model,
                                _number(la.value) if la else None, la.qualifier if la else None,
                                _number(de.value) if de else None, de.qualifier if de else None))
            for i, s in enumerate(ev.evidence):
                evidence.append((doc_id, seq, i, eid, s.start, s.end))


def plan(items: Iterable[Item], stored: Mapping[str, str]) -> tuple[list[bool], dict[str, Item]]:
    """Which items to write, given the stored hashes: a flag per item, and the last version of
    each document to write (a later duplicate id in the same batch replaces an earlier one)."""
    seen = dict(stored)
    flags: list[bool] = []
    latest: dict[str, Item] = {}
    for doc, events, chash in items:
        if seen.get(doc.id) == chash:
            flags.append(False)
            continue
        seen[doc.id] = chash
        latest[doc.id] = (doc, events, chash)
        flags.append(True)
    # A duplicate id whose last version equals what is stored: writing the earlier version and
    # then the stored one again ends where we started, so write nothing for it.
    for doc_id in [d for d, (_, _, h) in latest.items() if stored.get(d) == h]:
        del latest[doc_id]
    return flags, latest


def with_hashes(items: Iterable[Item]) -> list[Item]:
    return [(doc, list(events), chash or content_hash(doc)) for doc, events, chash in items]
