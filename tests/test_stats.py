"""`quizcli stats` on a store whose history the test writes itself, with fixed times,
so that every figure can be worked out by hand below."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from dataclasses import replace

import pytest
from conftest import REPO

from quizcli.review.settings import Settings
from quizcli.review.stats import compute
from quizcli.review.store import Store

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
EXPECTED = REPO / "tests" / "expected" / "stats.txt"
# FSRS-6's forgetting curve with the default parameters: R(t) = (1 + F t / S) ** D
DECAY = -0.1542
FACTOR = 0.9 ** (1 / DECAY) - 1


def ms(*args: int) -> int:
    return round(dt.datetime(*args, tzinfo=UTC).timestamp() * 1000)


def recall(days: int, stability: float) -> float:
    return (1 + FACTOR * days / stability) ** DECAY


def payload(n: int) -> str:
    return json.dumps({"question": {"prompt": f"Question {n}?", "evidence": f"Evidence {n}."}})


@pytest.fixture
def store(tmp_path) -> Store:
    s = Store(tmp_path / "quizcli.db", replace(Settings(), exam_date=dt.date(2026, 4, 9)))
    s.sync([("a", [("q1", "f1", payload(1), "date"), ("q2", "f2", payload(2), "quote")]),
            ("b", [("q3", "f3", payload(3), "role"), ("q4", "f4", payload(4), "position")])])
    cards = [  # state, stability, last review, due, lapses, leech, suspended
        ("q1", 2, 10.0, ms(2026, 3, 5, 12), ms(2026, 3, 12, 12), 0, 0, 0),
        ("q2", 2, 100.0, ms(2026, 2, 6, 12), ms(2026, 3, 8, 12), 1, 0, 0),  # overdue
        ("q3", 2, 2.0, ms(2026, 3, 9, 12), ms(2026, 3, 11, 12), 8, 1, 1),  # a leech
    ]
    for qid, state, stability, last, due, lapses, leech, suspended in cards:
        s.db.execute("UPDATE cards SET state = ?, stability = ?, difficulty = 5, "
                     "last_review = ?, due = ?, lapses = ?, leech = ?, suspended = ? "
                     "WHERE question_id = ?", (state, stability, last, due, lapses, leech,
                                               suspended, qid))
    reviews = [  # question, time, rating, state before, interval before (days)
        ("q1", ms(2026, 3, 10, 12), 3, 2, 5.0),    # young, passed
        ("q2", ms(2026, 3, 9, 12), 1, 2, 30.0),    # mature, failed
        ("q2", ms(2026, 3, 8, 12), 3, 2, 25.0),    # mature, passed
        ("q3", ms(2026, 3, 8, 12), 3, 1, None),    # learning: no retention figure
        ("q4", ms(2026, 3, 7, 3), 3, 0, None),     # 03:00, before 4 a.m.: the 6th's day
        ("q4", ms(2026, 3, 7, 13), 0, 0, None),    # a reset: not a review
        ("q1", ms(2026, 3, 5, 12), 4, 0, None),    # new
        ("q3", ms(2026, 3, 4, 12), 1, 2, 3.0),     # young, failed
        ("q3", ms(2026, 3, 3, 12), 3, 2, 2.0),     # young, passed
        ("q2", ms(2025, 1, 15, 12), 3, 2, 10.0),   # more than a year ago
    ]
    where = {"q1": ("a", "date"), "q2": ("a", "quote"), "q3": ("b", "role"),
             "q4": ("b", "position")}
    s.db.executemany("INSERT INTO reviews (question_id, reviewed_at, rating, prev_state, "
                     "interval, bank, kind, before) VALUES (?, ?, ?, ?, ?, ?, ?, '{}')",
                     [(*r, *where[r[0]]) for r in reviews])
    yield s
    s.close()


def test_every_figure(store):
    stats = compute(store, NOW, UTC)

    assert stats.today == dt.date(2026, 3, 10)
    assert len(stats.heatmap) == 365 and stats.heatmap[-1][0] == dt.date(2026, 3, 10)
    busy = {day.isoformat(): n for day, n in stats.heatmap if n}
    assert busy == {"2026-03-03": 1, "2026-03-04": 1, "2026-03-05": 1, "2026-03-06": 1,
                    "2026-03-08": 2, "2026-03-09": 1, "2026-03-10": 1}
    assert (stats.current_streak, stats.longest_streak) == (3, 4)  # 8th-10th; 3rd-6th

    def rates(group):
        ages = stats.retention[group]
        return {age: (r.passed, r.total) for age, r in ages.items()}

    assert rates("all") == {"young": (2, 3), "mature": (1, 2)}
    assert rates("bank:a") == {"young": (1, 1), "mature": (1, 2)}
    assert rates("bank:b") == {"young": (1, 2), "mature": (0, 0)}
    assert rates("kind:date") == {"young": (1, 1), "mature": (0, 0)}
    assert rates("kind:quote") == {"young": (0, 0), "mature": (1, 2)}
    assert rates("kind:role") == {"young": (1, 2), "mature": (0, 0)}
    assert stats.desired_retention == 0.9

    assert len(stats.forecast) == 30
    assert {d.isoformat(): n for d, n in stats.forecast if n} == {
        "2026-03-10": 1,  # q2, overdue, is due today
        "2026-03-12": 1,  # q1; q3 is suspended
    }

    assert [(h.question_id, h.lapses) for h in stats.leeches] == [("q3", 8)]
    assert stats.leeches[0].recall == pytest.approx(recall(1, 2.0), abs=1e-4)
    assert stats.leeches[0].prompt == "Question 3?" and stats.leeches[0].evidence == "Evidence 3."
    assert [h.question_id for h in stats.weakest] == ["q1", "q2"]
    assert stats.weakest[0].recall == pytest.approx(recall(5, 10.0), abs=1e-4)
    assert stats.weakest[1].recall == pytest.approx(recall(32, 100.0), abs=1e-4)

    exam = stats.exam
    assert exam is not None and (exam.date, exam.days_left) == (dt.date(2026, 4, 9), 30)
    # on 9 April: 35, 62 and 31 study days after the last reviews
    r1, r2, r3 = recall(35, 10.0), recall(62, 100.0), recall(31, 2.0)
    assert exam.recall == {"a": pytest.approx((r1 + r2) / 2), "b": pytest.approx(r3)}
    below = sum(r < 0.9 for r in (r1, r2, r3))
    assert exam.below_target == below == 2
    assert exam.reviews_per_day == math.ceil(below / 30) == 1


@pytest.mark.parametrize("days_later", [0, 1, 2, 5])
def test_stats_and_the_session_summary_count_one_streak(store, days_later):
    now = NOW + dt.timedelta(days=days_later)
    ist = dt.timezone(dt.timedelta(hours=5, minutes=30))
    for tz in (UTC, ist):
        assert compute(store, now, tz).current_streak == store.streak(now, tz)


def test_one_bank_and_a_shorter_window(store):
    stats = compute(store, NOW, UTC, days=7, banks=["b"])
    assert [n for _, n in stats.heatmap] == [1, 0, 1, 0, 1, 0, 0]  # 4th..10th, bank b only
    assert set(stats.retention) == {"all", "bank:b", "kind:role"}
    assert stats.weakest == [] and [h.question_id for h in stats.leeches] == ["q3"]


def test_the_rendered_stats_match_the_stored_screen(store):
    """A change of layout shows in review as a change of this file. Set
    QUIZCLI_UPDATE_EXPECTED=1 to rewrite it after a deliberate change."""
    from rich.console import Console

    from quizcli.ui.views.reports import stats_view

    with open(os.devnull, "w") as nowhere:
        console = Console(width=100, color_system=None, record=True, file=nowhere)
        console.print(stats_view(compute(store, NOW, UTC)))
    screen = console.export_text()
    if os.environ.get("QUIZCLI_UPDATE_EXPECTED"):
        EXPECTED.write_text(screen, encoding="utf-8")
    assert screen == EXPECTED.read_text(encoding="utf-8")


def test_stats_command_json_and_png(runner, quizcli_home, tmp_path, monkeypatch):
    from quizcli.ui import context

    monkeypatch.setattr(context, "now", lambda: NOW)
    monkeypatch.setattr(context, "local_zone", lambda: UTC)
    result = runner.invoke(app_main(), ["stats", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"heatmap", "current_streak", "longest_streak", "retention", "forecast", "leeches",
            "weakest", "exam", "desired_retention"} <= data.keys()
    assert data["reviews"] == 0 and len(data["forecast"]) == 30
    text = runner.invoke(app_main(), ["stats"], env={"COLUMNS": "100"}).stdout
    assert "True retention (target 90%)" in text and "Due in the next 30 days" in text
    pytest.importorskip("matplotlib")
    image = tmp_path / "stats.png"
    result = runner.invoke(app_main(), ["stats", "--png", str(image)])
    assert result.exit_code == 0, result.output
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def app_main():
    from quizcli.ui.app import app

    return app


def test_unknown_bank(runner):
    from quizcli.ui.app import app

    result = runner.invoke(app, ["stats", "--bank", "nope"])
    assert result.exit_code == 1 and "no bank named 'nope'" in result.stderr


def test_the_stored_screen_holds_the_stores_own_figures(store):
    """The stored screen is checked against the figures, not only against a drawing of
    them: a wrong figure written into it by QUIZCLI_UPDATE_EXPECTED fails here."""
    stats = compute(store, NOW, UTC)
    reviews = sum(n for _, n in stats.heatmap)
    assert (reviews, stats.current_streak, stats.longest_streak) == (8, 3, 4)
    assert (f"{reviews} reviews · current streak {stats.current_streak} days · longest "
            f"{stats.longest_streak} days") in EXPECTED.read_text(encoding="utf-8")


def _screen(stats) -> str:
    from rich.console import Console

    from quizcli.ui.views.reports import stats_view

    with open(os.devnull, "w") as nowhere:
        console = Console(width=100, color_system=None, record=True, file=nowhere)
        console.print(stats_view(stats))
    return console.export_text()


def test_kinds_are_totals_shown_apart_from_the_banks(store):
    """Under the last bank, the rows of each kind would read as that bank's."""
    screen = _screen(compute(store, NOW, UTC))
    banks, kinds = screen.split("By kind, all banks above")
    assert "All banks" in banks and "│ b " in banks
    assert "dates" not in banks and "offices" not in banks
    assert "dates" in kinds and "offices" in kinds and "quotes" in kinds
    assert "Leeches" in kinds  # the kinds table ends before the rest


