"""Unit tests for eventwire.extract.dates (the `date` field rules of shared/spec/event-record.md)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.extract.dates import find_dates, parse_published, resolve_date
from eventwire.records import DateSpan

SAT = dt.date(2025, 12, 6)  # the seed article's publication date, a Saturday
SEED_FIRST = ("Russia unleashed one of its largest overnight assaults on Ukraine this year, firing "
              "more than 650 drones and 51 missiles across the country early Saturday, even as "
              "US-Ukrainian peace talks continued in Miami.")


def day(iso: str, text: str) -> DateSpan:
    return DateSpan(iso, iso, "day", text)


def unknown(text: str) -> DateSpan:
    return DateSpan(None, None, "unknown", text)


# --- parse_published ---------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("2025-12-06", SAT),
    ("2025-12-06T10:15:00Z", SAT),
    ("2025-12-06T23:30:00+05:00", SAT),  # the publisher's own calendar date, not UTC
    ("2025-12-06 08:00:00", SAT),
    ("  2025-12-06\n", SAT),
    ("2025-12-06T10:15:00.123456789Z", SAT),  # nanoseconds: fromisoformat refuses, still a date
    ("Sat, 06 Dec 2025 10:15:00 GMT", SAT),  # RSS pubDate
    (None, None),
    ("", None),
    ("   ", None),
    ("garbage", None),
    ("2025-13-01", None),
    ("2025-02-30", None),
    ("yesterday", None),
])
def test_parse_published(value: str | None, expected: dt.date | None) -> None:
    assert parse_published(value) == expected


def test_parse_published_never_raises_on_wrong_types() -> None:
    assert parse_published(20251206) is None  # type: ignore[arg-type]
    assert parse_published(SAT) == SAT  # type: ignore[arg-type]


@given(st.text())
def test_parse_published_never_raises(value: str) -> None:
    result = parse_published(value)
    assert result is None or isinstance(result, dt.date)


# --- the seed article ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("the country early Saturday, even as", day("2025-12-06", "early Saturday")),
    ("telling NBC on Friday: “The Russia-Ukraine thing", day("2025-12-05", "on Friday")),
    ("Earlier this week, Trump allies Steve Witkoff and Jared Kushner held discussions",
     DateSpan("2025-12-01", "2025-12-05", "week", "Earlier this week")),
    ("Speaking in Qatar on Saturday, EU foreign policy chief", day("2025-12-06", "on Saturday")),
])
def test_seed_phrases(sentence: str, expected: DateSpan) -> None:
    assert resolve_date(sentence, SAT) == expected


def test_seed_first_sentence_takes_overnight_first_in_text_order() -> None:
    found = find_dates(SEED_FIRST, SAT)
    assert [span for _, _, span in found] == [
        day("2025-12-06", "overnight"),
        DateSpan("2025-01-01", "2025-12-31", "year", "this year"),
        day("2025-12-06", "early Saturday"),
    ]
    assert resolve_date(SEED_FIRST, SAT) == day("2025-12-06", "overnight")


def test_seed_article_sentences_without_dates() -> None:
    for sentence in [
        "Ukrainian officials reported at least three injuries in the Kyiv region.",
        "as the country braces for a fourth winter of full-scale war .",
        "Unconfirmed reports on Telegram suggested that Ukrainian forces may have struck an oil "
        "refinery in Ryazan , where debris also reportedly hit a residential building.",
        "US and Ukrainian negotiators meet for a third day of talks in Miami",
        "Meanwhile, Russia’s defence ministry claimed it had shot down 116 Ukrainian drones.",
        "hinted that the US may increasingly support right-wing movements",
    ]:
        assert find_dates(sentence, SAT) == [], sentence
        assert resolve_date(sentence, SAT) is None


# --- relative expressions -----------------------------------------------------------------------

@pytest.mark.parametrize("text, start, end, precision", [
    ("today", "2025-12-06", "2025-12-06", "day"),
    ("tonight", "2025-12-06", "2025-12-06", "day"),
    ("this morning", "2025-12-06", "2025-12-06", "day"),
    ("overnight", "2025-12-06", "2025-12-06", "day"),
    ("last night", "2025-12-06", "2025-12-06", "day"),
    ("yesterday", "2025-12-05", "2025-12-05", "day"),
    ("yesterday morning", "2025-12-05", "2025-12-05", "day"),
    ("the day before yesterday", "2025-12-04", "2025-12-04", "day"),
    ("tomorrow", "2025-12-07", "2025-12-07", "day"),
    ("early Saturday", "2025-12-06", "2025-12-06", "day"),
    ("early on Saturday", "2025-12-06", "2025-12-06", "day"),
    ("Saturday morning", "2025-12-06", "2025-12-06", "day"),
    ("on Friday", "2025-12-05", "2025-12-05", "day"),
    ("Friday", "2025-12-05", "2025-12-05", "day"),
    ("late on Monday", "2025-12-01", "2025-12-01", "day"),
    ("on Sunday", "2025-11-30", "2025-11-30", "day"),
    ("overnight into Sunday", "2025-11-30", "2025-11-30", "day"),
    ("last Friday", "2025-12-05", "2025-12-05", "day"),
    ("last Saturday", "2025-11-29", "2025-11-29", "day"),
    ("next Monday", "2025-12-08", "2025-12-08", "day"),
    ("this Monday", "2025-12-01", "2025-12-01", "day"),
    ("on the night of Friday", "2025-12-05", "2025-12-05", "day"),
    ("earlier this week", "2025-12-01", "2025-12-05", "week"),
    ("this week", "2025-12-01", "2025-12-07", "week"),
    ("later this week", "2025-12-07", "2025-12-07", "week"),
    ("last week", "2025-11-24", "2025-11-30", "week"),
    ("next week", "2025-12-08", "2025-12-14", "week"),
    ("last month", "2025-11-01", "2025-11-30", "month"),
    ("this month", "2025-12-01", "2025-12-31", "month"),
    ("earlier this month", "2025-12-01", "2025-12-05", "month"),
    ("last year", "2024-01-01", "2024-12-31", "year"),
    ("this year", "2025-01-01", "2025-12-31", "year"),
    ("earlier this year", "2025-01-01", "2025-12-05", "year"),
    ("in late October", "2025-10-01", "2025-10-31", "month"),
    ("in early March", "2025-03-01", "2025-03-31", "month"),
    ("since mid-March", "2025-03-01", "2025-03-31", "month"),
    ("in December", "2025-12-01", "2025-12-31", "month"),
    ("three days ago", "2025-12-03", "2025-12-03", "day"),
    ("2 weeks ago", "2025-11-17", "2025-11-23", "week"),
    ("a month ago", "2025-11-01", "2025-11-30", "month"),
    ("a year ago", "2024-01-01", "2024-12-31", "year"),
])
def test_relative(text: str, start: str, end: str, precision: str) -> None:
    sentence = f"Officials said the strike happened {text}, the ministry said."
    found = find_dates(sentence, SAT)
    assert len(found) == 1
    begin, finish, span = found[0]
    assert span == DateSpan(start, end, precision, text)  # type: ignore[arg-type]
    assert sentence[begin:finish] == text


@pytest.mark.parametrize("weekday, expected", [
    ("Monday", "2025-12-01"), ("Tuesday", "2025-12-02"), ("Wednesday", "2025-12-03"),
    ("Thursday", "2025-12-04"), ("Friday", "2025-12-05"), ("Saturday", "2025-12-06"),
    ("Sunday", "2025-11-30"),
])
def test_weekday_is_latest_on_or_before_publication(weekday: str, expected: str) -> None:
    assert resolve_date(f"on {weekday}", SAT) == day(expected, f"on {weekday}")


def test_earlier_this_week_published_on_monday_stays_in_the_week() -> None:
    monday = dt.date(2025, 12, 1)
    assert resolve_date("earlier this week", monday) == DateSpan(
        "2025-12-01", "2025-12-01", "week", "earlier this week")


def test_case_and_spacing_variants() -> None:
    assert resolve_date("ATTACK EARLY SATURDAY", SAT) == day("2025-12-06", "EARLY SATURDAY")
    assert resolve_date("Yesterday, drones hit", SAT) == day("2025-12-05", "Yesterday")
    assert resolve_date("on\u00a0Friday", SAT) == day("2025-12-05", "on\u00a0Friday")
    assert resolve_date("December\u00a05", SAT) == day("2025-12-05", "December\u00a05")


# --- explicit dates -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, start, end, precision", [
    ("December 5", "2025-12-05", "2025-12-05", "day"),
    ("Dec. 5", "2025-12-05", "2025-12-05", "day"),
    ("Dec 5th", "2025-12-05", "2025-12-05", "day"),
    ("on Dec 5", "2025-12-05", "2025-12-05", "day"),
    ("5 December 2022", "2022-12-05", "2022-12-05", "day"),
    ("Oct 17, 2022", "2022-10-17", "2022-10-17", "day"),
    ("17 Oct 2022", "2022-10-17", "2022-10-17", "day"),
    ("October 17, 2022", "2022-10-17", "2022-10-17", "day"),
    ("Sept. 3, 2021", "2021-09-03", "2021-09-03", "day"),
    ("2022-10-17", "2022-10-17", "2022-10-17", "day"),
    ("on the night of September 23", "2025-09-23", "2025-09-23", "day"),
    ("on the night of 27 March", "2025-03-27", "2025-03-27", "day"),
    ("on Monday, April 9", "2025-04-09", "2025-04-09", "day"),  # the explicit date wins
    ("Sunday, March 15, 2015", "2015-03-15", "2015-03-15", "day"),
    ("in March 2022", "2022-03-01", "2022-03-31", "month"),
    ("late March 2022", "2022-03-01", "2022-03-31", "month"),
    ("in October of 2012", "2012-10-01", "2012-10-31", "month"),
    ("February 2024", "2024-02-01", "2024-02-29", "month"),
    ("in 2021", "2021-01-01", "2021-12-31", "year"),
    ("throughout 2024", "2024-01-01", "2024-12-31", "year"),
])
def test_explicit(text: str, start: str, end: str, precision: str) -> None:
    sentence = f"Witnesses said it began {text}."
    assert find_dates(sentence, SAT) == [
        (24, 24 + len(text), DateSpan(start, end, precision, text))]  # type: ignore[arg-type]


def test_since_a_date_is_returned_with_day_precision() -> None:
    assert resolve_date("blackouts since October 10, officials said", SAT) == day(
        "2025-10-10", "October 10")


def test_several_dates_in_text_order() -> None:
    sentence = "The bridge was destroyed between July 3 and July 6, the ministry said on Friday."
    assert [(s, e, span.start) for s, e, span in find_dates(sentence, SAT)] == [
        (33, 39, "2025-07-03"), (44, 50, "2025-07-06"), (70, 79, "2025-12-05")]


def test_month_day_without_year_takes_publication_year_within_a_week() -> None:
    assert resolve_date("December 10", SAT) == day("2025-12-10", "December 10")  # 4 days after
    assert resolve_date("December 13", SAT) == day("2025-12-13", "December 13")  # 7 days after
    assert resolve_date("December 20", SAT) == day("2024-12-20", "December 20")  # too far ahead


def test_year_rollover() -> None:
    jan3 = dt.date(2026, 1, 3)  # a Saturday
    assert resolve_date("December 30", jan3) == day("2025-12-30", "December 30")
    assert resolve_date("on Friday", jan3) == day("2026-01-02", "on Friday")
    assert resolve_date("on Monday", jan3) == day("2025-12-29", "on Monday")
    assert resolve_date("last week", jan3) == DateSpan("2025-12-22", "2025-12-28", "week",
                                                       "last week")
    assert resolve_date("earlier this week", jan3) == DateSpan("2025-12-29", "2026-01-02", "week",
                                                               "earlier this week")
    assert resolve_date("last month", jan3) == DateSpan("2025-12-01", "2025-12-31", "month",
                                                        "last month")
    assert resolve_date("in late December", jan3) == DateSpan("2025-12-01", "2025-12-31",
                                                              "month", "in late December")
    assert resolve_date("last year", jan3) == DateSpan("2025-01-01", "2025-12-31", "year",
                                                       "last year")
    assert resolve_date("yesterday", dt.date(2026, 1, 1)) == day("2025-12-31", "yesterday")


def test_leap_years() -> None:
    march1_2024, march1_2025 = dt.date(2024, 3, 1), dt.date(2025, 3, 1)
    assert resolve_date("yesterday", march1_2024) == day("2024-02-29", "yesterday")
    assert resolve_date("yesterday", march1_2025) == day("2025-02-28", "yesterday")
    assert resolve_date("February 29", march1_2024) == day("2024-02-29", "February 29")
    assert resolve_date("February 29", march1_2025) == day("2024-02-29", "February 29")
    assert resolve_date("29 February 2024", march1_2025) == day("2024-02-29", "29 February 2024")
    assert resolve_date("29 February 2023", march1_2025) is None  # no such day
    assert resolve_date("February 30", march1_2024) is None
    assert resolve_date("last month", dt.date(2024, 3, 15)) == DateSpan(
        "2024-02-01", "2024-02-29", "month", "last month")
    assert resolve_date("last month", dt.date(2023, 3, 15)) == DateSpan(
        "2023-02-01", "2023-02-28", "month", "last month")


# --- without a publication date: never invent ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "early Saturday", "on Friday", "Friday", "overnight", "last night", "yesterday", "today",
    "tonight", "earlier this week", "last week", "this month", "last month", "last year",
    "this year", "in late October", "December 5", "Dec. 5", "on the night of September 23",
    "three days ago",
])
def test_relative_without_published_is_unknown(text: str) -> None:
    assert resolve_date(f"It happened {text}.", None) == unknown(text)


def test_explicit_with_year_without_published_is_still_resolved() -> None:
    assert resolve_date("5 December 2022", None) == day("2022-12-05", "5 December 2022")
    assert resolve_date("2022-10-17", None) == day("2022-10-17", "2022-10-17")
    assert resolve_date("in March 2022", None) == DateSpan("2022-03-01", "2022-03-31", "month",
                                                           "in March 2022")
    assert resolve_date("in 2021", None) == DateSpan("2021-01-01", "2021-12-31", "year", "in 2021")


# --- not dates ----------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "the country braces for a fourth winter of full-scale war",
    "negotiators meet for a third day of talks",
    "the talks lasted two weeks",
    "sirens sounded 24/7 in the capital",
    "the first explosion was heard at 01:35 local time",
    "Ukrainian forces may have struck an oil refinery",
    "May have struck an oil refinery, reports said.",
    "They may 5 times have tried.",
    "a 70 year old man was injured",
    "a 12-day pause in attacks",
    "more than 650 drones and 51 missiles",
    "Good Friday services were cancelled",
    "the Sunday Times reported",
    "rutting season begins in Nový Hrozenkov Park",
    "a March on Washington",
    "the 7600 block of 25th Street",
    "",
])
def test_not_dates(sentence: str) -> None:
    assert find_dates(sentence, SAT) == []
    assert resolve_date(sentence, SAT) is None


def test_may_as_a_month_needs_a_day_year_or_cue() -> None:
    assert resolve_date("on May 15 the attack began", SAT) == day("2025-05-15", "on May 15")
    assert resolve_date("in May, officials said", SAT) == DateSpan("2025-05-01", "2025-05-31",
                                                                  "month", "in May")
    assert resolve_date("May 2022", SAT) == DateSpan("2022-05-01", "2022-05-31", "month",
                                                     "May 2022")


def test_sentence_full_stop_is_not_part_of_a_month() -> None:
    assert resolve_date("flooding since 1 May.", SAT) == day("2025-05-01", "1 May")
    assert resolve_date("shot in her home in December.", SAT) == DateSpan(
        "2025-12-01", "2025-12-31", "month", "in December")


def test_arithmetic_past_the_calendar_is_skipped_not_raised() -> None:
    assert find_dates("yesterday", dt.date.min) == []
    assert find_dates("tomorrow and next week", dt.date.max) == []
    assert resolve_date("today", dt.date.min) == day("0001-01-01", "today")


# --- properties ---------------------------------------------------------------------------------

_ISO = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_WORDS = ["on", "early", "late", "in", "the", "night", "of", "last", "this", "next", "earlier",
          "week", "month", "year", "ago", "two", "a", "since", "Friday", "SATURDAY", "monday",
          "yesterday", "today", "overnight", "into", "May", "may", "Dec.", "December", "Sept",
          "mid-", "5", "29", "31", "2022", "2024", "9999", "2022-10-17", "2023-02-29", "12th",
          ",", ".", "-", ":", "/", "\u00a0", "\n", "Nový", "İ", "ſ"]


def _check(text: str, published: dt.date | None) -> None:
    found = find_dates(text, published)
    previous_end = 0
    for start, end, span in found:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == span.text
        assert span.precision in ("day", "week", "month", "year", "unknown")
        if span.precision == "unknown":
            assert span.start is None and span.end is None
        else:
            assert span.start and span.end and _ISO.match(span.start) and _ISO.match(span.end)
            assert span.start <= span.end
        previous_end = end
    first = resolve_date(text, published)
    assert first == (found[0][2] if found else None)


@settings(max_examples=300)
@given(st.text(), st.one_of(st.none(), st.dates()))
def test_find_dates_never_raises_on_arbitrary_text(text: str, published: dt.date | None) -> None:
    _check(text, published)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_WORDS), max_size=12), st.sampled_from([" ", "  ", ""]),
       st.one_of(st.none(), st.dates()))
def test_find_dates_never_raises_on_date_like_text(words: list[str], sep: str,
                                                   published: dt.date | None) -> None:
    _check(sep.join(words) if sep else " ".join(words).replace(" ,", ","), published)
