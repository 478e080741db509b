"""Invariants of extraction on arbitrary text, with the real model."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import eventwire
from eventwire.records import Document

pytestmark = pytest.mark.model

WORDS = st.sampled_from(
    "Russia Ukraine fired launched more than 650 drones missiles shot down 116 of the 33 at least three "
    "killed injured people in Kyiv region Odesa oblast eastern Poland on Friday overnight according to "
    "officials said claimed denied could will not talks in Miami protesters police arrested . , ; \n".split(" "))
TEXTS = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=80).map(" ".join))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from([None, "2025-12-06", "not a date"]))
def test_extraction_never_raises_and_evidence_holds(text, published):
    results = list(eventwire.extract_batch([Document(id="p", text=text, published=published)]))
    assert len(results) == 1 and results[0].error is None
    for ev in results[0].events:
        d = ev.to_dict()
        assert d["doc_id"] == "p"
        assert d["evidence"], "every event cites at least one span"
        cited = " ".join(text[s["start"]:s["end"]] for s in d["evidence"])
        for s in d["evidence"]:
            assert 0 <= s["start"] < s["end"] <= len(text)
        # no trigger: a short text read as a whole (`assemble.caption_event`)
        assert d["trigger"] in cited if d["trigger"] is not None else d["evidence"] == [
            {"start": 0, "end": len(text.rstrip())}]
        assert 0.0 <= d["confidence"] <= 1.0
        for w in d["weapons"]:
            for c in (w["launched"], w["destroyed"]):
                if c and c["text"] and c["text"] not in ("all", "none"):
                    assert c["text"] in text


def test_a_failing_document_does_not_end_the_batch(monkeypatch):
    """A component that raises on one document: that document gets an error, the rest their events."""
    from eventwire.extract import components

    real = components.find_targets

    def flaky(text):
        if "BOOM" in text:
            raise RuntimeError("simulated component bug")
        return real(text)

    monkeypatch.setattr(components, "find_targets", flaky)
    docs = [Document(id=str(i), text=f"Russian missiles struck a power plant in Kharkiv{' BOOM' if i == 2 else ''}.",
                     published="2024-05-10") for i in range(5)]
    results = list(eventwire.extract_batch(docs, batch_size=4))
    assert [r.doc.id for r in results] == ["0", "1", "2", "3", "4"]
    assert [r.error is not None for r in results] == [False, False, True, False, False]
    assert "simulated component bug" in results[2].error.message
    assert all(r.events for r in results if r.error is None)
