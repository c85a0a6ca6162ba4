"""The exam plan: the learner's sessions from today to the exam, simulated over FSRS.

Each study day before the exam is one session in which every card due that day is
answered (within the daily review limit; the rest wait for the next day) and new cards
are learned up to the daily new limit. Whether a review is recalled is drawn, from a
seeded generator, with the recall the user's FSRS parameters predict; a recalled card is
graded Good, a forgotten one Again and then Good at each relearning step; a new card is
graded Good at each learning step. Each answer goes through the same scheduler as a real
one (`schedule.review`), so intervals, fuzz and study days are those of real sessions.

The plan is made of simulations: one with the user's own limits, for the recall to expect
on exam day by keeping to them; one that learns every new card by the day before the exam
with no cap on reviews; and a search for the fewest reviews a day that, with the backlog
spread over the days, do as well as no cap at all.
docs/exam-plan.md gives the method and what it assumes.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, replace

from quizcli.review.days import study_date
from quizcli.review.schedule import (
    Card,
    CardState,
    Rating,
    forgetting_curve,
    recall_after,
    review,
)
from quizcli.review.settings import Settings
from quizcli.review.store import Store

SEED = 20_270_530
"""Simulations are seeded, so that one store always gives one plan."""
SLACK = 0.01
"""How much more of the cards a daily review limit may leave under target, than no limit
at all, and still count as doing as well (half as much for mean recall)."""


@dataclass(frozen=True)
class Outlook:
    """Exam day, as one way of studying until then leaves it."""

    recall_studied: float | None
    """Mean predicted recall on exam day of the cards studied today."""
    recall_all: float
    """Mean predicted recall on exam day of every card; a card never learned counts 0."""
    under_target: float
    """Share of every card whose predicted recall on exam day is under the desired
    retention."""
    busiest_day: int
    """Most reviews in one day."""
    daily: tuple[int, ...] = ()
    """Reviews on each day, from today to the day before the exam."""


@dataclass(frozen=True)
class Plan:
    exam: dt.date
    days_left: int
    """Study days with a session before the exam: today, and each day up to the day before."""
    studied: int
    new: int
    keeping_limits: Outlook
    """Studying every day within the limits in config.yaml."""
    following_plan: Outlook
    """Studying every day with the plan's figures below."""
    new_per_day: int
    """New cards a day that learn every card by the day before the exam."""
    reviews_per_day: int
    """Reviews a day that answer every card on its due day, on the busiest day."""
    target: float


    def to_dict(self) -> dict:
        def outlook(o: Outlook) -> dict:
            return {"recall_studied": None if o.recall_studied is None
                    else round(o.recall_studied, 4), "recall_all": round(o.recall_all, 4),
                    "under_target": round(o.under_target, 4), "busiest_day": o.busiest_day,
                    "daily": list(o.daily)}

        return {"exam": self.exam.isoformat(), "days_left": self.days_left,
                "studied": self.studied, "new": self.new, "target": self.target,
                "new_per_day": self.new_per_day, "reviews_per_day": self.reviews_per_day,
                "keeping_limits": outlook(self.keeping_limits),
                "following_plan": outlook(self.following_plan)}


@dataclass
class _Sim:
    card: Card
    due: dt.date | None


def _session_time(day: dt.date, tz: dt.tzinfo, starts_at: int) -> dt.datetime:
    """The moment a simulated session starts: six hours into the study day."""
    local = dt.datetime.combine(day, dt.time(starts_at), tzinfo=tz) + dt.timedelta(hours=6)
    return local.astimezone(dt.timezone.utc)


def _learn(card: Card, first: Rating, now: dt.datetime, settings: Settings, tz: dt.tzinfo,
           starts_at: int) -> Card:
    """One answer, then Good at each step left on the same study day."""
    card = review(card, first, now, settings, tz=tz)
    today = study_date(now, tz, starts_at)
    while card.due is not None and study_date(card.due, tz, starts_at) == today \
            and card.state is not CardState.REVIEW:
        card = review(card, Rating.GOOD, card.due, settings, tz=tz)
    return card


