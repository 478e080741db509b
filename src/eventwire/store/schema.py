"""The store's tables, and the ordered migrations that build them.

One schema for DuckDB and PostgreSQL (the DDL below is valid in both); each migration may add
statements for one dialect only (indexes in PostgreSQL; DuckDB relies on zone maps instead).

Tables:

- `schema_version(version, description, applied_at)`: one row per applied migration.
- `documents(id, content_hash, published, title, url, source, n_events, ingested_at,
  duplicate_of)`: every document stored, with the hash of its content; an unchanged hash means
  "already stored". A near-duplicate (a wire copy, a lightly updated version) is stored without
  events, `duplicate_of` naming the document it repeats, so it is never counted as a source.
- `events(doc_id, seq, id, kind, ..., record)`: one row per event; `record` is the event's JSON
  (`Event.to_dict()`, the contract's form) and the truth; the other columns are typed copies for
  querying. `(doc_id, seq)` (the event's position in its document) is the key; `id` is the
  extractor's stable id.
- `actors`, `weapons`, `evidence`: the lists of each event, one row per item (`idx` = position),
  keyed by `(doc_id, seq, idx)` and carrying `event_id` for joins.
- `clusters(event_id, cluster_id)`: which events report the same real-world event (written by
  reconciliation through `EventStore.set_clusters`).

To change the schema, append a `Migration` to `MIGRATIONS`, never edit an applied one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA_VERSION_DDL = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TIMESTAMP NOT NULL
)"""


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]
    duckdb: tuple[str, ...] = field(default=())
    postgres: tuple[str, ...] = field(default=())

    def for_dialect(self, dialect: str) -> tuple[str, ...]:
        return self.statements + (self.duckdb if dialect == "duckdb" else self.postgres)


_V1 = Migration(
    1, "documents, events, actors, weapons, evidence, clusters",
    statements=(
        """CREATE TABLE documents (
            id TEXT NOT NULL PRIMARY KEY,
            content_hash TEXT NOT NULL,
            published TEXT,
            title TEXT,
            url TEXT,
            source TEXT,
            n_events INTEGER NOT NULL,
            ingested_at TIMESTAMP NOT NULL
        )""",
        """CREATE TABLE events (
            doc_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            id TEXT NOT NULL,
            kind TEXT NOT NULL,
            subkind TEXT,
            country TEXT,
            location_name TEXT,
            admin1 TEXT,
            location_precision TEXT,
            lat DOUBLE PRECISION,
            lon DOUBLE PRECISION,
            date_start DATE,
            date_end DATE,
            date_precision TEXT,
            modality TEXT,
            status TEXT,
            source TEXT,
            confidence DOUBLE PRECISION,
            trigger TEXT,
            record TEXT NOT NULL
        )""",
        """CREATE TABLE actors (
            doc_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            idx INTEGER NOT NULL,
            event_id TEXT NOT NULL,
            role TEXT,
            name TEXT,
            country TEXT,
            sector TEXT,
            text TEXT
        )""",
        """CREATE TABLE weapons (
            doc_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            idx INTEGER NOT NULL,
            event_id TEXT NOT NULL,
            class TEXT,
            model TEXT,
            launched DOUBLE PRECISION,
            launched_qualifier TEXT,
            destroyed DOUBLE PRECISION,
            destroyed_qualifier TEXT
        )""",
        """CREATE TABLE evidence (
            doc_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            idx INTEGER NOT NULL,
            event_id TEXT NOT NULL,
            span_start INTEGER,
            span_end INTEGER
        )""",
        """CREATE TABLE clusters (
            event_id TEXT NOT NULL PRIMARY KEY,
            cluster_id TEXT NOT NULL
        )""",
    ),
    # PostgreSQL: keys and indexes for the filters of `events()`. DuckDB gets none: its zone maps
    # (min/max per row group) serve range filters, and ART indexes would slow bulk inserts.
    postgres=(
        "ALTER TABLE events ADD PRIMARY KEY (doc_id, seq)",
        "ALTER TABLE actors ADD PRIMARY KEY (doc_id, seq, idx)",
        "ALTER TABLE weapons ADD PRIMARY KEY (doc_id, seq, idx)",
        "ALTER TABLE evidence ADD PRIMARY KEY (doc_id, seq, idx)",
        "CREATE INDEX events_id ON events (id)",
        "CREATE INDEX events_kind_date ON events (kind, date_start)",
        "CREATE INDEX events_country_date ON events (country, date_start)",
        "CREATE INDEX events_date ON events (date_start, date_end)",
        "CREATE INDEX events_lat_lon ON events (lat, lon)",
        "CREATE INDEX actors_event ON actors (event_id)",
        "CREATE INDEX weapons_event ON weapons (event_id)",
        "CREATE INDEX evidence_event ON evidence (event_id)",
        "CREATE INDEX clusters_cluster ON clusters (cluster_id)",
    ),
)

_V2 = Migration(
    2, "documents.duplicate_of: the document a near-duplicate (a wire copy) repeats",
    statements=("ALTER TABLE documents ADD COLUMN duplicate_of TEXT",),
    postgres=("CREATE INDEX documents_duplicate_of ON documents (duplicate_of)",),
)

MIGRATIONS: tuple[Migration, ...] = (_V1, _V2)
LATEST_VERSION = MIGRATIONS[-1].version

# Columns as written by the stores, in table order (the DDL above).
EVENT_COLUMNS = ("doc_id", "seq", "id", "kind", "subkind", "country", "location_name", "admin1",
                 "location_precision", "lat", "lon", "date_start", "date_end", "date_precision",
                 "modality", "status", "source", "confidence", "trigger", "record")
ACTOR_COLUMNS = ("doc_id", "seq", "idx", "event_id", "role", "name", "country", "sector", "text")
WEAPON_COLUMNS = ("doc_id", "seq", "idx", "event_id", "class", "model", "launched",
                  "launched_qualifier", "destroyed", "destroyed_qualifier")
EVIDENCE_COLUMNS = ("doc_id", "seq", "idx", "event_id", "span_start", "span_end")
DOCUMENT_COLUMNS = ("id", "content_hash", "published", "title", "url", "source", "n_events",
                    "ingested_at", "duplicate_of")
CHILD_TABLES = ("actors", "weapons", "evidence")

# What `EventStore.events()` returns: every typed column of `events`, not the JSON record.
FRAME_COLUMNS = tuple(c for c in EVENT_COLUMNS if c not in ("seq", "record"))
