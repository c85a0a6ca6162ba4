"""Numbers with what they measure: "6.25%", "175 basis points", "Rs 9.75 lakh crore",
"2,310 kg", "15 times", "8 out of 10", "47th", and the number of a counted noun
("five members", "16 police stations").

A quantity keeps its unit, currency and scale, because "6.50" alone asks nothing; a
count is just its number, because the noun it counts stays in the sentence to say
what is asked. The words come from `quizcli/data/units.yaml`.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from quizcli.datafiles import load_data
from quizcli.reading.spans import overlaps
from quizcli.reading.wordsearch import by_first_character, trie_pattern

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100,
}
ORDINAL_WORDS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}


class Quantity(NamedTuple):
    """A number in a sentence: where it stands, the words to ask for, and what it is."""

    start: int
    end: int
    text: str
    kind: str
    """percent, fraction, money, measure, scale, times, ratio, range, per, duration,
    ordinal, count or value."""


def _words(items: list[str]) -> str:
    """An alternation of `items` (to stand in a group) that tries the longest first of
    those written at a place, as a trie: at a place where none is, it tries each
    character once instead of every word."""
    return trie_pattern(sorted(set(items)))


@functools.cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    units = load_data("units.yaml")
    digits = r"(?:\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    # Both cases written out: an inline (?i:...) group makes every match slower.
    plain = [*NUMBER_WORDS, "a hundred", "one"]
    word = _words(plain + [w.capitalize() for w in plain])
    num = rf"(?:{digits}|(?:{word})(?:[- ](?:{word}))?)"
    scale = rf"(?:\s?(?:{_words(units['scales'])})\b)"
    percent = _words(units["percent"])
    measure = _words(units["measures"])
    pre = _words(units["currency_before"])
    post = _words(units["currency_after"])
    dash = r"\s?[-–—]\s?"
    not_after = r"(?![\w.,]\d|\w)"
    return [
        ("range", re.compile(
            rf"(?<![\w.]){digits}{dash}{digits}\s?(?:{percent}|(?:{measure})\b)"
            r"|(?<![\w.,])\d{1,3}(?:,\d{3})+[-–]\d{1,3}(?:,\d{3})+(?![\w,]\d)")),
        ("measure", re.compile(
            rf"(?<![\w.]){digits}\s?(?:{measure})\s?[x×]\s?{digits}\s?(?:{measure})\b")),
        ("money", re.compile(rf"(?:{pre})\s?{digits}{scale}*(?!\w)"
                             rf"|(?<![\w.]){digits}{scale}*\s(?:{post})\b")),
        ("percent", re.compile(rf"(?<![\w.]){num}\s?(?:{percent})(?!\w)")),
        ("fraction", re.compile(r"(?<![\w-])(?:[Oo]ne|[Tt]wo|[Tt]hree)-(?:half|third|fourth|"
                                r"quarter|fifth)s?\b")),
        ("per", re.compile(rf"(?<![\w.]){digits}\s(?:per|a|every)\s(?:lakh|million|day|"
                           rf"year|month|week|hour|annum|capita|km|sq km)\b")),
        ("measure", re.compile(rf"(?<![\w.]){digits}{scale}*\s?(?:{measure})(?![\w/])")),
        ("scale", re.compile(rf"(?<![\w.]){num}{scale}+")),
        ("times", re.compile(rf"(?<![\w.]){num}(?:\s(?:times)\b|-fold\b)")),
        ("ratio", re.compile(rf"(?<![\w.]){num}\s(?:out\s)?of\severy\s{num}(?!\w)"
                             rf"|(?<![\w.]){num}\sout\sof\s{num}{not_after}")),
        ("duration", re.compile(
            rf"(?<![\w.]){num}\s(?:(?:more|consecutive|straight|successive)\s)?"
            rf"(?:{_words(units['durations'])})\b"
            r"|\b(?:more|less) than a (?:year|month|week|decade|century)\b")),
        ("ordinal", re.compile(
            r"(?<![\w.])\d{1,4}(?:st|nd|rd|th)\b"
            rf"|\b(?:{_words([*ORDINAL_WORDS, *(w.capitalize() for w in ORDINAL_WORDS)])})\b"
            r"(?=\s[a-z-]+|\s(?:largest|highest))")),
        ("count", re.compile(
            rf"(?<![\w.,-]){num}(?=-(?:member|judge|nation|country|state|day|week|month|"
            r"year|hour|point|seat|storey|lane|party|match|test|stage|tier|phase)\b)")),
        ("count", re.compile(
            rf"(?<![\w.,-]){num}(?=(?:\s(?:[a-z][a-z-]*|[A-Z][a-z]+)){{0,3}}\s(?P<noun>"
            rf"[a-z]{{3,}}s|[A-Z]{{2,5}}s|[A-Z][a-z]{{3,}}s|{_words(units['irregular_plurals'])})"
            r"\b)")),
        ("value", re.compile(r"(?<![\w.,$₹-])(?:\d+\.\d+|\d{2,3}(?:,\d{3})*|\d{4,6})"
                             r"(?![\w.,-]?\d|\w)")),
    ]


@functools.cache
def _not_plurals() -> frozenset[str]:
    return frozenset(load_data("units.yaml")["not_plurals"])


# A number that names a thing rather than measuring it: "Article 279", "COP 28",
# "Rule 8", "Phase 2", "Tier 1".
_NAMING = re.compile(
    r"(?:\b(?:Article|Articles|Section|Sections|Rule|Rules|Schedule|Clause|Chapter|Part|"
    r"Phase|Stage|Tier|Level|No|Nos|Number|Case|Vol|Page|Item|Entry|List|Point|Grade|"
    r"Class|Version|COP|G|Mark|Mk|Block|Sector|Ward|Gate|Platform|Room|Lane|Road|Project|"
    r"Operation)"
    r"\.?\s?(?:\d+[A-Z]?\s?(?:,|or|and|to)\s)*$|[A-Za-z]-?$|[-/]$)"
)


_DIGIT = re.compile(r"\d")
_OTHER_DIGIT = re.compile(r"[^\x00-\x7f](?<=\d)")
"""A digit that is not 0 to 9, such as '٣'."""
_NUMBER_CUE = re.compile(
    r"\b(?:" + trie_pattern(sorted(["than a", *NUMBER_WORDS, *ORDINAL_WORDS])) + r")\b")
"""Matched against the lower-cased sentence."""


@functools.cache
def _starts(worded: bool = True) -> re.Pattern[str]:
    """Where a quantity can begin: a digit, a currency, a number word, an ordinal word.

    `worded=False` is for a sentence with no number word and no digit but 0 to 9: that
    pattern opens each way with a character, so that the search skips to a digit or a
    currency instead of trying every way at every character.
    """
    units = load_data("units.yaml")
    plain = [*NUMBER_WORDS, *ORDINAL_WORDS, "one", "a hundred"]
    words = _words(plain + [w.capitalize() for w in plain])
    currencies = sorted(units["currency_before"], key=len, reverse=True)
    if worded:
        return re.compile(rf"(?<![\w.])\d|(?:{_words(currencies)})\s?\d"
                          rf"|\b(?:{words})\b|\b(?:more|less) than a\b")
    return re.compile(by_first_character(
        [(digit, r"(?<![\w.]\d)") for digit in "0123456789"]
        + [(c[0], re.escape(c[1:]) + r"\s?\d") for c in currencies]))


@functools.cache
def _first_rule() -> tuple[re.Pattern[str], dict[int, int]]:
    """The rules of `_patterns` as one alternation, tried in their order, so that one
    match says which rule fits first at a place; and each rule's group to its index."""
    rules = _patterns()
    joined = re.compile("|".join(f"(?P<rule{i}>{pattern.pattern})"
                                 for i, (_kind, pattern) in enumerate(rules)))
    return joined, {joined.groupindex[f"rule{i}"]: i for i in range(len(rules))}


