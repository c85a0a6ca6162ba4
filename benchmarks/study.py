"""Key press to next question drawn, in a study session over 100,000 cards.

Builds a store of 100,000 cards (each with its question) and 1,000,000 logged
answers, starts a session on today's queue, and times, for each card: the
answer key (checked, graded, saved with an fsync, outcome screen drawn) and the
Enter key (next card chosen and its screen drawn). Screens are drawn by rich to
a 100-column buffer, as on a terminal. Prints medians and the 95th percentile.

    python benchmarks/study.py [--cards N] [--reviews N] [--answers N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from review import NOW, UTC, percentile, populate
from rich.console import Console

from quizcli.model import Question, QuestionType
from quizcli.review.asking import StudyMode
from quizcli.review.session import Session
from quizcli.review.settings import Settings
from quizcli.review.store import Store
from quizcli.ui.screen import outcome_screen, question_screen


def payload(bank: str, qid: str) -> str:
    question = Question(
        id=qid, type=QuestionType.MCQ,
        prompt=f"According to the article, who was the Secretary of State ({qid})?",
        answer="Mike Pompeo", evidence="US Secretary of State Mike Pompeo on July 8 said that "
        "the sanctions placed on North Korea would be lifted only after the final "
        "denuclearisation of the nation.", source="s1", fact=f"f-{qid}",
        choices=("Mike Pompeo", "John Bolton", "Sarah Sanders", "Robert Carlin"))
    return json.dumps({"question": question.to_dict(), "bank": bank, "bank_title": bank,
                       "source": "US Coordinating 2nd Meet", "publisher": "Agency",
                       "path": "/dev/null"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--answers", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "quizcli.db", Settings())
        populate(store, args.cards, args.reviews, random.Random(7))
        banks: dict[str, list] = {}
        for qid, bank, fact in store.db.execute("SELECT question_id, bank, fact FROM cards "
                                                "ORDER BY bank, position"):
            banks.setdefault(bank, []).append((qid, fact, payload(bank, qid)))
        store.sync(list(banks.items()))
        clock = {"now": NOW}

        def now() -> dt.datetime:
            clock["now"] += dt.timedelta(seconds=4)
            return clock["now"]

        console = Console(file=io.StringIO(), width=100, force_terminal=True)
        session = Session(store, store.queue(NOW, UTC).cards, now, UTC, StudyMode.mcq)
        answer_times, next_times = [], []
        prompt = session.current()
        console.print(question_screen(prompt))
        for _ in range(args.answers):
            t = time.perf_counter()
            outcome = session.choose(0)
            console.print(outcome_screen(prompt, outcome))
            answer_times.append(time.perf_counter() - t)
            t = time.perf_counter()
            session.next()
            prompt = session.current()
            if prompt is None:
                break
            console.print(question_screen(prompt))
            next_times.append(time.perf_counter() - t)
        store.close()

    def ms(values: list[float]) -> str:
        return (f"median {statistics.median(values) * 1000:.2f} ms, "
                f"p95 {percentile(values, 0.95) * 1000:.2f} ms")

    print(f"{args.cards} cards, {args.reviews} answers, {len(next_times)} cards studied")
    print(f"answer key -> answer saved, outcome drawn: {ms(answer_times)}")
    print(f"Enter key  -> next question drawn:         {ms(next_times)}")


if __name__ == "__main__":
    main()
