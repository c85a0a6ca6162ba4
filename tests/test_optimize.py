from __future__ import annotations

import datetime as dt
import random

import pytest

from quizcli.cli import app
from quizcli.review.optimize import MIN_REVIEWS, long_term_reviews, optimize
from quizcli.review.schedule import Rating
from quizcli.review.settings import Settings, load_settings
from quizcli.review.store import Store

UTC = dt.timezone.utc
START = dt.datetime(2026, 1, 1, 8, 0, tzinfo=UTC)


def fill(store: Store, cards: int, reviews_each: int, seed: int = 1) -> None:
    """A plausible history: good answers mostly, a lapse now and then, answered when due."""
    rng = random.Random(seed)
    store.sync([("a", [(f"q{i}", None) for i in range(cards)])])
    for i in range(cards):
        when = START + dt.timedelta(hours=i)
        for _ in range(reviews_each):
            rating = Rating.AGAIN if rng.random() < 0.12 else Rating.GOOD
            card = store.record(f"q{i}", rating, when).card
            when = max(card.due, when + dt.timedelta(minutes=1))


def test_too_few_reviews_says_how_many_more(tmp_path, runner, quizcli_home):
    with Store.open(quizcli_home) as store:
        fill(store, 5, 6)
        found = long_term_reviews(store, UTC)
        fit = optimize(store, UTC)
    assert fit.parameters is None and fit.reviews == found < MIN_REVIEWS
    result = runner.invoke(app, ["optimize"])
    assert result.exit_code == 0
    assert f"you have {found}, so {MIN_REVIEWS - found} more" in result.stdout
    assert load_settings(quizcli_home).parameters is None


def test_enough_reviews_fit_and_save_parameters(runner, quizcli_home):
    pytest.importorskip("fsrs_rs_python")
    with Store.open(quizcli_home) as store:
        fill(store, 90, 8)
        assert long_term_reviews(store, UTC) >= MIN_REVIEWS
    result = runner.invoke(app, ["optimize"])
    assert result.exit_code == 0, result.output
    parameters = load_settings(quizcli_home).parameters
    assert parameters is not None and len(parameters) == 21
    assert parameters != tuple(Settings().parameters or ())
    with Store.open(quizcli_home) as store:  # the fitted parameters schedule the next answer
        assert store.settings.parameters == parameters
        store.record("q0", Rating.GOOD, START + dt.timedelta(days=400))
