"""Date expressions in a sentence, resolved against the publication date.

This fills the `date` field of the event record (shared/spec/event-record.md): `start`/`end` are
full ISO dates and `precision` is one of day, week, month, year, unknown. A date is never invented:
an expression that needs the publication date ("early Saturday", "last week", "December 5") comes
out as ``DateSpan(None, None, "unknown", text)`` when there is none.

Everything is one precompiled regular expression plus pure `datetime` arithmetic, because this runs
on every sentence of every article. Month names are matched only when capitalised ("May", "MAY"),
and a bare month needs a day, a year or a cue ("in", "early", "late"), so "may have struck" is not
a date. Other words are matched lower-case, Capitalised or UPPER-CASE (never mixed), always as ASCII
literals, so looking matched text up in the tables below cannot fail.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from email.utils import parsedate_to_datetime

from eventwire.records import DatePrecision, DateSpan

__all__ = ["find_dates", "parse_published", "resolve_date"]

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_MONTHS: dict[str, int] = {
    **{name: i for i, name in enumerate(_MONTH_NAMES, 1)},
    **{name[:3]: i for i, name in enumerate(_MONTH_NAMES, 1)},
    "sept": 9,
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBER_WORDS = ("a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                 "ten", "eleven", "twelve")
_DAY_OFFSETS = {"the day before yesterday": -2, "yesterday": -1, "tomorrow": 1}  # others: 0


def _trie(words: list[str]) -> str:
    """A regex matching exactly `words`, factored by common prefixes: Python's `re` tries the
    branches of an alternation one by one, so this is several times faster than "a|b|c"."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


def _w(*words: str) -> str:
    """Any of `words` as written, Capitalised or UPPER-CASE. (`re.IGNORECASE` would be simpler,
    but makes the scan several times slower.)"""
    return _trie([form for word in words for form in (word, word.title(), word.upper())])


_S = r"\s+"
_MONTH = (rf"(?:{_trie([f for n in _MONTH_NAMES for f in (n.title(), n.upper())])}\b"
          rf"|{_trie([f for n in _MONTHS if len(n) < 5 for f in (n.title(), n.upper())])}\b\.?)")
_WEEKDAY = _w(*_WEEKDAYS)
_ORDINAL = "(?:st|nd|rd|th|ST|ND|RD|TH)?"
_PART = rf"{_S}{_w('morning', 'afternoon', 'evening', 'night')}\b"
_EDGE = rf"{_w('early', 'mid', 'late')}(?:{_S}|-)"  # "late October", "mid-March"
_CUE = _w("in", "during", "since", "by", "until", "throughout")
_THE_PART_OF = rf"{_w('the')}{_S}{_w('night', 'morning', 'evening', 'afternoon')}{_S}{_w('of')}{_S}"
_PRE = (rf"(?:{_w('early', 'earlier', 'late', 'later')}{_S}(?:{_w('on')}{_S})?"
        rf"|{_w('on')}{_S}(?:{_THE_PART_OF})?|{_w('in')}{_S}{_THE_PART_OF}"
        rf"|{_w('overnight')}{_S}(?:{_w('on', 'into', 'to')}{_S})?)?")
_ON_WEEKDAY = rf"(?:{_WEEKDAY},?{_S})?"  # "on Monday, April 9": the explicit date wins


def _year(group: str) -> str:
    return rf"(?P<{group}>(?:19|20)[0-9]{{2}})(?![0-9]|[-/.,][0-9])"