def test_the_heatmap_says_what_each_shade_counts():
    from quizcli.ui.views.charts import heatmap

    days = [(dt.date(2026, 3, 1) + dt.timedelta(days=i), n) for i, n in enumerate(range(9))]
    legend = heatmap(days).plain.splitlines()[-1]
    assert legend.split() == ["·", "none", "░", "1-2", "▒", "3-4", "▓", "5-6", "█", "7-8",
                              "reviews", "a", "day"]
    one = heatmap([(dt.date(2026, 3, 1), 0), (dt.date(2026, 3, 2), 1)]).plain.splitlines()[-1]
    assert one.split() == ["·", "none", "█", "1", "reviews", "a", "day"]
    idle = heatmap([(dt.date(2026, 3, 1), 0), (dt.date(2026, 3, 2), 0)]).plain.splitlines()[-1]
    assert idle.split() == ["·", "no", "reviews"]


def test_the_image_names_its_months_and_counts_whole_cards(store):
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    from quizcli.ui.views.charts import stats_figure

    stats = compute(store, NOW, UTC)
    stats.forecast = [(day, n) for (day, _), n in zip(stats.forecast, [1, 3, 0] * 10, strict=True)]
    figure = stats_figure(stats)
    try:
        heat, forecast = figure.axes
        months = [label.get_text() for label in heat.get_xticklabels()]
        assert months[-3:] == ["Jan", "Feb", "Mar"] and "Jul" in months
        ticks = forecast.get_yticks()
        assert len(ticks) > 1 and all(float(t).is_integer() for t in ticks)
    finally:
        plt.close(figure)


def test_png_without_matplotlib_still_shows_the_text(runner, quizcli_home, tmp_path,
                                                     monkeypatch):
    import sys

    from quizcli.ui import context

    monkeypatch.setattr(context, "now", lambda: NOW)
    monkeypatch.setattr(context, "local_zone", lambda: UTC)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # importing it fails
    image = tmp_path / "stats.png"
    result = runner.invoke(app_main(), ["stats", "--png", str(image)], env={"COLUMNS": "100"})
    assert result.exit_code != 0
    assert "True retention (target 90%)" in result.stdout
    assert "--png needs matplotlib: pip install 'quizcli[png]'" in result.stderr
    assert not image.exists()
