"""The DuckDB backend: one embedded database file, nothing to start.

Bulk writes go through Arrow tables registered with DuckDB (`INSERT ... SELECT FROM frame`),
which DuckDB reads without holding the GIL:
one vectorised insert per table per batch instead of a statement per row. Python only makes the
JSON records; DuckDB parses them and fills the typed columns and child tables itself. There are no indexes
on the event tables; DuckDB's zone maps (min/max per row group) prune range filters, and
`optimize()` rewrites `events` sorted by date and place so that they prune well.

A DuckDB file takes one writing process at a time; a second one gets a clear "is locked" error.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from operator import itemgetter
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from eventwire.records import Document, Event
from eventwire.store import schema
from eventwire.store.base import ISO_DATE
from eventwire.store.base import (
    EventStore, Item, StoreError, plan, record_json, utcnow, with_hashes,
)

CHECKPOINT_THRESHOLD = "256MB"

# Column types: of the Arrow arrays (strings otherwise), and of the casts of `INSERT ... SELECT`.
_ARROW_TYPES = {"seq": pa.int32(), "idx": pa.int32(), "n_events": pa.int32(),
                "span_start": pa.int64(), "span_end": pa.int64(), "lat": pa.float64(),
                "lon": pa.float64(), "confidence": pa.float64(), "launched": pa.float64(),
                "destroyed": pa.float64(), "ingested_at": pa.timestamp("us")}
_TYPES = {
    "seq": "INTEGER", "idx": "INTEGER", "n_events": "INTEGER", "span_start": "INTEGER",
    "span_end": "INTEGER", "lat": "DOUBLE", "lon": "DOUBLE", "confidence": "DOUBLE",
    "launched": "DOUBLE", "destroyed": "DOUBLE", "date_start": "DATE", "date_end": "DATE",
    "ingested_at": "TIMESTAMP",
}
_TABLES = (("events", schema.EVENT_COLUMNS), ("actors", schema.ACTOR_COLUMNS),
           ("weapons", schema.WEAPON_COLUMNS), ("evidence", schema.EVIDENCE_COLUMNS))


def _select(columns: Sequence[str], frame: str) -> str:
    return ", ".join(f'CAST("{c}" AS {_TYPES.get(c, "VARCHAR")})' for c in columns) + f" FROM {frame}"


def _insert(table: str, columns: Sequence[str]) -> str:
    cols = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({cols}) SELECT {_select(columns, '_ew_frame')}"


# The parts of a record each table takes, as `json_transform` structures.
_EVENT_STRUCTURE = json.dumps({
    "id": "VARCHAR", "kind": "VARCHAR", "subkind": "VARCHAR", "trigger": "VARCHAR",
    "modality": "VARCHAR", "confidence": "DOUBLE",
    "location": {"country": "VARCHAR", "name": "VARCHAR", "admin1": "VARCHAR",
                 "precision": "VARCHAR", "lat": "DOUBLE", "lon": "DOUBLE"},
    "date": {"start": "VARCHAR", "end": "VARCHAR", "precision": "VARCHAR"},
    "attribution": {"status": "VARCHAR", "source": "VARCHAR"},
})
_LIST_STRUCTURES = {
    "actors": [{"role": "VARCHAR", "name": "VARCHAR", "country": "VARCHAR", "sector": "VARCHAR",
                "text": "VARCHAR"}],
    "weapons": [{"class": "VARCHAR", "model": "VARCHAR",
                 "launched": {"value": "DOUBLE", "qualifier": "VARCHAR"},
                 "destroyed": {"value": "DOUBLE", "qualifier": "VARCHAR"}}],
    "evidence": [{"start": "INTEGER", "end": "INTEGER"}],
}
# The batch's records: an Arrow table of doc_id, seq, record, read by each statement of _FILL.
_FRAME = "SELECT doc_id, seq, record FROM _ew_frame"


def _iso_date(expr: str) -> str:
    """A DATE from a string column when it is a valid YYYY-MM-DD, else NULL (as base._iso_date)."""
    return (f"CASE WHEN regexp_full_match({expr}, '{ISO_DATE.pattern}') "
            f"THEN TRY_CAST({expr} AS DATE) END")


def _children(table: str, columns: str) -> str:
    structure = json.dumps({"id": "VARCHAR", table: _LIST_STRUCTURES[table]})
    items = f'r."{table}"'
    return (f"INSERT INTO {table} SELECT doc_id, seq, CAST(idx - 1 AS INTEGER), id, {columns} "
            f"FROM (SELECT doc_id, seq, r.id AS id, unnest({items}) AS x, "
            f"generate_subscripts({items}, 1) AS idx FROM (SELECT doc_id, seq, "
            f"json_transform(record, '{structure}') AS r FROM ({_FRAME})))")


# Each statement parses what it needs of the records straight from the frame (JSON parsing is
# cheap; materialising parsed records in a temporary table was not).
_FILL = (
    "INSERT INTO events SELECT doc_id, seq, r.id, r.kind, r.subkind, r.location.country, "
    "r.location.name, r.location.admin1, r.location.precision, r.location.lat, r.location.lon, "
    f"{_iso_date('r.date.start')}, {_iso_date('r.date.end')}, r.date.precision, r.modality, "
    "r.attribution.status, r.attribution.source, r.confidence, r.trigger, record "
    f"FROM (SELECT doc_id, seq, record, json_transform(record, '{_EVENT_STRUCTURE}') AS r "
    f"FROM ({_FRAME}))",
    _children("actors", "x.role, x.name, x.country, x.sector, x.text"),
    _children("weapons", "x.class, x.model, x.launched.value, x.launched.qualifier, "
                         "x.destroyed.value, x.destroyed.qualifier"),
    _children("evidence", 'x.start, x."end"'),
)


class DuckDBStore(EventStore):
    dialect = "duckdb"

    def __init__(self, path: str | Path, *, read_only: bool = False):
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as e:
            raise StoreError(f"cannot open the DuckDB database {self.path}: {e}") from e
        # Fewer, larger checkpoints: bulk loads go faster; a crash replays at most this much WAL.
        self.con.execute(f"SET checkpoint_threshold = '{CHECKPOINT_THRESHOLD}'")

    def __repr__(self) -> str:
        return f"DuckDBStore({self.path!r})"

    # -- schema ------------------------------------------------------------------------------

    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
            " AND table_schema = current_schema()").fetchone()[0]
        if not exists:
            return 0
        return self.con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]

    def migrate(self) -> int:
        current = self.schema_version()
        if current > schema.LATEST_VERSION:
            raise StoreError(f"{self.path} has schema version {current}, newer than this "
                             f"eventwire knows ({schema.LATEST_VERSION}); upgrade eventwire")
        for m in schema.MIGRATIONS:
            if m.version <= current:
                continue
            self.con.begin()
            try:
                self.con.execute(schema.SCHEMA_VERSION_DDL)
                for sql in m.for_dialect(self.dialect):
                    self.con.execute(sql)
                self.con.execute("INSERT INTO schema_version VALUES (?, ?, ?)",
                                 [m.version, m.description, utcnow()])
                self.con.commit()
            except BaseException:
                self.con.rollback()
                raise
        return max(current, schema.LATEST_VERSION)

    # -- writing -----------------------------------------------------------------------------

    def document_hashes(self, doc_ids: Iterable[str]) -> dict[str, str]:
        ids = list(dict.fromkeys(doc_ids))
        if not ids:
            return {}
        rows = self.con.execute(
            "SELECT id, content_hash FROM documents WHERE id IN (SELECT unnest(?))", [ids]
        ).fetchall()
        return dict(rows)

    def upsert_documents(self, items: Iterable[Item]) -> list[bool]:
        return self._apply(_prepare(items))

    def upsert_batches(self, batches: Iterable[Iterable[Item]]) -> Iterator[list[bool]]:
        """Like `upsert_documents` for each batch, in order, one transaction each; the JSON of
        the next batch is made while DuckDB writes the previous one, on another thread (DuckDB
        runs without the GIL). Nothing is in flight when a result is yielded."""
        with ThreadPoolExecutor(1, thread_name_prefix="eventwire-duckdb") as pool:
            pending: Future[list[bool]] | None = None
            for batch in batches:
                prepared = _prepare(batch)
                if pending is not None:
                    yield pending.result()
                pending = pool.submit(self._apply, prepared)
            if pending is not None:
                yield pending.result()

    def _apply(self, prepared: list[_Prepared]) -> list[bool]:
        if not prepared:
            return []
        now = utcnow()
        self.con.begin()
        try:
            stored = self.document_hashes(doc.id for doc, _, _ in prepared)
            flags, latest = plan(prepared, stored)
            if latest:
                self._write(latest, stored, now)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        return flags

    def _write(self, latest: dict[str, _Prepared], stored: Mapping[str, str], now) -> None:
        """Inside the caller's transaction: replace the documents of `latest`.

        Python has made only the JSON records (`Event.to_dict()`); DuckDB parses them
        (`json_transform`) and fills `events` and the child tables in four vectorised
        `INSERT ... SELECT`s. Each batch's events go in sorted by date and place, so the zone
        maps of a bulk load prune bbox + date queries even when the documents came in random
        date order (measured: p95 150 ms -> 35 ms over 1M events). Python sorts them: DuckDB's
        ORDER BY moved every wide row and cost a third of the write."""
        doc_rows, rows = [], []
        for doc_id in sorted(latest):
            doc, doc_records, chash = latest[doc_id]
            doc_rows.append((doc.id, chash, doc.published, doc.title, doc.url, doc.source,
                             len(doc_records), now, doc.duplicate_of))
            rows += [(key, doc.id, seq, record) for seq, (key, record) in enumerate(doc_records)]
        rows.sort(key=itemgetter(0))
        replaced = sorted(d for d in latest if d in stored)
        if replaced:
            self._with_frame(_frame([(d,) for d in replaced], ["id"]), *(
                f"DELETE FROM {t} WHERE doc_id IN (SELECT id FROM _ew_frame)"
                for t, _ in _TABLES))
        self._with_frame(_frame(doc_rows, schema.DOCUMENT_COLUMNS),
                         _insert("documents", schema.DOCUMENT_COLUMNS)
                         + " ON CONFLICT (id) DO UPDATE SET "
                         + ", ".join(f"{c} = excluded.{c}" for c in schema.DOCUMENT_COLUMNS[1:]))
        if not rows:
            return
        _, ev_doc, ev_seq, records = zip(*rows)
        frame = pa.table({"doc_id": pa.array(ev_doc, pa.string()),
                          "seq": pa.array(ev_seq, pa.int32()),
                          "record": pa.array(records, pa.string())})
        self._with_frame(frame, *_FILL)

    def set_clusters(self, assignments: Mapping[str, str] | Iterable[tuple[str, str]]) -> None:
        pairs = dict(assignments.items() if isinstance(assignments, Mapping) else assignments)
        self.con.begin()
        try:
            self.con.execute("DELETE FROM clusters")
            if pairs:
                self._with_frame(_frame(list(pairs.items()), ["event_id", "cluster_id"]),
                                 "INSERT INTO clusters SELECT CAST(event_id AS VARCHAR), "
                                 "CAST(cluster_id AS VARCHAR) FROM _ew_frame")
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise

    def optimize(self) -> None:
        """Rewrite `events` sorted by date and place, so that zone maps prune date and bbox
        filters (worth it after a large bulk load; one transaction)."""
        self.con.begin()
        try:
            self.con.execute("CREATE TEMP TABLE _ew_sorted AS SELECT * FROM events "
                             "ORDER BY date_start NULLS LAST, lon, lat")
            self.con.execute("DELETE FROM events")
            self.con.execute("INSERT INTO events SELECT * FROM _ew_sorted")
            self.con.execute("DROP TABLE _ew_sorted")
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        self.con.execute("CHECKPOINT")

    def _with_frame(self, frame: pa.Table, *statements: str) -> None:
        self.con.register("_ew_frame", frame)
        try:
            for sql in statements:
                self.con.execute(sql)
        finally:
            self.con.unregister("_ew_frame")

    # -- reading -----------------------------------------------------------------------------

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        cur = self.con.execute(sql, list(params))
        return [d[0] for d in cur.description], cur.fetchall()

    def _frame(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        return self.con.execute(sql, list(params)).df()

    def close(self) -> None:
        self.con.close()


# A document ready to write: the document, its events' JSON records, its content hash.
_Prepared = tuple[Document, list[tuple[tuple, str]], str]  # events as (sort key, JSON record)


def _prepare(items: Iterable[Item]) -> list[_Prepared]:
    return [(doc, [_keyed(e) for e in events], chash) for doc, events, chash in with_hashes(items)]


def _keyed(event: Event) -> tuple[tuple, str]:
    record = record_json(event)  # first: what cannot be serialised fails here, as everywhere
    return _sort_key(event), record


def _sort_key(event: Event) -> tuple[str, float, float]:
    """Where an event goes in a batch: by start date, then longitude and latitude; undated and
    unplaced last."""
    start = event.date.start if event.date and event.date.start else "~"  # "~" > any digit
    loc = event.location
    lon = loc.lon if loc and loc.lon is not None else math.inf
    lat = loc.lat if loc and loc.lat is not None else math.inf
    return start, lon, lat


def _frame(rows: list[tuple], columns: Sequence[str]) -> pa.Table:
    """Rows as an Arrow table (strings unless `_ARROW_TYPES` says otherwise); DuckDB casts the
    columns in the INSERT, so its types, not Arrow's, decide what is stored."""
    cols = list(zip(*rows)) if rows else [()] * len(columns)
    return pa.table({c: pa.array(v, _ARROW_TYPES.get(c, pa.string()))
                     for c, v in zip(columns, cols)})
