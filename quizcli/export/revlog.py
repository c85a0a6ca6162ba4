"""The review log as a CSV that other FSRS tools read: the columns of py-fsrs's own
Anki review logs, `card_id,review_rating,review_time,review_duration`.

- `card_id` is a number made from the question id (the first 12 hex digits of the
  SHA-1 of it), the same in every export. A reset starts the card afresh, so the
  answers after it are a history of their own, with a number of their own (made from
  the question id and the count of resets before, `id#1`, `id#2`, …): a tool that fits
  FSRS to the file never reads one memory's answers as another's.
- `review_rating` is 1 Again, 2 Hard, 3 Good or 4 Easy; resets are not rows.
- `review_time` is UTC in ISO 8601, as Python writes it (`2026-03-02T06:00:00.250000+00:00`).
- `review_duration` is milliseconds, empty when unknown.

Rows are in time order, one a line, ending in a line feed.
"""

from __future__ import annotations

import csv
import io
from typing import NamedTuple

from quizcli.ids import digest_number
from quizcli.review.schedule import from_ms
from quizcli.review.store import RESET

COLUMNS = ["card_id", "review_rating", "review_time", "review_duration"]


class Logged(NamedTuple):
    question_id: str
    reviewed_at: int
    """Epoch milliseconds, UTC."""
    rating: int
    duration_ms: int | None


def answers(store, banks: list[str] | None = None) -> list[Logged]:
    """Every entry of the store's review log, answers and resets, of the banks' cards (of
    every card when `banks` is None), by card then time."""
    query = ("SELECT r.question_id, r.reviewed_at, r.rating, r.duration_ms FROM reviews r "
             "JOIN cards c USING (question_id)")
    params: list[str] = []
    if banks is not None:
        query += f" WHERE c.bank IN ({', '.join('?' * len(banks))})"
        params = list(banks)
    query += " ORDER BY r.question_id, r.reviewed_at, r.id"
    return [Logged(*row) for row in store.db.execute(query, params)]


def card_number(question_id: str, resets: int = 0) -> int:
    """A card's number in the file: stable, and under 2**48, so every tool reads it whole."""
    name = question_id if resets == 0 else f"{question_id}#{resets}"
    return digest_number(name, 12)


def build(logged: list[Logged]) -> str:
    rows = []
    resets: dict[str, int] = {}
    for entry in sorted(logged, key=lambda e: (e.question_id, e.reviewed_at)):
        if entry.rating == RESET:
            resets[entry.question_id] = resets.get(entry.question_id, 0) + 1
            continue
        when = from_ms(entry.reviewed_at)
        rows.append((entry.reviewed_at, card_number(entry.question_id,
                                                     resets.get(entry.question_id, 0)),
                     entry.rating, when.isoformat(),
                     "" if entry.duration_ms is None else entry.duration_ms))
    rows.sort(key=lambda row: (row[0], row[1]))
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(row[1:] for row in rows)
    return out.getvalue()
