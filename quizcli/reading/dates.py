"""Finding dates in a sentence and normalising them against the article's own date.

"on Monday" in an article of Tuesday 11 September 2018 is 2018-09-10; "July 8"
is 2018-07-08; "last year" is 2017; "on March 31 last year" is 2017-03-31; "in
2021" stays 2021. Without the article's date, only dates that carry their own
year are read.

Numeric dates are read day first, as Indian sites write them ("31.03.2024",
"12-06-2025", "05/08/2023"), or year first in ISO order ("2024-03-31"); month
first only where day first is impossible ("08/15/2023"). A number needs a
four-digit year and the same separator twice to be a date, so "6.50", "3.3" and
"1.2.3" are not dates.

A number is only read as a year where English uses one as a year ("in 2021",
"since 1991", "2018's"), so "5,000" and "2,021 people" are never years; the
month May is only read next to a day, a year or a preposition of time, never as
the verb.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from quizcli.reading.spans import overlaps
from quizcli.reading.wordsearch import trie_pattern, whole_words

_MONTH_SPELLINGS = [
    ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"),
    ("May",), ("June", "Jun"), ("July", "Jul"), ("August", "Aug"),
    ("September", "Sep", "Sept"), ("October", "Oct"), ("November", "Nov"),
    ("December", "Dec"),
]
MONTH_NAMES = [names[0] for names in _MONTH_SPELLINGS]
"""January to December."""
MONTHS = {name: number for number, names in enumerate(_MONTH_SPELLINGS, start=1)
          for name in names}
"""Each month's name and abbreviations → its number, 1 to 12."""
WEEKDAYS = {name: i for i, name in enumerate(
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

# As tries: at a place where no word is, each character is tried once, not every word.
_MONTH = r"(?P<m>" + trie_pattern(sorted(MONTHS)) + r")\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:1[6-9]|20)\d\d)"
_WEEKDAY = r"(?P<wd>" + "|".join(WEEKDAYS) + r")"
_NOT_NUMBER_AFTER = r"(?![\d,]\d|\.\d|\d|%)"
_TIME_WORDS = "(?:" + trie_pattern(sorted(
    "in since by until till from during before after early late mid- last this next of "
    "through around to between and or".split())) + ")"
# "March 31 last year": the year is the article's year moved by the word, not the nearest one.
_REL_YEAR = r"(?:,?\s+(?P<ry>(?i:last|this|next))\s+year\b)?"

_YEARS = re.compile(rf"(?<![\d,.$₹])\b{_YEAR}['’]s\b")
# "Act 1958", "the 2004 judgment", "declaring 2023 the hottest year": a year that
# no preposition marks, but that no unit or count follows either.
_BARE_YEAR = re.compile(rf"(?<![\d,.$₹#-])(?<!Rs )(?<!Rs\. )(?<!INR )(?<!USD )(?<!US\$ )"
                        rf"(?<!No\. )(?<!number )\b{_YEAR}\b(?![,.]\d|[-–/]\d|\d|%|s\b|"
                        rf"\s?(?:per\b|crore|lakh|million|billion|km|kg|tonnes|MW|people|"
                        rf"persons|members|votes|seats|cases|deaths|families|students|times|"
                        rf"units))")
_AT_YEAR = (_YEARS, _BARE_YEAR)
"""Patterns whose matches open with their year, so start no earlier than the first."""

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:\s*,\s*|\s+){_YEAR}\b")),
    ("dmy", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")),
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("num", re.compile(r"\b(?<![.,/-])(?P<d>[0-3]?\d)(?P<sep>[-./])(?P<m>[01]?\d)(?P=sep)"
                       rf"{_YEAR}(?![\w%]|[-./,]\d)")),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_REL_YEAR}(?!\s*,?\s*\d)(?!:\d)")),
    ("dm", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b{_REL_YEAR}(?!,?\s+\d)")),
    ("my", re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b{_NOT_NUMBER_AFTER}")),
    ("m", re.compile(rf"\b(?i:{_TIME_WORDS})\s+(?:the\s+)?(?:month\s+of\s+)?{_MONTH}\b"
                     rf"{_REL_YEAR}(?!\s+\d)")),
    ("y", re.compile(rf"(?:\b(?i:{_TIME_WORDS}|year)\s+(?:the\s+)?(?:year\s+)?|\()"
                     rf"{_YEAR}\b(?![,.]\d|-\d|\d|%|s\b)")),
    ("y's", _YEARS),
    ("y", _BARE_YEAR),
    ("weekday", re.compile(rf"\b(?:(?P<rel>last|this|next|on)\s+)?{_WEEKDAY}\b")),
    ("relday", re.compile(r"\b(?P<rel>yesterday|tomorrow)\b", re.I)),
    ("relyear", re.compile(r"\b(?P<rel>last|this|next|previous|the previous|the following)\s+"
                           r"(?P<unit>year|month)\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                       r"eleven|twelve)\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I)),
]
"""Each kind of date with its pattern, tried in this order: a date a pattern finds is
no later pattern's."""


class DateMention(NamedTuple):
    """A date in a sentence: where it stands, as written, and as ISO text."""

    start: int
    end: int
    text: str
    iso: str
    """2018-09-10, 2018-09 or 2018."""
    precision: str
    """day, month or year."""


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    try:
        if day is not None and month is not None:
            return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
    if month is not None:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    return f"{year:04d}"


def _nearest_year(month: int, day: int, anchor: dt.date) -> int | None:
    """The year that puts month/day nearest the article's date, the past preferred:
    news mostly reports what has happened."""
    best, best_cost = None, None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        delta = (candidate - anchor).days
        cost = -delta if delta <= 0 else 3 * delta
        if best_cost is None or cost < best_cost:
            best, best_cost = year, cost
    return best


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """The (year, month) `months` after the given month, or before it when negative."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _placed(iso: str | None, precision: str) -> tuple[str, str] | None:
    return (iso, precision) if iso else None


def resolve(kind: str, g: dict[str, str | None], anchor: dt.date | None) -> tuple[str, str] | None:
    """ISO text and precision for one match of the `kind` pattern, by its groups `g`, or
    None when it cannot be placed."""
    m_text, d_text, y_text = g.get("m"), g.get("d"), g.get("y")
    month = MONTHS.get(m_text) if m_text else None
    if kind in ("iso", "num"):
        month = int(m_text or 0)
    day = int(d_text) if d_text else None
    year = int(y_text) if y_text else None
    if kind in ("mdy", "dmy", "iso"):
        return _placed(_iso(year, month, day), "day") if year and month and day else None
    if kind == "num":  # day first; month first only when day first cannot be a date
        if not (year and month and day):
            return None
        return _placed(_iso(year, month, day) or _iso(year, day, month), "day")
    if kind == "my":
        return _placed(_iso(year, month), "month") if year and month else None
    if kind in ("y", "y's"):
        return _placed(_iso(year), "year") if year else None
    if anchor is None:
        return None
    if kind in ("md", "dm", "m"):
        return _in_year_of(kind, g, anchor, month, day)
    return _relative(kind, g, anchor)


def _in_year_of(kind: str, g: dict[str, str | None], anchor: dt.date, month: int | None,
                day: int | None) -> tuple[str, str] | None:
    """A day or a month without its year ("July 8", "in March", "March 31 last year"):
    in the year the words say, or the one that puts it nearest the article's date."""
    shift = {"last": -1, "this": 0, "next": 1}.get((g.get("ry") or "").lower())
    if kind in ("md", "dm"):
        if not (month and day):
            return None
        year = anchor.year + shift if shift is not None else _nearest_year(month, day, anchor)
        return _placed(_iso(year, month, day), "day") if year else None
    if kind == "m":
        if not month:
            return None
        year = anchor.year + shift if shift is not None else _nearest_year(month, 15, anchor)
        return _placed(_iso(year, month), "month") if year else None
    return None


def _relative(kind: str, g: dict[str, str | None], anchor: dt.date) -> tuple[str, str] | None:
    """A date said from the article's own: "on Monday", "yesterday", "last year", "three
    months ago"."""
    rel = (g.get("rel") or "").lower()
    if kind == "weekday":
        target = WEEKDAYS[g["wd"] or ""]
        back = (anchor.weekday() - target) % 7
        if rel == "next":
            date = anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7)
        elif rel == "last":
            date = anchor - dt.timedelta(days=back or 7)
        else:
            date = anchor - dt.timedelta(days=back)
        return date.isoformat(), "day"
    if kind == "relday":
        date = anchor + dt.timedelta(days=-1 if rel == "yesterday" else 1)
        return date.isoformat(), "day"
    if kind == "relyear":
        step = {"last": -1, "previous": -1, "the previous": -1, "this": 0}.get(rel, 1)
        if (g.get("unit") or "").lower() == "year":
            return _placed(_iso(anchor.year + step), "year")
        year, month = add_months(anchor.year, anchor.month, step)
        return _placed(_iso(year, month), "month")
    if kind == "ago":
        n_text = (g.get("n") or "").lower()
        n = int(n_text) if n_text.isdigit() else NUMBER_WORDS.get(n_text, 0)
        unit = (g.get("unit") or "").lower()
        if unit in ("day", "week"):
            date = anchor - dt.timedelta(days=n * (7 if unit == "week" else 1))
            return date.isoformat(), "day"
        if unit == "month":
            year, month = add_months(anchor.year, anchor.month, -n)
            return _placed(_iso(year, month), "month")
        return _placed(_iso(anchor.year - n), "year")
    return None


