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
    settings = store.settings
    day = study_day(now, tz, settings.day_starts_at)
    start, end = to_ms(day.start), to_ms(day.end)
    done: dict[str, dict[int, int]] = {}
    for bank, prev_state, count in store.db.execute(
            "SELECT c.bank, r.prev_state, count(*) FROM reviews r JOIN cards c "
            "USING (question_id) WHERE r.reviewed_at >= ? AND r.rating > 0 "
            "GROUP BY c.bank, r.prev_state", (start,)):
        done.setdefault(bank, {})[prev_state] = count
    today = store.db.execute("SELECT r.question_id, c.fact FROM reviews r "
                             "INDEXED BY reviews_time JOIN cards c USING (question_id) "
                             "WHERE r.reviewed_at >= ?", (start,)).fetchall()
    studied = {qid for qid, _ in today}
    busy_facts = {fact for _, fact in today if fact is not None}
    bank_ids = [row[0] for row in store.db.execute("SELECT id FROM banks ORDER BY rank")]
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
    for qid, bank, fact, when in store.db.execute(
            "SELECT question_id, bank, fact, due FROM cards WHERE state IN (1, 3) "
            "AND due < ? AND suspended = 0 AND orphaned = 0 ORDER BY due", (end,)):
        if bank in counts and free(qid, fact):
            counts[bank]["learning"] += 1
            if when <= ahead:
                due.append((when, qid))
            else:
                waiting.append((from_ms(when), qid))
    learning = len(due)
    for bank in bank_ids:
        left = settings.limits_for(bank)[1] - done.get(bank, {}).get(2, 0)
        if left <= 0:
            continue
        for qid, fact, when in store.db.execute(
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
            for qid, fact in store.db.execute(
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
