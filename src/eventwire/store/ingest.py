"""Extract a batch of documents and store it: the one step behind `eventwire ingest` and
`eventwire watch`.

    outcomes = extract_and_store(store, docs)      # one transaction for the batch
    for o in outcomes: o.doc, o.events, o.unchanged, o.error

- A document already stored with the same content (`content_hash`) is not extracted again.
- A near-duplicate (`Document.duplicate_of` set, see `ingest.dedup`) is stored without events,
  linked to the document it repeats: kept, so analysts see who repeated a story, and never
  counted as another source of its events.
- The rest are extracted (`extract_batch`) and stored with their events; a document whose
  extraction fails gets its `DocumentError` and the others are stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from eventwire.errors import DocumentError
from eventwire.records import Document
from eventwire.store.base import EventStore, content_hash

DEFAULT_BATCH = 32


@dataclass
class Outcome:
    """What became of one document."""

    doc: Document
    events: int = 0  # events stored for it
    unchanged: bool = False  # already stored with this content: nothing done
    error: DocumentError | None = None

    @property
    def duplicate(self) -> bool:
        return self.doc.duplicate_of is not None and not self.unchanged and self.error is None


def extract_and_store(store: EventStore, docs: Sequence[Document],
                      batch_size: int = DEFAULT_BATCH) -> list[Outcome]:
    """Extract what is new in `docs` and store it in one transaction; an `Outcome` per document,
    in order."""
    from eventwire.extract.pipeline import extract_batch

    outcomes = [Outcome(d) for d in docs]
    hashes = [content_hash(d) for d in docs]
    stored = store.document_hashes(d.id for d in docs)
    writes = []
    to_extract: dict[int, int] = {}  # id(doc) -> position
    for i, (d, h) in enumerate(zip(docs, hashes, strict=True)):
        if stored.get(d.id) == h:
            outcomes[i].unchanged = True
            continue
        stored[d.id] = h  # a later copy with the same content in this batch is unchanged too
        if d.duplicate_of is not None:
            writes.append((d, [], h))
        else:
            to_extract[id(d)] = i
    chosen = [docs[i] for i in to_extract.values()]
    for result in extract_batch(chosen, batch_size=batch_size, n_process=1):
        outcome = outcomes[to_extract[id(result.doc)]]
        if result.error:
            outcome.error = result.error
        else:
            writes.append((result.doc, result.events, hashes[to_extract[id(result.doc)]]))
            outcome.events = len(result.events)
    store.upsert_documents(writes)
    return outcomes