def simulate(cards: list[Card], new: int, today: dt.date, exam: dt.date, settings: Settings,
             tz: dt.tzinfo, *, new_per_day: int, reviews_per_day: int | None,
             seed: int = SEED) -> Outlook:
    """Exam day after daily sessions from `today` to the day before `exam`, starting from
    the studied `cards` and `new` cards never studied, learning at most `new_per_day` new
    cards and answering at most `reviews_per_day` (None: all due) each day."""
    rng = random.Random(seed)
    starts_at = settings.day_starts_at
    decay, factor = forgetting_curve(settings)
    sims = [_Sim(c, study_date(c.due, tz, starts_at) if c.due else today) for c in cards]
    studied_now = len(sims)
    left = new
    daily: list[int] = []
    day = today
    while day < exam:
        now = _session_time(day, tz, starts_at)
        due = sorted((s for s in sims if s.due is not None and s.due <= day),
                     key=lambda s: s.due or day)
        if reviews_per_day is not None:
            due = due[:reviews_per_day]
        daily.append(len(due))
        for sim in due:
            card = sim.card
            if card.state is CardState.REVIEW and card.last_review is not None:
                elapsed = (day - study_date(card.last_review, tz, starts_at)).days
                recall = recall_after(elapsed, card.stability or 1.0, decay, factor)
                rating = Rating.GOOD if rng.random() < recall else Rating.AGAIN
            else:
                rating = Rating.GOOD
            sim.card = _learn(card, rating, now, settings, tz, starts_at)
            sim.due = study_date(sim.card.due, tz, starts_at) if sim.card.due else None
        for _ in range(min(new_per_day, left)):
            card = _learn(Card(f"new-{left}"), Rating.GOOD, now, settings, tz, starts_at)
            sims.append(_Sim(card, study_date(card.due, tz, starts_at) if card.due else None))
            left -= 1
        day += dt.timedelta(days=1)
    at_exam = []
    for sim in sims:
        last = sim.card.last_review
        stability = sim.card.stability
        if last is None or stability is None:
            at_exam.append(0.0)
            continue
        at_exam.append(recall_after((exam - study_date(last, tz, starts_at)).days, stability,
                                    decay, factor))
    total = len(at_exam) + left
    at_exam += [0.0] * left
    return Outlook(
        recall_studied=sum(at_exam[:studied_now]) / studied_now if studied_now else None,
        recall_all=sum(at_exam) / total if total else 1.0,
        under_target=sum(r < settings.desired_retention for r in at_exam) / total
        if total else 0.0,
        busiest_day=max(daily, default=0),
        daily=tuple(daily),
    )


def exam_plan(store: Store, now: dt.datetime, tz: dt.tzinfo, exam: dt.date) -> Plan:
    """The plan for the cards of the store (not suspended, not orphaned) up to `exam`."""
    settings = replace(store.settings, exam_date=exam)
    starts_at = settings.day_starts_at
    today = study_date(now, tz, starts_at)
    cards, new = store.studied_and_new()
    days_left = max(0, (exam - today).days)
    daily_new = sum(settings.limits_for(bank)[0] for bank in store.stamps()) \
        or settings.new_per_day
    daily_reviews = sum(settings.limits_for(bank)[1] for bank in store.stamps()) \
        or settings.reviews_per_day
    keeping = simulate(cards, new, today, exam, settings, tz,
                       new_per_day=min(daily_new, settings.new_per_day),
                       reviews_per_day=daily_reviews)
    needed_new = math.ceil(new / days_left) if days_left else new
    unlimited = simulate(cards, new, today, exam, settings, tz, new_per_day=needed_new,
                         reviews_per_day=None)
    low, high = 0, unlimited.busiest_day
    best = unlimited
    while low < high:  # the fewest reviews a day that do as well, backlog spread out
        limit = (low + high) // 2
        tried = simulate(cards, new, today, exam, settings, tz, new_per_day=needed_new,
                         reviews_per_day=limit)
        if (tried.under_target <= unlimited.under_target + SLACK
                and tried.recall_all >= unlimited.recall_all - SLACK / 2):
            high, best = limit, tried
        else:
            low = limit + 1
    return Plan(exam, days_left, len(cards), new, keeping, best, needed_new, high,
                settings.desired_retention)
