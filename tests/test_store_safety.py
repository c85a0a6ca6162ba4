"""No answer lost: a changed grade is one commit, undo takes back only its own session's
answer, and an interrupt during a write is raised as itself."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap

import pytest
from test_store import NOW, bank, make_store

from quizcli.review.schedule import Rating


def test_a_changed_grade_is_one_commit(tmp_path, monkeypatch):
    with make_store(tmp_path) as store:
        store.sync([bank("a", 3)])
        session = store.start_session(NOW, "mixed")
        first = store.record("a-q0", Rating.GOOD, NOW, session=session)

        def broken(*args, **kwargs):
            raise OSError("database or disk is full")

        monkeypatch.setattr(store, "_log", broken)
        with pytest.raises(OSError):
            store.record("a-q0", Rating.AGAIN, NOW, session=session,
                         replacing=first.review_id)
        monkeypatch.undo()
        # the failed change took nothing back: the first answer is still there
        assert [rating for _, rating in store.log("a-q0")] == [int(Rating.GOOD)]
        changed = store.record("a-q0", Rating.AGAIN, NOW, session=session,
                               replacing=first.review_id)
        assert [rating for _, rating in store.log("a-q0")] == [int(Rating.AGAIN)]
        assert store.card("a-q0") == changed.card


def test_undo_takes_back_only_its_own_sessions_answer(tmp_path):
    with make_store(tmp_path) as one, make_store(tmp_path) as other:
        one.sync([bank("a", 4)])
        mine = one.start_session(NOW, "mixed")
        theirs = other.start_session(NOW, "mixed")
        one.record("a-q0", Rating.GOOD, NOW, session=mine)
        other.record("a-q1", Rating.HARD, NOW + dt.timedelta(seconds=5), session=theirs)
        assert one.undo(mine) == "a-q0"
        assert other.log("a-q1") and not one.log("a-q0")
        assert one.undo(mine) is None  # nothing of its own left; theirs stays
        assert other.log("a-q1")


class _InterruptAfterCommit:
    """A connection that is interrupted (Ctrl-C) just after its commit went through."""

    def __init__(self, db):
        self._db = db

    def execute(self, sql, *args):
        result = self._db.execute(sql, *args)
        if sql == "COMMIT":
            raise KeyboardInterrupt
        return result

    def __getattr__(self, name):
        return getattr(self._db, name)


def test_ctrl_c_just_after_a_commit_is_raised_as_itself_and_the_answer_kept(tmp_path):
    with make_store(tmp_path) as store:
        store.sync([bank("a", 2)])
        real = store.db
        session = store.start_session(NOW, "mixed")
        store.db = _InterruptAfterCommit(real)
        with pytest.raises(KeyboardInterrupt):
            store.record("a-q0", Rating.GOOD, NOW, session=session)
        store.db = real
        assert [rating for _, rating in store.log("a-q0")] == [int(Rating.GOOD)]
        assert not real.in_transaction


CHANGER = textwrap.dedent("""
    import datetime as dt, sys
    from pathlib import Path
    from quizcli.review.schedule import Rating
    from quizcli.review.settings import Settings
    from quizcli.review.store import Store
    store = Store(Path(sys.argv[1]), Settings())
    now = dt.datetime(2026, 3, 2, 6, 0, tzinfo=dt.timezone.utc)
    session = store.start_session(now, "mixed")
    for i in range(10_000):
        qid = f"a-q{i % 20}"
        first = store.record(qid, Rating.GOOD, now, session=session)
        store.record(qid, Rating.HARD, now, session=session, replacing=first.review_id)
        print(i, flush=True)  # shown to the user as saved
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
def test_kill_9_while_grades_change_loses_no_answer_shown_as_saved(tmp_path):
    path = tmp_path / "quizcli.db"
    with make_store(tmp_path) as store:
        store.sync([bank("a", 20)])
    script = tmp_path / "changer.py"
    script.write_text(CHANGER, encoding="utf-8")
    for attempt in range(50):
        child = subprocess.Popen([sys.executable, str(script), str(path)],
                                 stdout=subprocess.PIPE, text=True,
                                 env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
        saved = -1
        for _ in range(3 + attempt % 7):
            line = child.stdout.readline()
            if line:
                saved = int(line)
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        with make_store(tmp_path) as store:
            assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            ratings = [r for (r,) in store.db.execute("SELECT rating FROM reviews")]
            # every change either happened whole or not at all: each answer is one row,
            # and every answer shown as saved is there
            assert ratings.count(int(Rating.HARD)) >= saved + 1
            store.db.execute("DELETE FROM reviews")


OPENER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from quizcli.review.settings import Settings
    from quizcli.review.store import Store
    name = sys.argv[2] if len(sys.argv) > 2 else "a"
    with Store(Path(sys.argv[1]), Settings()) as store:
        store.sync([("a", [(f"a-q{i}", f"a-f{i}") for i in range(50)]),
                    (name, [(f"{name}-q{i}", f"{name}-f{i}") for i in range(50)])])
    print("ok")
""")


def _twice_at_once(script, *args):
    """Runs the script in two processes started together; the last line of each failure."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    children = [subprocess.Popen([sys.executable, str(script), *map(str, args)], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(2)]
    failures = []
    for child in children:
        out, err = child.communicate(timeout=60)
        if child.returncode != 0 or out.strip() != "ok":
            failures.append(err.strip().splitlines()[-1:])
    return failures


def test_two_commands_opening_a_new_store_at_once_both_succeed(tmp_path):
    script = tmp_path / "opener.py"
    script.write_text(OPENER, encoding="utf-8")
    failures = []
    for attempt in range(50):
        failures += _twice_at_once(script, tmp_path / f"store-{attempt}.db")
    assert failures == []


def test_two_commands_meeting_a_new_bank_at_once_both_succeed(tmp_path):
    script = tmp_path / "opener.py"
    script.write_text(OPENER, encoding="utf-8")
    db = tmp_path / "store.db"
    assert _twice_at_once(script, db) == []
    failures = []
    for attempt in range(50):
        failures += _twice_at_once(script, db, f"new{attempt}")
    assert failures == []
    import sqlite3

    with sqlite3.connect(db) as check:
        made = check.execute("SELECT COUNT(*) FROM cards WHERE question_id LIKE 'new49-%'")
        assert made.fetchone()[0] == 50


def test_a_store_that_cannot_be_written_is_not_called_a_broken_database(tmp_path):
    from quizcli.review.store import StoreError

    with make_store(tmp_path) as store:
        store.sync([bank("a", 2)])
    path = tmp_path / "quizcli.db"
    held = __import__("sqlite3").connect(path, isolation_level=None)
    held.execute("BEGIN EXCLUSIVE")  # another command writing, and not letting go
    try:
        from quizcli.review.store import connection as store_module

        original = store_module.BUSY_SECONDS
        store_module.BUSY_SECONDS = 0.2
        try:
            with pytest.raises(StoreError) as caught, make_store(tmp_path) as other:
                other.record("a-q0", Rating.GOOD, NOW)
        finally:
            store_module.BUSY_SECONDS = original
    finally:
        held.execute("ROLLBACK")
        held.close()
    message = str(caught.value)
    assert "move it aside" not in message and "not a quizcli database" not in message
    assert "safe" in message


INGESTER = textwrap.dedent("""
    import datetime as dt, sys
    from pathlib import Path
    from quizcli.making.ingest import ingest
    ingest([Path(sys.argv[2])], Path(sys.argv[1]), dt.date(2026, 3, 2), bank_id="shared")
    print("ok")
""")


def test_two_ingests_into_one_bank_at_once_keep_both_articles(tmp_path):
    from test_article import SEED_0, SEED_1

    from quizcli.bankfile import load_bank

    script = tmp_path / "ingester.py"
    script.write_text(INGESTER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    lost = 0
    for attempt in range(50):
        folder = tmp_path / f"banks-{attempt}"
        children = [subprocess.Popen([sys.executable, str(script), str(folder), str(seed)],
                                     env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True) for seed in (SEED_0, SEED_1)]
        for child in children:
            out, err = child.communicate(timeout=120)
            assert child.returncode == 0, err
        bank = load_bank(folder / "shared.yaml")
        lost += len(bank.sources) != 2
    assert lost == 0
