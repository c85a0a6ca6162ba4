"""Which date completes the sentence."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from quizcli.making.distractors import MONTH_NAMES, date_choices, show_date
from quizcli.making.questions.candidate import Candidate
from quizcli.making.questions.wording import quoted
from quizcli.model import BLANK, Fact, FactKind
from quizcli.text import stands_alone

if TYPE_CHECKING:
    from quizcli.making.questions.maker import Maker


FIGURE_UNITS = frozenset({"percent", "money", "measure", "scale", "per", "times", "ratio",
                           "range"})
_REMARK_DATE = re.compile(
    r"\b(?:said|says|told|added|stated|noted|remarked|tweeted)\s(?:\w+\s){0,3}?on\sDATE"
    r"|\bon\sDATE,?\s(?:\w+\s){0,2}(?:said|says|told|added|stated|noted)\b")
_DATE_LABEL = re.compile(r"(Date of [\w /&-]{3,40}?)\s?:\s?DATE\.?")
"""A labelled date, no sentence: "Date of Order / Judgment: 1st August, 2024"."""


def date_forms(iso: str) -> tuple[str, ...]:
    """A day as a reader may type it: 2025-03-12, March 12, 2025, 12 Mar 2025, 12/03/2025."""
    day = dt.date.fromisoformat(iso)
    month = MONTH_NAMES[day.month - 1]
    short = month[:3]
    return (iso, f"{month} {day.day}, {day.year}", f"{day.day} {short} {day.year}",
            f"{short} {day.day}, {day.year}", f"{day.day}/{day.month:02d}/{day.year}",
            f"{day.day} {month}", f"{month} {day.day}")


def _not_ruled_out(wrong: str, sentence: str, years: tuple[int | None, int | None],
                   yearless: bool) -> bool:
    """Whether the sentence leaves a wrong date possible: within the years it bounds,
    and no year or day it gives itself ("In August and _____" is not August)."""
    shown = _yearless(wrong) if yearless else wrong
    if stands_alone(sentence, shown):
        return False
    if yearless:
        return True  # shown without its year: the sentence's years rule none of it out
    year, (low, high) = _year_of(wrong), years
    return year is None or ((low is None or year > low) and (high is None or year < high)
                            and (str(year) not in sentence or shown != str(year)))


def _year_of(shown: str) -> int | None:
    found = re.search(r"\b(\d{4})$", shown)
    return int(found.group(1)) if found else None


def _range_bounds(sentence: str) -> tuple[int | None, int | None]:
    """The years a blank lies between: 'from _____ to 2024' (before 2024), 'between
    2015 and _____' (after 2015), '(2015) to ... (_____)'."""
    blank = re.escape(BLANK)
    before = re.search(rf"\b(?:from|between)\b[^.;]{{0,25}}?{blank}[^.;]{{0,60}}?"
                       r"\b(?:to|and|till|until)\b[^.;]{0,30}?\b((?:19|20)\d\d)\b", sentence)
    after = re.search(r"\b(?:from|between)\b[^.;]{0,30}?\b((?:19|20)\d\d)\b[^.;]{0,60}?"
                      rf"\b(?:to|and|till|until)\b[^.;]{{0,30}}?{blank}", sentence)
    return (int(after.group(1)) if after else None,
            int(before.group(1)) if before else None)


def _between_years(sentence: str, year: int | None, low: int | None, high: int | None
                   ) -> tuple[int | None, int | None]:
    """The bounds narrowed to the sentence's other years on either side of the answer's:
    in "fell apart in _____ and was revived in 2017" a wrong year is before 2017 too, and
    where the sentence names the answer's own year a wrong date is of that year."""
    if year is None:
        return low, high
    for found in re.finditer(r"\b((?:19|20)\d\d)\b", sentence):
        other = int(found.group(1))
        if other < year:
            low = other if low is None else max(low, other)
        elif other > year:
            high = other if high is None else min(high, other)
        else:  # "began 2024 … by launching it on _____": a wrong day is of 2024 too
            low, high = year - 1, year + 1
            break
    return low, high


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _date_style(written: str) -> str:
    """How a date is written: with its year (absolute, or 'last year'), only as a
    weekday, relative to the article ('yesterday', 'two weeks ago'), or without a year."""
    if re.fullmatch(r"(?i)(?:in\s)?(?:the\s)?(?:last|this|next|previous|following) year", written):
        return "relative"  # "last year": which year depends on a date the reader may not see
    if re.search(r"\d{4}|\b(?:last|this|next|previous) year\b", written):
        return "absolute"
    if re.search(r"(?i)\b(?:yesterday|tomorrow|today|ago|last|next|this)\b", written):
        return "relative"
    if any(day in written for day in WEEKDAYS) and not re.search(r"\d", written):
        return "weekday"
    return "no-year"


