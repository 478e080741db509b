"""Where event records are kept: DuckDB (a file, the default) or PostgreSQL (shared).

    from eventwire.store import open_store
    with open_store("events.duckdb") as store:          # or "postgresql://user@host/db"
        store.migrate()
        store.upsert_document(doc, events)
        df = store.events(kind="AIR_STRIKE", bbox=(22, 44, 41, 53), since="2025-01-01")

`base.EventStore` is the interface; `schema` holds the tables and their migrations.
"""

from __future__ import annotations

from pathlib import Path

from eventwire.store.base import EventStore, StoreError, content_hash

POSTGRES_EXTRA = "pip install 'eventwire[postgres]'"


def open_store(url_or_path: str | Path, *, migrate: bool = True) -> EventStore:
    """The store at `url_or_path`: a file path (or `:memory:`), `duckdb:///abs/path` or
    `duckdb://relative/path` for DuckDB, a
    `postgresql://` (or `postgres://`) URL for PostgreSQL. With `migrate` (the default) the
    tables are created or upgraded first."""
    target = str(url_or_path)
    if target.startswith(("postgresql://", "postgres://")):
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise StoreError("a postgresql:// database needs the psycopg driver, which is not "
                             f"installed; install the postgres extra: {POSTGRES_EXTRA}") from None
        from eventwire.store.postgres_store import PostgresStore

        store: EventStore = PostgresStore(target)
    else:
        if target.startswith("duckdb://"):
            target = target.removeprefix("duckdb://")  # duckdb:///abs/path, duckdb://rel/path
        elif "://" in target:
            raise StoreError(f"unknown database URL {target!r}: use a file path, duckdb:///path "
                             "or postgresql://user@host/dbname")
        from eventwire.store.duckdb_store import DuckDBStore

        store = DuckDBStore(target)
    if migrate:
        try:
            store.migrate()
        except BaseException:
            store.close()
            raise
    return store


__all__ = ["EventStore", "StoreError", "content_hash", "open_store"]
