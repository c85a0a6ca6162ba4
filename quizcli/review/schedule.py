"""Scheduling a card with FSRS: the `fsrs` package does the memory model; this module
keeps a card's state as plain data, counts days as study days and makes the interval
fuzz reproducible.

py-fsrs counts the days since a card's last answer as whole 24-hour periods, so a card
answered at 21:00 and again at 07:00 two mornings later would be one day old. Anki and
fsrs-rs count study days (see `days`), and so does the optimiser that fits the
parameters. The card handed to py-fsrs therefore carries a last answer exactly as many
24-hour periods back as there are study days since the real one; py-fsrs's formulas then
see the study days, and its due times (now plus the interval) are unchanged.

Fuzz spreads reviews so that cards learned together do not all fall due on the
same day. py-fsrs draws it from the global random generator; here it is drawn
from a generator seeded by the card's id and its number of reviews, as Anki
does, so that undoing an answer and giving it again gives the same interval,
and a test gives the same result every time.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from dataclasses import asdict, dataclass, replace
from enum import IntEnum
from typing import Any, overload

from quizcli.ids import digest_number
from quizcli.review.days import UTC, days_between, study_date
from quizcli.review.settings import Settings


class Rating(IntEnum):
    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


MATURE_DAYS = 21
"""A card whose interval is this many days or more is mature, as Anki counts it."""


class CardState(IntEnum):
    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


@dataclass(frozen=True)
class Card:
    """Where one question stands in the user's memory. Its identity is the question id."""

    question_id: str
    state: CardState = CardState.NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: dt.datetime | None = None
    """UTC; None for a card never studied."""
    last_review: dt.datetime | None = None
    reps: int = 0
    lapses: int = 0
    """Times the card was forgotten after it had been learned."""

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["state"] = int(self.state)
        for key in ("due", "last_review"):
            out[key] = _ms(out[key])
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Card:
        return cls(
            question_id=d["question_id"],
            state=CardState(d["state"]),
            step=d.get("step"),
            stability=d.get("stability"),
            difficulty=d.get("difficulty"),
            due=from_ms(d.get("due")),
            last_review=from_ms(d.get("last_review")),
            reps=d.get("reps", 0),
            lapses=d.get("lapses", 0),
        )


def _ms(value: dt.datetime | None) -> int | None:
    return None if value is None else to_ms(value)


def to_ms(value: dt.datetime) -> int:
    """A UTC time as whole milliseconds since the epoch, the precision stored."""
    return round(value.timestamp() * 1000)


@overload
def from_ms(value: int) -> dt.datetime: ...
@overload
def from_ms(value: None) -> None: ...
@overload
def from_ms(value: int | None) -> dt.datetime | None: ...
def from_ms(value: int | None) -> dt.datetime | None:
    """A time stored as milliseconds since the epoch, in UTC; None stays None."""
    if value is None:
        return None
    return dt.datetime.fromtimestamp(value / 1000, tz=UTC)


def _scheduler(settings: Settings):
    return _scheduler_for(settings.desired_retention, settings.learning_steps,
                          settings.relearning_steps, settings.maximum_interval,
                          settings.parameters)


@functools.lru_cache(maxsize=16)
def _scheduler_for(retention: float, learning: tuple[float, ...], relearning: tuple[float, ...],
                   maximum_interval: int, parameters: tuple[float, ...] | None):
    """py-fsrs's scheduler, without its own fuzz: review() adds a reproducible one."""
    from fsrs import Scheduler

    kwargs: dict[str, Any] = {
        "desired_retention": retention,
        "learning_steps": tuple(dt.timedelta(minutes=m) for m in learning),
        "relearning_steps": tuple(dt.timedelta(minutes=m) for m in relearning),
        "maximum_interval": maximum_interval,
        "enable_fuzzing": False,
    }
    if parameters:
        kwargs["parameters"] = parameters
    return Scheduler(**kwargs)


def _to_fsrs(card: Card, now: dt.datetime, tz: dt.tzinfo, starts_at: int):
    """py-fsrs's card, as seen at `now`: its last answer moved to as many whole days before
    `now` as there are study days since it."""
    from fsrs import Card as FsrsCard
    from fsrs import State

    if card.state is CardState.NEW:
        return FsrsCard(card_id=0, state=State.Learning, step=0, due=dt.datetime(1970, 1, 1,
                                                                                  tzinfo=UTC))
    last = card.last_review
    if last is not None:
        last = now - dt.timedelta(days=days_between(last, now, tz, starts_at))
    return FsrsCard(card_id=0, state=State(int(card.state)), step=card.step,
                    stability=card.stability, difficulty=card.difficulty, due=card.due,
                    last_review=last)


