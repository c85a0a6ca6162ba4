"""Predicted recall on exam day: one computation, over study days, for status and stats."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import fsrs
import pytest
from conftest import SHIPPED_BANKS

from quizcli.bankfile import load_bank
from quizcli.review.exam import exam_recall
from quizcli.review.schedule import Rating
from quizcli.review.settings import Settings
from quizcli.review.store import Store
from quizcli.ui import context
from quizcli.ui.app import app

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 3, 2, 6, 0, tzinfo=UTC)


def test_exam_recall_follows_the_forgetting_curve_over_study_days(tmp_path):
    store = Store(tmp_path / "quizcli.db", Settings())
    store.sync([("a", [("q0", None), ("q1", None), ("q2", None)])])
    store.record("q0", Rating.GOOD, NOW)
    store.record("q0", Rating.GOOD, NOW + dt.timedelta(minutes=10))
    store.record("q1", Rating.EASY, NOW)
    exam = dt.date(2026, 6, 30)  # 120 study days after 2 March
    scheduler = fsrs.Scheduler()
    expected = []
    for qid in ("q0", "q1"):
        card = store.card(qid)
        expected.append(scheduler.get_card_retrievability(
            fsrs.Card(card_id=1, state=fsrs.State.Review, stability=card.stability,
                      difficulty=card.difficulty, last_review=card.last_review),
            card.last_review + dt.timedelta(days=120)))
    readiness = exam_recall(store, exam, UTC)
    assert readiness.studied == {"a": 2}  # q2 was never studied
    assert readiness.recall["a"] == pytest.approx(sum(expected) / 2, rel=1e-9)
    sooner = exam_recall(store, dt.date(2026, 3, 7), UTC).recall["a"]
    assert 0 < readiness.recall["a"] < sooner <= 1
    store.close()


def test_an_answer_before_the_day_starts_counts_on_the_day_before(tmp_path):
    """03:00 is still the previous study day (day_starts_at 4), at home and at the exam."""
    store = Store(tmp_path / "quizcli.db", Settings())
    store.sync([("a", [("q0", None)])])
    store.record("q0", Rating.EASY, dt.datetime(2026, 3, 2, 3, 0, tzinfo=UTC))
    at_night = exam_recall(store, dt.date(2026, 3, 12), UTC).recall["a"]
    store.close()
    store = Store(tmp_path / "other.db", Settings())
    store.sync([("a", [("q0", None)])])
    store.record("q0", Rating.EASY, dt.datetime(2026, 3, 1, 20, 0, tzinfo=UTC))
    assert exam_recall(store, dt.date(2026, 3, 12), UTC).recall["a"] == at_night
    store.close()


def test_status_and_stats_print_the_same_exam_recall(runner, quizcli_home, monkeypatch):
    """On one store, after answers given between midnight and the start of the study day,
    both commands print one figure for each bank."""
    monkeypatch.setattr(context, "local_zone", lambda: UTC)
    monkeypatch.setattr(context, "now", lambda: dt.datetime(2026, 3, 5, 12, 0, tzinfo=UTC))
    (quizcli_home / "config.yaml").write_text("exam_date: 2026-04-20\n")
    assert runner.invoke(app, ["status"]).exit_code == 0  # makes the cards
    questions = load_bank(SHIPPED_BANKS / "korea-summits.yaml").questions
    with Store.open(quizcli_home) as store:
        for i, question in enumerate(questions[:6]):
            when = dt.datetime(2026, 3, 1 + i % 3, 2, 30, tzinfo=UTC)  # 02:30: yesterday
            store.record(question.id, Rating.GOOD if i % 2 else Rating.EASY, when)
    status = json.loads(runner.invoke(app, ["status", "--json"]).stdout)
    stats = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)
    bank = status["banks"][0]
    assert bank["exam_recall"] == stats["exam"]["recall"][bank["name"]]
    with Store.open(quizcli_home) as store:
        store.settings = replace(store.settings, exam_date=dt.date(2026, 4, 20))
        expected = exam_recall(store, dt.date(2026, 4, 20), UTC).recall[bank["name"]]
    assert bank["exam_recall"] == round(expected, 4)