_ALTERNATIVES = {
    "iso": rf"{_PRE}{_ON_WEEKDAY}(?<![0-9.-])(?P<iso_y>[0-9]{{4}})-(?P<iso_m>[0-9]{{2}})-"
           rf"(?P<iso_d>[0-9]{{2}})(?![0-9])",
    "dmy": rf"{_PRE}{_ON_WEEKDAY}(?<![0-9.,:/])(?P<dmy_d>[0-9]{{1,2}}){_ORDINAL}{_S}"
           rf"(?:{_w('of')}{_S})?(?P<dmy_m>{_MONTH})(?:,?{_S}{_year('dmy_y')})?",
    "mdy": rf"{_PRE}{_ON_WEEKDAY}(?P<mdy_m>{_MONTH}){_S}(?P<mdy_d>[0-9]{{1,2}}){_ORDINAL}"
           rf"(?![0-9]|[:/.,][0-9])(?:,?{_S}{_year('mdy_y')})?",
    "my": rf"(?:{_CUE}{_S})?(?:{_EDGE})?(?P<my_m>{_MONTH}),?{_S}(?:{_w('of')}{_S})?"
          rf"{_year('my_y')}",
    "m": rf"(?:{_CUE}{_S}(?:{_EDGE})?|{_EDGE})(?P<m_m>{_MONTH})"
         rf"(?!{_S}(?:{_w('of')}{_S})?[0-9])",
    "y": rf"{_CUE}{_S}(?:{_EDGE})?{_year('y_y')}",
    "wd": rf"{_PRE}(?:(?P<wd_rel>{_w('this')}{_S}{_w('past')}|{_w('last', 'past', 'this', 'next')})"
          rf"{_S})?(?<!Good )(?<!Black )(?P<wd_n>{_WEEKDAY})\b"
          rf"(?!{_S}(?:Times|Telegraph|Mirror|Express))(?:{_PART})?",
    "rel": rf"(?:{_w('early', 'earlier', 'late', 'later')}{_S})?(?P<rel_w>{_w('the')}{_S}"
           rf"{_w('day')}{_S}{_w('before')}{_S}{_w('yesterday')}|{_w('last')}{_S}{_w('night')}"
           rf"|{_w('this')}{_S}{_w('morning', 'afternoon', 'evening')}"
           rf"|{_w('yesterday', 'today', 'tonight', 'tomorrow', 'overnight')})\b(?:{_PART})?",
    "per": rf"(?:(?P<per_adv>{_w('earlier', 'later')}){_S})?"
           rf"(?P<per_rel>{_w('this', 'last', 'next')}){_S}"
           rf"(?P<per_u>{_w('week', 'month', 'year')})\b",
    "ago": rf"(?<![0-9.,])(?P<ago_n>[0-9]{{1,2}}|{_w(*_NUMBER_WORDS)}){_S}"
           rf"(?P<ago_u>{_w('day', 'week', 'month', 'year')})(?:s|S)?{_S}{_w('ago')}\b",
}
# Every expression is up to four lead words ("on the", "early on", "in late", "a") then a core word
# (a number, month, weekday, "yesterday", "week", ...). The lookahead checks just that before trying
# the alternatives, which keeps the scan cheap: `re` would otherwise try them all at every "the".
_LEAD = _w("early", "earlier", "late", "later", "mid", "on", "of", "in", "during", "since", "by",
           "until", "throughout", "the", "last", "this", "next", "past", *_NUMBER_WORDS)
_CORE = _w("yesterday", "today", "tonight", "tomorrow", "overnight", "night", "morning",
           "afternoon", "evening", "day", "week", "month", "year", *_WEEKDAYS)
_DATE_RE = re.compile(
    rf"\b(?=(?:{_LEAD}(?:{_S}|-)){{0,4}}(?:[0-9]|{_CORE}(?:s|S)?\b|{_MONTH}))(?:"
    + "|".join(f"(?P<{k}>{v})" for k, v in _ALTERNATIVES.items()) + ")")
# Every expression contains a digit or one of these (lower-cased): a sentence without any has none.
_NEEDLES = ("day", "night", "week", "month", "year", "morning", "evening", "afternoon", "tomorrow",
            *(name[:3] for name in _MONTH_NAMES))
_DIGIT_RE = re.compile(r"[0-9]")


