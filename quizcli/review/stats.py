"""The figures `quizcli stats` shows: reviews per day, streaks, true retention,
the forecast of due cards, the hardest questions, and readiness for the exam.

Days are study days (from `day_starts_at` local time). Reviews per day and the
forecast are counted in SQL with the time zone's offset at `now`, so a review within
an hour of a daylight saving change may count on the neighbouring day; recall is
counted over study days exactly, as scheduling counts them.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import asdict, dataclass, field

from quizcli.question_kinds import KIND_WORDS
from quizcli.review.days import days_between, streak, study_day
from quizcli.review.exam import exam_recall
from quizcli.review.schedule import (
    MATURE_DAYS,
    CardState,
    forgetting_curve,
    from_ms,
    recall_after,
    to_ms,
)
from quizcli.review.store import Store

DAY_MS = 86_400_000
KIND_NAMES = {kind: words.plural for kind, words in KIND_WORDS.items()}
"""kind tag → what the retention table calls it."""


@dataclass
class Retention:
    passed: int = 0
    total: int = 0

    @property
    def rate(self) -> float | None:
        return self.passed / self.total if self.total else None


@dataclass
class Hard:
    question_id: str
    bank: str
    prompt: str
    evidence: str
    lapses: int
    recall: float


@dataclass
class Exam:
    date: dt.date
    days_left: int
    recall: dict[str, float]
    """bank → mean predicted recall on exam day of the cards studied."""
    below_target: int
    """Studied cards whose predicted recall on exam day is under the desired retention."""
    reviews_per_day: int
    """Reviews a day that would bring each of them back up before the exam: one each."""


@dataclass
class Stats:
    today: dt.date
    heatmap: list[tuple[dt.date, int]]
    current_streak: int
    longest_streak: int
    desired_retention: float
    retention: dict[str, dict[str, Retention]]
    """'all', 'bank:<id>' and 'kind:<kind>' → {'young', 'mature'}."""
    forecast: list[tuple[dt.date, int]]
    leeches: list[Hard] = field(default_factory=list)
    weakest: list[Hard] = field(default_factory=list)
    exam: Exam | None = None

    def to_dict(self) -> dict:
        def rate(r: Retention) -> dict:
            return {"passed": r.passed, "total": r.total,
                    "rate": round(r.rate, 4) if r.rate is not None else None}

        return {
            "today": self.today.isoformat(),
            "heatmap": [{"day": d.isoformat(), "reviews": n} for d, n in self.heatmap],
            "reviews": sum(n for _, n in self.heatmap),
            "current_streak": self.current_streak,
            "longest_streak": self.longest_streak,
            "desired_retention": self.desired_retention,
            "retention": {group: {age: rate(r) for age, r in ages.items()}
                          for group, ages in self.retention.items()},
            "forecast": [{"day": d.isoformat(), "due": n} for d, n in self.forecast],
            "leeches": [asdict(h) for h in self.leeches],
            "weakest": [asdict(h) for h in self.weakest],
            "exam": None if self.exam is None else {
                **asdict(self.exam), "date": self.exam.date.isoformat(),
                "recall": {k: round(v, 4) for k, v in self.exam.recall.items()}},
        }


def _longest_run(days: list[int]) -> int:
    best = run = 0
    previous = None
    for day in days:
        run = run + 1 if previous is not None and day == previous + 1 else 1
        best = max(best, run)
        previous = day
    return best


@dataclass(frozen=True)
class _Days:
    """Study days as numbers (days since 1970-01-01), as the SQL counts them, and the banks
    chosen, as the SQL filters them."""

    today: dt.date
    today_start: dt.datetime
    index: int
    """Today's number."""
    shift: int
    """Added to an epoch time in milliseconds, gives one whose day (// DAY_MS) is its study
    day's number: the time zone's offset at `now`, less the hour study days start at."""
    chosen: set[str] | None
    filter: str
    """' AND c.bank IN (...)', or '' for every bank."""
    params: list

    @classmethod
    def of(cls, store: Store, now: dt.datetime, tz: dt.tzinfo, banks: list[str] | None
           ) -> _Days:
        starts_at = store.settings.day_starts_at
        today_start = study_day(now, tz, starts_at).start
        today = today_start.astimezone(tz).date()
        offset = round(now.astimezone(tz).utcoffset().total_seconds() * 1000)  # type: ignore[union-attr]
        chosen = set(banks) if banks else None
        bank_filter = "" if chosen is None else (
            f" AND c.bank IN ({', '.join('?' * len(chosen))})")
        return cls(today, today_start, (today - EPOCH).days, offset - starts_at * 3_600_000,
                   chosen, bank_filter, sorted(chosen) if chosen is not None else [])

    def wanted(self, bank: str) -> bool:
        return self.chosen is None or bank in self.chosen


EPOCH = dt.date(1970, 1, 1)


def compute(store: Store, now: dt.datetime, tz: dt.tzinfo, days: int = 365,
            banks: list[str] | None = None, hardest: int = 10) -> Stats:
    """Every figure, for the banks given (all when None), over the last `days` study days."""
    frame = _Days.of(store, now, tz, banks)
    since_index = frame.index - days + 1
    # Each figure reads an index in its own order, so SQLite never sorts the whole log.
    per_day = _reviews_per_day(store, frame)
    leeches, weakest = _hardest(store, now, tz, frame)
    return Stats(
        today=frame.today,
        heatmap=[(EPOCH + dt.timedelta(days=i), per_day.get(i, 0))
                 for i in range(since_index, frame.index + 1)],
        current_streak=streak(frame.index, per_day.__contains__, lambda day: day - 1),
        longest_streak=_longest_run(sorted(per_day)),
        desired_retention=store.settings.desired_retention,
        retention=_retention(store, frame, since_index),
        forecast=_forecast(store, frame),
        leeches=_rows(leeches, hardest),
        weakest=_rows(weakest, hardest),
        exam=_exam(store, frame.today, tz, banks),
    )


