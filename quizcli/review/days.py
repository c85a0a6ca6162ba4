"""Study days, as Anki counts them: a day runs from `day_starts_at` o'clock local time to
the next, and the days between two answers are the study days between them, whatever
the hours. Scheduling, the queue, the optimiser, statistics and predicted recall all
count days here, so that they agree.

An answer at 23:00 and one at 07:00 the next morning are a day apart; two answers at
05:00 and 03:00 the next morning (before the day starts) are on one study day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

UTC = dt.timezone.utc
T = TypeVar("T")


@dataclass(frozen=True)
class StudyDay:
    start: dt.datetime
    end: dt.datetime


def study_day(now: dt.datetime, tz: dt.tzinfo, starts_at: int) -> StudyDay:
    """The study day holding `now`: from `starts_at` o'clock local time to the next."""
    local = now.astimezone(tz)
    start = local.replace(hour=starts_at, minute=0, second=0, microsecond=0)
    if local < start:
        start -= dt.timedelta(days=1)
    end = (start + dt.timedelta(days=1)).replace(hour=starts_at)  # across a DST change too
    return StudyDay(start.astimezone(UTC), end.astimezone(UTC))


def study_date(when: dt.datetime, tz: dt.tzinfo, starts_at: int) -> dt.date:
    """The local date of the study day holding `when`."""
    return (when.astimezone(tz) - dt.timedelta(hours=starts_at)).date()


def days_between(earlier: dt.datetime, later: dt.datetime, tz: dt.tzinfo,
                 starts_at: int) -> int:
    """Study days from one moment to a later one: 0 on the same study day, never less."""
    return max(0, (study_date(later, tz, starts_at) - study_date(earlier, tz, starts_at)).days)


def days_to(earlier: dt.datetime, day: dt.date, tz: dt.tzinfo, starts_at: int) -> int:
    """Study days from a moment to a study day given by its date (an exam's, say)."""
    return max(0, (day - study_date(earlier, tz, starts_at)).days)


def streak(today: T, studied: Callable[[T], bool], before: Callable[[T], T]) -> int:
    """How many days in a row `studied` holds, counted back from `today`, or from the day
    `before` it when today has no answer yet (the streak is not broken until the day is
    over)."""
    day = today if studied(today) else before(today)
    days = 0
    while studied(day):
        days += 1
        day = before(day)
    return days
