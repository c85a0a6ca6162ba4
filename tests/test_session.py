"""The study session driven directly, with no terminal: which card comes next, how an
answer is checked and graded, and what undo, suspend and finishing do."""

from __future__ import annotations

import datetime as dt

import pytest
from bankgen import SCREENS

from quizcli.catalog import Folder, discover
from quizcli.review.asking import Asked, StudyMode
from quizcli.review.library import sync_catalog
from quizcli.review.schedule import Rating
from quizcli.review.session import Session, suggest
from quizcli.review.store import Store

UTC = dt.timezone.utc
START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now

    def wait(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def store(quizcli_home):
    (quizcli_home / "banks").mkdir()
    (quizcli_home / "banks" / "screens.yaml").write_text(SCREENS, encoding="utf-8")
    with Store.open(quizcli_home) as s:
        assert sync_catalog(s, discover([Folder("user", quizcli_home / "banks")])) == []
        yield s


def _session(store: Store, clock: Clock, **options) -> Session:
    return Session(store, store.queue(clock(), UTC).cards, clock, UTC, **options)


def _choose_answer(session: Session, right: bool = True):
    prompt = session.current()
    assert prompt is not None
    answer = prompt.shown.question.answer
    index = next(i for i, c in enumerate(prompt.choices) if (c == answer) == right)
    return session.choose(index)


def test_cards_come_in_queue_order_each_in_its_style(store):
    clock = Clock()
    session = _session(store, clock)
    first = session.current()
    assert first is not None and session.current() is first  # asked until answered
    assert (first.question_id, first.asked, first.done, first.remaining) == ("q1", "mcq", 0, 2)
    assert first.choices == ("Lakeshore", "Hillcrest", "Riverside", "Eastport")
    assert first.shown.bank == "river-commission-and-harbour-board-practice-questions"
    assert _choose_answer(session).grade is Rating.GOOD
    session.next()
    match = session.current()
    assert (match.question_id, match.asked, match.done) == ("q2", "mcq", 1)
    _choose_answer(session)
    session.next()
    recall = session.current()
    assert (recall.question_id, recall.asked, recall.choices) == ("q3", "recall", ())


def test_an_answer_is_graded_by_whether_it_is_right_and_how_fast(store):
    clock = Clock()
    session = _session(store, clock)
    session.current()
    clock.wait(60)  # slower than a multiple-choice answer should take
    outcome = _choose_answer(session)
    assert (outcome.right, outcome.grade) == (True, Rating.HARD)
    assert store.log("q1") == [(round(clock().timestamp() * 1000), int(Rating.HARD))]
    session.next()
    session.current()
    clock.wait(5)
    assert _choose_answer(session, right=False).grade is Rating.AGAIN
    session.next()
    assert session.current().asked == "recall"  # the card forgotten is not due yet
    typed = session.type_answer(" 14 ")
    assert (typed.right, typed.near_miss, typed.grade) == (True, False, Rating.GOOD)
    assert session.type_answer("15") is None  # answered already
    assert suggest(True, True, 1, Asked.RECALL) is Rating.HARD  # a near miss


def test_a_card_forgotten_comes_back_today_once_due(store):
    clock = Clock()
    session = _session(store, clock)
    session.current()
    _choose_answer(session, right=False)
    session.next()
    for _ in range(2):
        session.current()
        _choose_answer(session) if session.current().choices else session.type_answer("14")
        session.next()
    again = session.current()  # within the learn-ahead limit: shown now, as in Anki
    assert again is not None and again.question_id == "q1"
    assert [qid for _, qid in session.learning] == ["q2", "q3"]  # in ten minutes


def test_a_changed_grade_replaces_the_one_recorded(store):
    clock = Clock()
    session = _session(store, clock)
    session.current()
    _choose_answer(session)
    session.grade(Rating.EASY)
    assert [rating for _, rating in store.log("q1")] == [int(Rating.EASY)]
    assert session.outcome.grade is Rating.EASY
    session.next()
    session.current()
    assert session.reveal().right is None
    session.next()  # revealed and not graded: Good
    assert [rating for _, rating in store.log("q2")] == [int(Rating.GOOD)]


def test_undo_takes_back_the_last_answer_and_asks_the_card_again(store):
    clock = Clock()
    session = _session(store, clock)
    session.current()
    _choose_answer(session)
    session.next()
    assert session.undo() == "q1"
    assert store.log("q1") == [] and session.answered == []
    assert session.current().question_id == "q1"
    assert session.undo() is None  # nothing of this session left to take back


def test_a_suspension_is_undone_before_any_answer(store):
    clock = Clock()
    session = _session(store, clock)
    session.current()
    session.suspend()
    assert store.flags("q1")[0] is True
    assert session.current().question_id == "q2"
    assert session.undo() == "q1"
    assert store.flags("q1")[0] is False
    assert session.current().question_id == "q1"


def test_finishing_counts_the_answers_and_ends_the_session(store):
    clock = Clock()
    session = _session(store, clock, limit=2)
    for right in (True, False):
        session.current()
        _choose_answer(session, right)
        clock.wait(10)
        session.next()
    assert session.current() is None  # the limit is reached
    summary = session.finish()
    assert (summary.answered, summary.right, summary.seconds, summary.streak) == (2, 1, 20, 1)
    assert summary.waiting is not None  # the forgotten card is due again later today
    ended = store.db.execute("SELECT ended_at FROM sessions WHERE id = ?",
                             (session.session_id,)).fetchone()[0]
    assert ended == round(clock().timestamp() * 1000)


def test_cramming_records_nothing_and_recall_mode_asks_for_the_answer(store):
    clock = Clock()
    session = _session(store, clock, cram=True, mode=StudyMode.recall)
    assert session.session_id is None
    prompt = session.current()
    assert (prompt.asked, prompt.choices) == ("recall", ())
    assert session.type_answer("Lakeshore").right is True
    session.next()
    assert store.log("q1") == [] and session.finish().answered == 1


def test_a_typed_list_is_right_in_any_order():
    from quizcli.review.session import check_answer

    assert check_answer("politics, health and education", ["health, education and politics"])[0]
    assert check_answer("Goa & Sikkim", ["Sikkim and Goa"])[0]
    assert not check_answer("Goa", ["Sikkim and Goa"])[0]
    assert not check_answer("Goa, Sikkim and Assam", ["Sikkim and Goa"])[0]
    assert not check_answer("Small, Ministry of Micro and Medium Enterprises",
                            ["Ministry of Micro, Small and Medium Enterprises"])[0]