# What a pattern needs in the sentence before it is worth running; most sentences hold
# no date. Every match of the pattern holds all its cues.
_NEEDS = {
    "mdy": ("month", "year"), "dmy": ("month", "year"), "iso": ("numeric",),
    "num": ("numeric",), "md": ("month", "digit"), "dm": ("month", "digit"),
    "my": ("month", "year"), "m": ("month",), "y": ("year",), "y's": ("year",),
    "weekday": ("weekday",), "relday": ("relative",), "relyear": ("relative",),
    "ago": ("relative",),
}


# Each opens with a character, not a look-behind or a word boundary, so that a search
# skips to where it can match.
_DIGIT = re.compile(r"\d")
_YEAR_CUE_AT = re.compile(r"(?:1[6-9]|20)(?<!\d..)\d\d(?!\d)")
_NUMERIC_CUE = re.compile(r"[-./](?<=\d[-./])\d")
_MONTH_CUE = re.compile(whole_words(list(MONTHS)))
_WEEKDAY_CUE = re.compile(whole_words(list(WEEKDAYS)))
_RELATIVE_WORDS = ("yesterday", "tomorrow", "year", "month", "ago")
_RELATIVE_CUE = re.compile(r"\b(?:" + "|".join(_RELATIVE_WORDS) + r")\b")
"""Matched against the lower-cased sentence."""