def _reviews_per_day(store: Store, frame: _Days) -> dict[int, int]:
    """Study day's number → answers given on it, for the days with any."""
    # A range count per day walks the time index without sorting; a GROUP BY would sort
    # every answer ever given.
    review_filter = frame.filter.replace("c.bank", "bank")
    per_day: dict[int, int] = {}
    first = store.db.execute(f"SELECT min(reviewed_at) FROM reviews INDEXED BY reviews_time "
                             f"WHERE rating > 0{review_filter}", frame.params).fetchone()[0]
    if first is None:
        return per_day
    for index in range((first + frame.shift) // DAY_MS, frame.index + 1):
        start_ms = index * DAY_MS - frame.shift
        count = store.db.execute(
            "SELECT count(*) FROM reviews INDEXED BY reviews_time WHERE reviewed_at >= ? "
            f"AND reviewed_at < ? AND rating > 0{review_filter}",
            [start_ms, start_ms + DAY_MS, *frame.params]).fetchone()[0]
        if count:
            per_day[index] = count
    return per_day


def _retention(store: Store, frame: _Days, since_index: int) -> dict[str, dict[str, Retention]]:
    """True retention of reviews since the study day numbered `since_index`, young and
    mature, over all, by bank and by kind."""
    retention: dict[str, dict[str, Retention]] = {}
    since = since_index * DAY_MS - frame.shift
    for bank, kind, mature, mature_passed, young, young_passed in store.db.execute(
            "SELECT bank, kind, total(interval >= ?), total(interval >= ? AND rating > 1), "
            "total(interval < ?), total(interval < ? AND rating > 1) "
            "FROM reviews INDEXED BY reviews_retention WHERE prev_state = 2 AND rating > 0 "
            f"AND reviewed_at >= ?{frame.filter.replace('c.bank', 'bank')} GROUP BY bank, kind",
            [MATURE_DAYS] * 4 + [since, *frame.params]):
        for group in ("all", f"bank:{bank}", f"kind:{kind or 'other'}"):
            slot = retention.setdefault(group, {"young": Retention(), "mature": Retention()})
            slot["mature"].total += int(mature)
            slot["mature"].passed += int(mature_passed)
            slot["young"].total += int(young)
            slot["young"].passed += int(young_passed)
    return retention


def _forecast(store: Store, frame: _Days) -> list[tuple[dt.date, int]]:
    """Cards due on each of the next 30 study days; those overdue count today."""
    counts: dict[int, int] = {}
    horizon = to_ms(frame.today_start) + 30 * DAY_MS
    for index, count in store.db.execute(
            f"SELECT (c.due + ?) / {DAY_MS} AS day, count(*) FROM cards c WHERE c.state != 0 "
            f"AND c.suspended = 0 AND c.orphaned = 0 AND c.due < ?{frame.filter} GROUP BY day",
            [frame.shift, horizon, *frame.params]):
        slot = max(index, frame.index)
        counts[slot] = counts.get(slot, 0) + count
    return [(EPOCH + dt.timedelta(days=i), counts.get(i, 0))
            for i in range(frame.index, frame.index + 30)]


_Row = tuple[float, str, str, "str | None", int]
"""(recall now, question id, bank, question as JSON, lapses)."""


def _hardest(store: Store, now: dt.datetime, tz: dt.tzinfo, frame: _Days
             ) -> tuple[list[_Row], list[_Row]]:
    """The leeches, and the cards in review (not leeches), each with its recall now."""
    settings = store.settings
    decay, factor = forgetting_curve(settings)
    weakest: list[_Row] = []
    leeches: list[_Row] = []
    for qid, bank, state, stability, last, lapses, leech, question in store.db.execute(
            "SELECT question_id, bank, state, stability, last_review, lapses, leech, question "
            "FROM cards WHERE state != 0 AND orphaned = 0 AND stability IS NOT NULL "
            "AND last_review IS NOT NULL"):
        if not frame.wanted(bank):
            continue
        days_since = days_between(from_ms(last), now, tz, settings.day_starts_at)
        recall = recall_after(days_since, stability, decay, factor)
        row = (recall, qid, bank, question, lapses)
        if leech:
            leeches.append(row)
        elif state == CardState.REVIEW:
            weakest.append(row)
    return leeches, weakest


def _rows(rows: list[_Row], hardest: int) -> list[Hard]:
    """The `hardest` rows of least recall, as shown."""
    out = []
    for recall, qid, bank, question, lapses in sorted(rows)[:hardest]:
        data = json.loads(question)["question"] if question else {}
        out.append(Hard(qid, bank, data.get("prompt", qid), data.get("evidence", ""),
                        lapses, round(recall, 4)))
    return out


def _exam(store: Store, today: dt.date, tz: dt.tzinfo, banks: list[str] | None
          ) -> Exam | None:
    """Readiness for the exam, when there is one."""
    exam_date = store.settings.exam_date
    if exam_date is None:
        return None
    readiness = exam_recall(store, exam_date, tz, banks)
    days_left = (exam_date - today).days
    below = readiness.below_target
    return Exam(date=exam_date, days_left=days_left, recall=readiness.recall,
                below_target=below,
                reviews_per_day=math.ceil(below / days_left) if days_left > 0 else below)