def fuzz_range(interval_days: int, maximum_interval: int) -> tuple[int, int]:
    """The bounds py-fsrs computes for a fuzzed interval. Its draw is rounded from
    low + draw * (high - low + 1), so a draw in the last half of the top day gives high + 1."""
    from fsrs.scheduler import FUZZ_RANGES

    delta = 1.0
    for fuzz in FUZZ_RANGES:
        delta += fuzz["factor"] * max(min(float(interval_days), fuzz["end"]) - fuzz["start"], 0.0)
    low, high = round(interval_days - delta), round(interval_days + delta)
    low, high = max(2, low), min(high, maximum_interval)
    return min(low, high), high


def fuzz_draw(question_id: str, reps: int) -> float:
    """A number in [0, 1) fixed by the card and how many times it has been reviewed."""
    seed = digest_number(f"{question_id}:{reps}", 16)
    return random.Random(seed).random()


def fuzzed_days(interval_days: int, draw: float, maximum_interval: int) -> int:
    """py-fsrs's fuzz, with the random draw given."""
    if interval_days < 2.5:
        return interval_days
    low, high = fuzz_range(interval_days, maximum_interval)
    return min(round(draw * (high - low + 1) + low), maximum_interval)


def review(card: Card, rating: Rating, now: dt.datetime, settings: Settings,
           fuzz: bool = True, *, tz: dt.tzinfo = UTC) -> Card:
    """The card after an answer rated `rating` at `now` (UTC), with days counted as study
    days in `tz`. Pure: `card` is unchanged."""
    from fsrs import Rating as FsrsRating
    from fsrs import State

    now = from_ms(to_ms(now))  # the precision the store keeps, so replay agrees
    scheduler = _scheduler(settings)
    updated, _ = scheduler.review_card(_to_fsrs(card, now, tz, settings.day_starts_at),
                                       FsrsRating(int(rating)), now)
    due = updated.due
    if fuzz and updated.state == State.Review:
        days = (due - now).days
        due = now + dt.timedelta(days=fuzzed_days(days, fuzz_draw(card.question_id, card.reps),
                                                  settings.maximum_interval))
    if updated.state == State.Review and settings.exam_date is not None:
        due = _before_exam(due, now, updated.stability, settings, tz)
    forgotten = rating is Rating.AGAIN and card.state is CardState.REVIEW
    return replace(
        card,
        state=CardState(int(updated.state)),
        step=updated.step,
        stability=updated.stability,
        difficulty=updated.difficulty,
        due=due,
        last_review=now,
        reps=card.reps + 1,
        lapses=card.lapses + forgotten,
    )


def _before_exam(due: dt.datetime, now: dt.datetime, stability: float, settings: Settings,
                 tz: dt.tzinfo) -> dt.datetime:
    """With an exam ahead, a card whose next review would fall on or after the exam's day
    with its predicted recall there under the desired retention (the fuzz lengthens some
    intervals) is due the day before the exam instead, so that it is answered in time."""
    exam = settings.exam_date
    assert exam is not None
    starts_at = settings.day_starts_at
    today = study_date(now, tz, starts_at)
    if study_date(due, tz, starts_at) < exam or (exam - today).days < 2:
        return due
    decay, factor = forgetting_curve(settings)
    if recall_after((exam - today).days, stability, decay, factor) >= settings.desired_retention:
        return due
    return now + dt.timedelta(days=(exam - today).days - 1)


def preview(card: Card, now: dt.datetime, settings: Settings, *, tz: dt.tzinfo = UTC
            ) -> dict[Rating, dt.timedelta]:
    """The interval each rating would give, for showing beside the grade keys."""
    out = {}
    for rating in Rating:
        after = review(card, rating, now, settings, tz=tz)
        out[rating] = (after.due or now) - from_ms(to_ms(now))
    return out


def forgetting_curve(settings: Settings) -> tuple[float, float]:
    """(decay, factor) of FSRS-6's forgetting curve for these settings' parameters:
    recall after t days is (1 + factor * t / stability) ** decay."""
    scheduler = _scheduler(settings)
    return float(scheduler._DECAY), float(scheduler._FACTOR)


def recall_after(days: int, stability: float, decay: float, factor: float) -> float:
    """The forgetting curve itself, for many cards at once without a Card each; `days` are
    study days."""
    return (1 + factor * max(0, days) / stability) ** decay


def reset(card: Card) -> Card:
    """The card as if never studied; its review log is kept."""
    return Card(question_id=card.question_id)
