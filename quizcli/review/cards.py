"""Finding cards in the review store: by bank, by flag, by what is due, by text.

A listing reads each card's row and the prompt kept with it, so it parses no bank.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from quizcli.review.schedule import CardState, from_ms, to_ms
from quizcli.review.store import Store, study_day


@dataclass(frozen=True)
class Listed:
    """One card as a listing shows it."""

    question_id: str
    bank: str
    state: CardState
    due: dt.datetime | None
    last_review: dt.datetime | None
    stability: float | None
    difficulty: float | None
    reps: int
    lapses: int
    suspended: bool
    leech: bool
    orphaned: bool
    prompt: str | None
    """The question as the last sync saw it; None if it was never synced with one."""
    answer: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.question_id, "bank": self.bank, "state": self.state.name.lower(),
            "due": self.due.isoformat() if self.due else None,
            "last_review": self.last_review.isoformat() if self.last_review else None,
            "stability": self.stability, "difficulty": self.difficulty,
            "reps": self.reps, "lapses": self.lapses, "suspended": self.suspended,
            "leech": self.leech, "orphaned": self.orphaned, "prompt": self.prompt,
            "answer": self.answer,
        }


@dataclass(frozen=True)
class Wanted:
    """Which cards to list; every filter given must hold."""

    banks: tuple[str, ...] = ()
    suspended: bool = False
    leeches: bool = False
    due: bool = False
    """Studied cards due before today's study day ends, that a session may offer today
    (so not suspended, unless `suspended` asks for those)."""
    search: str | None = None
    """Text found, ignoring case, in the card's id, prompt or answer."""


def list_cards(store: Store, wanted: Wanted, now: dt.datetime, tz: dt.tzinfo) -> list[Listed]:
    """The cards that match, in bank rank order, each bank's in its own order; due cards
    by when they fall due."""
    clauses: list[str] = []
    params: list[object] = []
    if wanted.banks:
        clauses.append(f"c.bank IN ({', '.join('?' * len(wanted.banks))})")
        params += list(wanted.banks)
    if wanted.suspended:
        clauses.append("c.suspended = 1")
    if wanted.leeches:
        clauses.append("c.leech = 1")
    if wanted.due:
        end = study_day(now, tz, store.settings.day_starts_at).end
        clauses.append("c.state != 0 AND c.due < ? AND c.orphaned = 0")
        params.append(to_ms(end))
        if not wanted.suspended:
            clauses.append("c.suspended = 0")
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    order = "c.due, c.question_id" if wanted.due else (
        "b.rank IS NULL, b.rank, c.bank, c.position, c.question_id")
    rows = store.db.execute(
        "SELECT c.question_id, c.bank, c.state, c.due, c.last_review, c.stability, "
        "c.difficulty, c.reps, c.lapses, c.suspended, c.leech, c.orphaned, "
        "json_extract(c.question, '$.question.prompt'), "
        "json_extract(c.question, '$.question.answer') "
        f"FROM cards c LEFT JOIN banks b ON b.id = c.bank {where} ORDER BY {order}", params)
    needle = wanted.search.casefold() if wanted.search else None
    out = []
    for (qid, bank, state, due, last, stability, difficulty, reps, lapses, suspended, leech,
         orphaned, prompt, answer) in rows:
        if needle is not None and not any(needle in (text or "").casefold()
                                          for text in (qid, prompt, answer)):
            continue
        out.append(Listed(qid, bank, CardState(state), from_ms(due), from_ms(last), stability,
                          difficulty, reps, lapses, bool(suspended), bool(leech),
                          bool(orphaned), prompt, answer))
    return out


def new_left(store: Store, now: dt.datetime, tz: dt.tzinfo,
             banks: list[str] | None = None,
             only: Collection[str] | None = None) -> tuple[int, int]:
    """(all, siblings): the new cards, not suspended or orphaned, in the banks named (all
    when none is) and among the question ids `only` when given, and how many of them ask
    about a fact that a card answered today asks about, which the queue holds back until
    another day."""
    start = to_ms(study_day(now, tz, store.settings.day_starts_at).start)
    chosen = f" AND bank IN ({', '.join('?' * len(banks))})" if banks else ""
    rows = store.db.execute(
        "SELECT question_id, fact IN (SELECT c.fact FROM reviews r JOIN cards c "
        "USING (question_id) WHERE r.reviewed_at >= ? AND c.fact IS NOT NULL) "
        f"FROM cards WHERE state = 0 AND suspended = 0 AND orphaned = 0{chosen}",
        [start, *(banks or ())])
    held = [bool(sibling) for qid, sibling in rows if only is None or qid in only]
    return len(held), sum(held)


def progress(store: Store, question_ids: Collection[str]) -> dict[str, dict[str, Any]]:
    """Each card's scheduling state and flags, by question id, for the ids that have a
    card; read in one query."""
    wanted = set(question_ids)
    out: dict[str, dict[str, Any]] = {}
    for (qid, state, due, last, stability, difficulty, reps, lapses, suspended,
         leech) in store.db.execute(
            "SELECT question_id, state, due, last_review, stability, difficulty, reps, "
            "lapses, suspended, leech FROM cards"):
        if qid not in wanted:
            continue
        due_at, last_at = from_ms(due), from_ms(last)
        out[qid] = {"state": CardState(state).name.lower(),
                    "due": due_at.isoformat() if due_at else None,
                    "last_review": last_at.isoformat() if last_at else None,
                    "stability": stability, "difficulty": difficulty,
                    "reps": reps, "lapses": lapses,
                    "suspended": bool(suspended), "leech": bool(leech)}
    return out


def cram_cards(store: Store, banks: list[str] | None = None,
               only: Collection[str] | None = None) -> list[str]:
    """Up to 1000 cards to practise without changing their schedule, weakest first; among
    the question ids `only` when given."""
    cards = store.all_cards(banks, limit=10**9)
    return [c for c in cards if only is None or c in only][:1000]


@dataclass(frozen=True)
class MoreNew:
    """New cards asked for beyond today's limit: the cards, or why there are none."""

    cards: list[str]
    left: int
    """New cards left in the banks (0 when `cards` has some)."""
    siblings: int
    """How many of those are held back until another day, their fact answered today."""


def more_new(store: Store, now: dt.datetime, tz: dt.tzinfo, banks: list[str] | None = None,
             only: Collection[str] | None = None, extra: int = 10) -> MoreNew:
    """Raise today's new-card limit by `extra` (for every bank alike) and take the new
    cards it lets in."""
    from dataclasses import replace

    store.settings = replace(store.settings,
                             new_per_day=store.settings.new_per_day + extra, banks={})
    cards = store.queue(now, tz, banks, only).new
    left, siblings = new_left(store, now, tz, banks, only) if not cards else (0, 0)
    return MoreNew(cards, left, siblings)
