"""The review store's cards: one per question of the banks, with its scheduling state."""

from __future__ import annotations

import datetime as dt

from quizcli.review.days import study_day
from quizcli.review.schedule import Card, CardState, from_ms, to_ms
from quizcli.review.settings import Settings
from quizcli.review.store.connection import Connection, StoreError

_CARD_COLUMNS = ("question_id, state, step, stability, difficulty, due, last_review, reps, "
                 "lapses")


def _card(row: tuple) -> Card:
    """A card from its row of `_CARD_COLUMNS`."""
    qid, state, step, stability, difficulty, due, last, reps, lapses = row
    return Card(qid, CardState(state), step, stability, difficulty, from_ms(due),
                from_ms(last), reps, lapses)


class Cards(Connection):
    """Cards made from the banks, read and written."""

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
        with self.atomic():
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
        row = self.db.execute(f"SELECT {_CARD_COLUMNS} FROM cards WHERE question_id = ?",
                              (question_id,)).fetchone()
        if row is None:
            raise StoreError(f"no card for question {question_id!r}; is it in a bank?")
        return _card(row)

    def studied_and_new(self) -> tuple[list[Card], int]:
        """The cards studied, and how many new ones there are, of those neither suspended
        nor orphaned."""
        studied, new = [], 0
        for row in self.db.execute(f"SELECT {_CARD_COLUMNS} FROM cards "
                                   "WHERE suspended = 0 AND orphaned = 0"):
            if row[1] == CardState.NEW:
                new += 1
            else:
                studied.append(_card(row))
        return studied, new

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

    def settings_for(self, question_id: str) -> Settings:
        """The settings a card is scheduled with: its bank's own where it has them."""
        if not self.settings.banks:
            return self.settings
        row = self.db.execute("SELECT bank FROM cards WHERE question_id = ?",
                              (question_id,)).fetchone()
        return self.settings.for_bank(row[0] if row else None)

    def set_suspended(self, question_id: str, suspended: bool) -> None:
        with self.atomic():
            self.card(question_id)  # says clearly when there is no such card
            self.db.execute("UPDATE cards SET suspended = ? WHERE question_id = ?",
                            (int(suspended), question_id))

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

    # --- export -----------------------------------------------------------

    def content_times(self, digests: dict[str, str], now: dt.datetime) -> dict[str, int]:
        """When each question's exported content (by its digest) was first exported, in
        epoch seconds: `now` for content not exported before. Anki updates a note whose
        time is newer, so a question corrected today reaches Anki today, and one left
        alone keeps its time."""
        stamp = int(now.timestamp())
        known = {qid: (digest, since) for qid, digest, since in
                 self.db.execute("SELECT question_id, digest, since FROM exported")}
        times, changed = {}, []
        for qid, digest in digests.items():
            old_digest, since = known.get(qid, ("", 0))
            if old_digest == digest:
                times[qid] = since
            else:  # a new content is always newer than the last, even within one second
                times[qid] = max(stamp, since + 1)
                changed.append((qid, digest, times[qid]))
        if changed:
            with self.atomic():
                self.db.executemany("INSERT OR REPLACE INTO exported VALUES (?, ?, ?)", changed)
        return times
