"""Quantities and their qualifiers (no model needed)."""

import pytest
from hypothesis import given, strategies as st

from eventwire.extract.numbers import find_quantities, word_to_int


def one(text):
    (q,) = find_quantities(text)
    return q.count


@pytest.mark.parametrize("text, value, qualifier, low, high", [
    ("more than 650", 650, "more_than", 651, None),
    ("at least three", 3, "at_least", 3, None),
    ("about 40", 40, "about", None, None),
    ("up to 60", 60, "up_to", None, 60),
    ("as many as 60", 60, "up_to", None, 60),
    ("51", 51, "exact", 51, 51),
    ("fifty-one", 51, "exact", 51, 51),
    ("1,200", 1200, "exact", 1200, 1200),
    ("dozens", 24, "at_least", 24, None),
    ("a dozen", 12, "exact", 12, 12),
    ("less than 10", 10, "at_most", None, 9),
    ("nearly 100", 100, "about", None, None),
    ("several", None, "vague", None, None),
    ("a hundred", 100, "exact", 100, 100),
])
def test_qualifiers_and_bounds(text, value, qualifier, low, high):
    c = one(text)
    assert (c.value, c.qualifier, c.low, c.high) == (value, qualifier, low, high)
    assert c.text == text


def test_spans_slice_to_text():
    text = "Russia fired more than 650 drones and 51 missiles; at least three were hurt."
    qs = find_quantities(text)
    assert [text[q.start:q.end] for q in qs] == ["more than 650", "51", "at least three"]


def test_numbers_inside_names_are_not_quantities():
    assert find_quantities("Shahed-136 drones and Tu-95MS bombers over Russia") == []


def test_word_to_int_rejects_non_numbers():
    assert word_to_int("twenty five") == 25
    assert word_to_int("banana") is None


@given(st.text(max_size=300))
def test_never_raises_and_spans_are_consistent(text):
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.count.text
