"""Default and fitted FSRS parameters scored on a review log, as srs-benchmark scores them.

The log is a CSV of Anki answers (`card_id`, `review_rating` 1-4, `review_time` in ISO 8601,
`review_duration`), such as `../shared/revlogs/josh_revlog.csv` or what an FSRS tool
exports. It is split by time at a share of its span (80% by default): parameters are
fitted, as `quizcli optimize` fits them, on the answers before the split, and both the
defaults and the fit are scored on the answers after it.

Days are study days in the time zone given (`--tz`, with the day starting at
`--day-starts-at`). Scored are the answers given a study day or more after the card's
previous one, each predicted from the card's whole history before it (training period
included), as srs-benchmark does:

- log loss: the mean of -(y log p + (1 - y) log(1 - p)), where y is 1 for a pass (Hard,
  Good, Easy) and p the predicted recall;
- RMSE(bins): answers grouped by the days since the previous answer, the number of the
  answer in its card's history and the card's lapses so far, each on srs-benchmark's
  logarithmic bins; the root of the mean squared gap between the mean of y and of p in a
  bin, weighted by the answers in it.

fsrs-rs's own `evaluate` of the same answers is printed beside them for comparison; it
weighs an answer by its place in the list (later ones count more), so its figures differ.

    python benchmarks/revlog.py ../shared/revlogs/josh_revlog.csv --tz America/Chicago
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
from collections import defaultdict
from pathlib import Path
from zoneinfo import ZoneInfo

from quizcli.review.days import study_date
from quizcli.review.optimize import evaluate, items_in_time_order, within_bounds


def read_log(path: Path) -> list[tuple[str, int, int]]:
    """(card, time in ms, rating) of every answer, by card, then time."""
    rows = []
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            when = dt.datetime.fromisoformat(row["review_time"].replace("Z", "+00:00"))
            rows.append((row["card_id"], round(when.timestamp() * 1000),
                         int(row["review_rating"])))
    rows.sort()
    return rows


def scored_answers(log, tz, starts_at: int, after_ms: int):
    """Each long-term answer from `after_ms` on, with what srs-benchmark bins it by:
    (history before it as (rating, days), days since the previous answer, its number in the
    card's history, lapses before it, rating)."""
    out = []
    history: list[tuple[int, int]] = []
    last_card, last_day = None, None
    for card, reviewed_at, rating in log:
        if card != last_card:
            history, last_card, last_day = [], card, None
        day = study_date(dt.datetime.fromtimestamp(reviewed_at / 1000, dt.timezone.utc), tz,
                         starts_at)
        delta = (day - last_day).days if last_day else 0
        if delta > 0 and reviewed_at >= after_ms:
            lapses = sum(1 for r, t in history if t != 0 and r == 1)
            out.append((list(history), delta, len(history) + 1, lapses, rating))
        history.append((rating, delta))
        last_day = day
    return out


def predictions(parameters, answers) -> list[float]:
    """Predicted recall of each answer, from the memory state fsrs-rs gives its history."""
    from fsrs_rs_python import FSRS, FSRSItem, FSRSReview

    model = FSRS([float(p) for p in parameters])
    decay = -parameters[20]
    factor = 0.9 ** (1 / decay) - 1
    out = []
    for history, delta, _, _, _ in answers:
        state = model.memory_state(FSRSItem([FSRSReview(r, t) for r, t in history]))
        out.append((1 + factor * delta / state.stability) ** decay)
    return out


def log_loss(y: list[bool], p: list[float]) -> float:
    total = 0.0
    for passed, q in zip(y, p, strict=True):
        q = min(max(q, 1e-15), 1 - 1e-15)
        total -= math.log(q) if passed else math.log(1 - q)
    return total / len(y)


def _bin(x: float, base: float, scale: float, digits: int) -> float:
    return round(scale * base ** math.floor(math.log(x) / math.log(base)), digits)


def rmse_bins(answers, p: list[float]) -> float:
    """srs-benchmark's RMSE(bins): by days since the previous answer, number of the answer
    and lapses, each on logarithmic bins; weighted by the answers in each bin."""
    bins: dict[tuple, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for (_, delta, number, lapses, rating), q in zip(answers, p, strict=True):
        key = (_bin(delta, 3.62, 2.48, 2), _bin(number, 1.89, 1.99, 0),
               _bin(lapses, 1.73, 1.65, 0) if lapses else 0)
        slot = bins[key]
        slot[0] += rating > 1
        slot[1] += q
        slot[2] += 1
    total = sum(n for _, _, n in bins.values())
    return math.sqrt(sum(n * (y / n - q / n) ** 2 for y, q, n in bins.values()) / total)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("csv", type=Path)
    parser.add_argument("--tz", default="UTC", help="the learner's time zone (IANA name)")
    parser.add_argument("--day-starts-at", type=int, default=4)
    parser.add_argument("--split", type=float, default=0.8,
                        help="share of the log's time span to fit on")
    args = parser.parse_args()
    from fsrs import Scheduler
    from fsrs_rs_python import DEFAULT_PARAMETERS, FSRS, FSRSItem, FSRSReview

    tz = ZoneInfo(args.tz)
    log = read_log(args.csv)
    first, last = min(t for _, t, _ in log), max(t for _, t, _ in log)
    split = first + round(args.split * (last - first))
    train = [row for row in log if row[1] < split]
    items = items_in_time_order(train, tz, args.day_starts_at)
    fitted = within_bounds(FSRS(list(DEFAULT_PARAMETERS)).compute_parameters(items))
    answers = scored_answers(log, tz, args.day_starts_at, split)
    y = [rating > 1 for *_, rating in answers]
    test_items = [FSRSItem([FSRSReview(r, t) for r, t in history] + [FSRSReview(rating, delta)])
                  for history, delta, _, _, rating in answers]

    def when(ms: int) -> str:
        return dt.datetime.fromtimestamp(ms / 1000, tz).strftime("%Y-%m-%d %H:%M")

    print(f"{args.csv.name}: {len(log)} answers on {len({c for c, _, _ in log})} cards, "
          f"{when(first)} to {when(last)} ({args.tz}, day from {args.day_starts_at}:00)")
    print(f"split at {when(split)}: fitted on {len(train)} answers ({len(items)} long-term), "
          f"scored on {len(answers)} long-term answers after it (pass rate "
          f"{sum(y) / len(y):.4f})")
    print(f"{'parameters':<10}  {'log loss':>9}  {'RMSE(bins)':>10}   fsrs-rs evaluate, "
          "weighted by place: log loss, RMSE(bins)")
    for name, parameters in (("default", tuple(Scheduler().parameters)), ("fitted", fitted)):
        p = predictions(parameters, answers)
        theirs = evaluate(parameters, test_items)
        print(f"{name:<10}  {log_loss(y, p):>9.4f}  {rmse_bins(answers, p):>10.4f}   "
              f"{theirs[0]:.4f}, {theirs[1]:.4f}")
    print("fitted parameters:", ", ".join(f"{w:.4f}" for w in fitted))


if __name__ == "__main__":
    main()
