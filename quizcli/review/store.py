"""The review store: a SQLite database in the quizcli folder that never loses an answer.

It holds the state of each card, an append-only log of every answer, and study
sessions. It runs in WAL mode with full sync, so an answer is on disk before
`record` returns, and a crash or a kill cannot corrupt it. Its schema is a list
of migrations, applied in order whenever it opens.

A card's identity is its question id: editing a question in its bank keeps the
card's history, and a question removed from its bank leaves its card and log in
place, marked orphaned.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quizcli.errors import QuizcliError
from quizcli.review.days import UTC, StudyDay, study_day
from quizcli.review.schedule import (
    Card,
    CardState,
    Rating,
    from_ms,
    review,
    to_ms,
)
from quizcli.review.schedule import (
    reset as reset_card,
)
from quizcli.review.settings import Settings

DB_NAME = "quizcli.db"


class StoreError(QuizcliError):
    exit_code = 2
    busy = False
    """Whether another command held the store, so that trying again may work."""


def _run(db: sqlite3.Connection, script: str) -> None:
    """Run statements inside the caller's transaction (executescript would commit it)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _migration_1(db: sqlite3.Connection) -> None:
    _run(db, """
        CREATE TABLE cards (
            question_id TEXT PRIMARY KEY,
            bank        TEXT NOT NULL,
            fact        TEXT,
            position    INTEGER NOT NULL,
            state       INTEGER NOT NULL DEFAULT 0,
            step        INTEGER,
            stability   REAL,
            difficulty  REAL,
            due         INTEGER,
            last_review INTEGER,
            reps        INTEGER NOT NULL DEFAULT 0,
            lapses      INTEGER NOT NULL DEFAULT 0,
            suspended   INTEGER NOT NULL DEFAULT 0,
            leech       INTEGER NOT NULL DEFAULT 0,
            orphaned    INTEGER NOT NULL DEFAULT 0,
            question    TEXT,
            kind        TEXT
        );
        CREATE INDEX cards_learning ON cards (due) WHERE state IN (1, 3);
        CREATE INDEX cards_review ON cards (bank, due) WHERE state = 2;
        CREATE INDEX cards_new ON cards (bank, position) WHERE state = 0;
        CREATE TABLE banks (
            id    TEXT PRIMARY KEY,
            rank  INTEGER NOT NULL,
            stamp TEXT
        );
        CREATE TABLE sessions (
            id         INTEGER PRIMARY KEY,
            started_at INTEGER NOT NULL,
            ended_at   INTEGER,
            mode       TEXT
        );
        CREATE TABLE reviews (
            id          INTEGER PRIMARY KEY,
            question_id TEXT NOT NULL,
            reviewed_at INTEGER NOT NULL,
            rating      INTEGER NOT NULL,
            answer      TEXT,
            duration_ms INTEGER,
            mode        TEXT,
            session_id  INTEGER REFERENCES sessions (id),
            prev_state  INTEGER NOT NULL,
            interval    REAL,
            bank        TEXT,
            kind        TEXT,
            before      TEXT NOT NULL
        );
        CREATE INDEX reviews_time ON reviews (reviewed_at, rating, bank);
        CREATE INDEX reviews_retention
            ON reviews (prev_state, bank, kind, reviewed_at, rating, interval);
        CREATE INDEX reviews_card ON reviews (question_id, id);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    """)


def _migration_2(db: sqlite3.Connection) -> None:
    _run(db, """
        CREATE TABLE exported (
            question_id TEXT PRIMARY KEY,
            digest      TEXT NOT NULL,
            since       INTEGER NOT NULL
        );
    """)


MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("cards, the review log, sessions", _migration_1),
    ("when each exported note took its present content", _migration_2),
]
"""Append only: a released migration is never changed, a new one is added at the end."""

RESET = 0
"""The rating logged when a card is reset: the log records it, and replay honours it."""


@dataclass(frozen=True)
class Recorded:
    card: Card
    review_id: int
    leech: bool
    """The answer made the card a leech: it is now suspended."""


