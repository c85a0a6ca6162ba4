"""A card in learning is shown no sooner than the learn-ahead limit before it is due."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from conftest import SHIPPED_BANKS

from quizcli.bankfile import load_bank
from quizcli.review.schedule import CardState, Rating
from quizcli.review.session import Session
from quizcli.review.settings import Settings
from quizcli.review.store import Store
from quizcli.ui import context
from quizcli.ui.app import app

UTC = dt.timezone.utc
MORNING = dt.datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
STEPS = Settings(learning_steps=(10.0, 240.0))
QUESTIONS = load_bank(SHIPPED_BANKS / "korea-summits.yaml").questions


def cards(n: int) -> list[tuple[str, list[tuple]]]:
    """A bank "a" of n questions q0, q1, ..., each as a session shows it."""
    def payload(i: int) -> str:
        return json.dumps({"question": {**QUESTIONS[i].to_dict(), "id": f"q{i}"}, "bank": "a",
                           "bank_title": "A", "source": "s", "path": "a.yaml"})

    return [("a", [(f"q{i}", None, payload(i), None) for i in range(n)])]


def on_the_four_hour_step(store: Store, qid: str) -> dt.datetime:
    """Answer a new card Good: with steps [10, 240] it waits 4 hours. Returns when."""
    card = store.record(qid, Rating.GOOD, MORNING).card
    assert card.state is CardState.LEARNING and card.due is not None
    assert card.due - card.last_review == dt.timedelta(hours=4)
    return card.due


def session_at(store: Store, now: dt.datetime) -> Session:
    queue = store.queue(now, UTC)
    return Session(store, queue.cards, lambda: now, UTC, learning=queue.waiting)


def test_a_learning_card_with_a_four_hour_step_is_not_shown_three_hours_early(tmp_path):
    store = Store(tmp_path / "quizcli.db", STEPS)
    store.sync(cards(2))
    due = on_the_four_hour_step(store, "q0")
    early = session_at(store, due - dt.timedelta(hours=3))
    prompt = early.current()
    assert prompt is None or prompt.question_id != "q0"
    assert store.queue(due - dt.timedelta(hours=3), UTC).counts["a"]["learning"] == 1
    store.settings = replace(store.settings, new_per_day=0)  # nothing else left to show
    early = session_at(store, due - dt.timedelta(hours=3))
    assert early.current() is None
    assert early.finish().waiting == due  # the session says when it is due
    within = session_at(store, due - dt.timedelta(minutes=20))  # the default limit
    prompt = within.current()
    assert prompt is not None and prompt.question_id == "q0"
    store.close()


def test_the_limit_is_a_setting(tmp_path):
    store = Store(tmp_path / "quizcli.db", replace(STEPS, learn_ahead_limit=0, new_per_day=0))
    store.sync(cards(1))
    due = on_the_four_hour_step(store, "q0")
    assert session_at(store, due - dt.timedelta(minutes=5)).current() is None
    prompt = session_at(store, due).current()
    assert prompt is not None and prompt.question_id == "q0"
    store.close()


def test_a_card_answered_in_the_session_waits_for_its_step(tmp_path):
    store = Store(tmp_path / "quizcli.db", replace(STEPS, new_per_day=1))
    store.sync(cards(1))
    clock = {"now": MORNING}
    queue = store.queue(MORNING, UTC)
    session = Session(store, queue.cards, lambda: clock["now"], UTC)
    prompt = session.current()
    assert prompt is not None and prompt.question_id == "q0"
    session.reveal()
    session.grade(Rating.GOOD)
    session.next()
    clock["now"] = MORNING + dt.timedelta(minutes=15)  # the first step, 10 minutes, is over
    assert session.current() is None
    assert session.finish().waiting == MORNING + dt.timedelta(hours=4)
    store.close()


def test_study_says_when_the_waiting_card_is_due(runner, quizcli_home, monkeypatch):
    (quizcli_home / "config.yaml").write_text("learning_steps: [10, 240]\n")
    monkeypatch.setattr(context, "local_zone", lambda: UTC)
    monkeypatch.setattr(context, "now", lambda: MORNING)
    assert runner.invoke(app, ["status"]).exit_code == 0  # makes the cards
    with Store.open(quizcli_home) as store:
        qid = store.queue(MORNING, UTC).new[0]
        due = on_the_four_hour_step(store, qid)
        answers = len(store.log(qid))
    monkeypatch.setattr(context, "now", lambda: due - dt.timedelta(hours=3))
    result = runner.invoke(app, ["study", "--new", "0"], input="q\n")
    assert result.exit_code == 0, result.output
    assert "Nothing is due right now. The next card is due today 13:00." in result.stdout
    with Store.open(quizcli_home) as store:
        assert len(store.log(qid)) == answers
