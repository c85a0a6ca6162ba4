"""Fitting FSRS parameters to the user's own answers, with fsrs-rs-python (no torch), as
Anki does it: the answers go to fsrs-rs in the order they were given; the fit and the
parameters in use are scored on the same answers, and the fit is kept only when it
predicts them better; the fit is held within the bounds py-fsrs accepts.

It is an optional extra: `pip install 'quizcli[optimize]'`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from quizcli.errors import QuizcliError
from quizcli.review.days import study_date
from quizcli.review.schedule import from_ms
from quizcli.review.store import RESET, Store

MIN_REVIEWS = 400
"""Reviews of learned cards (a day or more after the card's previous answer) the fit needs
before its parameters beat the defaults; fewer, and they would fit noise."""


@dataclass(frozen=True)
class Fit:
    parameters: tuple[float, ...] | None
    """The parameters to use from now on: the fit when it is better, else the current
    ones; None when there were too few reviews to fit."""
    reviews: int
    """Long-term reviews the fit used, or found when there were too few."""
    fitted: tuple[float, ...] | None = None
    fitted_loss: float | None = None
    """Log loss of the fitted parameters on the user's answers."""
    current_loss: float | None = None
    """Log loss of the parameters in use (the defaults when none are set), on the same."""

    @property
    def needed(self) -> int:
        return max(0, MIN_REVIEWS - self.reviews)

    @property
    def improved(self) -> bool:
        """The fit predicts the user's answers better than the parameters in use."""
        return (self.fitted_loss is not None and self.current_loss is not None
                and self.fitted_loss < self.current_loss)


def items_in_time_order(history, tz: dt.tzinfo, starts_at: int) -> list:
    """One FSRSItem per long-term review (a study day or more after the card's previous
    answer): the card's history up to and including it, in the order of those reviews.

    `history` gives (card, time in ms, rating) by card, then time; a rating of 0 is a reset,
    after which the card's history starts again."""
    from fsrs_rs_python import FSRSItem, FSRSReview

    timed: list[tuple[int, FSRSItem]] = []
    reviews: list = []
    last_card, last_day = None, None
    for card, reviewed_at, rating in history:
        if card != last_card:
            reviews, last_card, last_day = [], card, None
        if rating == RESET:
            reviews, last_day = [], None
            continue
        when = from_ms(reviewed_at)
        day = study_date(when, tz, starts_at)
        delta = (day - last_day).days if last_day else 0
        reviews.append(FSRSReview(int(rating), delta))
        if delta > 0:
            timed.append((reviewed_at, FSRSItem(list(reviews))))
        last_day = day
    timed.sort(key=lambda pair: pair[0])
    return [item for _, item in timed if item.long_term_review_cnt() > 0]


def long_term_reviews(store: Store, tz: dt.tzinfo) -> int:
    """Answers given a study day or more after the card's previous one."""
    count = 0
    last_card, last_day = None, None
    for question_id, reviewed_at, rating in store.answers():
        if question_id != last_card or rating == RESET:
            last_card, last_day = question_id, None
            if rating == RESET:
                continue
        when = from_ms(reviewed_at)
        day = study_date(when, tz, store.settings.day_starts_at)
        if last_day is not None and day > last_day:
            count += 1
        last_day = day
    return count


def within_bounds(parameters) -> tuple[float, ...]:
    """The parameters held within the bounds py-fsrs accepts. fsrs-rs works in float32, so
    a parameter it leaves on a bound comes back a hair over it (0.8 as 0.800000011920929)."""
    from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

    return tuple(min(max(float(p), low), high) for p, low, high in
                 zip(parameters, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS, strict=True))


def _fit(items: list) -> list[float]:
    """fsrs-rs's fit, from its default parameters."""
    from fsrs_rs_python import DEFAULT_PARAMETERS, FSRS

    return list(FSRS(list(DEFAULT_PARAMETERS)).compute_parameters(items))


def evaluate(parameters, items: list) -> tuple[float, float]:
    """(log loss, RMSE over bins) of the parameters' predictions, as fsrs-rs scores them."""
    from fsrs_rs_python import FSRS

    scores = FSRS([float(p) for p in parameters]).evaluate(items)
    return float(scores.log_loss), float(scores.rmse_bins)


def optimize(store: Store, tz: dt.tzinfo) -> Fit:
    """Parameters fitted to the store's answers and scored against those in use; none when
    there are too few answers. Nothing is saved here."""
    found = long_term_reviews(store, tz)
    if found < MIN_REVIEWS:
        return Fit(None, found)
    try:
        import fsrs_rs_python  # noqa: F401
    except ImportError:
        raise QuizcliError(
            "quizcli optimize needs the optional optimizer: pip install 'quizcli[optimize]'"
        ) from None
    from fsrs import Scheduler

    items = items_in_time_order(store.answers(), tz, store.settings.day_starts_at)
    current = store.settings.parameters or tuple(Scheduler().parameters)
    fitted = within_bounds(_fit(items))
    current_loss, _ = evaluate(current, items)
    fitted_loss, _ = evaluate(fitted, items)
    better = fitted_loss < current_loss
    return Fit(fitted if better else store.settings.parameters, found, fitted, fitted_loss,
               current_loss)
