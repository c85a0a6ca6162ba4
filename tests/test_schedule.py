from __future__ import annotations

import datetime as dt

import fsrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizcli.review.days import days_between
from quizcli.review.schedule import (
    Card,
    CardState,
    Rating,
    forgetting_curve,
    fuzz_draw,
    fuzz_range,
    fuzzed_days,
    preview,
    recall_after,
    review,
)
from quizcli.review.settings import Settings

UTC = dt.timezone.utc
START = dt.datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
SETTINGS = Settings()

SEQUENCES = [
    [(0, 3), (600, 3), (86400 * 2, 3), (86400 * 9, 3), (86400 * 30, 4)],
    [(0, 1), (60, 1), (600, 2), (3600, 3), (86400 * 3, 1), (900, 3), (86400 * 5, 3)],
    [(0, 4), (86400 * 15, 2), (86400 * 20, 1), (600, 3), (86400 * 2, 4)],
    [(0, 2), (100, 2), (700, 3), (86400, 3), (86400 * 4, 3), (86400 * 11, 3), (86400 * 40, 3)],
]


@pytest.mark.parametrize("sequence", SEQUENCES)
def test_intervals_equal_those_fsrs_gives(sequence):
    """Without fuzz, every state after every answer is exactly the library's."""
    theirs = fsrs.Scheduler(enable_fuzzing=False)
    their_card = fsrs.Card(card_id=1)
    ours = Card("q-1")
    now = START
    for seconds, rating in sequence:
        now += dt.timedelta(seconds=seconds)
        their_card, _ = theirs.review_card(their_card, fsrs.Rating(rating), now)
        ours = review(ours, Rating(rating), now, SETTINGS, fuzz=False)
        assert ours.due == their_card.due
        assert ours.stability == pytest.approx(their_card.stability, rel=1e-12)
        assert ours.difficulty == pytest.approx(their_card.difficulty, rel=1e-12)
        assert int(ours.state) == int(their_card.state)
        assert ours.step == their_card.step


def test_fuzz_is_the_librarys_with_the_same_draw():
    """For each interval, our fuzz equals the one py-fsrs's public `review_card` gives when
    its random draw is ours. py-fsrs draws from the random module's shared generator, so
    seeding that generator fixes its draw, and the same seed gives ours."""
    import random

    plain, fuzzing = fsrs.Scheduler(enable_fuzzing=False), fsrs.Scheduler(enable_fuzzing=True)
    state = random.getstate()
    intervals = set()
    try:
        for seed, stability in enumerate((2.0, 6.0, 16.0, 40.0, 180.0, 2500.0)):
            card = fsrs.Card(card_id=1, state=fsrs.State.Review, stability=stability,
                             difficulty=5.0, due=START,
                             last_review=START - dt.timedelta(days=round(stability)))
            days = (plain.review_card(card, fsrs.Rating.Good, START)[0].due - START).days
            random.seed(seed)
            draw = random.random()
            random.seed(seed)
            theirs = (fuzzing.review_card(card, fsrs.Rating.Good, START)[0].due - START).days
            assert fuzzed_days(days, draw, 36500) == theirs
            low, high = fuzz_range(days, 36500)
            assert low <= theirs <= high + (draw > 1 - 0.5 / (high - low + 1))
            intervals.add(days)
    finally:
        random.setstate(state)
    assert len(intervals) == 6 and min(intervals) > 2  # every one of them fuzzed


def test_the_fuzz_draw_is_fixed_by_the_card_and_its_reviews():
    draws = {fuzz_draw(f"q-{i}", reps) for i in range(20) for reps in range(5)}
    assert len(draws) == 100 and all(0 <= d < 1 for d in draws)
    assert fuzz_draw("q-7", 3) == fuzz_draw("q-7", 3)


def test_fuzz_is_reproducible_and_varies_between_cards():
    card = Card("q-a", CardState.REVIEW, None, 30.0, 5.0, START, START - dt.timedelta(days=20),
                reps=5)
    later = START + dt.timedelta(days=25)
    assert review(card, Rating.GOOD, later, SETTINGS) == review(card, Rating.GOOD, later,
                                                                SETTINGS)
    dues = {review(Card(f"q-{i}", **{k: getattr(card, k) for k in (
        "state", "step", "stability", "difficulty", "due", "last_review", "reps")}),
        Rating.GOOD, later, SETTINGS).due for i in range(30)}
    assert len(dues) > 1


def _recall(card: Card, at: dt.datetime, tz: dt.tzinfo = UTC) -> float:
    """The recall statistics and the exam figures predict: the forgetting curve over the
    study days since the card's last answer."""
    assert card.last_review is not None and card.stability is not None
    days = days_between(card.last_review, at, tz, SETTINGS.day_starts_at)
    return recall_after(days, card.stability, *forgetting_curve(SETTINGS))


