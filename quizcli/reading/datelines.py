"""An article's own date, read from the datelines of its opening lines: "| September 11 ,
2018 , 14:06 IST", "Published – December 17, 2024 02:09 pm IST", "Updated on: March 3,
2025", "12-06-2025"; the dates of its sentences are `quizcli.reading.dates`'s."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import NamedTuple

from quizcli.reading.dates import PATTERNS, resolve

# A label that says the date after it is the article's: "Published –", "Updated on:",
# "Date of Order / Judgment:". Its own words must end it, so "Dates of the exam" is none.
_LABEL = (r"(?:(?:first|last)\s+)?(?:published|updated|posted|modified)(?:\s+(?:on|at))?\b"
          r"|(?P<event>date\s+of\s+[^:\d\n]{1,40}:)|dated\b|date\b(?:\s+on\b)?")
_PUNCT = r"[\s:|*_–—-]*"
_DATELINE_START = re.compile(rf"^[\s|*_>#:–—-]*(?:(?P<label>{_LABEL}){_PUNCT})?", re.I)
# In a byline ("Edited By: A Name @handle Gangtok Updated on: March 3, 2025 9:15 IST")
# the label stands after other words, so it needs its colon.
_BYLINE_LABEL = re.compile(rf"\b(?:(?:first|last)\s+)?(?:published|updated|posted)(?:\s+on)?\s*:"
                           rf"{_PUNCT}", re.I)
_FULL_DATES = ("mdy", "dmy", "iso", "num")
_PATTERNS_BY_KIND = dict(PATTERNS)
_LONG_WORD = re.compile(r"[A-Za-z]{4,}")
_YEAR_CUE = re.compile(r"(?:1[6-9]|20)\d\d")


class Dateline(NamedTuple):
    """The date a dateline gives, and what kind of dateline it is."""

    date: dt.date
    labelled: bool
    """A label such as 'Published', 'Updated on:' or 'Date of Order:' stands before the date."""
    weekday: bool
    """A bare date that opens with its weekday ('Thursday, May 23, 2024'), as a page's
    header shows the day it is read rather than the day the story was written."""
    event: bool = False
    """The label names what happened that day ('Date of Order / Judgment:'): the line is
    a fact of the story as well as the article's date."""

    @property
    def rank(self) -> int:
        """Which dateline of an article's opening gives its date: the highest, then the first."""
        return 2 if self.labelled else 0 if self.weekday else 1


def _date_at(text: str) -> tuple[dt.date, str, bool] | None:
    """The full date `text` opens with, what follows it, and whether it opens with a weekday."""
    for kind in _FULL_DATES:
        match = _PATTERNS_BY_KIND[kind].match(text)
        if match:
            groups = match.groupdict()
            resolved = resolve(kind, groups, None)
            if resolved is None:
                return None
            return dt.date.fromisoformat(resolved[0]), text[match.end():], bool(groups.get("wd"))
    return None


def read_dateline(line: str) -> Dateline | None:
    """The dateline `line` is, or None.

    A dateline holds a full date and little else (a time, a time zone, a place): either a
    line that starts with the date, after a label or not ('| September 11 , 2018 , 14:06
    IST', 'Published – December 17, 2024 02:09 pm IST', '12-06-2025'), or a byline that
    holds a labelled date ('By A Name, Gangtok Updated on: March 3, 2025 9:15 IST').
    """
    if len(line) > 200 or not _YEAR_CUE.search(line):  # every full date has a year
        return None
    start = _DATELINE_START.match(line)
    assert start is not None  # every part of the pattern is optional
    found = _date_at(line[start.end():]) if len(line) <= 100 else None
    labelled, event = bool(start.group("label")), bool(start.group("event"))
    if found is None:
        labelled, event = True, False
        for label in _BYLINE_LABEL.finditer(line):
            found = _date_at(line[label.end():])
            if found:
                break
    if found is None:
        return None
    date, tail, weekday = found
    if len(_LONG_WORD.findall(tail)) > 3:
        return None
    return Dateline(date, labelled, weekday and not labelled, event)


def parse_dateline(line: str) -> dt.date | None:
    """The date of a line that is a dateline, such as '| September 11 , 2018 , 14:06 IST'."""
    dateline = read_dateline(line)
    return dateline.date if dateline else None


# How far into an article its dateline may stand: past a headline, a byline, a page's
# widgets and breadcrumbs, but not into the story.
_OPENING_LINES = 15
_PROSE_END = re.compile(r"[.!][\"'”’)\]]*$")


class ArticleDate(NamedTuple):
    """An article's date as its opening lines give it, and which lines are datelines."""

    date: dt.date | None
    lines: frozenset[int]
    """Indices of the datelines found that are page furniture, not sentences of the story;
    a 'Date of ...:' line is not among them."""


def find_article_date(lines: Sequence[str]) -> ArticleDate:
    """The article's date, read from the datelines among its first fifteen lines.

    A bare date line counts only before the story's first line of prose (eight words or
    more ending a sentence); a labelled one ('Published', 'Updated on:', 'Date of ...:')
    counts after it too, since a standfirst or a first paragraph can come before it. A
    labelled date wins over a bare date line, which wins over a bare weekday-led one
    ('Thursday, May 23, 2024', a page widget showing the day it was read); among equals
    the first wins.
    """
    best: Dateline | None = None
    found: set[int] = set()
    before_prose = True
    seen = 0
    for number, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > _OPENING_LINES:
            break
        if line.startswith("#"):  # a heading is a title or a section, never a dateline
            continue
        dateline = read_dateline(line)
        if dateline and (before_prose or dateline.labelled):
            if not dateline.event:
                found.add(number)
            if best is None or dateline.rank > best.rank:
                best = dateline
        elif before_prose and len(line.split()) >= 8 and _PROSE_END.search(line):
            before_prose = False
    return ArticleDate(best.date if best else None, frozenset(found))
