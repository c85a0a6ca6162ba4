"""The reader's fast patterns say what their plain forms say: each is checked against the
plain regex it stands for, on texts made of the pieces where they could differ."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from quizcli.reading.dates import _NEEDS, PATTERNS, _cues
from quizcli.reading.entities import _INITIALS, _NAME, _NAME_TOKEN, _joined_to, _tokens
from quizcli.reading.rules.names import _JOIN, _RUN
from quizcli.reading.rules.numbers import _DIGIT, _NUMBER_CUE, _OTHER_DIGIT, _starts
from quizcli.reading.rules.speech import _without_end
from quizcli.reading.spans import overlaps
from quizcli.reading.wordsearch import by_first_character, whole_words


def texts(*pieces: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=10).map("".join)


@given(texts("Jan", "January", "June", "Ju", "x", "_", " ", "2", "é", "Janx", "-"))
def test_whole_words_match_what_word_boundaries_do(text):
    words = ["January", "Jan", "June", "x"]
    plain = re.compile(r"\b(?:" + "|".join(words) + r")\b")
    fast = re.compile(whole_words(words))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(texts("said", "says", "held", " that", " ", "x", "s", "ruled"))
def test_grouped_alternatives_are_tried_in_their_order(text):
    ways = [("h", "eld(?= that)"), ("s", "aid"), ("s", "ai"), ("r", "uled"), ("s", "ays")]
    plain = re.compile("|".join(first + rest for first, rest in ways))
    fast = re.compile(by_first_character(ways))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(texts("A", "B", ".", " ", "J.", "RK", "Menon", "O'Neil", "O’Brien", "McDonald",
             "Rao-led", "#", "(", "III", "É", "Émile", "×", "x", "Jean-Luc", "\t", "Þor"))
def test_the_name_pattern_is_its_plain_form(text):
    plain = re.compile(
        rf"(?=[A-Z\u00c0-\u00de])(?<![\w(#.]){_INITIALS}?{_NAME_TOKEN}"
        rf"(?:\s+(?:[A-Z]\.?\s)?{_NAME_TOKEN}){{0,3}}(?:\s(?:II|III|IV|VI|VII|VIII)\b)?(?!\w)")
    assert [m.span() for m in _NAME.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(texts("A", "B", ".", " ", "U.S.", "O'Neil", "Rao's", "Rao’s ", "s", " of ", " and ",
             "&", "Bank", "x", "-", "-led", " (RBI) ", "'", "’"))
def test_the_run_pattern_is_its_plain_form(text):
    cap = r"(?:(?:[A-Z]\.){2,}|[A-Z](?:[\w&]|\.(?=\w)|[’'](?!s\b))*(?:-[\w]+)*)"
    plain = re.compile(rf"(?=[A-Z]){cap}(?:(?:{_JOIN}|\s\([^()]{{1,60}}\)\s){cap})*")
    assert [m.span() for m in _RUN.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(texts("one", "One", "a hundred", " ", "Rs", "Rs.", "US$", "$", "5", ".", "x", "_",
             "more than a", "tenth", "sixty", "٣", "₹", "EUR", "Eight", "-"))
def test_quantities_start_where_the_plain_pattern_says(text):
    plain = _starts(True)
    lower = text.lower()
    if not _NUMBER_CUE.search(lower) and not _DIGIT.search(text):
        return
    worded = bool(_NUMBER_CUE.search(lower)) or "one" in lower
    plain_digits = text.isascii() or not _OTHER_DIGIT.search(text)
    fast = _starts(worded or not plain_digits)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(texts("March", "May", " ", ",", "31", "2019", "19", "of", "in", "last", "year",
             "Monday", "-", ".", "/", "08", "ago", "two", "months", "x", "'s", "٣", "Sept"))
def test_a_date_pattern_only_matches_where_its_cues_are(text):
    cues, _first_year = _cues(text)
    for kind, pattern in PATTERNS:
        match = pattern.search(text)
        if match:
            assert cues.issuperset(_NEEDS[kind]), kind


@given(texts("a", " ", ",", ".", '"', "”", "\t", "\u2003", "'"))
def test_a_clause_loses_its_trailing_stops_but_not_its_quotation_mark(text):
    assert _without_end(text) == re.sub(r"[\s,.]*([\"”]?)\s*$", r"\1", text)


@given(texts("of", "for", "on", "and", " ", "\t", "\n", "x", "Ministry", "upon", "é"))
def test_the_word_joined_to_a_name_is_the_plain_pattern_s(text):
    match = re.search(r"(\S+)\s+(?:of|for|on|and)\s+$", text)
    assert _joined_to(text) == (match.group(1) if match else None)
    assert _tokens(text, 3) == [(m.start() + 3, m.group()) for m in re.finditer(r"\S+", text)]


def test_spans_overlap_when_they_share_a_character():
    assert overlaps(2, 5, [(0, 3)]) and overlaps(2, 5, [(4, 9)]) and overlaps(2, 5, [(3, 4)])
    assert not overlaps(2, 5, [(0, 2), (5, 7)]) and not overlaps(2, 5, [])
