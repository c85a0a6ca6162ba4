"""Fitting FSRS parameters to the user's own answers, with fsrs-rs-python (no torch).

It is an optional extra: `pip install 'quizcli[optimize]'`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from quizcli.errors import QuizcliError
from quizcli.review.days import study_date
from quizcli.review.store import RESET, Store

MIN_REVIEWS = 400
"""Reviews of learned cards (a day or more after the card's previous answer) the fit needs
before its parameters beat the defaults; fewer, and they would fit noise."""


@dataclass(frozen=True)
class Fit:
    parameters: tuple[float, ...] | None
    reviews: int
    """Long-term reviews the fit used, or found when there were too few."""

    @property
    def needed(self) -> int:
        return max(0, MIN_REVIEWS - self.reviews)


def _items(store: Store, tz: dt.tzinfo):
    """One FSRSItem per long-term review: the card's history up to and including it."""
    from fsrs_rs_python import FSRSItem, FSRSReview

    items = []
    history: list = []
    last_card, last_day = None, None
    for question_id, reviewed_at, rating in store.answers():
        if question_id != last_card:
            history, last_card, last_day = [], question_id, None
        if rating == RESET:
            history, last_day = [], None
            continue
        when = dt.datetime.fromtimestamp(reviewed_at / 1000, tz=dt.timezone.utc)
        day = study_date(when, tz, store.settings.day_starts_at)
        delta = (day - last_day).days if last_day else 0
        history.append(FSRSReview(rating, delta))
        if delta > 0:
            items.append(FSRSItem(list(history)))
        last_day = day
    return [item for item in items if item.long_term_review_cnt() > 0]


def long_term_reviews(store: Store, tz: dt.tzinfo) -> int:
    """Answers given a study day or more after the card's previous one."""
    count = 0
    last_card, last_day = None, None
    for question_id, reviewed_at, rating in store.answers():
        if question_id != last_card or rating == RESET:
            last_card, last_day = question_id, None
            if rating == RESET:
                continue
        when = dt.datetime.fromtimestamp(reviewed_at / 1000, tz=dt.timezone.utc)
        day = study_date(when, tz, store.settings.day_starts_at)
        if last_day is not None and day > last_day:
            count += 1
        last_day = day
    return count


def optimize(store: Store, tz: dt.tzinfo) -> Fit:
    """Parameters fitted to the store's answers, or none when there are too few of them."""
    found = long_term_reviews(store, tz)
    if found < MIN_REVIEWS:
        return Fit(None, found)
    try:
        from fsrs_rs_python import DEFAULT_PARAMETERS, FSRS
    except ImportError:
        raise QuizcliError(
            "quizcli optimize needs the optional optimizer: pip install 'quizcli[optimize]'"
        ) from None
    items = _items(store, tz)
    parameters = FSRS(list(DEFAULT_PARAMETERS)).compute_parameters(items)
    return Fit(tuple(float(p) for p in parameters), found)
