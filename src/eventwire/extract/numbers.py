"""Quantities in text: "more than 650", "at least three", "about 40", "dozens", "116".

`find_quantities(text)` returns every quantity expression with its character span and the
`Count` it means. Qualifiers follow the contract: `more than 650` -> low 651; `up to 60` ->
high 60; `dozens` -> value 24, low 24; `several` -> value None, qualifier "vague".
Number words go through `text2num`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

from eventwire.records import Count

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ("hundred", "thousand", "million")

_WORD = "(?:" + "|".join(sorted(_UNITS + _TENS, key=len, reverse=True)) + ")"
_WORD_NUMBER = (
    rf"(?:{_WORD}(?:[\s-]+(?:{_WORD}|{'|'.join(_SCALES)}|and))*"
    rf"|(?:a|one)\s+(?:hundred|thousand))"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"

# Qualifier phrases, longest first; each maps to the contract's qualifier.
_QUALIFIERS: list[tuple[str, str]] = [
    ("no fewer than", "at_least"), ("no less than", "at_least"), ("a minimum of", "at_least"),
    ("at least", "at_least"), ("in excess of", "more_than"), ("more than", "more_than"),
    ("over", "more_than"), ("upwards of", "more_than"), ("as many as", "up_to"), ("up to", "up_to"),
    ("no more than", "at_most"), ("at most", "at_most"), ("fewer than", "at_most"),
    ("less than", "at_most"), ("under", "at_most"), ("nearly", "about"), ("almost", "about"),
    ("approximately", "about"), ("roughly", "about"), ("around", "about"), ("about", "about"),
    ("close to", "about"), ("an estimated", "about"), ("some", "about"), ("a total of", "exact"),
    ("a further", "exact"), ("another", "exact"),
]
_QUAL_RE = "|".join(re.escape(q) for q, _ in sorted(_QUALIFIERS, key=lambda x: -len(x[0])))
_QUAL_OF = {q: k for q, k in _QUALIFIERS}

# Vague multiples: (pattern, value, qualifier). "dozens" -> 24 per the contract.
_VAGUE: list[tuple[str, int | None, str]] = [
    (r"dozens", 24, "at_least"),
    (r"scores\s+of", None, "vague"),
    (r"hundreds", 200, "at_least"),
    (r"thousands", 2000, "at_least"),
    (r"(?:a|one)\s+dozen", 12, "exact"),
    (r"half\s+a\s+dozen", 6, "exact"),
    (r"several", None, "vague"),
    (r"a\s+number\s+of", None, "vague"),
    (r"a\s+few", None, "vague"),
    (r"numerous", None, "vague"),
    (r"multiple", None, "vague"),
    (r"a\s+(?:single|lone)", 1, "exact"),
]
_VAGUE_RE = "|".join(f"(?P<v{i}>{p})" for i, (p, _, _) in enumerate(_VAGUE))

QUANTITY_RE = re.compile(
    rf"(?<![\w.,-])(?:(?P<qual>{_QUAL_RE})\s+)?"
    rf"(?:(?P<num>{_DIGITS})(?![\w-]|\.\d|,\d{{3}})|(?P<word>{_WORD_NUMBER})\b|{_VAGUE_RE})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """A quantity found in text: `count` plus where it is (offsets into the searched text)."""

    start: int
    end: int
    count: Count


def word_to_int(words: str) -> int | None:
    """ "fifty-one" -> 51, "a hundred" -> 100; None when it is not a number."""
    w = re.sub(r"[\s-]+", " ", words.lower()).strip()
    w = re.sub(r"^(?:a|one) (hundred|thousand)", r"one \1", w)
    try:
        return int(text2num(w, "en"))
    except ValueError:
        return None


def make_count(value: float | int | None, qualifier: str, text: str | None,
               start: int | None = None, end: int | None = None) -> Count:
    """A `Count` with the bounds its qualifier implies."""
    low = high = None
    if value is not None:
        if qualifier == "exact":
            low = high = value
        elif qualifier == "at_least":
            low = value
        elif qualifier == "more_than":
            low = value + 1 if isinstance(value, int) else value
        elif qualifier in ("up_to", "at_most"):
            high = value
    return Count(value=value, qualifier=qualifier, low=low, high=high, text=text, start=start, end=end)


def _parse(m: re.Match) -> Count | None:
    qual = (m.group("qual") or "").lower()
    qualifier = _QUAL_OF.get(re.sub(r"\s+", " ", qual), "exact") if qual else "exact"
    if m.group("num"):
        raw = m.group("num").replace(",", "")
        value: int | float = float(raw) if "." in raw else int(raw)
    elif m.group("word"):
        v = word_to_int(m.group("word"))
        if v is None:
            return None
        value = v
    else:
        for i, (_, val, vq) in enumerate(_VAGUE):
            if m.group(f"v{i}"):
                if qual and val is not None:  # "at least dozens": keep the stated qualifier
                    return make_count(val, qualifier, m.group(0), m.start(), m.end())
                return make_count(val, vq, m.group(0), m.start(), m.end())
        return None
    if qual == "less than" or qual == "fewer than" or qual == "under":
        c = make_count(value, "at_most", m.group(0), m.start(), m.end())
        return Count(c.value, c.qualifier, None, value - 1 if isinstance(value, int) else value,
                     c.text, c.start, c.end)
    return make_count(value, qualifier, m.group(0), m.start(), m.end())


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity expression of `text`, in order."""
    out = []
    for m in QUANTITY_RE.finditer(text):
        c = _parse(m)
        if c is not None:
            out.append(Quantity(m.start(), m.end(), c))
    return out
