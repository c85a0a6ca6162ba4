"""The review engine at scale: 100,000 cards and 1,000,000 logged answers.

Builds a store with that history (written straight to SQLite, quickly), then
measures the two things a study session does all the time: building today's
queue with the counts a status shows (goal: 100 ms or less) and recording one
answer (goal: 5 ms or less). Prints medians and the 95th percentile.

    python benchmarks/review.py [--cards N] [--reviews N] [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from quizcli.review.schedule import Card, CardState, Rating, to_ms
from quizcli.review.settings import Settings
from quizcli.review.store import Store

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def populate(store: Store, cards: int, reviews: int, rng: random.Random) -> None:
    banks = 10
    store.sync([(f"bank{b}", [(f"b{b}-q{i}", f"b{b}-f{i // 3}") for i in range(cards // banks)])
                for b in range(banks)])
    ids = [f"b{b}-q{i}" for b in range(banks) for i in range(cards // banks)]
    learned = ids[: int(len(ids) * 0.6)]  # 60% studied, 40% new
    db = store.db
    db.execute("BEGIN")
    rows = []
    for qid in learned:
        stability = rng.uniform(0.5, 400)
        last = NOW - dt.timedelta(days=rng.uniform(0, 300))
        due = last + dt.timedelta(days=stability * rng.uniform(0.5, 1.5))
        rows.append((int(CardState.REVIEW), stability, rng.uniform(1, 10), to_ms(due),
                     to_ms(last), 5, rng.randint(0, 3), qid))
    db.executemany("UPDATE cards SET state = ?, stability = ?, difficulty = ?, due = ?, "
                   "last_review = ?, reps = ?, lapses = ? WHERE question_id = ?", rows)
    before = json.dumps(Card("x").to_dict())
    start = to_ms(NOW - dt.timedelta(days=365))
    span = to_ms(NOW) - start
    kinds = ["date", "quote", "role", "position", "place", "fact"]

    def answer(i: int) -> tuple:
        qid = rng.choice(learned)
        return (qid, start + int(span * i / reviews), rng.choice([1, 3, 3, 3, 4]), "mcq", 2,
                rng.uniform(1, 60), "bank" + qid[1:qid.index("-")], kinds[i % 6], before)

    db.executemany("INSERT INTO reviews (question_id, reviewed_at, rating, mode, prev_state, "
                   "interval, bank, kind, before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (answer(i) for i in range(reviews)))
    db.execute("COMMIT")
    db.execute("ANALYZE")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "quizcli.db", Settings(new_per_day=20, reviews_per_day=200))
        start = time.perf_counter()
        populate(store, args.cards, args.reviews, rng)
        print(f"built {args.cards} cards and {args.reviews} answers in "
              f"{time.perf_counter() - start:.1f}s")
        queue_times, record_times = [], []
        now = NOW
        for _ in range(args.runs):
            t = time.perf_counter()
            queue = store.queue(now, UTC)
            store.streak(now, UTC)
            queue_times.append(time.perf_counter() - t)
            qid = queue.cards[0]
            t = time.perf_counter()
            store.record(qid, Rating.GOOD, now, answer="x", duration_ms=3000, mode="mcq")
            record_times.append(time.perf_counter() - t)
            now += dt.timedelta(seconds=20)
        store.close()
    def ms(values: list[float]) -> str:
        return (f"median {statistics.median(values) * 1000:.2f} ms, "
                f"p95 {percentile(values, 0.95) * 1000:.2f} ms")

    print(f"today's queue, counts and streak: {ms(queue_times)} "
          f"({len(queue.due)} due, {len(queue.new)} new)")
    print(f"record one answer:                {ms(record_times)}")


if __name__ == "__main__":
    main()