def test_preview_and_the_forgetting_curve():
    intervals = preview(Card("q-1"), START, SETTINGS)
    assert intervals[Rating.AGAIN] == dt.timedelta(minutes=1)
    assert intervals[Rating.GOOD] == dt.timedelta(minutes=10)
    assert intervals[Rating.EASY] >= dt.timedelta(days=1)
    learned = review(Card("q-1"), Rating.EASY, START, SETTINGS)
    assert _recall(learned, START) == pytest.approx(1.0)
    month = _recall(learned, START + dt.timedelta(days=30))
    year = _recall(learned, START + dt.timedelta(days=365))
    assert 0 < year < month < 1
    theirs = fsrs.Scheduler().get_card_retrievability(fsrs.Card(
        card_id=1, state=fsrs.State.Review, stability=learned.stability,
        difficulty=learned.difficulty, due=learned.due, last_review=START),
        START + dt.timedelta(days=30))
    assert month == pytest.approx(theirs)


_answers = st.lists(st.tuples(st.integers(0, 86400 * 400), st.sampled_from(list(Rating))),
                    min_size=1, max_size=25)


@given(_answers)
def test_any_sequence_of_reviews_keeps_the_invariants(answers):
    card = Card("q-p")
    now = START
    for seconds, rating in answers:
        now += dt.timedelta(seconds=seconds)
        card = review(card, rating, now, SETTINGS)
        assert card.due is not None and card.due >= now - dt.timedelta(milliseconds=1)
        assert card.stability is not None and card.stability > 0
        assert card.difficulty is not None and 1.0 <= card.difficulty <= 10.0
        assert card.state is not CardState.NEW
    assert card.reps == len(answers)


CHICAGO = dt.timezone(dt.timedelta(hours=-6))  # a learner west of UTC, in winter


def local(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=CHICAGO).astimezone(UTC)


def fsrs_rs_good(stability: float, difficulty: float, days: int):
    """fsrs-rs's own next state after Good, `days` study days after the last answer."""
    fsrs_rs = pytest.importorskip("fsrs_rs_python")
    model = fsrs_rs.FSRS(list(fsrs_rs.DEFAULT_PARAMETERS))
    return model.next_states(fsrs_rs.MemoryState(stability, difficulty), 0.9, days).good


@pytest.mark.parametrize(("last", "answered", "study_days"), [
    (local(2026, 1, 5, 21, 10), local(2026, 1, 6, 7, 0), 1),   # the morning after a 1-day card
    (local(2026, 1, 5, 21, 10), local(2026, 1, 7, 7, 0), 2),   # Monday night to Wednesday
    (local(2026, 1, 5, 23, 50), local(2026, 1, 6, 3, 30), 0),  # before 4 a.m.: the same day
    (local(2026, 1, 5, 5, 0), local(2026, 1, 15, 23, 0), 10),
])
def test_an_answer_grows_the_card_as_fsrs_rs_does_over_study_days(last, answered, study_days):
    """Days between answers are study days, as Anki and fsrs-rs count them, not 24-hour
    periods: the stability after Good is fsrs-rs's own for that many study days."""
    card = Card("q-d", CardState.REVIEW, None, 2.3, 5.0, last + dt.timedelta(days=1), last,
                reps=3)
    after = review(card, Rating.GOOD, answered, SETTINGS, fuzz=False, tz=CHICAGO)
    theirs = fsrs_rs_good(2.3, 5.0, study_days)
    assert after.stability == pytest.approx(theirs.memory.stability, rel=1e-5)
    assert after.difficulty == pytest.approx(theirs.memory.difficulty, rel=1e-5)
    if study_days:
        assert after.due - answered == dt.timedelta(days=round(theirs.interval))


def test_a_one_day_card_answered_the_next_morning_grows():
    """Learned at 21:10 and answered at 07:00 the next morning: under 24 hours apart, but
    one study day, so the card grows instead of counting as a same-day review."""
    last, answered = local(2026, 1, 5, 21, 10), local(2026, 1, 6, 7, 0)
    card = Card("q-m", CardState.REVIEW, None, 1.0, 5.0, last + dt.timedelta(days=1), last,
                reps=2)
    after = review(card, Rating.GOOD, answered, SETTINGS, fuzz=False, tz=CHICAGO)
    assert after.stability == pytest.approx(fsrs_rs_good(1.0, 5.0, 1).memory.stability,
                                            rel=1e-5)
    hours_only = fsrs.Scheduler(enable_fuzzing=False).review_card(
        fsrs.Card(card_id=1, state=fsrs.State.Review, stability=1.0, difficulty=5.0,
                  due=card.due, last_review=last), fsrs.Rating.Good, answered)[0]
    assert after.stability > 2 * hours_only.stability
    assert _recall(card, answered, CHICAGO) == pytest.approx(0.9)  # one study day, not 0.4
