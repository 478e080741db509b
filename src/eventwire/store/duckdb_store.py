"""The DuckDB backend: one embedded database file, nothing to start.

Bulk writes go through Arrow tables registered with DuckDB (`INSERT ... SELECT FROM frame`),
which DuckDB reads without holding the GIL: one vectorised insert per table per batch instead of
a statement per row. Python makes every row (`base.Rows`, shared with PostgreSQL) before the
transaction, on another thread than the previous batch's write. There are no indexes
on the event tables; DuckDB's zone maps (min/max per row group) prune range filters, and
`optimize()` rewrites `events` sorted by date and place so that they prune well.

A DuckDB file takes one writing process at a time; a second one gets a clear "is locked" error.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from eventwire.gcpause import paused_gc
from eventwire.store import schema
from eventwire.store.base import EventStore, Item, Rows, StoreError, plan, utcnow, with_hashes

CHECKPOINT_THRESHOLD = "256MB"

# Column types: of the Arrow arrays (strings otherwise), and of the casts of `INSERT ... SELECT`.
_ARROW_TYPES = {"seq": pa.int32(), "idx": pa.int32(), "n_events": pa.int32(),
                "span_start": pa.int64(), "span_end": pa.int64(), "lat": pa.float64(),
                "lon": pa.float64(), "confidence": pa.float64(), "launched": pa.float64(),
                "destroyed": pa.float64(), "date_start": pa.date32(), "date_end": pa.date32(),
                "ingested_at": pa.timestamp("us")}
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


# Where the typed columns of an event row are (schema.EVENT_COLUMNS), for the sort key.
_DATE_START, _LON, _LAT = (schema.EVENT_COLUMNS.index(c) for c in ("date_start", "lon", "lat"))


def _placement(row: tuple) -> tuple:
    """Where an event row goes in a batch: by start date, then longitude and latitude; undated
    and unplaced last; then by document and position, so the order is deterministic."""
    start, lon, lat = row[_DATE_START], row[_LON], row[_LAT]
    return (start or date.max, math.inf if lon is None else lon,
            math.inf if lat is None else lat, row[0], row[1])


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
        return self._apply(_Batch(items))

    def upsert_batches(self, batches: Iterable[Iterable[Item]]) -> Iterator[list[bool]]:
        """Like `upsert_documents` for each batch, in order, one transaction each; the JSON of
        the next batch is made while DuckDB writes the previous one, on another thread (DuckDB
        runs without the GIL). Nothing is in flight when a result is yielded."""
        with ThreadPoolExecutor(1, thread_name_prefix="eventwire-duckdb") as pool:
            pending: Future[list[bool]] | None = None
            for batch in batches:
                prepared = _Batch(batch)
                if pending is not None:
                    yield pending.result()
                pending = pool.submit(self._apply, prepared)
            if pending is not None:
                yield pending.result()

    def _apply(self, batch: _Batch) -> list[bool]:
        if not batch.items:
            return []
        with paused_gc():  # the Arrow columns of a batch: millions of objects, no cycles
            return self._apply_paused(batch)

    def _apply_paused(self, batch: _Batch) -> list[bool]:
        self.con.begin()
        try:
            stored = self.document_hashes(doc.id for doc, _, _ in batch.items)
            flags, latest = plan(batch.items, stored)
            if latest:
                self._write(batch, latest, stored)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        return flags

    def _write(self, batch: _Batch, latest: dict[str, Item], stored: Mapping[str, str]) -> None:
        """Inside the caller's transaction: replace the documents of `latest`.

        The rows were made in Python (`base.Rows`, typed columns read from the records' fields)
        while DuckDB wrote the previous batch; here they go in as Arrow tables, one plain
        `INSERT ... SELECT` per table. Each batch's events go in sorted by date and place, so
        the zone maps of a bulk load prune bbox + date queries even when the documents came in
        random date order (measured: p95 150 ms -> 35 ms over 1M events)."""
        frames = batch.frames_for(latest)
        replaced = sorted(d for d in latest if d in stored)
        if replaced:
            self._with_frame(_frame([(d,) for d in replaced], ["id"]), *(
                f"DELETE FROM {t} WHERE doc_id IN (SELECT id FROM _ew_frame)"
                for t, _ in _TABLES))
        self._with_frame(frames["documents"],
                         _insert("documents", schema.DOCUMENT_COLUMNS)
                         + " ON CONFLICT (id) DO UPDATE SET "
                         + ", ".join(f"{c} = excluded.{c}" for c in schema.DOCUMENT_COLUMNS[1:]))
        for table, columns in _TABLES:
            if frames[table].num_rows:
                self._with_frame(frames[table], _insert(table, columns))

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


class _Batch:
    """A batch ready to write: its items (with content hashes) and the Arrow tables of all of
    their rows, events sorted for the zone maps. Made before the transaction, so on another
    thread than the previous batch's write."""

    def __init__(self, items: Iterable[Item]):
        self.items = with_hashes(items)
        self.now = utcnow()
        self.frames = self._frames(self.items)

    def _frames(self, items: Sequence[Item]) -> dict[str, pa.Table]:
        with paused_gc():
            rows = Rows()
            for doc, events, chash in sorted(items, key=lambda item: item[0].id):
                rows.add(doc, events, chash, self.now)
            rows.events.sort(key=_placement)
            return {"documents": _frame(rows.documents, schema.DOCUMENT_COLUMNS),
                    **{table: _frame(getattr(rows, table), columns) for table, columns in _TABLES}}

    def frames_for(self, latest: Mapping[str, Item]) -> dict[str, pa.Table]:
        """The tables of the documents to write (usually all of the batch)."""
        if len(latest) == len(self.items):  # every item written, so no id twice
            return self.frames
        return self._frames(list(latest.values()))


def _frame(rows: list[tuple], columns: Sequence[str]) -> pa.Table:
    """Rows as an Arrow table (strings unless `_ARROW_TYPES` says otherwise); DuckDB casts the
    columns in the INSERT, so its types, not Arrow's, decide what is stored."""
    cols = list(zip(*rows)) if rows else [()] * len(columns)
    return pa.table({c: pa.array(v, _ARROW_TYPES.get(c, pa.string()))
                     for c, v in zip(columns, cols)})
