"""The review store's log: every answer, append-only, and each card rebuilt from it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from quizcli.review.schedule import Card, CardState, Rating, from_ms, review, to_ms
from quizcli.review.schedule import reset as reset_card
from quizcli.review.settings import Settings
from quizcli.review.store.cards import Cards
from quizcli.review.store.connection import StoreError, _row_id

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


class Log(Cards):
    """Answers logged, taken back, merged and replayed; sessions."""

    def _log(self, before: Card, rating: int, now: dt.datetime, *, answer: str | None = None,
             duration_ms: int | None = None, mode: str | None = None,
             session: int | None = None) -> int:
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
        return _row_id(cursor)

    def record(self, question_id: str, rating: Rating, now: dt.datetime, *,
               answer: str | None = None, duration_ms: int | None = None,
               mode: str | None = None, session: int | None = None,
               replacing: int | None = None) -> Recorded:
        """Schedule the card and log the answer, durably, in one transaction. `replacing`
        is the id of an answer to this card that the new grade corrects: it is taken back
        in the same transaction, so a changed grade is never half made."""
        with self.atomic():
            if replacing is not None:
                self._take_back(replacing)
            before = self.card(question_id)
            after = review(before, Rating(rating), now, self.settings_for(question_id),
                           tz=self.tz)
            review_id = self._log(before, int(rating), now, answer=answer,
                                  duration_ms=duration_ms, mode=mode, session=session)
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
        with self.atomic():
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

    def reset(self, question_id: str, now: dt.datetime) -> None:
        """Study the card from the start again. Its log is kept, with the reset in it."""
        with self.atomic():
            self._reset(question_id, now)

    def _reset(self, question_id: str, now: dt.datetime) -> None:
        before = self.card(question_id)
        self._log(before, RESET, now, mode="reset")
        self._write(reset_card(before))
        self.db.execute("UPDATE cards SET suspended = 0, leech = 0 WHERE question_id = ?",
                        (question_id,))

    def change(self, question_ids: list[str], action: str, now: dt.datetime) -> None:
        """Suspend, unsuspend or reset every card named, in one transaction. An id that is
        no card's changes nothing at all: StoreError names every such id."""
        if action not in ("suspend", "unsuspend", "reset"):
            raise ValueError(action)
        with self.atomic():
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
        with self.atomic():
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
                added.add(_row_id(cursor))
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
            with self.atomic():
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

    def answers(self) -> list[tuple[str, int, int]]:
        """(question id, reviewed_at ms, rating) of every answer, by card then time: the
        history an optimizer fits."""
        return list(self.db.execute("SELECT question_id, reviewed_at, rating FROM reviews "
                                    "ORDER BY question_id, reviewed_at, id"))

    # --- sessions ----------------------------------------------------------

    def start_session(self, now: dt.datetime, mode: str) -> int:
        with self.atomic():
            cursor = self.db.execute("INSERT INTO sessions (started_at, mode) VALUES (?, ?)",
                                     (to_ms(now), mode))
        return _row_id(cursor)

    def end_session(self, session: int, now: dt.datetime) -> None:
        with self.atomic():
            self.db.execute("UPDATE sessions SET ended_at = ? WHERE id = ?",
                            (to_ms(now), session))
