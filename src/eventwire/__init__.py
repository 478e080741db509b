"""eventwire: news reports in, structured, geocoded, source-attributed event records out.

    >>> import eventwire
    >>> events = eventwire.extract("Russia fired 51 missiles at Ukraine early Saturday.",
    ...                            published="2025-12-06")

The spaCy model loads lazily, once, on the first call.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

# The subpackage `eventwire.extract` is imported before the function of the same name is
# defined, so that importing `eventwire.extract.<module>` later never rebinds `eventwire.extract`.
import eventwire.extract  # noqa: F401  (cheap: loads no model)
from eventwire.records import Document, Event

try:
    __version__ = version("eventwire")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"


def extract(text: str, published: str | None = None, doc_id: str | None = None) -> list[Event]:
    """Event records of one text. See `eventwire.extract.pipeline.extract`."""
    from eventwire.extract.pipeline import extract as _extract

    return _extract(text, published=published, doc_id=doc_id)


def extract_batch(docs, *, batch_size: int = 32, n_process: int = 1):
    """Yield a `DocResult` (document, events, error) per document, in order, through `nlp.pipe`."""
    from eventwire.extract.pipeline import extract_batch as _extract_batch

    return _extract_batch(docs, batch_size=batch_size, n_process=n_process)


def open(db):  # noqa: A001  (eventwire.open, like sqlite3.connect: the store at `db`)
    """The event store at `db`: a DuckDB file path (created if missing) or a `postgresql://` URL.

        with eventwire.open("events.duckdb") as db:
            df = db.events(kind="AIR_STRIKE", country="UKR", bbox=(22, 44, 41, 53),
                           since="2025-01-01", until="2025-03-31")   # a pandas DataFrame

    Returns an `eventwire.store.EventStore`, migrated to the current schema.
    """
    from eventwire.store import open_store

    return open_store(db)


__all__ = ["Document", "Event", "__version__", "extract", "extract_batch", "open"]
