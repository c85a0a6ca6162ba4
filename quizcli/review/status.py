"""Today at a glance: each bank's counts, the reviews of today, the streak, and each bank's
predicted recall on exam day when an exam date is set."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from quizcli.review.store import Store


@dataclass(frozen=True)
class Status:
    banks: list[dict[str, Any]]
    """Each bank's name, title, due, learning and new counts, and its exam_recall (with an
    exam date set)."""
    reviewed_today: int
    streak: int
    exam_date: dt.date | None

    def to_dict(self) -> dict[str, Any]:
        return {"banks": self.banks, "reviewed_today": self.reviewed_today,
                "streak": self.streak,
                "exam_date": self.exam_date.isoformat() if self.exam_date else None}


def status(store: Store, titles: dict[str, str], now: dt.datetime, tz: dt.tzinfo) -> Status:
    """Today's status; `titles` gives each bank's title by id."""
    queue = store.queue(now, tz)
    streak = store.streak(now, tz)
    exam = store.settings.exam_date
    recall: dict[str, float] = {}
    if exam is not None:
        from quizcli.review.exam import exam_recall

        recall = exam_recall(store, exam, tz).recall
    banks = [{"name": name, "title": titles.get(name, name), **counts,
              **({"exam_recall": round(recall[name], 4)} if name in recall else {})}
             for name, counts in queue.counts.items()]
    return Status(banks, queue.reviewed_today, streak, exam)