@dataclass(frozen=True)
class Answer:
    """An answer given elsewhere (in Anki, say), to add to the log."""

    question_id: str
    reviewed_at: int
    """Epoch milliseconds, UTC."""
    rating: int
    """1-4 as `Rating`, or RESET."""
    duration_ms: int | None = None


@dataclass(frozen=True)
class Merged:
    added: int
    skipped: int
    """Answers already in the log."""
    strays: int
    """Answers to questions that have no card."""
    cards: int
    """Cards rebuilt from their logs."""


def _interval(before: Card) -> float | None:
    """The interval, in days, a card in review had been given: for young/mature statistics."""
    if before.state is CardState.REVIEW and before.due and before.last_review:
        return (before.due - before.last_review).total_seconds() / 86400
    return None


@dataclass(frozen=True)
class Queue:
    """What to study today, in order: due cards first, then new ones."""

    due: list[str]
    new: list[str]
    counts: dict[str, dict[str, int]]
    """bank → {due, learning, new}: what remains to study today."""
    reviewed_today: int
    waiting: list[tuple[dt.datetime, str]] = field(default_factory=list)
    """(due, question id) of cards in learning due later today, beyond the learn-ahead
    limit: not to be shown before their time."""

    @property
    def cards(self) -> list[str]:
        return self.due + self.new


BUSY_SECONDS = 10
"""How long a command waits for another one that is writing the store."""


def open_problem(path: Path, exc: sqlite3.Error) -> str:
    """What went wrong opening the store, in words that do not put the reviews at risk: a
    store is called no database only when SQLite says so."""
    message = str(exc).lower()
    if "file is not a database" in message or "malformed" in message:
        return (f"{path}: is not a quizcli database ({exc}); if you have no reviews to keep, "
                "move it aside and quizcli will start a new one")
    if "locked" in message or "busy" in message:
        return (f"{path}: another quizcli command has held the store for {BUSY_SECONDS} s; "
                "your answers are safe: finish or close the other command and try again")
    if "readonly" in message or "read-only" in message:
        return f"{path}: cannot be written (read-only); make it writable, your answers are safe"
    if "full" in message:
        return f"{path}: the disk is full; free some space and try again, your answers are safe"
    return f"{path}: cannot be opened ({exc}); check the folder's permissions and free space"


def write_problem(path: Path, exc: sqlite3.Error) -> str:
    """Why a write to the store failed; what was written before it is kept."""
    message = str(exc).lower()
    if "full" in message:
        why = "the disk is full; free some space"
    elif "locked" in message or "busy" in message:
        why = (f"another quizcli command held the store for {BUSY_SECONDS} s; finish or close "
               "it")
    elif "readonly" in message or "read-only" in message:
        why = "it cannot be written (read-only); make it writable"
    else:
        why = f"{exc}"
    return (f"{path}: could not be written, so this change was not saved: {why}. Every "
            "answer saved before it is safe.")


