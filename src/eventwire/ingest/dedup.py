"""Near-duplicate documents (wire copies, lightly updated versions) by MinHash LSH (datasketch).

    seen = NearDuplicates()
    doc = seen.check(doc)           # doc, with `duplicate_of` set to the id of the first one
    if doc.duplicate_of: ...        # it nearly repeats; leave it out of extraction and counts

A document's fingerprint is the MinHash of its 5-word shingles (lower-cased words); two
documents whose estimated Jaccard similarity is at least `threshold` (0.6: a wire copy with its
own dateline and sign-off still matches, two reports of one kind of event with other numbers and
places score near 0.05) are near-duplicates, and the later one is linked to the earlier. A document with
the id of one already seen is a new version of it, never its duplicate. Fingerprints are plain
arrays (`signature`), so `eventwire watch` keeps them between runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

import numpy as np

from eventwire.records import Document

NUM_PERM = 128
THRESHOLD = 0.6
SHINGLE_WORDS = 5
SEED = 1  # fixed, like the scheme: fingerprints stored by one run must compare with the next's
SCHEME = "affine32"  # datasketch 2's permutation scheme; 32-bit values
_WORD = re.compile(r"\w+")


class NearDuplicates:
    """The documents seen so far, and which of them a new one nearly repeats."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM):
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._hashes: dict[str, object] = {}  # id -> MinHash

    def __len__(self) -> int:
        return len(self._hashes)

    def signature(self, text: str) -> np.ndarray:
        """The MinHash fingerprint of `text` (uint32 array of `num_perm` values)."""
        return self._minhash(text).hashvalues.copy()

    def original_of(self, doc_id: str, text: str) -> tuple[str, float] | None:
        """The id of the most similar earlier document that `text` nearly repeats, and the
        similarity; None if none. Does not remember `text`."""
        return self._best(doc_id, self._minhash(text))

    def add(self, doc_id: str, signature: np.ndarray | None = None, text: str | None = None) -> None:
        """Remember a document by its fingerprint (or text); a new version replaces the old."""
        from datasketch import MinHash

        m = MinHash(num_perm=self.num_perm, seed=SEED, scheme=SCHEME,
                    hashvalues=signature) if signature is not None else self._minhash(text or "")
        if doc_id in self._hashes:
            self._lsh.remove(doc_id)
        self._lsh.insert(doc_id, m)
        self._hashes[doc_id] = m

    def add_all(self, items: Iterable[tuple[str, np.ndarray]]) -> None:
        for doc_id, signature in items:
            self.add(doc_id, signature)

    def check(self, doc: Document) -> Document:
        """`doc`, linked to the document it nearly repeats (`duplicate_of`), if any; a document
        that repeats nothing is remembered, a duplicate is not (its original stands for it)."""
        m = self._minhash(doc.text)
        found = self._best(doc.id, m)
        if found is not None:
            return replace(doc, duplicate_of=found[0])
        if doc.id in self._hashes:
            self._lsh.remove(doc.id)
        self._lsh.insert(doc.id, m)
        self._hashes[doc.id] = m
        return doc

    def _best(self, doc_id: str, m) -> tuple[str, float] | None:
        best: tuple[str, float] | None = None
        for other in self._lsh.query(m):
            if other == doc_id:
                continue
            similarity = m.jaccard(self._hashes[other])
            if similarity >= self.threshold and (best is None or similarity > best[1]
                                                 or (similarity == best[1] and other < best[0])):
                best = (other, similarity)
        return best

    def _minhash(self, text: str):
        from datasketch import MinHash

        m = MinHash(num_perm=self.num_perm, seed=SEED, scheme=SCHEME)
        m.update_batch(s.encode("utf-8") for s in shingles(text))
        return m


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    """The k-word shingles of `text`, lower-cased; the whole text as one for shorter texts."""
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words)}
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}
