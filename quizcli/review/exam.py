"""Readiness for the exam: the recall the forgetting curve predicts on exam day for each
bank's studied cards, if nothing more is studied before it. `quizcli status` and
`quizcli stats` both show these figures, from here.

The days counted are study days, from each card's last answer to the exam's own study day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from quizcli.review.days import days_to
from quizcli.review.schedule import forgetting_curve, from_ms, recall_after
from quizcli.review.store import Store


@dataclass(frozen=True)
class ExamRecall:
    date: dt.date
    recall: dict[str, float]
    """bank → mean predicted recall on exam day of its studied cards."""
    studied: dict[str, int]
    """bank → cards studied."""
    below_target: int
    """Studied cards whose predicted recall on exam day is under the desired retention."""


def exam_recall(store: Store, exam: dt.date, tz: dt.tzinfo,
                banks: list[str] | None = None) -> ExamRecall:
    """Predicted recall on `exam` of the studied cards of the banks given (all when None),
    if no card is answered again before it."""
    settings = store.settings
    decay, factor = forgetting_curve(settings)
    chosen = set(banks) if banks else None
    totals: dict[str, list[float]] = {}
    below = 0
    for bank, stability, last in store.db.execute(
            "SELECT bank, stability, last_review FROM cards WHERE state != 0 "
            "AND orphaned = 0 AND stability IS NOT NULL AND last_review IS NOT NULL"):
        if chosen is not None and bank not in chosen:
            continue
        when = from_ms(last)
        assert when is not None
        recall = recall_after(days_to(when, exam, tz, settings.day_starts_at), stability,
                              decay, factor)
        total = totals.setdefault(bank, [0.0, 0])
        total[0] += recall
        total[1] += 1
        below += recall < settings.for_bank(bank).desired_retention
    return ExamRecall(exam, {bank: t[0] / t[1] for bank, t in sorted(totals.items())},
                      {bank: int(t[1]) for bank, t in sorted(totals.items())}, below)
