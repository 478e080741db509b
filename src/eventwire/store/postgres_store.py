"""The PostgreSQL backend (psycopg 3), for a database shared by several machines or services.

Bulk writes use COPY. Concurrent writers are safe: a transaction first upserts the rows of its
documents in `documents` (in id order, so two writers never deadlock), which locks them until it
commits; only then does it delete and insert their events.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd
import psycopg

from eventwire.store import schema
from eventwire.store.base import EventStore, Item, Rows, StoreError, plan, utcnow, with_hashes

_MIGRATION_LOCK = 0x657677  # pg_advisory_xact_lock key: one migrating process at a time


def _clean(row: tuple) -> tuple:
    """PostgreSQL text can't hold NUL characters; typed columns drop them (the JSON record
    keeps them, escaped)."""
    return tuple(v.replace("\x00", "") if isinstance(v, str) and "\x00" in v else v for v in row)


class PostgresStore(EventStore):
    dialect = "postgres"

    def __init__(self, url: str):
        self.url = url
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as e:
            raise StoreError(f"cannot connect to PostgreSQL at {_redact(url)}: {e}".strip()) from e

    def __repr__(self) -> str:
        return f"PostgresStore({_redact(self.url)!r})"

    def _sql(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    # -- schema ------------------------------------------------------------------------------

    def schema_version(self) -> int:
        row = self.conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
        if not row[0]:
            return 0
        return self.conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]

    def migrate(self) -> int:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", [_MIGRATION_LOCK])
            self.conn.execute(schema.SCHEMA_VERSION_DDL)
            current = self.schema_version()
            if current > schema.LATEST_VERSION:
                raise StoreError(f"the database has schema version {current}, newer than this "
                                 f"eventwire knows ({schema.LATEST_VERSION}); upgrade eventwire")
            for m in schema.MIGRATIONS:
                if m.version <= current:
                    continue
                with self.conn.transaction():  # a savepoint per migration
                    for sql in m.for_dialect(self.dialect):
                        self.conn.execute(sql)
                    self.conn.execute("INSERT INTO schema_version VALUES (%s, %s, %s)",
                                      [m.version, m.description, utcnow()])
        return max(current, schema.LATEST_VERSION)

    # -- writing -----------------------------------------------------------------------------

    def document_hashes(self, doc_ids: Iterable[str]) -> dict[str, str]:
        ids = list(dict.fromkeys(doc_ids))
        if not ids:
            return {}
        rows = self.conn.execute("SELECT id, content_hash FROM documents WHERE id = ANY(%s)",
                                 [[i.replace("\x00", "") for i in ids]]).fetchall()
        return dict(rows)

    def upsert_documents(self, items: Iterable[Item]) -> list[bool]:
        items = with_hashes(items)
        if not items:
            return []
        now = utcnow()
        with self.conn.transaction(), self.conn.cursor() as cur:
            stored = self.document_hashes(doc.id for doc, _, _ in items)
            flags, latest = plan(items, stored)
            if latest:
                rows = Rows()
                for doc_id in sorted(latest):
                    doc, events, chash = latest[doc_id]
                    rows.add(doc, events, chash, now)
                cols = ", ".join(schema.DOCUMENT_COLUMNS)
                marks = ", ".join(["%s"] * len(schema.DOCUMENT_COLUMNS))
                updates = ", ".join(f"{c} = excluded.{c}" for c in schema.DOCUMENT_COLUMNS[1:])
                cur.executemany(f"INSERT INTO documents ({cols}) VALUES ({marks}) "
                                f"ON CONFLICT (id) DO UPDATE SET {updates}",
                                [_clean(r) for r in rows.documents])
                replaced = sorted(d for d in latest if d in stored)
                if replaced:
                    for table in ("events", *schema.CHILD_TABLES):
                        cur.execute(f"DELETE FROM {table} WHERE doc_id = ANY(%s)", [replaced])
                for table, columns in (("events", schema.EVENT_COLUMNS),
                                       ("actors", schema.ACTOR_COLUMNS),
                                       ("weapons", schema.WEAPON_COLUMNS),
                                       ("evidence", schema.EVIDENCE_COLUMNS)):
                    table_rows = getattr(rows, table)
                    if not table_rows:
                        continue
                    names = ", ".join(f'"{c}"' for c in columns)
                    with cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                        for row in table_rows:
                            copy.write_row(_clean(row))
        return flags

    def set_clusters(self, assignments: Mapping[str, str] | Iterable[tuple[str, str]]) -> None:
        pairs = dict(assignments.items() if isinstance(assignments, Mapping) else assignments)
        with self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute("DELETE FROM clusters")
            with cur.copy("COPY clusters (event_id, cluster_id) FROM STDIN") as copy:
                for pair in pairs.items():
                    copy.write_row(_clean(pair))

    # -- reading -----------------------------------------------------------------------------

    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple]]:
        with self.conn.cursor() as cur:
            cur.execute(self._sql(sql), list(params))
            return [d.name for d in cur.description], cur.fetchall()

    def _frame(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        columns, rows = self._fetch(sql, params)
        return pd.DataFrame.from_records(rows, columns=columns)

    def close(self) -> None:
        self.conn.close()


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        from psycopg.conninfo import conninfo_to_dict, make_conninfo

        info = conninfo_to_dict(url)
    except Exception:  # not parseable: say nothing of it
        return "the given URL"
    info.pop("password", None)
    return make_conninfo(**info)
