"""Killed and injured: "killing two people", "three people, including a small child, were
injured", "at least three injuries", "the bodies of four civilians", "kills 4".

`find_casualties(text)` reads one sentence and returns (field, Count) pairs, field being
"killed" or "injured".
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventwire.extract.numbers import QUANTITY_RE, Quantity, find_quantities, make_count

PERSONS = (r"(?:people|persons?|civilians?|residents?|children|child|kids?|women|men|man|woman|"
           r"soldiers?|servicem[ae]n|troops?|officers?|policem[ae]n|police\s+officers?|workers?|"
           r"passengers?|protesters?|demonstrators?|militants?|fighters?|rebels?|insurgents?|"
           r"villagers?|students?|journalists?|employees?|firefighters?|rescuers?|medics?|"
           r"teenagers?|boys?|girls?|babies|baby|infants?|victims?|individuals?|others?|"
           r"members?|personnel|guards?|pilgrims?|worshippers?|farmers?|miners?|staff|"
           r"[A-Z][a-z]+(?:ians?|ans?|is|ese)|\w+\s+servicem[ae]n)")
KILLED = r"(?:killed|dead|died|slain|lost\s+their\s+lives|perished|fatally\s+(?:injured|wounded|shot)|shot\s+dead)"
INJURED = r"(?:injured|wounded|hurt|hospitali[sz]ed|hurt)"
_ADJ = r"(?:[\w-]+\s+){0,3}"
# parenthetical after the persons noun: ", including a small child," / "(two of them children)"
_PAREN = r"(?:\s*,\s*(?:including|among\s+them|most\s+of\s+them|all\s+of\s+them|one\s+of\s+them|mostly)[^,;.]{0,60},|\s*\([^)]{0,60}\))?"

PATTERNS: list[tuple[re.Pattern, str]] = [
    # "three people were injured", "four people, including a pregnant woman, were killed"
    (re.compile(rf"(?P<q>{QUANTITY_RE.pattern})\s+{_ADJ}{PERSONS}{_PAREN}\s+(?:\w+\s+)?(?:were|was|have\s+been|had\s+been|has\s+been|are|got|being)\s+(?:\w+ly\s+|also\s+|all\s+)?(?P<v>{KILLED}|{INJURED})", re.I), ""),
    # "three people died", "two civilians dead"
    (re.compile(rf"(?P<q>{QUANTITY_RE.pattern})\s+{_ADJ}{PERSONS}{_PAREN}\s+(?:\w+ly\s+)?(?P<v>died|dead|perished|killed|injured|wounded|hurt)\b", re.I), ""),
    # "killing two people", "kills 4", "wounding at least 10", "fatally injured three servicemen"
    (re.compile(rf"\b(?P<v>{KILLED}|kill(?:s|ing)?|injur(?:ed|es|ing)|wound(?:ed|s|ing)|fatally\s+injured)\s+(?P<q>{QUANTITY_RE.pattern})(?:\s+{_ADJ}{PERSONS}|(?=\s*(?:$|[,.;(]|(?:and|in|on|across|at|near|during|after|when|as|while|including|among|from|since)\b)))", re.I), ""),
    # "at least three injuries", "12 deaths", "five fatalities", "20 dead"
    (re.compile(rf"(?P<q>{QUANTITY_RE.pattern})\s+(?:\w+\s+)?(?P<v>deaths?|fatalities|dead|killed|injuries|injured|wounded|casualties)\b", re.I), ""),
    # "the bodies of four civilians"
    (re.compile(rf"\bbodies\s+of\s+(?P<q>{QUANTITY_RE.pattern})", re.I), "killed"),
    # "death toll rose to 12", "the number of injured reached 30"
    (re.compile(rf"\b(?P<v>death\s+toll|number\s+of\s+(?:dead|killed|injured|wounded))\s+(?:\w+\s+){{0,3}}?(?:to|at|is|was|reached|stands\s+at|of)\s+(?P<q>{QUANTITY_RE.pattern})", re.I), ""),
]


def _field(verb: str) -> str | None:
    v = verb.lower()
    if re.match(r"death|dead|died|kill|slain|lost|perish|fatal|shot dead|number of (dead|killed)", v):
        return "killed"
    if re.match(r"injur|wound|hurt|hospital|casualt|number of (injured|wounded)", v):
        return "injured"
    return None


def find_casualties(text: str) -> list[tuple[str, Quantity]]:
    """("killed" | "injured", Quantity) for each casualty count of one sentence, in order."""
    out: list[tuple[str, Quantity]] = []
    seen: set[int] = set()
    for pattern, fixed in PATTERNS:
        for m in pattern.finditer(text):
            field = fixed or _field(m.group("v"))
            if field is None:
                continue
            qs = find_quantities(m.group("q"))
            if not qs:
                continue
            qstart = m.start("q")
            if qstart in seen or re.search(r"\bno\s+$", text[max(0, qstart - 4):qstart], re.I):
                continue
            q = qs[0]
            if q.count.value is not None and q.count.value > 100000:
                continue
            seen.add(qstart)
            count = q.count
            count = replace(count, start=qstart + q.start, end=qstart + q.end)
            out.append((field, Quantity(qstart + q.start, qstart + q.end, count)))
    out.sort(key=lambda fq: fq[1].start)
    return _add_elliptical_totals(text, out)


# "three people were injured in Kharkiv and four in Chuhuiv": the sub-counts and their total
ELLIPSIS = re.compile(rf"^\s*(?:,\s*|\s+)(?:and\s+|while\s+)?(?P<q>{QUANTITY_RE.pattern})\s+(?:more\s+|others?\s+|people\s+)?(?:in|at|near|on)\s", re.I)


def _add_elliptical_totals(text: str, found: list[tuple[str, Quantity]]) -> list[tuple[str, Quantity]]:
    out = list(found)
    for field, q in found:
        # the place phrase after the count: "in Kharkiv"
        m_place = re.match(r"\s+(?:in|at|near|on)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?", text[_end_of_clause(text, q.end):])
        if not m_place:
            continue
        after = _end_of_clause(text, q.end) + m_place.end()
        m = ELLIPSIS.match(text[after:])
        if not m:
            continue
        parts = find_quantities(m.group("q"))
        if not parts or parts[0].count.value is None or q.count.value is None:
            continue
        total = q.count.value + parts[0].count.value
        qual = "at_least" if "at_least" in (q.count.qualifier, parts[0].count.qualifier) else "exact"
        end = after + m.end("q")
        c = make_count(total, qual, text[q.start:end], q.start, end)
        out[out.index((field, q))] = (field, Quantity(q.start, end, c))  # the total replaces its first part
    return out


def _end_of_clause(text: str, pos: int) -> int:
    """Skip the verb group after a casualty count ("were injured")."""
    m = re.match(r"\s+(?:\w+\s+){0,3}?(?:killed|injured|wounded|hurt|dead|died)", text[pos:], re.I)
    return pos + m.end() if m else pos
