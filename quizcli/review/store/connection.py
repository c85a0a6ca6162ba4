"""The review store's connection: opening it, one transaction helper, and the schema as
an append-only list of named migrations, applied whenever it opens."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from quizcli.errors import QuizcliError
from quizcli.review.days import UTC
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


def _row_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just made."""
    assert cursor.lastrowid is not None  # set by every INSERT
    return cursor.lastrowid


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


def _migration_3(db: sqlite3.Connection) -> None:
    db.execute("DROP TABLE IF EXISTS meta")


Migration = Callable[[sqlite3.Connection], None]

MIGRATIONS: list[tuple[str, Migration]] = [
    ("cards, the review log, sessions", _migration_1),
    ("when each exported note took its present content", _migration_2),
    ("the first migration's meta table, which nothing ever used, goes", _migration_3),
]
"""Append only: a released migration is never changed or renamed (the store records the
names of those it has had), a new one is added at the end."""


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


class Connection:
    """The store's database, migrated to the present schema."""

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

    def close(self) -> None:
        self.db.close()

    # --- schema ------------------------------------------------------------

    @property
    def version(self) -> int:
        """How many migrations the store has had; a quizcli that knows fewer refuses it."""
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _names_recorded(self) -> bool:
        return self.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                               "AND name = 'migrations'").fetchone() is not None

    def applied_migrations(self) -> list[str]:
        """The names of the migrations the store has had, in the order applied. A store
        from before names were recorded has had the first `version` of them."""
        if not self._names_recorded():
            return [name for name, _ in MIGRATIONS[:self.version]]
        return [row[0] for row in self.db.execute("SELECT name FROM migrations ORDER BY rowid")]

    def _pending(self) -> list[tuple[str, Migration]]:
        """The migrations the store has not had, in order; StoreError if it has had one
        this quizcli does not know."""
        version, applied = self.version, self.applied_migrations()
        known = {name for name, _ in MIGRATIONS}
        if version > len(MIGRATIONS) or not known.issuperset(applied):
            raise StoreError(f"{self.path}: was written by a newer quizcli (schema {version}, "
                             f"this one knows {len(MIGRATIONS)}); upgrade quizcli")
        return [(name, migration) for name, migration in MIGRATIONS if name not in applied]

    def _migrate(self) -> None:
        if not self._pending() and self._names_recorded():
            return
        # One process migrates; another started at the same moment waits for the write
        # lock, then finds the work done.
        with self.atomic():
            pending = self._pending()
            if not self._names_recorded():
                applied = self.applied_migrations()
                self.db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
                # when those were applied is not known
                self.db.executemany("INSERT INTO migrations (name) VALUES (?)",
                                    [(name,) for name in applied])
            for name, migration in pending:
                migration(self.db)
                self.db.execute("INSERT INTO migrations (name, applied_at) "
                                "VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", (name,))
            # what a quizcli from before the names were recorded reads
            self.db.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")

    # --- writing ----------------------------------------------------------

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """One write, all or nothing. Whatever interrupts it (an error, Ctrl-C between two
        statements) rolls back what was begun and is raised as it was: a rollback that
        finds nothing to undo (the commit went through) never hides it. SQLite's own
        errors are raised as a StoreError that says what to do.

        Inside another, it is a savepoint: what fails in it is undone alone, and what it
        did is kept or undone with the outer one."""
        if self.db.in_transaction:
            self.db.execute("SAVEPOINT atomic")
            try:
                yield
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self.db.execute("ROLLBACK TO atomic")
                    self.db.execute("RELEASE atomic")
                raise
            self.db.execute("RELEASE atomic")
            return
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
