from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizcli.reading.datelines import find_article_date, parse_dateline, read_dateline
from quizcli.reading.dates import find_dates

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
        ("the Bill introduced on Monday (September 10, 2018) and on Friday (August 3)",
         [("Monday (September 10, 2018)", "2018-09-10"), ("Friday (August 3)", "2018-08-03")]),
        ("met on Monday and (in June) again", [("on Monday", "2018-09-10"), ("June", "2018-06")]),
    ],
)
def test_dates_are_normalised_against_the_article_date(sentence, expected):
    assert [(d.text, d.iso) for d in find_dates(sentence, TUESDAY)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The waiver is expiring on 31.03.2024 for small firms.", [("31.03.2024", "2024-03-31")]),
        ("Forms filed on 12-06-2025 and 05/08/2023 count.", [("12-06-2025", "2025-06-12"),
                                                             ("05/08/2023", "2023-08-05")]),
        ("The window shut on 1.2.2023, a Wednesday.", [("1.2.2023", "2023-02-01")]),
        ("The census closed on 2024-03-31.", [("2024-03-31", "2024-03-31")]),
        ("The form dated 08/15/2023 was late.", [("08/15/2023", "2023-08-15")]),
        ("The rate stayed at 6.50 and growth at 3.3% in version 1.2.3 of the model.", []),
        ("Figures of 31.13.2024, 1.2.2023.4 and 12/06/2025% are not dates.", []),
    ],
)
def test_numeric_dates_are_read_day_first(sentence, expected):
    assert [(d.text, d.iso) for d in find_dates(sentence, None)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The board on March 31 last year cut the levy.", [("March 31 last year", "2022-03-31")]),
        ("It was signed on 31 March last year.", [("31 March last year", "2022-03-31")]),
        ("Polls are due in May this year.", [("May this year", "2023-05")]),
        ("The port opens in December next year.", [("December next year", "2024-12")]),
        ("The rule applied from January 1 this year.", [("January 1 this year", "2023-01-01")]),
        ("Talks began last year and end on April 2.", [("last year", "2022"),
                                                       ("April 2", "2023-04-02")]),
    ],
)
def test_a_relative_year_places_the_day_or_month_before_it(sentence, expected):
    saturday = dt.date(2023, 3, 25)
    assert [(d.text, d.iso) for d in find_dates(sentence, saturday)] == expected


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
        ("12-06-2025", dt.date(2025, 6, 12)),
        ("31.03.2024", dt.date(2024, 3, 31)),
        ("05/08/2023", dt.date(2023, 8, 5)),
        ("Published – December 17, 2024 02:09 pm IST", dt.date(2024, 12, 17)),
        ("Date of Order / Judgment: 1st August, 2024", dt.date(2024, 8, 1)),
        ("18 July, 2022", dt.date(2022, 7, 18)),
        ("Edited By: Asha Verma @asha_writes42 Pune Updated on: August 10, 2023 7:06 IST",
         dt.date(2023, 8, 10)),
        ("By Ravi Menon, Kochi | Published on: 04.11.2022, 09:30 IST", dt.date(2022, 11, 4)),
        ("Updated: 3 Mar 2024, 10:15 AM IST", dt.date(2024, 3, 3)),
        ("**Last updated:** March 3, 2024", dt.date(2024, 3, 3)),
        ("Thursday, May 23, 2024", dt.date(2024, 5, 23)),
        ("6.50", None),
        ("1.2.3", None),
        ("Published by the state press office", None),
        ("The figures were updated on March 3, 2024.", None),
        ("Dates of the exam: March 3, 2024", None),
        ("September 11 said the man who was there today with more words", None),
        ("The talks were held on September 11, 2018 in Singapore, and more", None),
    ],
)
def test_datelines(line, expected):
    assert parse_dateline(line) == expected


@pytest.mark.parametrize(
    ("line", "rank"),
    [
        ("Updated on: Thursday, May 23, 2024", 2),
        ("Date: 23.05.2024", 2),
        ("23 May 2024", 1),
        ("Thursday, May 23, 2024", 0),
    ],
)
def test_a_labelled_dateline_outranks_a_bare_one_and_a_bare_weekday_ranks_last(line, rank):
    assert read_dateline(line).rank == rank


@pytest.mark.parametrize(
    ("text", "date", "lines"),
    [
        # a page widget showing the day it was read, after the byline's labelled date
        ("A headline here\nBy A. Writer Updated on: August 10, 2023 7:06 IST\n\n"
         "Thursday, May 23, 2024\nThe story starts here with a full sentence of text.",
         dt.date(2023, 8, 10), {1, 3}),
        # the widget first: a labelled date still wins
        ("Thursday, May 23, 2024\nA headline here\nPublished – December 17, 2024 02:09 pm IST",
         dt.date(2024, 12, 17), {0, 2}),
        # a bare date line wins over a weekday-led one, and among equals the first wins
        ("Thursday, May 23, 2024\nA headline\n18 July, 2022\n19 July, 2022",
         dt.date(2022, 7, 18), {0, 2, 3}),
        # after a repeated headline and other debris
        ("Heatwave\n\nHeatwave\nShare this page\n\n12-06-2025\n\nWhy in the News?",
         dt.date(2025, 6, 12), {5}),
        # a labelled date after a standfirst still counts; a bare one after prose is the story's
        ("A headline\nThe council met for the first time in two years on the issue.\n"
         "18 July, 2022\nUpdated: 1st August, 2024", dt.date(2024, 8, 1), {3}),
        # 'Date of ...:' names what happened that day, so its line stays in the story
        ("A River Case\nCase: A v B\nDate of Order / Judgment: 1st August, 2024",
         dt.date(2024, 8, 1), set()),
        ("A headline\nThe council met for the first time in two years on the issue.\n"
         "18 July, 2022", None, set()),
    ],
)
def test_the_article_date_comes_from_the_best_dateline_of_its_opening(text, date, lines):
    assert find_article_date(text.split("\n")) == (date, frozenset(lines))


def test_datelines_are_only_looked_for_in_the_opening_lines():
    text = ["A headline"] + [f"Menu entry {n}" for n in range(20)] + ["Published: March 3, 2024"]
    assert find_article_date(text).date is None


@given(st.text(max_size=500), st.dates(min_value=dt.date(1601, 1, 1)))
def test_finding_dates_never_raises_and_gives_valid_iso(text, anchor):
    found = find_dates(text, anchor)
    for date in found:
        assert len(date.iso) in (4, 7, 10)
        dt.date.fromisoformat((date.iso + "-01-01")[:10])
        assert text[date.start:date.end] == date.text
    spans = sorted((d.start, d.end) for d in found)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