def parse_published(value: str | None) -> dt.date | None:
    """The publication date of an ISO date/datetime ("Z" or an offset allowed), else None.

    RFC 2822 dates as found in RSS (``Sat, 06 Dec 2025 10:00:00 GMT``) are accepted too. A datetime
    gives its own calendar date (no conversion to UTC). Never raises.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    if len(text) > 10 and text[10] in "Tt ":
        try:  # e.g. nanosecond fractions that fromisoformat rejects
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def find_dates(text: str, published: dt.date | None) -> list[tuple[int, int, DateSpan]]:
    """Every date expression in `text`, as ``(start_char, end_char, DateSpan)`` in text order.

    ``text[start:end] == span.text``. Expressions that cannot be resolved without `published`
    have precision "unknown" and no start/end; impossible dates ("February 30") are skipped.
    """
    return list(_iter_dates(text, published))


def resolve_date(text: str, published: dt.date | None) -> DateSpan | None:
    """The date of one sentence: its first date expression, or None if it has none."""
    for _, _, span in _iter_dates(text, published):
        return span
    return None


def _iter_dates(text: str, published: dt.date | None) -> Iterator[tuple[int, int, DateSpan]]:
    if not isinstance(text, str):
        return
    if not _DIGIT_RE.search(text) and not any(map(text.lower().__contains__, _NEEDLES)):
        return
    for match in _DATE_RE.finditer(text):
        try:
            span = _resolve(match, published)
        except (ValueError, OverflowError):  # impossible date, or arithmetic past year 1 / 9999
            continue
        yield match.start(), match.end(), span


def _resolve(m: re.Match[str], published: dt.date | None) -> DateSpan:
    """The DateSpan of one match; raises ValueError for an impossible calendar date."""
    kind, text, g = m.lastgroup, m.group(), m.group
    if kind == "iso":
        day = dt.date(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
        return _span(day, day, "day", text)
    if kind in ("dmy", "mdy"):
        month, day_n, year = _month(g(f"{kind}_m")), int(g(f"{kind}_d")), g(f"{kind}_y")
        if year:
            day = dt.date(int(year), month, day_n)
            return _span(day, day, "day", text)
        if day_n > calendar.monthrange(2000, month)[1]:  # 2000: a leap year allows February 29
            raise ValueError(f"no day {day_n} in month {month}")
        if published is None:
            return DateSpan(None, None, "unknown", text)
        day = _month_day(month, day_n, published)
        return _span(day, day, "day", text)
    if kind == "my":
        return _span(*_month_bounds(int(g("my_y")), _month(g("my_m"))), "month", text)
    if kind == "y":
        year = int(g("y_y"))
        return _span(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", text)
    if published is None:  # everything below is relative to the publication date
        return DateSpan(None, None, "unknown", text)
    if kind == "m":
        month = _month(g("m_m"))
        year = published.year if month <= published.month else published.year - 1
        return _span(*_month_bounds(year, month), "month", text)
    if kind == "wd":
        day = _weekday(published, _WEEKDAYS.index(g("wd_n").lower()), _norm(g("wd_rel")))
        return _span(day, day, "day", text)
    if kind == "rel":
        day = published + dt.timedelta(days=_DAY_OFFSETS.get(_norm(g("rel_w")), 0))
        return _span(day, day, "day", text)
    if kind == "per":
        rel, unit, adv = _norm(g("per_rel")), g("per_u").lower(), _norm(g("per_adv"))
        return _period(published, rel, unit, adv, text)
    if kind == "ago":
        return _ago(published, g("ago_n").lower(), g("ago_u").lower(), text)
    raise AssertionError(f"unhandled date pattern {kind!r}")  # pragma: no cover


def _span(start: dt.date, end: dt.date, precision: DatePrecision, text: str) -> DateSpan:
    return DateSpan(start.isoformat(), end.isoformat(), precision, text)


def _norm(words: str | None) -> str:
    return " ".join(words.lower().split()) if words else ""


def _month(token: str) -> int:
    return _MONTHS[token.rstrip(".").lower()]


def _month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _month_day(month: int, day: int, published: dt.date) -> dt.date:
    """A month-day without a year: the publication year, or the year before if that would put it
    more than a week after publication (or the day does not exist that year, e.g. February 29)."""
    try:
        candidate = dt.date(published.year, month, day)
        if candidate <= published + dt.timedelta(days=7):
            return candidate
    except ValueError:
        pass
    return dt.date(published.year - 1, month, day)


def _weekday(published: dt.date, weekday: int, rel: str) -> dt.date:
    """A named weekday: the latest one on or before publication; "last"/"past" one strictly
    before, "next" one strictly after, "this" one in the publication's Monday-Sunday week."""
    back = (published.weekday() - weekday) % 7
    if rel in ("last", "past", "this past"):
        back = back or 7
    elif rel == "next":
        back = -((weekday - published.weekday()) % 7 or 7)
    elif rel == "this":
        back = published.weekday() - weekday
    return published - dt.timedelta(days=back)


def _period(published: dt.date, rel: str, unit: str, adv: str, text: str) -> DateSpan:
    """this/last/next week, month or year, narrowed by "earlier"/"later" for "this"."""
    shift = {"this": 0, "last": -1, "next": 1}[rel]
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
        start, end = monday, monday + dt.timedelta(days=6)
        precision: DatePrecision = "week"
    elif unit == "month":
        start, end = _month_bounds(*_shift_month(published.year, published.month, shift))
        precision = "month"
    else:
        year = published.year + shift
        start, end, precision = dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    if rel == "this" and adv == "earlier":
        end = max(start, published - dt.timedelta(days=1))
    elif rel == "this" and adv == "later":
        start = min(end, published + dt.timedelta(days=1))
    return _span(start, end, precision, text)


def _ago(published: dt.date, number: str, unit: str, text: str) -> DateSpan:
    """"three days ago" (day), "two weeks ago" (that Monday-Sunday week), "a month ago" (that
    month), "a year ago" (that year)."""
    n = int(number) if number.isdigit() else max(1, _NUMBER_WORDS.index(number) - 1)
    if unit == "day":
        day = published - dt.timedelta(days=n)
        return _span(day, day, "day", text)
    if unit == "week":
        day = published - dt.timedelta(weeks=n)
        monday = day - dt.timedelta(days=day.weekday())
        return _span(monday, monday + dt.timedelta(days=6), "week", text)
    if unit == "month":
        return _span(*_month_bounds(*_shift_month(published.year, published.month, -n)), "month",
                     text)
    year = published.year - n
    return _span(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", text)