_RUNS_ON = re.compile(r"\s?(?:[-–]\s?\d|\)|st\b|nd\b|rd\b|th\b)")
_YEAR = re.compile(r"1[6-9]\d\d|20\d\d")


def find_quantities(sentence: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    """The numbers of a sentence that measure or count something, the first rule of
    `_patterns` that fits winning, never overlapping `taken` (its dates) or each other.

    Each rule is only tried where a number can start, so a sentence costs a few
    anchored matches, not a scan per rule.
    """
    spans = list(taken)
    found: list[Quantity] = []
    lower = sentence.lower()
    # Where the cue finds no number word, only "one" can be one: "within one month".
    worded = _NUMBER_CUE.search(lower) is not None or "one" in lower
    if not worded and not _DIGIT.search(sentence):
        return found
    plain_digits = sentence.isascii() or not _OTHER_DIGIT.search(sentence)
    starts = _starts(worded or not plain_digits)
    after = 0
    first_rule, rule_of = _first_rule()
    for start_match in starts.finditer(sentence):
        at = start_match.start()
        if at < after or any(s <= at < e for s, e in spans):
            continue
        first = first_rule.match(sentence, at)
        if first is None:
            continue  # no rule fits here
        # The rule's own group closes last, so it is the match's last group.
        quantity = _quantity(sentence, at, spans, first, rule_of[first.lastindex or 0])
        if quantity is not None:
            spans.append((quantity.start, quantity.end))
            found.append(quantity)
            after = quantity.end
    return found


def _quantity(sentence: str, at: int, spans: list[tuple[int, int]],
              first: re.Match[str] | None, index: int) -> Quantity | None:
    """What the first rule that fits at `at` and passes its checks reads there; `first`
    is the match of rule `index`, the first that matches at all."""
    for kind, pattern in _patterns()[index:]:
        match, first = first or pattern.match(sentence, at), None
        if not match:
            continue
        start, end = match.span()
        noun = match.group("noun") if "noun" in pattern.groupindex else None
        if kind == "count" and (noun in _not_plurals()
                                or match.group().lower() in ("one", "a hundred")):
            continue
        if kind in ("count", "value", "ordinal") and _NAMING.search(
                sentence[max(0, start - 40):start]):
            continue
        if kind == "value" and (_RUNS_ON.match(sentence, end)
                                or _YEAR.fullmatch(match.group())):
            continue  # a year, or a number that runs on into a range
        if overlaps(start, end, spans):
            continue
        return Quantity(start, end, sentence[start:end], kind)
    return None


_FIGURE = re.compile(r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_LOWER_WORD = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=65536)
def number_value(text: str) -> float | None:
    """The number a quantity's text states: '6.50%' → 6.5, 'five' → 5, '47th' → 47.
    Kept: the maker asks it of the same figures many times."""
    match = _FIGURE.search(text)
    if match:
        return float(match.group().replace(",", ""))
    for word in _LOWER_WORD.findall(text.lower()):
        if word in NUMBER_WORDS:
            return float(NUMBER_WORDS[word])
        if word in ORDINAL_WORDS:
            return float(ORDINAL_WORDS[word])
        if word == "one":  # "one lakh": a quantity's "one" is the number, not a pronoun
            return 1.0
    return None


_PERIODS = [
    ("time", re.compile(r"\b\d{1,2}[:.]\d{2}\s?(?:am|pm|a\.m\.|p\.m\.|hrs|hours|IST)(?!\w)", re.I)),
    ("years", re.compile(r"(?:FY\s?)?(?:19|20)\d\d[-–][’']?\d{2}\s(?:to|till|until)\s"
                         r"(?:FY\s?)?(?:19|20)\d\d[-–][’']?\d{2}\b")),
    ("year", re.compile(r"(?:FY\s?)?(?:19|20)\d\d[-–](?:(?:19|20)\d\d|[’']?\d{2})(?![\d-])")),
    ("decade", re.compile(r"\b(?:(?:early|mid|late)[- ])?(?:1[6-9]|20)\d0s\b")),
    ("century", re.compile(r"\b(?:(?:early|mid|late)[- ])?\d{1,2}(?:st|nd|rd|th)\s"
                           r"century\b")),
]


_TIME_CUE = re.compile(r"[:.](?<=\d[:.])\d\d")


def _may_hold(kind: str, sentence: str) -> bool:
    """Whether the sentence holds what every period of `kind` holds: most hold none."""
    if kind == "time":
        return _TIME_CUE.search(sentence) is not None
    if kind in ("years", "year"):
        return "-" in sentence or "–" in sentence
    return ("0s" if kind == "decade" else "century") in sentence


def find_periods(sentence: str) -> list[Quantity]:
    """Times and periods that are not one date: '11:50 am', '2024-25', '2025–2026', 'from
    2023-24 to 2030-31', 'the early 1960s', 'the 20th century'."""
    found: list[Quantity] = []
    if not _DIGIT.search(sentence):
        return found
    for kind, pattern in _PERIODS:
        if not _may_hold(kind, sentence):
            continue
        for match in pattern.finditer(sentence):
            start, end = match.span()
            if any(start < q.end and q.start < end for q in found):
                continue
            found.append(Quantity(start, end, match.group(), kind))
    found.sort()
    return found