class Store:
    """The review database. Open with `Store.open(home)`; close when done."""

    def __init__(self, path: Path, settings: Settings, tz: dt.tzinfo = UTC):
        self.path = path
        self.settings = settings
        self.tz = tz
        """The time zone whose study days scheduling counts."""
        import time

        deadline = time.monotonic() + BUSY_SECONDS
        while True:
            try:
                self.db = sqlite3.connect(path, isolation_level=None, timeout=BUSY_SECONDS)
                self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = FULL")
                self.db.execute("PRAGMA foreign_keys = ON")
                self._migrate()
                return
            except (sqlite3.Error, StoreError) as exc:
                with contextlib.suppress(sqlite3.Error, AttributeError):
                    self.db.close()
                busy = getattr(exc, "busy", False) or "locked" in str(exc) or "busy" in str(exc)
                if busy and time.monotonic() < deadline:
                    time.sleep(0.05)  # another command is making the store: its turn first
                    continue
                if isinstance(exc, StoreError):
                    raise
                raise StoreError(open_problem(path, exc)) from None

    @classmethod
    def open(cls, home: Path, settings: Settings | None = None, tz: dt.tzinfo = UTC) -> Store:
        from quizcli.review.settings import load_settings

        return cls(home / DB_NAME, settings or load_settings(home), tz)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- schema ------------------------------------------------------------

    @property
    def version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        version = self.version
        if version > len(MIGRATIONS):
            raise StoreError(f"{self.path}: was written by a newer quizcli (schema {version}, "
                             f"this one knows {len(MIGRATIONS)}); upgrade quizcli")
        if version == len(MIGRATIONS):
            return
        # One process migrates; another started at the same moment waits for the write
        # lock, then finds the work done.
        with self._transaction():
            for number, (_, migration) in enumerate(MIGRATIONS[self.version:],
                                                    start=self.version + 1):
                migration(self.db)
                self.db.execute(f"PRAGMA user_version = {number}")

    # --- cards -------------------------------------------------------------

    def sync(self, banks: list[tuple[str, list[tuple]]], stamps: dict[str, str] | None = None
             ) -> int:
        """Make a card for every question of the banks; mark cards whose question is gone.

        `banks` gives each bank id with its questions in rank order, as
        (question id, fact id), or (question id, fact id, question as JSON, kind);
        the JSON is kept so that a session can show the question without
        parsing the bank again, and the kind (date, quote, ...) for statistics.
        `stamps` records what each bank file was when synced.
        Returns how many cards were added.
        """
        existing = {row[0]: row[1:] for row in self.db.execute(
            "SELECT question_id, bank, fact, position, orphaned, question, kind FROM cards")}
        seen: set[str] = set()
        inserts, updates = [], []
        for bank, questions in banks:
            for position, (qid, fact, *payload) in enumerate(questions):
                if qid in seen:
                    continue  # the same question in two banks is one card, the first bank's
                seen.add(qid)
                question = payload[0] if payload else None
                kind = payload[1] if len(payload) > 1 else None
                if qid not in existing:
                    inserts.append((qid, bank, fact, position, question, kind))
                elif existing[qid] != (bank, fact, position, 0, question, kind):
                    updates.append((bank, fact, position, question, kind, qid))
        orphans = [(qid,) for qid, row in existing.items() if qid not in seen and not row[3]]
        bank_ids = list(dict.fromkeys(bank for bank, _ in banks))
        with self._transaction():
            self.db.execute("DELETE FROM banks")
            self.db.executemany("INSERT INTO banks (id, rank, stamp) VALUES (?, ?, ?)",
                                [(bank, rank, (stamps or {}).get(bank))
                                 for rank, bank in enumerate(bank_ids)])
            # OR IGNORE: another process may have made the same card since it was read
            self.db.executemany("INSERT OR IGNORE INTO cards (question_id, bank, fact, "
                                "position, question, kind) VALUES (?, ?, ?, ?, ?, ?)", inserts)
            self.db.executemany("UPDATE cards SET bank = ?, fact = ?, position = ?, "
                                "question = ?, kind = ?, orphaned = 0 WHERE question_id = ?",
                                updates)
            self.db.executemany("UPDATE cards SET orphaned = 1 WHERE question_id = ?", orphans)
        return len(inserts)

    def stamps(self) -> dict[str, str | None]:
        """bank id → the stamp of its file when it was last synced."""
        return dict(self.db.execute("SELECT id, stamp FROM banks ORDER BY rank"))

    def question(self, question_id: str) -> str | None:
        """The question as JSON, as the last sync saw it."""
        row = self.db.execute("SELECT question FROM cards WHERE question_id = ?",
                              (question_id,)).fetchone()
        return row[0] if row else None

    def next_due(self) -> dt.datetime | None:
        """When the next studied card (not suspended or orphaned) can be studied: a card in
        learning at its due time, a review card from the start of the study day it falls
        due on, as the queue takes it."""
        learning, review = self.db.execute(
            "SELECT min(CASE WHEN state != 2 THEN due END), min(CASE WHEN state = 2 THEN due "
            "END) FROM cards WHERE state != 0 AND suspended = 0 AND orphaned = 0").fetchone()
        moments = []
        for due, from_day_start in ((learning, False), (review, True)):
            when = from_ms(due)
            if when is not None:
                moments.append(study_day(when, self.tz, self.settings.day_starts_at).start
                               if from_day_start else when)
        return min(moments, default=None)

    def all_cards(self, banks: list[str] | None = None, limit: int = 1000) -> list[str]:
        """Cards to cram: studied ones first, weakest first, then new ones in rank order."""
        rows = self.db.execute(
            "SELECT question_id, bank FROM cards WHERE suspended = 0 AND orphaned = 0 "
            "ORDER BY state = 0, stability, position LIMIT ?", (limit * 4,))
        chosen = set(banks) if banks else None
        return [qid for qid, bank in rows if chosen is None or bank in chosen][:limit]

    def card(self, question_id: str) -> Card:
        row = self.db.execute(
            "SELECT state, step, stability, difficulty, due, last_review, reps, lapses "
            "FROM cards WHERE question_id = ?", (question_id,)).fetchone()
        if row is None:
            raise StoreError(f"no card for question {question_id!r}; is it in a bank?")
        state, step, stability, difficulty, due, last, reps, lapses = row
        return Card(question_id, CardState(state), step, stability, difficulty,
                    from_ms(due), from_ms(last), reps, lapses)

    def flags(self, question_id: str) -> tuple[bool, bool, bool]:
        """(suspended, leech, orphaned)."""
        row = self.db.execute("SELECT suspended, leech, orphaned FROM cards "
                              "WHERE question_id = ?", (question_id,)).fetchone()
        if row is None:
            raise StoreError(f"no card for question {question_id!r}")
        return bool(row[0]), bool(row[1]), bool(row[2])

    def _write(self, card: Card) -> None:
        self.db.execute(
            "UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, "
            "last_review = ?, reps = ?, lapses = ? WHERE question_id = ?",
            (int(card.state), card.step, card.stability, card.difficulty,
             to_ms(card.due) if card.due else None,
             to_ms(card.last_review) if card.last_review else None,
             card.reps, card.lapses, card.question_id))

    def _log(self, before: Card, rating: int, now: dt.datetime, answer: str | None,
             duration_ms: int | None, mode: str | None, session: int | None) -> int:
        interval = _interval(before)
        # The bank and kind as they were, so statistics need no join over the whole log.
        bank, kind = self.db.execute("SELECT bank, kind FROM cards WHERE question_id = ?",
                                     (before.question_id,)).fetchone()
        cursor = self.db.execute(
            "INSERT INTO reviews (question_id, reviewed_at, rating, answer, duration_ms, mode, "
            "session_id, prev_state, interval, bank, kind, before) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (before.question_id, to_ms(now), rating, answer, duration_ms, mode, session,
             int(before.state), interval, bank, kind, json.dumps(before.to_dict())))
        return int(cursor.lastrowid)

    def content_times(self, digests: dict[str, str], now: dt.datetime) -> dict[str, int]:
        """When each question's exported content (by its digest) was first exported, in
        epoch seconds: `now` for content not exported before. Anki updates a note whose
        time is newer, so a question corrected today reaches Anki today, and one left
        alone keeps its time."""
        stamp = int(now.timestamp())
        known = {qid: (digest, since) for qid, digest, since in
                 self.db.execute("SELECT question_id, digest, since FROM exported")}
        times = {}
        for qid, digest in digests.items():
            old_digest, since = known.get(qid, ("", 0))
            # a new content is always newer than the last, even within one second
            times[qid] = since if old_digest == digest else max(stamp, since + 1)
        changed = [(qid, digest, times[qid]) for qid, digest in digests.items()
                   if known.get(qid, ("",))[0] != digest]
        if changed:
            with self._transaction():
                self.db.executemany("INSERT OR REPLACE INTO exported VALUES (?, ?, ?)", changed)
        return times

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write, all or nothing. Whatever interrupts it (an error, Ctrl-C between two
        statements) rolls back what was begun and is raised as it was: a rollback that
        finds nothing to undo (the commit went through) never hides it."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            yield
            self.db.execute("COMMIT")
        except BaseException as exc:
            if self.db.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                error = StoreError(write_problem(self.path, exc))
                error.busy = "locked" in str(exc) or "busy" in str(exc)
                raise error from None
            raise

    def settings_for(self, question_id: str) -> Settings:
        """The settings a card is scheduled with: its bank's own where it has them."""
        if not self.settings.banks:
            return self.settings
        row = self.db.execute("SELECT bank FROM cards WHERE question_id = ?",
                              (question_id,)).fetchone()
        return self.settings.for_bank(row[0] if row else None)

    def record(self, question_id: str, rating: Rating, now: dt.datetime, *,
               answer: str | None = None, duration_ms: int | None = None,
               mode: str | None = None, session: int | None = None,
               replacing: int | None = None) -> Recorded:
        """Schedule the card and log the answer, durably, in one transaction. `replacing`
        is the id of an answer to this card that the new grade corrects: it is taken back
        in the same transaction, so a changed grade is never half made."""
        with self._transaction():
            if replacing is not None:
                self._take_back(replacing)
            before = self.card(question_id)
            after = review(before, Rating(rating), now, self.settings_for(question_id),
                           tz=self.tz)
            review_id = self._log(before, int(rating), now, answer, duration_ms, mode, session)
            self._write(after)
            leech = after.lapses > before.lapses and after.lapses >= self.settings.leech_threshold
            if leech:
                self.db.execute("UPDATE cards SET suspended = 1, leech = 1 "
                                "WHERE question_id = ?", (question_id,))
        return Recorded(after, review_id, leech)

    def undo(self, session: int | None = None) -> str | None:
        """Take back the last answer (or reset), of `session` when given (another session's
        answers are not its to take back): the card returns to exactly its state before,
        and the log to exactly what it was. Returns the card's question id, or None."""
        with self._transaction():
            if session is None:
                row = self.db.execute("SELECT id FROM reviews ORDER BY id DESC LIMIT 1"
                                      ).fetchone()
            else:
                row = self.db.execute("SELECT id FROM reviews WHERE session_id = ? "
                                      "ORDER BY id DESC LIMIT 1", (session,)).fetchone()
            return self._take_back(row[0]) if row else None

    def _take_back(self, review_id: int) -> str | None:
        """Undo one logged answer, inside the caller's transaction."""
        row = self.db.execute("SELECT question_id, rating, before FROM reviews WHERE id = ?",
                              (review_id,)).fetchone()
        if row is None:
            return None
        question_id, rating, before = row
        self._write(Card.from_dict(json.loads(before)))
        if rating == Rating.AGAIN:  # the answer may have made it a leech
            self.db.execute(
                "UPDATE cards SET suspended = 0, leech = 0 WHERE question_id = ? "
                "AND leech = 1 AND lapses < ?", (question_id, self.settings.leech_threshold))
        self.db.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
        return question_id

    def set_suspended(self, question_id: str, suspended: bool) -> None:
        self.card(question_id)  # says clearly when there is no such card
        self.db.execute("UPDATE cards SET suspended = ? WHERE question_id = ?",
                        (int(suspended), question_id))

    def reset(self, question_id: str, now: dt.datetime) -> None:
        """Study the card from the start again. Its log is kept, with the reset in it."""
        with self._transaction():
            self._reset(question_id, now)

    def _reset(self, question_id: str, now: dt.datetime) -> None:
        before = self.card(question_id)
        self._log(before, RESET, now, None, None, "reset", None)
        self._write(reset_card(before))
        self.db.execute("UPDATE cards SET suspended = 0, leech = 0 WHERE question_id = ?",
                        (question_id,))

    def unknown(self, question_ids: list[str]) -> list[str]:
        """The ids, of those given, that are no card's, in the order given."""
        wanted = list(dict.fromkeys(question_ids))
        known: set[str] = set()
        for start in range(0, len(wanted), 500):  # SQLite's limit on parameters
            chunk = wanted[start:start + 500]
            known.update(row[0] for row in self.db.execute(
                f"SELECT question_id FROM cards WHERE question_id IN "
                f"({', '.join('?' * len(chunk))})", chunk))
        return [qid for qid in wanted if qid not in known]

    def change(self, question_ids: list[str], action: str, now: dt.datetime) -> None:
        """Suspend, unsuspend or reset every card named, in one transaction. An id that is
        no card's changes nothing at all: StoreError names every such id."""
        if action not in ("suspend", "unsuspend", "reset"):
            raise ValueError(action)
        with self._transaction():
            missing = self.unknown(question_ids)
            if missing:
                named = ", ".join(repr(qid) for qid in missing)
                raise StoreError(
                    f"no card for question{'s' if len(missing) > 1 else ''} {named}; nothing "
                    "was changed. `quizcli cards --search TEXT` finds a card's id")
            for qid in dict.fromkeys(question_ids):
                if action == "reset":
                    self._reset(qid, now)
                else:
                    self.db.execute("UPDATE cards SET suspended = ? WHERE question_id = ?",
                                    (int(action == "suspend"), qid))

    def log(self, question_id: str) -> list[tuple[int, int]]:
        """(reviewed_at ms, rating) of every logged answer of a card, in order."""
        return list(self.db.execute("SELECT reviewed_at, rating FROM reviews WHERE question_id = ? "
                                    "ORDER BY reviewed_at, id", (question_id,)))

    def replay(self, question_id: str) -> Card:
        """The card's state rebuilt from its log alone."""
        card = Card(question_id)
        for _, _, _, after in self._history(question_id):
            card = after
        return card

    def _history(self, question_id: str) -> Iterator[tuple[int, int, Card, Card]]:
        """(review id, rating, card before, card after) for every entry of the card's log,
        in time order, the card rebuilt from the log alone."""
        card = Card(question_id)
        settings = self.settings_for(question_id)
        for review_id, reviewed_at, rating in self.db.execute(
                "SELECT id, reviewed_at, rating FROM reviews WHERE question_id = ? "
                "ORDER BY reviewed_at, id", (question_id,)).fetchall():
            when = from_ms(reviewed_at)
            assert when is not None
            after = reset_card(card) if rating == RESET else review(
                card, Rating(rating), when, settings, tz=self.tz)
            yield review_id, rating, card, after
            card = after

    def merge(self, answers: list[Answer], mode: str) -> Merged:
        """Add answers given elsewhere to the log, in one transaction, and rebuild each card
        they touch by replaying its whole log in time order. An answer already in the log
        (the same card at the same millisecond) is skipped, and so is one for a question
        that has no card. An added answer that makes a card a leech suspends it, as one
        given here would; an added reset clears both flags, as `reset` does."""
        with self._transaction():
            asked = list({a.question_id for a in answers})
            known = set(asked) - set(self.unknown(asked))
            present: set[tuple[str, int]] = set()
            for question_id in known:
                present.update(self.db.execute("SELECT question_id, reviewed_at FROM reviews "
                                               "WHERE question_id = ?", (question_id,)))
            fresh: list[Answer] = []
            skipped = strays = 0
            for answer in sorted(answers, key=lambda a: (a.reviewed_at, a.question_id)):
                if answer.question_id not in known:
                    strays += 1
                elif (answer.question_id, answer.reviewed_at) in present:
                    skipped += 1
                else:
                    present.add((answer.question_id, answer.reviewed_at))
                    fresh.append(answer)
            added: set[int] = set()
            for answer in fresh:
                bank, kind = self.db.execute("SELECT bank, kind FROM cards WHERE question_id = ?",
                                             (answer.question_id,)).fetchone()
                cursor = self.db.execute(  # its place in the card's history is set below
                    "INSERT INTO reviews (question_id, reviewed_at, rating, duration_ms, mode, "
                    "prev_state, bank, kind, before) VALUES (?, ?, ?, ?, ?, 0, ?, ?, '{}')",
                    (answer.question_id, answer.reviewed_at, answer.rating, answer.duration_ms,
                     mode, bank, kind))
                added.add(int(cursor.lastrowid))
            touched = sorted({a.question_id for a in fresh})
            for question_id in touched:
                self._rebuild(question_id, added)
        return Merged(len(fresh), skipped, strays, len(touched))

    def _rebuild(self, question_id: str, added: set[int]) -> None:
        """Replay a card's log into its state and into each entry's record of the card
        before it; inside the caller's transaction."""
        card = Card(question_id)
        for review_id, rating, before, after in self._history(question_id):
            self.db.execute("UPDATE reviews SET prev_state = ?, interval = ?, before = ? "
                            "WHERE id = ?", (int(before.state), _interval(before),
                                             json.dumps(before.to_dict()), review_id))
            if review_id in added and rating == RESET:
                self.db.execute("UPDATE cards SET suspended = 0, leech = 0 "
                                "WHERE question_id = ?", (question_id,))
            elif (review_id in added and after.lapses > before.lapses
                  and after.lapses >= self.settings.leech_threshold):
                self.db.execute("UPDATE cards SET suspended = 1, leech = 1 "
                                "WHERE question_id = ?", (question_id,))
            card = after
        self._write(card)

    def reschedule(self, settings: Settings, then: Callable[[], object] | None = None) -> int:
        """Rebuild every studied card from its log with `settings` (new FSRS parameters,
        say) and keep them as the store's settings, in one transaction. `then` runs inside
        it before the commit (saving the settings' file, say): if it fails, no card has
        changed. Returns how many cards were rescheduled."""
        before = self.settings
        self.settings = settings
        try:
            with self._transaction():
                cards = [row[0] for row in self.db.execute(
                    "SELECT DISTINCT question_id FROM reviews INDEXED BY reviews_card")]
                for question_id in cards:
                    if self.db.execute("SELECT 1 FROM cards WHERE question_id = ?",
                                       (question_id,)).fetchone():
                        self._write(self.replay(question_id))
                if then is not None:
                    then()
        except BaseException:
            self.settings = before
            raise
        return len(cards)

    # --- sessions ----------------------------------------------------------

    def start_session(self, now: dt.datetime, mode: str) -> int:
        cursor = self.db.execute("INSERT INTO sessions (started_at, mode) VALUES (?, ?)",
                                 (to_ms(now), mode))
        return int(cursor.lastrowid)

    def end_session(self, session: int, now: dt.datetime) -> None:
        self.db.execute("UPDATE sessions SET ended_at = ? WHERE id = ?", (to_ms(now), session))

    # --- today ---------------------------------------------------------------

    def queue(self, now: dt.datetime, tz: dt.tzinfo, banks: list[str] | None = None,
              only: Collection[str] | None = None) -> Queue:
        """Today's cards within the daily limits, and the counts a status shows; with
        `only`, of those question ids alone (the cards with a tag).

        Cards in learning come first, then due reviews, most overdue first;
        then new cards in bank rank order, taken in turn from each bank. A card in
        learning due later today than the learn-ahead limit allows waits, in `waiting`.
        Questions made from the same fact are siblings: once one has been
        studied today, the others wait for another day.
        """
        settings = self.settings
        day = study_day(now, tz, settings.day_starts_at)
        start, end = to_ms(day.start), to_ms(day.end)
        done: dict[str, dict[int, int]] = {}
        for bank, prev_state, count in self.db.execute(
                "SELECT c.bank, r.prev_state, count(*) FROM reviews r JOIN cards c "
                "USING (question_id) WHERE r.reviewed_at >= ? AND r.rating > 0 "
                "GROUP BY c.bank, r.prev_state", (start,)):
            done.setdefault(bank, {})[prev_state] = count
        today = self.db.execute("SELECT r.question_id, c.fact FROM reviews r "
                                "INDEXED BY reviews_time JOIN cards c USING (question_id) "
                                "WHERE r.reviewed_at >= ?", (start,)).fetchall()
        studied = {qid for qid, _ in today}
        busy_facts = {fact for _, fact in today if fact is not None}
        bank_ids = [row[0] for row in self.db.execute("SELECT id FROM banks ORDER BY rank")]
        if banks:
            bank_ids = [b for b in bank_ids if b in set(banks)]
        counts = {bank: {"due": 0, "learning": 0, "new": 0} for bank in bank_ids}

        def free(qid: str, fact: str | None) -> bool:
            """One of `only`, and not a sibling of a card studied or queued today; claims
            the fact if so."""
            if only is not None and qid not in only:
                return False
            if fact is None or qid in studied:
                return True
            if fact in busy_facts:
                return False
            busy_facts.add(fact)
            return True

        due: list[tuple[int, str]] = []
        waiting: list[tuple[dt.datetime, str]] = []
        ahead = to_ms(now + dt.timedelta(minutes=settings.learn_ahead_limit))
        for qid, bank, fact, when in self.db.execute(
                "SELECT question_id, bank, fact, due FROM cards WHERE state IN (1, 3) "
                "AND due < ? AND suspended = 0 AND orphaned = 0 ORDER BY due", (end,)):
            if bank in counts and free(qid, fact):
                counts[bank]["learning"] += 1
                if when <= ahead:
                    due.append((when, qid))
                else:
                    waiting.append((from_ms(when), qid))  # type: ignore[arg-type]
        learning = len(due)
        for bank in bank_ids:
            left = settings.limits_for(bank)[1] - done.get(bank, {}).get(2, 0)
            if left <= 0:
                continue
            for qid, fact, when in self.db.execute(
                    "SELECT question_id, fact, due FROM cards WHERE bank = ? AND state = 2 "
                    "AND due < ? AND suspended = 0 AND orphaned = 0 ORDER BY due LIMIT ?",
                    (bank, end, left * 2 + 50 if only is None else -1)):
                if free(qid, fact):
                    counts[bank]["due"] += 1
                    due.append((when, qid))
                    left -= 1
                    if left == 0:
                        break
        due[learning:] = sorted(due[learning:])

        global_left = settings.new_per_day - sum(d.get(0, 0) for d in done.values())
        new_by_bank: dict[str, list[str]] = {}
        for bank in bank_ids:
            left = min(settings.limits_for(bank)[0] - done.get(bank, {}).get(0, 0), global_left)
            picked: list[str] = []
            if left > 0:
                for qid, fact in self.db.execute(
                        "SELECT question_id, fact FROM cards WHERE bank = ? AND state = 0 "
                        "AND suspended = 0 AND orphaned = 0 ORDER BY position LIMIT ?",
                        (bank, left * 4 + 50 if only is None else -1)):
                    if free(qid, fact):
                        picked.append(qid)
                        if len(picked) == left:
                            break
            new_by_bank[bank] = picked
        new: list[str] = []
        for i in range(max((len(v) for v in new_by_bank.values()), default=0)):
            for bank in bank_ids:  # in turn from each bank, each in its rank order
                if i < len(new_by_bank[bank]) and len(new) < max(global_left, 0):
                    new.append(new_by_bank[bank][i])
                    counts[bank]["new"] += 1
        reviewed = sum(sum(d.values()) for d in done.values())
        return Queue([qid for _, qid in due], new, counts, reviewed, waiting)

    def answers(self) -> list[tuple[str, int, int]]:
        """(question id, reviewed_at ms, rating) of every answer, by card then time: the
        history an optimizer fits."""
        return list(self.db.execute("SELECT question_id, reviewed_at, rating FROM reviews "
                                    "ORDER BY question_id, reviewed_at, id"))

    def streak(self, now: dt.datetime, tz: dt.tzinfo) -> int:
        """Study days in a row with at least one answer, up to today (or yesterday, if today
        has none yet). One indexed look-up a day, however long the log."""
        starts_at = self.settings.day_starts_at

        def studied(day: StudyDay) -> bool:
            return self.db.execute(
                "SELECT 1 FROM reviews INDEXED BY reviews_time WHERE reviewed_at >= ? "
                "AND reviewed_at < ? AND rating > 0 LIMIT 1",
                (to_ms(day.start), to_ms(day.end))).fetchone() is not None

        day = study_day(now, tz, starts_at)
        if not studied(day):
            day = study_day(day.start - dt.timedelta(minutes=1), tz, starts_at)
        streak = 0
        while studied(day):
            streak += 1
            day = study_day(day.start - dt.timedelta(minutes=1), tz, starts_at)
        return streak
