"""The exam plan against a simulated learner whose memory follows FSRS with parameters that
are not the defaults (docs/exam-plan.md gives the method)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import fsrs
import pytest

from quizcli.review.days import study_date
from quizcli.review.plan import exam_plan
from quizcli.review.schedule import Card, CardState, Rating, forgetting_curve, recall_after
from quizcli.review.schedule import review as fsrs_review
from quizcli.review.settings import Settings
from quizcli.review.store import Store

UTC = dt.timezone.utc
START = dt.date(2026, 1, 5)
TRUE = list(fsrs.Scheduler().parameters)
TRUE[0:4] = [0.1, 0.6, 1.2, 4.0]  # a learner who forgets new cards sooner,
TRUE[8] = 1.5                     # gains less from each review,
TRUE[20] = 0.3                    # and whose forgetting curve bends more
TRUTH = Settings(parameters=tuple(TRUE))


class Learner:
    """Answers quizcli's sessions with recall drawn from their own memory: FSRS with TRUE."""

    def __init__(self, store: Store, seed: int = 7):
        self.store = store
        self.memory: dict[str, Card] = {}
        self.rng = random.Random(seed)
        self.decay, self.factor = forgetting_curve(TRUTH)

    def recall(self, qid: str, day: dt.date) -> float:
        card = self.memory.get(qid)
        if card is None or card.last_review is None:
            return 0.0
        days = (day - study_date(card.last_review, UTC, 4)).days
        return recall_after(days, card.stability, self.decay, self.factor)

    def answer(self, qid: str, when: dt.datetime) -> None:
        own = self.memory.get(qid, Card(qid))
        if own.state is CardState.REVIEW:
            passed = self.rng.random() < self.recall(qid, when.date())
            rating = Rating.GOOD if passed else Rating.AGAIN
        else:
            rating = Rating.GOOD  # a step within the day: the learner has just seen it
        self.memory[qid] = fsrs_review(own, rating, when, TRUTH, fuzz=False)
        self.store.record(qid, rating, when)

    def study(self, days: int, first: dt.date) -> None:
        for n in range(days):
            day = first + dt.timedelta(days=n)
            when = dt.datetime.combine(day, dt.time(10), tzinfo=UTC)
            queue = self.store.queue(when, UTC)
            pending = [(when, qid) for qid in queue.cards]
            while pending:
                pending.sort()
                at, qid = pending.pop(0)
                self.answer(qid, at)
                due = self.store.card(qid).due
                if due is not None and due.date() == day:
                    pending.append((max(due, at), qid))


@pytest.fixture(scope="module")
def learned(tmp_path_factory):
    """400 cards; 70 days of study with 5 new cards a day, then quizcli optimize."""
    pytest.importorskip("fsrs_rs_python")
    from quizcli.review.optimize import optimize

    path = tmp_path_factory.mktemp("plan") / "quizcli.db"
    store = Store(path, Settings(new_per_day=5))
    store.db.execute("PRAGMA synchronous = OFF")  # a test's store need not survive a crash
    store.sync([("a", [(f"q{i}", None) for i in range(400)])])
    learner = Learner(store)
    learner.study(70, START)
    fit = optimize(store, UTC)
    assert fit.fitted is not None
    store.settings = replace(store.settings, parameters=fit.fitted)
    store.reschedule(store.settings)
    yield store, learner
    store.close()


def test_the_plan_predicts_exam_day_within_3_points_and_leaves_5_percent_under_target(
        learned):
    """After optimize, the plan's expected recall on exam day is within 3 points of the
    learner's true recall, and following its new cards and reviews a day leaves at most 5%
    of the cards under the desired retention."""
    store, learner = learned
    today = START + dt.timedelta(days=70)
    exam = today + dt.timedelta(days=30)
    plan = exam_plan(store, dt.datetime.combine(today, dt.time(10), tzinfo=UTC), UTC, exam)
    assert plan.new == 400 - len(learner.memory) > 0
    store.settings = replace(store.settings, new_per_day=plan.new_per_day,
                             reviews_per_day=plan.reviews_per_day, exam_date=exam)
    learner.study(30, today)
    every = [learner.recall(f"q{i}", exam) for i in range(400)]
    truth = sum(every) / len(every)
    under = sum(r < store.settings.desired_retention for r in every) / len(every)
    assert abs(plan.following_plan.recall_all - truth) <= 0.03, (plan.following_plan, truth)
    assert under <= 0.05, under


def test_a_card_due_after_the_exam_under_target_there_is_due_the_day_before():
    """The fuzz lengthens some intervals past the point where recall is the desired
    retention: with an exam on that day, such a card is due the day before instead."""
    now = dt.datetime(2026, 2, 10, 10, 0, tzinfo=UTC)
    plain = fsrs_review(Card("q", CardState.REVIEW, None, 15.0, 5.0, now,
                             now - dt.timedelta(days=15), reps=4), Rating.GOOD, now,
                        Settings(), fuzz=False)
    for n in range(100):  # a card whose fuzz lengthens its interval
        card = Card(f"q-{n}", CardState.REVIEW, None, 15.0, 5.0, now,
                    now - dt.timedelta(days=15), reps=4)
        fuzzed = fsrs_review(card, Rating.GOOD, now, Settings())
        if fuzzed.due > plain.due:
            break
    exam = fuzzed.due.date()
    decay, factor = forgetting_curve(Settings())
    assert recall_after((exam - now.date()).days, fuzzed.stability, decay, factor) < 0.9
    after = fsrs_review(card, Rating.GOOD, now, Settings(exam_date=exam))
    assert after.due.date() == exam - dt.timedelta(days=1)
    assert after.stability == fuzzed.stability
    later = Settings(exam_date=exam + dt.timedelta(days=60))  # recall there is no concern
    assert fsrs_review(card, Rating.GOOD, now, later).due == fuzzed.due


def test_plan_command(runner, quizcli_home, monkeypatch):
    from quizcli.ui import context
    from quizcli.ui.app import app

    monkeypatch.setattr(context, "local_zone", lambda: UTC)
    monkeypatch.setattr(context, "now", lambda: dt.datetime(2026, 3, 2, 10, 0, tzinfo=UTC))
    result = runner.invoke(app, ["plan"])
    assert result.exit_code == 1 and "no exam_date is set" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    (quizcli_home / "config.yaml").write_text("exam_date: 2026-04-01\n")
    result = runner.invoke(app, ["plan"])
    assert result.exit_code == 0, result.output
    assert "Exam on 2026-04-01: 30 study days left" in result.stdout
    assert "new cards a day" in result.stdout and "Assumed:" in result.stdout
    data = __import__("json").loads(runner.invoke(app, ["plan", "--json"]).stdout)
    assert data["new"] > 0 and data["studied"] == 0
    assert data["new_per_day"] == -(-data["new"] // 30)
    assert len(data["following_plan"]["daily"]) == 30