def _cues(sentence: str) -> tuple[set[str], int]:
    """Which of the needs of `_NEEDS` the sentence meets, and where its first year is."""
    cues = set()
    year = _YEAR_CUE_AT.search(sentence)
    if year:
        cues.add("year")
    if _NUMERIC_CUE.search(sentence):
        cues.add("numeric")
    if _MONTH_CUE.search(sentence):
        cues.add("month")
        if _DIGIT.search(sentence):
            cues.add("digit")
    if "day" in sentence and _WEEKDAY_CUE.search(sentence):
        cues.add("weekday")
    lower = sentence.lower()
    if any(word in lower for word in _RELATIVE_WORDS) and _RELATIVE_CUE.search(lower):
        cues.add("relative")
    return cues, year.start() if year else 0


_TITLE_YEAR = re.compile(r"[‘“\"']\d{4}[,.]?[’”\"']")


def find_dates(sentence: str, anchor: dt.date | None = None) -> list[DateMention]:
    """Every date in the sentence that can be placed, in order, never two overlapping."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    cues, first_year = _cues(sentence)
    for kind, pattern in PATTERNS:
        if not cues.issuperset(_NEEDS[kind]):
            continue
        for match in pattern.finditer(sentence, first_year if pattern in _AT_YEAR else 0):
            start, end = match.span()
            if kind in ("y", "m"):  # the preposition is context, not part of the date
                start = match.start("y" if kind == "y" else "m")
                if kind == "m" and sentence[match.start():start].strip().lower() in (
                    "this", "last", "next"):
                    start = match.start()
            if overlaps(start, end, taken) or kind == "y" and _TITLE_YEAR.match(
                    sentence, max(0, start - 1)):
                continue  # "the film ‘1917,’": a title, not a year
            resolved = resolve(kind, match.groupdict(), anchor)
            if resolved is None:
                continue
            iso, precision = resolved
            taken.append((start, end))
            found.append(DateMention(start, end, sentence[start:end], iso, precision))
    found.sort()
    return _with_weekdays(sentence, found)


_BRACKETED = re.compile(r"\s?\(\s?$")


def _with_weekdays(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """A weekday and the date that follows it in brackets as one date: "on Tuesday
    (December 17, 2024)" is 2024-12-17, written so that neither half gives the other."""
    merged: list[DateMention] = []
    for mention in found:
        last = merged[-1] if merged else None
        if last and last.text.split()[-1] in WEEKDAYS and _BRACKETED.fullmatch(
                sentence[last.end:mention.start]) and sentence[mention.end:mention.end + 1] == ")":
            start = last.start + len(last.text) - len(last.text.split()[-1])
            merged[-1] = mention._replace(start=start, end=mention.end + 1,
                                          text=sentence[start:mention.end + 1])
            continue
        merged.append(mention)
    return merged
