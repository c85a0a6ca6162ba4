from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizcli.reading.dates import find_dates, parse_dateline

TUESDAY = dt.date(2018, 9, 11)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("the White House said on Monday.", [("on Monday", "2018-09-10")]),
        ("Pompeo on July 8 said that", [("July 8", "2018-07-08")]),
        ("after the last year's meet in Singapore", [("last year", "2017")]),
        ("which comes to an end in 2021.", [("2021", "2021")]),
        ("the summit in June in Singapore", [("June", "2018-06")]),
        ("On Tuesday, September 11, 2018 it rained", [("Tuesday, September 11, 2018",
                                                       "2018-09-11")]),
        ("signed on 8th of July 2017 and in March, 2019", [("8th of July 2017", "2017-07-08"),
                                                           ("March, 2019", "2019-03")]),
        ("yesterday, 3 days ago, last month and next Friday",
         [("yesterday", "2018-09-10"), ("3 days ago", "2018-09-08"), ("last month", "2018-08"),
          ("next Friday", "2018-09-14")]),
        ("a meeting on December 20", [("December 20", "2017-12-20")]),
        ("talks to resume on September 20", [("September 20", "2018-09-20")]),
        ("He may go. 5,000 people and 2,021 votes, 1990s, 2018-19, 15.2018.",
         []),
        ("May 5 and in May", [("May 5", "2018-05-05"), ("May", "2018-05")]),
    ],
)
def test_dates_are_normalised_against_the_article_date(sentence, expected):
    assert [(d.text, d.iso) for d in find_dates(sentence, TUESDAY)] == expected


def test_without_the_article_date_only_dates_with_a_year_are_read():
    found = find_dates("On Monday, July 8, and in June 2019 and in 2021.", None)
    assert [(d.text, d.iso, d.precision) for d in found] == [
        ("June 2019", "2019-06", "month"), ("2021", "2021", "year")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("| September 11 , 2018 , 14:06 IST", dt.date(2018, 9, 11)),
        ("Published: March 3, 2024 10:15 IST", dt.date(2024, 3, 3)),
        ("Updated: 24 August 2017", dt.date(2017, 8, 24)),
        ("2019-02-28", dt.date(2019, 2, 28)),
        ("September 11 said the man who was there today with more words", None),
        ("The talks were held on September 11, 2018 in Singapore, and more", None),
    ],
)
def test_datelines(line, expected):
    assert parse_dateline(line) == expected


@given(st.text(max_size=500), st.dates(min_value=dt.date(1601, 1, 1)))
def test_finding_dates_never_raises_and_gives_valid_iso(text, anchor):
    found = find_dates(text, anchor)
    for date in found:
        assert len(date.iso) in (4, 7, 10)
        dt.date.fromisoformat((date.iso + "-01-01")[:10])
        assert text[date.start:date.end] == date.text
    spans = sorted((d.start, d.end) for d in found)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
