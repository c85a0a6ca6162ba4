from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizcli.review.schedule import Card, CardState, Rating
from quizcli.review.settings import BankLimits, Settings
from quizcli.review.store import MIGRATIONS, Store, StoreError, study_day

UTC = dt.timezone.utc
IST = dt.timezone(dt.timedelta(hours=5, minutes=30))
NOW = dt.datetime(2026, 3, 2, 6, 0, tzinfo=UTC)  # 11:30 in India


def make_store(tmp_path: Path, **overrides) -> Store:
    return Store(tmp_path / "quizcli.db", replace(Settings(), **overrides))


def bank(name: str, n: int, facts: int | None = None) -> tuple[str, list[tuple[str, str]]]:
    """n questions; question i is made from fact i % facts."""
    return name, [(f"{name}-q{i}", f"{name}-f{i % (facts or n)}") for i in range(n)]


@pytest.fixture
def store(tmp_path):
    with make_store(tmp_path) as s:
        s.sync([bank("a", 30)])
        yield s


def test_a_new_database_has_the_current_schema_in_wal_mode(tmp_path):
    with make_store(tmp_path) as s:
        assert s.version == len(MIGRATIONS)
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {row[0] for row in s.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert tables == {"cards", "banks", "sessions", "reviews", "exported", "migrations"}


def _store_made_before_names_were_recorded(path: Path, version: int) -> None:
    """A store as quizcli made it when it counted migrations in user_version alone."""
    db = sqlite3.connect(path, isolation_level=None)
    for number, (_, migration) in enumerate(MIGRATIONS[:version], start=1):
        migration(db)
        db.execute(f"PRAGMA user_version = {number}")
    if version >= 1:
        db.execute("INSERT INTO cards (question_id, bank, position) VALUES ('q-old', 'b', 0)")
    db.close()


NAMES = [name for name, _ in MIGRATIONS]


@pytest.mark.parametrize("version", range(len(MIGRATIONS) + 1))
def test_a_store_from_before_names_were_recorded_keeps_them_and_gets_only_the_rest(
        tmp_path, version):
    path = tmp_path / "quizcli.db"
    _store_made_before_names_were_recorded(path, version)
    with Store(path, Settings()) as s:
        assert s.applied_migrations() == NAMES
        assert s.version == len(MIGRATIONS)
        if version >= 1:  # the first migration was not made again over its tables
            assert s.card("q-old").state is CardState.NEW
        assert s.content_times({"q-old": "digest"}, NOW)  # the second one's table is there
        assert not s.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone()
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 0")  # the names recorded now say what it has had
    db.close()
    with Store(path, Settings()) as s:
        assert s.applied_migrations() == NAMES


@pytest.fixture
def later_migration():
    """A migration released after the others: how often it has run."""
    runs: list[int] = []

    def add_notes(db: sqlite3.Connection) -> None:
        runs.append(1)
        db.execute("CREATE TABLE notes (question_id TEXT PRIMARY KEY, note TEXT)")

    MIGRATIONS.append(("a note on each card", add_notes))
    yield runs
    MIGRATIONS.pop()


def test_a_migration_added_later_is_applied_once_to_a_store_that_has_the_others(
        tmp_path, later_migration):
    path = tmp_path / "quizcli.db"
    _store_made_before_names_were_recorded(path, len(NAMES))
    for _ in range(2):
        with Store(path, Settings()) as s:
            assert s.applied_migrations() == [*NAMES, "a note on each card"]
            assert s.card("q-old").state is CardState.NEW
    assert later_migration == [1]
    with Store(tmp_path / "new.db", Settings()) as s:  # and to a new store, in its place
        assert s.applied_migrations() == [*NAMES, "a note on each card"]
    assert later_migration == [1, 1]


def test_a_store_that_has_had_a_migration_this_quizcli_does_not_know_is_refused(tmp_path):
    path = tmp_path / "quizcli.db"
    MIGRATIONS.append(("from a newer quizcli", lambda db: None))
    try:
        Store(path, Settings()).close()
    finally:
        MIGRATIONS.pop()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")  # only the names tell
    db.close()
    with pytest.raises(StoreError, match="written by a newer quizcli"):
        Store(path, Settings())


def test_a_database_from_a_newer_quizcli_is_refused(tmp_path):
    path = tmp_path / "quizcli.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.close()
    with pytest.raises(StoreError, match="written by a newer quizcli"):
        Store(path, Settings())


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    (tmp_path / "quizcli.db").write_text("not a database at all" * 100)
    with pytest.raises(StoreError, match="is not a quizcli database"):
        make_store(tmp_path)


def test_the_writes_of_one_atomic_block_are_kept_or_undone_together(store):
    with pytest.raises(KeyboardInterrupt), store.atomic():
        store.record("a-q0", Rating.GOOD, NOW)
        store.set_suspended("a-q1", True)
        raise KeyboardInterrupt
    assert store.log("a-q0") == [] and store.flags("a-q1") == (False, False, False)

    with store.atomic():
        store.record("a-q0", Rating.GOOD, NOW)
        with pytest.raises(ValueError), store.atomic():  # one inside another fails alone
            store.record("a-q1", Rating.GOOD, NOW)
            raise ValueError
        store.set_suspended("a-q2", True)
    assert len(store.log("a-q0")) == 1 and store.log("a-q1") == []
    assert store.flags("a-q2")[0] and store.card("a-q1").reps == 0


def test_record_then_undo_restores_card_and_log_exactly(store):
    store.record("a-q0", Rating.GOOD, NOW)
    before = store.card("a-q0"), store.log("a-q0")
    store.record("a-q0", Rating.AGAIN, NOW + dt.timedelta(minutes=10), answer="Hanoi",
                 duration_ms=4200, mode="mcq")
    assert store.undo() == "a-q0"
    assert (store.card("a-q0"), store.log("a-q0")) == before


def test_undo_then_the_same_answer_gives_the_same_interval(store):
    for minutes, rating in [(0, Rating.GOOD), (10, Rating.GOOD)]:
        store.record("a-q1", rating, NOW + dt.timedelta(minutes=minutes))
    later = NOW + dt.timedelta(days=9)
    first = store.record("a-q1", Rating.GOOD, later).card
    store.undo()
    assert store.record("a-q1", Rating.GOOD, later).card == first


def test_undo_with_nothing_to_undo(tmp_path):
    with make_store(tmp_path) as s:
        assert s.undo() is None


def test_replaying_the_log_rebuilds_the_card(store):
    when = NOW
    for step, rating in enumerate([3, 3, 1, 3, 4, 2, 3]):
        when += dt.timedelta(days=step, minutes=11)
        store.record("a-q2", Rating(rating), when)
    store.reset("a-q2", when + dt.timedelta(days=1))
    store.record("a-q2", Rating.GOOD, when + dt.timedelta(days=2))
    assert store.replay("a-q2") == store.card("a-q2")


@pytest.mark.parametrize("threshold", [None, 3])
def test_a_leech_is_suspended_after_eight_lapses_or_the_threshold_set(tmp_path, threshold):
    """By default the eighth lapse makes a card a leech, and no lapse before it does."""
    overrides = {} if threshold is None else {"leech_threshold": threshold}
    with make_store(tmp_path, **overrides) as s:
        s.sync([bank("a", 2)])
        when, leeches = NOW, []
        for _ in range(threshold or 8):
            for rating in (Rating.GOOD, Rating.GOOD):  # learn it
                s.record("a-q0", rating, when)
                when += dt.timedelta(days=3)
            leeches.append(s.record("a-q0", Rating.AGAIN, when).leech)  # forget it
            when += dt.timedelta(minutes=10)
        assert s.card("a-q0").lapses == len(leeches) == (threshold or 8)
        assert leeches == [False] * (len(leeches) - 1) + [True]
        assert s.flags("a-q0") == (True, True, False)
        assert "a-q0" not in s.queue(when + dt.timedelta(days=30), UTC).cards
        s.undo()
        assert s.flags("a-q0") == (False, False, False)


def test_suspend_unsuspend_and_reset(store):
    store.set_suspended("a-q0", True)
    assert "a-q0" not in store.queue(NOW, UTC).cards
    store.set_suspended("a-q0", False)
    assert store.queue(NOW, UTC).new[0] == "a-q0"
    store.record("a-q3", Rating.EASY, NOW)
    store.reset("a-q3", NOW + dt.timedelta(minutes=1))
    assert store.card("a-q3") == Card("a-q3")
    assert [r for _, r in store.log("a-q3")] == [4, 0]
    with pytest.raises(StoreError, match="no card for question 'nope'"):
        store.set_suspended("nope", True)


def test_edited_and_removed_questions_keep_their_history(store):
    store.record("a-q0", Rating.GOOD, NOW)
    store.sync([("a", [("a-q0", "a-f-renamed")] + [(f"a-q{i}", f"a-f{i}") for i in range(2, 30)])])
    assert store.card("a-q0").reps == 1  # the question was edited, its card is the same
    assert store.flags("a-q1") == (False, False, True)  # removed: orphaned, log kept
    assert "a-q1" not in store.queue(NOW, UTC).cards
    store.record("a-q1", Rating.GOOD, NOW)  # an orphan can still be answered without a crash
    store.sync([bank("a", 30)])
    assert store.flags("a-q1") == (False, False, False)


def test_the_study_day_starts_at_four_local_time():
    day = study_day(dt.datetime(2026, 3, 1, 22, 0, tzinfo=UTC), IST, 4)  # 03:30 IST on the 2nd
    assert day.start == dt.datetime(2026, 2, 28, 22, 30, tzinfo=UTC)  # 04:00 IST on the 1st
    assert day.end == dt.datetime(2026, 3, 1, 22, 30, tzinfo=UTC)
    assert study_day(dt.datetime(2026, 3, 1, 22, 45, tzinfo=UTC), IST, 4).start == day.end


def test_new_cards_respect_the_daily_limit_and_interleave_banks(tmp_path):
    with make_store(tmp_path, new_per_day=5,
                    banks={"b": BankLimits(new_per_day=1)}) as s:
        s.sync([bank("a", 10), bank("b", 10), bank("c", 10)])
        queue = s.queue(NOW, UTC)
        assert queue.new == ["a-q0", "b-q0", "c-q0", "a-q1", "c-q1"]
        s.record("a-q0", Rating.GOOD, NOW)
        s.record("b-q0", Rating.GOOD, NOW)
        assert s.queue(NOW, UTC).new == ["a-q1", "c-q0", "a-q2"]
        assert s.queue(NOW + dt.timedelta(days=1), UTC).new[:2] == ["a-q1", "b-q1"]


def test_review_limit_and_due_first(tmp_path):
    with make_store(tmp_path, reviews_per_day=2, new_per_day=2) as s:
        s.sync([bank("a", 10)])
        for i in range(4):
            s.record(f"a-q{i}", Rating.EASY, NOW - dt.timedelta(days=40))
        queue = s.queue(NOW, UTC)
        assert len(queue.due) == 2 and queue.new == ["a-q4", "a-q5"]
        assert queue.counts["a"] == {"due": 2, "learning": 0, "new": 2}
        s.record(queue.due[0], Rating.GOOD, NOW)
        assert s.queue(NOW, UTC).counts["a"]["due"] == 1


def test_siblings_wait_for_another_day(tmp_path):
    with make_store(tmp_path, new_per_day=10) as s:
        s.sync([bank("a", 6, facts=3)])  # q0 & q3 share fact 0, q1 & q4 fact 1, ...
        assert s.queue(NOW, UTC).new == ["a-q0", "a-q1", "a-q2"]
        s.record("a-q0", Rating.GOOD, NOW)
        queue = s.queue(NOW, UTC)
        assert "a-q3" not in queue.cards and "a-q0" in queue.due  # learning goes on
        s.record("a-q0", Rating.GOOD, NOW + dt.timedelta(minutes=10))  # learned: due in days
        assert "a-q3" not in s.queue(NOW + dt.timedelta(hours=1), UTC).cards
        assert "a-q3" in s.queue(NOW + dt.timedelta(days=1), UTC).new


def test_reviewed_today_and_streak(store):
    for days in (3, 2, 1, 0):
        store.record(f"a-q{days}", Rating.GOOD, NOW - dt.timedelta(days=days))
    assert store.queue(NOW, UTC).reviewed_today == 1
    assert store.streak(NOW, UTC) == 4
    assert store.streak(NOW + dt.timedelta(days=1), UTC) == 4  # today not studied yet
    assert store.streak(NOW + dt.timedelta(days=2), UTC) == 0


_ratings = st.lists(st.tuples(st.integers(1, 86400 * 60), st.sampled_from(list(Rating))),
                    min_size=1, max_size=12)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=40)