def _yearless(shown: str) -> str:
    return re.sub(r"\s\d{4}$", "", shown)


def beside_a_figure(maker: Maker, fact: Fact) -> bool:
    """Whether the date's sentence gives a figure the date is of ("2.8% in March 2024")."""
    return any(f.kind is FactKind.NUMBER and f.detail.get("unit") in FIGURE_UNITS
               for f in maker.by_sentence.get(fact.evidence, ()))


def _scored(maker: Maker, fact: Fact, written: str) -> tuple[float, list[str]]:
    """A date question's score: less for a year in passing, the date of a figure beside
    it, or the day of a remark."""
    precision = fact.detail.get("precision", "day")
    score, why = maker.scored(f"when:{precision}", fact)
    if precision == "year" and re.search(rf"\(\s*{re.escape(written)}\s*\)|(?:^|\s)"
                                         rf"{re.escape(written)}['’]s\b", fact.evidence):
        score, why = score - 1, [*why, "a year given in passing -1"]
    if precision in ("year", "month") and beside_a_figure(maker, fact):
        score, why = score - 1, [*why, "the date of a figure it stands beside -1"]
    if _REMARK_DATE.search(fact.evidence.replace(written, "DATE", 1)):
        score, why = score - 1, [*why, "the day of a remark -1"]  # "Verma said on ..."
    return score, why


def when(maker: Maker, fact: Fact) -> Candidate | None:
    written = fact.detail.get("written", "")
    sentence = maker.blanked(fact, written)
    if not sentence or not fact.date:
        return None
    score, why = _scored(maker, fact, written)
    style = _date_style(written)
    of_story = ""
    if style == "relative":
        return None  # "yesterday", "two weeks ago": the article never gives the date
    if style == "weekday":
        # "cleared on Tuesday" in a dated story is the Wednesday of its week: the date
        # is the fact to ask. Without the story's date no reader can work it out.
        day = dt.date.fromisoformat(fact.date) if len(fact.date) == 10 else None
        if not (maker.article_date and day and 0 <= (maker.article_date - day).days < 7):
            return None
        if re.search(re.escape(BLANK) + r"['’]s\b", sentence):
            return None  # "Wednesday's flood": a day named as the event's, not a date
        # "Verma said Monday" asks "said on _____": a date is had on, a weekday not always.
        sentence = re.sub(rf"(?<!\bon )(?<!\bOn ){re.escape(BLANK)}", f"on {BLANK}", sentence,
                          count=1)
        if _REMARK_DATE.search(sentence.replace(BLANK, "DATE", 1)):
            return None  # the day of a remark, worked out from its weekday: nothing to learn
        if day == maker.article_date and not maker.dated:
            return None  # the story's own day, which its text never gives
        # The story's own date, with its weekday, makes the date one a reader can tell;
        # the story's own day is asked as any date is, or the story's date gives it.
        of_story = "" if day == maker.article_date else (
            f", in a story of {maker.article_date:%A}, "
            f"{show_date(maker.article_date.isoformat())}")
    answer = show_date(fact.date)
    context = maker.context_for(fact)
    shown = f"{context} {sentence}" if context else sentence
    if of_story:
        # Typed: every wrong date of another month is plainly not of the story's week.
        return maker.mcq(fact, "when", f"Which date completes the sentence{of_story}? "
                         f"{quoted(shown)}", answer, [], score=score, why=why, context=context,
                         accept=(*date_forms(fact.date), re.sub(r"^(?i:on)\s+", "", written)),
                         typed=True)  # the weekday the article writes is right as well
    wrong = date_choices(fact.date, maker.pools, fact.id, n=6, article_date=maker.article_date)
    low, high = _range_bounds(sentence)
    low, high = _between_years(sentence, _year_of(answer), low, high)
    wrong = [w for w in wrong if _not_ruled_out(w, sentence, (low, high), style == "no-year")][:3]
    if style == "no-year":  # "on August 7": ask what the article says, not a year it implies
        answer, wrong = _yearless(answer), [_yearless(w) for w in wrong]
    prompt = f"Which date completes the sentence? {quoted(shown)}"
    label = _DATE_LABEL.fullmatch(fact.evidence.replace(written, "DATE", 1))
    if label and maker.title:  # "Date of Judgment: 1st August, 2024" under a case's name
        prompt = f"What is the {label.group(1).lower()} of {quoted(maker.title)}?"
    # Typed where the sentence's own year leaves too few wrong days of it to offer.
    return maker.mcq(fact, "when", prompt, answer, wrong, score=score, why=why,
                     context=context, typed=low is not None and high == low + 2,
                     accept=(fact.date,) if style == "absolute" else ())

