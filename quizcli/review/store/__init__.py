"""The review store: a SQLite database in the quizcli folder that never loses an answer.

It holds the state of each card, an append-only log of every answer, and study
sessions. It runs in WAL mode with full sync, so an answer is on disk before
`record` returns, and a crash or a kill cannot corrupt it. Its schema is a list
of named migrations, applied in order whenever it opens.

A card's identity is its question id: editing a question in its bank keeps the
card's history, and a question removed from its bank leaves its card and log in
place, marked orphaned.

Each concern has its module: the connection, its one transaction helper and the
migrations (`connection`), the cards (`cards`), the log and sessions (`log`), and
what to study today (`queue`); `Store` has them all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from pathlib import Path

from quizcli.review.days import UTC, study_day
from quizcli.review.settings import Settings
from quizcli.review.store.connection import (
    BUSY_SECONDS,
    DB_NAME,
    MIGRATIONS,
    Migration,
    StoreError,
    open_problem,
    write_problem,
)
from quizcli.review.store.log import RESET, Answer, Log, Merged, Recorded
from quizcli.review.store.queue import Queue, current_streak, todays_queue

__all__ = [
    "BUSY_SECONDS", "DB_NAME", "MIGRATIONS", "RESET", "Answer", "Merged", "Migration", "Queue",
    "Recorded", "Store", "StoreError", "open_problem", "study_day", "write_problem",
]


class Store(Log):
    """The review database. Open with `Store.open(home)`; close when done."""

    @classmethod
    def open(cls, home: Path, settings: Settings | None = None, tz: dt.tzinfo = UTC) -> Store:
        from quizcli.review.settings import load_settings

        return cls(home / DB_NAME, settings or load_settings(home), tz)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def queue(self, now: dt.datetime, tz: dt.tzinfo, banks: list[str] | None = None,
              only: Collection[str] | None = None) -> Queue:
        """Today's cards within the daily limits, and the counts a status shows; with
        `only`, of those question ids alone (see `todays_queue`)."""
        return todays_queue(self, now, tz, banks, only)

    def streak(self, now: dt.datetime, tz: dt.tzinfo) -> int:
        """Study days in a row with at least one answer, up to today (or yesterday, if today
        has none yet)."""
        return current_streak(self, now, tz)