@given(_ratings)
def test_undo_always_restores_and_replay_always_rebuilds(tmp_path_factory, answers):
    with make_store(tmp_path_factory.mktemp("db")) as s:
        s.sync([bank("a", 1)])
        when = NOW
        for seconds, rating in answers:
            when += dt.timedelta(seconds=seconds)
            before = s.card("a-q0"), s.log("a-q0"), s.flags("a-q0")
            s.record("a-q0", rating, when)
            s.undo()
            assert (s.card("a-q0"), s.log("a-q0"), s.flags("a-q0")) == before
            s.record("a-q0", rating, when)
        assert s.replay("a-q0") == s.card("a-q0")


WRITER = """
import datetime as dt, sys
from pathlib import Path
from quizcli.review.schedule import Rating
from quizcli.review.settings import Settings
from quizcli.review.store import Store
store = Store(Path(sys.argv[1]), Settings())
store.sync([("a", [(f"q{i}", None) for i in range(50)])])
now = dt.datetime(2026, 3, 2, tzinfo=dt.timezone.utc)
i = 0
while True:
    i += 1
    recorded = store.record(f"q{i % 50}", Rating((i % 4) + 1), now + dt.timedelta(minutes=i))
    print(recorded.review_id, flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_writer_loses_no_recorded_answer(tmp_path):
    path = tmp_path / "quizcli.db"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE,
                              text=True)
    reported = []
    deadline = time.monotonic() + 30
    while len(reported) < 200 and time.monotonic() < deadline:
        line = writer.stdout.readline()
        if line:
            reported.append(int(line))
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    reported += [int(line) for line in writer.stdout.read().split()]
    assert len(reported) >= 200

    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = {row[0] for row in db.execute("SELECT id FROM reviews")}
    assert set(reported) <= stored
    db.close()
    with Store(path, Settings()) as s:  # and quizcli opens it as usual
        assert s.version == len(MIGRATIONS)


def test_merged_answers_take_their_place_in_time_and_rebuild_the_card(tmp_path):
    from quizcli.review.store import RESET, Answer

    with make_store(tmp_path, leech_threshold=2, learning_steps=(), relearning_steps=()) as s:
        s.sync([bank("a", 3)])
        s.record("a-q0", Rating.GOOD, NOW + dt.timedelta(days=10))
        day = 86_400_000
        start = round(NOW.timestamp() * 1000)
        given = [Answer("a-q0", start + n * day, int(r), 5000)
                 for n, r in enumerate([Rating.GOOD, Rating.AGAIN, Rating.GOOD, Rating.AGAIN])]
        merged = s.merge(given + given[:1] + [Answer("gone", start, 3)], "anki")
        assert (merged.added, merged.skipped, merged.strays, merged.cards) == (4, 1, 1, 1)
        card = s.card("a-q0")
        assert card == s.replay("a-q0") and card.reps == 5 and card.lapses == 2
        assert [r for _, r in s.log("a-q0")] == [3, 1, 3, 1, 3]  # in time order
        assert s.flags("a-q0")[:2] == (True, True)  # the second lapse made it a leech
        states = [row[0] for row in s.db.execute(
            "SELECT prev_state FROM reviews WHERE question_id = 'a-q0' ORDER BY reviewed_at")]
        assert states == [0, 2, 2, 2, 2]  # each as it was before that answer, in time order
        s.merge([Answer("a-q0", start + 20 * day, RESET)], "anki")
        assert s.card("a-q0") == Card("a-q0") and s.flags("a-q0") == (False, False, False)
        assert s.merge(given, "anki").added == 0


def test_a_merge_is_one_transaction(tmp_path, monkeypatch):
    from quizcli.review.store import Answer

    with make_store(tmp_path) as s:
        s.sync([bank("a", 3)])
        start = round(NOW.timestamp() * 1000)

        def broken(self, question_id, added):
            raise KeyboardInterrupt

        monkeypatch.setattr(Store, "_rebuild", broken)
        with pytest.raises(KeyboardInterrupt):
            s.merge([Answer("a-q0", start, 3), Answer("a-q1", start, 3)], "anki")
        assert s.log("a-q0") == [] and s.log("a-q1") == []


def test_a_bank_with_a_higher_target_is_asked_again_sooner(tmp_path):
    from quizcli.review.settings import BankLimits, settings_from

    keen = settings_from({"banks": {"a": {"desired_retention": 0.97}}})
    assert keen.banks == {"a": BankLimits(desired_retention=0.97)}
    with make_store(tmp_path, banks=keen.banks, learning_steps=()) as s:
        s.sync([bank("a", 1), bank("b", 1)])
        for day in range(3):
            for qid in ("a-q0", "b-q0"):
                s.record(qid, Rating.GOOD, max(NOW, s.card(qid).due or NOW)
                         + dt.timedelta(days=day))
        assert s.card("a-q0").due < s.card("b-q0").due
        assert s.card("a-q0") == s.replay("a-q0")  # replay schedules with the bank's target


def test_a_bank_target_outside_what_fsrs_allows_is_refused():
    from quizcli.review.settings import settings_from

    with pytest.raises(ValueError, match="banks.a.desired_retention"):
        settings_from({"banks": {"a": {"desired_retention": 1.5}}})
