"""Finding dates in a sentence and normalising them against the article's own date.

"on Monday" in an article of Tuesday 11 September 2018 is 2018-09-10; "July 8"
is 2018-07-08; "last year" is 2017; "in 2021" stays 2021. Without the article's
date, only dates that carry their own year are read.

A number is only read as a year where English uses one as a year ("in 2021",
"since 1991", "2018's"), so "5,000" and "2,021 people" are never years; the
month May is only read next to a day, a year or a preposition of time, never as
the verb.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"),
            ("May",), ("June", "Jun"), ("July", "Jul"), ("August", "Aug"),
            ("September", "Sep", "Sept"), ("October", "Oct"), ("November", "Nov"),
            ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {name: i for i, name in enumerate(
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

_MONTH = r"(?P<m>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:1[6-9]|20)\d\d)"
_WEEKDAY = r"(?P<wd>" + "|".join(WEEKDAYS) + r")"
_NOT_NUMBER_AFTER = r"(?![\d,]\d|\.\d|\d|%)"
_TIME_WORDS = (r"(?:in|since|by|until|till|from|during|before|after|early|late|mid-|last|this|"
               r"next|of|through|around|to|between|and|or)")

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:\s*,\s*|\s+){_YEAR}\b")),
    ("dmy", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")),
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*\d)(?!:\d)")),
    ("dm", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?!,?\s+\d)")),
    ("my", re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b{_NOT_NUMBER_AFTER}")),
    ("m", re.compile(rf"\b(?i:{_TIME_WORDS})\s+(?:the\s+)?(?:month\s+of\s+)?{_MONTH}\b(?!\s+\d)")),
    ("y", re.compile(rf"(?:\b(?i:{_TIME_WORDS}|year)\s+(?:the\s+)?(?:year\s+)?|\()"
                     rf"{_YEAR}\b(?![,.]\d|-\d|\d|%|s\b)")),
    ("y's", re.compile(rf"(?<![\d,.$₹])\b{_YEAR}['’]s\b")),
    ("weekday", re.compile(rf"\b(?:(?P<rel>last|this|next|on)\s+)?{_WEEKDAY}\b")),
    ("relday", re.compile(r"\b(?P<rel>yesterday|tomorrow)\b", re.I)),
    ("relyear", re.compile(r"\b(?P<rel>last|this|next|previous|the previous|the following)\s+"
                           r"(?P<unit>year|month)\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                       r"eleven|twelve)\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I)),
]


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


def _add_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _resolve(kind: str, g: dict[str, str | None], anchor: dt.date | None) -> tuple[str, str] | None:
    """ISO text and precision for one match, or None when it cannot be placed."""
    month = MONTHS.get(g["m"]) if g.get("m") else None
    if kind == "iso":
        month = int(g["m"] or 0)
    day = int(g["d"]) if g.get("d") else None
    year = int(g["y"]) if g.get("y") else None
    if kind in ("mdy", "dmy", "iso"):
        iso = _iso(year, month, day) if year and month and day else None
        return (iso, "day") if iso else None
    if kind == "my":
        return (_iso(year, month), "month") if year and month else None
    if kind in ("y", "y's"):
        return (_iso(year), "year") if year else None
    if anchor is None:
        return None
    if kind in ("md", "dm"):
        if not (month and day):
            return None
        year = _nearest_year(month, day, anchor)
        iso = _iso(year, month, day) if year else None
        return (iso, "day") if iso else None
    if kind == "m":
        year = _nearest_year(month, 15, anchor) if month else None
        return (_iso(year, month), "month") if year and month else None
    rel = (g.get("rel") or "").lower()
    if kind == "weekday":
        target = WEEKDAYS[g["wd"]]
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
            return _iso(anchor.year + step), "year"
        year, month = _add_months(anchor, step)
        return _iso(year, month), "month"
    if kind == "ago":
        n_text = (g.get("n") or "").lower()
        n = int(n_text) if n_text.isdigit() else NUMBER_WORDS.get(n_text, 0)
        unit = (g.get("unit") or "").lower()
        if unit in ("day", "week"):
            date = anchor - dt.timedelta(days=n * (7 if unit == "week" else 1))
            return date.isoformat(), "day"
        if unit == "month":
            year, month = _add_months(anchor, -n)
            return _iso(year, month), "month"
        return _iso(anchor.year - n), "year"
    return None


# Which words a pattern needs before it is worth running; most sentences hold no date.
_NEEDS = {
    "mdy": "month", "dmy": "month", "iso": "digit", "md": "month", "dm": "month", "my": "month",
    "m": "month", "y": "digit", "y's": "digit", "weekday": "weekday", "relday": "relative",
    "relyear": "relative", "ago": "relative",
}
_CUES = {
    "digit": re.compile(r"\d"),
    "month": re.compile(r"\b(?:" + "|".join(MONTHS) + r")\b"),
    "weekday": re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b"),
    "relative": re.compile(r"(?i)\b(?:yesterday|tomorrow|year|month|ago)\b"),
}


def find_dates(sentence: str, anchor: dt.date | None = None) -> list[DateMention]:
    """Every date in the sentence that can be placed, in order, never two overlapping."""
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    cues = {name for name, cue in _CUES.items() if cue.search(sentence)}
    for kind, pattern in _PATTERNS:
        if _NEEDS[kind] not in cues:
            continue
        for match in pattern.finditer(sentence):
            start, end = match.span()
            if kind in ("y", "m"):  # the preposition is context, not part of the date
                start = match.start("y" if kind == "y" else "m")
                if kind == "m" and sentence[match.start():start].strip().lower() in (
                    "this", "last", "next"):
                    start = match.start()
            if any(start < e and s < end for s, e in taken):
                continue
            resolved = _resolve(kind, match.groupdict(), anchor)
            if resolved is None:
                continue
            iso, precision = resolved
            taken.append((start, end))
            found.append(DateMention(start, end, sentence[start:end], iso, precision))
    found.sort()
    return found


_DATELINE_PREFIX = re.compile(
    r"^[\s|*_>#:-]*"
    r"(?:(?:published|updated|last updated|posted|date|dated)\s*(?:on|at)?\s*[:|-]?\s*)?",
    re.I,
)


def parse_dateline(line: str) -> dt.date | None:
    """The date of a line that is a dateline, such as '| September 11 , 2018 , 14:06 IST'.

    A dateline is a line that starts with a full date and holds little else
    (a time, a time zone, a place).
    """
    if len(line) > 100:
        return None
    rest = _DATELINE_PREFIX.sub("", line, count=1)
    for kind in ("mdy", "dmy", "iso"):
        pattern = dict(_PATTERNS)[kind]
        match = pattern.match(rest)
        if match:
            tail = rest[match.end():]
            if len(re.findall(r"[A-Za-z]{4,}", tail)) > 3:
                return None
            resolved = _resolve(kind, match.groupdict(), None)
            return dt.date.fromisoformat(resolved[0]) if resolved else None
    return None
