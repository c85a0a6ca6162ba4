"""What to study today: the queue within the daily limits, and the streak."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field

from quizcli.review.days import StudyDay, streak, study_day
from quizcli.review.schedule import from_ms, to_ms
from quizcli.review.store.connection import Connection


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


def todays_queue(store: Connection, now: dt.datetime, tz: dt.tzinfo,
                 banks: list[str] | None = None,
                 only: Collection[str] | None = None) -> Queue:
    """Today's cards within the daily limits, and the counts a status shows; with
    `only`, of those question ids alone (the cards with a tag).

    Cards in learning come first, then due reviews, most overdue first;
    then new cards in bank rank order, taken in turn from each bank. A card in
    learning due later today than the learn-ahead limit allows waits, in `waiting`.
    Questions made from the same fact are siblings: once one has been
    studied today, the others wait for another day.
    """
    day = study_day(now, tz, store.settings.day_starts_at)
    picking = _Picking(store, to_ms(day.start), to_ms(day.end), banks, only)
    ahead = to_ms(now + dt.timedelta(minutes=store.settings.learn_ahead_limit))
    due, waiting = picking.learning(ahead)
    due += picking.reviews()
    new = picking.new_cards()
    reviewed = sum(sum(d.values()) for d in picking.done.values())
    return Queue([qid for _, qid in due], new, picking.counts, reviewed, waiting)


class _Picking:
    """Today's cards being picked, in order (learning, reviews, new): what each bank has
    had today and has left, and which facts a card studied or picked today has taken."""

    def __init__(self, store: Connection, start: int, end: int, banks: list[str] | None,
                 only: Collection[str] | None):
        self.store, self.end, self.only = store, end, only
        self.done: dict[str, dict[int, int]] = {}
        """bank → {the state a card was in when answered today: answers}."""
        for bank, prev_state, count in store.db.execute(
                "SELECT c.bank, r.prev_state, count(*) FROM reviews r JOIN cards c "
                "USING (question_id) WHERE r.reviewed_at >= ? AND r.rating > 0 "
                "GROUP BY c.bank, r.prev_state", (start,)):
            self.done.setdefault(bank, {})[prev_state] = count
        today = store.db.execute("SELECT r.question_id, c.fact FROM reviews r "
                                 "INDEXED BY reviews_time JOIN cards c USING (question_id) "
                                 "WHERE r.reviewed_at >= ?", (start,)).fetchall()
        self.studied = {qid for qid, _ in today}
        self.busy_facts = {fact for _, fact in today if fact is not None}
        bank_ids = [row[0] for row in store.db.execute("SELECT id FROM banks ORDER BY rank")]
        self.bank_ids = [b for b in bank_ids if b in set(banks)] if banks else bank_ids
        self.counts = {bank: {"due": 0, "learning": 0, "new": 0} for bank in self.bank_ids}

    def free(self, qid: str, fact: str | None) -> bool:
        """One of `only`, and not a sibling of a card studied or queued today; claims
        the fact if so."""
        if self.only is not None and qid not in self.only:
            return False
        if fact is None or qid in self.studied:
            return True
        if fact in self.busy_facts:
            return False
        self.busy_facts.add(fact)
        return True

    def learning(self, ahead: int) -> tuple[list[tuple[int, str]], list[tuple[dt.datetime, str]]]:
        """(due ms, id) of the cards in learning due by `ahead`, in due order, and (due, id)
        of those due later today, which wait."""
        due: list[tuple[int, str]] = []
        waiting: list[tuple[dt.datetime, str]] = []
        for qid, bank, fact, when in self.store.db.execute(
                "SELECT question_id, bank, fact, due FROM cards WHERE state IN (1, 3) "
                "AND due < ? AND suspended = 0 AND orphaned = 0 ORDER BY due", (self.end,)):
            if bank in self.counts and self.free(qid, fact):
                self.counts[bank]["learning"] += 1
                if when <= ahead:
                    due.append((when, qid))
                else:
                    waiting.append((from_ms(when), qid))
        return due, waiting

    def reviews(self) -> list[tuple[int, str]]:
        """(due ms, id) of the reviews due today within each bank's limit, most overdue
        first."""
        due: list[tuple[int, str]] = []
        for bank in self.bank_ids:
            left = self.store.settings.limits_for(bank)[1] - self.done.get(bank, {}).get(2, 0)
            if left <= 0:
                continue
            for qid, fact, when in self.store.db.execute(
                    "SELECT question_id, fact, due FROM cards WHERE bank = ? AND state = 2 "
                    "AND due < ? AND suspended = 0 AND orphaned = 0 ORDER BY due LIMIT ?",
                    (bank, self.end, left * 2 + 50 if self.only is None else -1)):
                if self.free(qid, fact):
                    self.counts[bank]["due"] += 1
                    due.append((when, qid))
                    left -= 1
                    if left == 0:
                        break
        return sorted(due)

    def new_cards(self) -> list[str]:
        """New cards within each bank's limit and the day's, in turn from each bank, each
        in its rank order."""
        settings = self.store.settings
        global_left = settings.new_per_day - sum(d.get(0, 0) for d in self.done.values())
        new_by_bank: dict[str, list[str]] = {}
        for bank in self.bank_ids:
            left = min(settings.limits_for(bank)[0] - self.done.get(bank, {}).get(0, 0),
                       global_left)
            picked: list[str] = []
            if left > 0:
                for qid, fact in self.store.db.execute(
                        "SELECT question_id, fact FROM cards WHERE bank = ? AND state = 0 "
                        "AND suspended = 0 AND orphaned = 0 ORDER BY position LIMIT ?",
                        (bank, left * 4 + 50 if self.only is None else -1)):
                    if self.free(qid, fact):
                        picked.append(qid)
                        if len(picked) == left:
                            break
            new_by_bank[bank] = picked
        new: list[str] = []
        for i in range(max((len(v) for v in new_by_bank.values()), default=0)):
            for bank in self.bank_ids:
                if i < len(new_by_bank[bank]) and len(new) < max(global_left, 0):
                    new.append(new_by_bank[bank][i])
                    self.counts[bank]["new"] += 1
        return new


def current_streak(store: Connection, now: dt.datetime, tz: dt.tzinfo) -> int:
    """Study days in a row with at least one answer, up to today (or yesterday, if today
    has none yet). One indexed look-up a day, however long the log."""
    starts_at = store.settings.day_starts_at

    def studied(day: StudyDay) -> bool:
        return store.db.execute(
            "SELECT 1 FROM reviews INDEXED BY reviews_time WHERE reviewed_at >= ? "
            "AND reviewed_at < ? AND rating > 0 LIMIT 1",
            (to_ms(day.start), to_ms(day.end))).fetchone() is not None

    def before(day: StudyDay) -> StudyDay:
        return study_day(day.start - dt.timedelta(minutes=1), tz, starts_at)

    return streak(study_day(now, tz, starts_at), studied, before)
