from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from quizcli.review.optimize import MIN_REVIEWS, long_term_reviews, optimize
from quizcli.review.schedule import Rating
from quizcli.review.settings import Settings, load_settings
from quizcli.review.store import Store
from quizcli.ui.app import app

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





def default_parameters() -> tuple[float, ...]:
    import fsrs

    return tuple(fsrs.Scheduler().parameters)


def states(home) -> dict[str, tuple]:
    with Store.open(home) as store:
        return {row[0]: row[1:] for row in store.db.execute(
            "SELECT question_id, stability, difficulty, due FROM cards WHERE state != 0")}


@pytest.fixture
def history(quizcli_home, monkeypatch):
    pytest.importorskip("fsrs_rs_python")
    from quizcli.ui import context

    monkeypatch.setattr(context, "local_zone", lambda: UTC)
    with Store.open(quizcli_home) as store:
        fill(store, 90, 8)
    return quizcli_home


def test_the_better_fit_is_kept_with_both_log_losses_said(runner, history):
    from quizcli.review.optimize import evaluate, items_in_time_order

    result = runner.invoke(app, ["optimize"])
    assert result.exit_code == 0, result.output
    saved = load_settings(history).parameters
    with Store.open(history) as store:
        items = items_in_time_order(store.answers(), UTC, 4)
    default_loss = evaluate(default_parameters(), items)[0]
    assert f"{default_loss:.4f} with the defaults" in result.stdout
    if saved is None:  # the fit was no better: nothing changed
        assert "Kept the defaults" in result.stdout
    else:
        fitted_loss = evaluate(saved, items)[0]
        assert fitted_loss < default_loss
        assert f"{fitted_loss:.4f} fitted" in result.stdout
        assert "rescheduled" in result.stdout


def test_a_worse_fit_changes_nothing(runner, history, monkeypatch):
    from quizcli.review import optimize as module

    before = states(history)
    worse = [100.0, 100.0, 100.0, 100.0, *default_parameters()[4:]]
    monkeypatch.setattr(module, "_fit", lambda items: worse)
    result = runner.invoke(app, ["optimize"])
    assert result.exit_code == 0, result.output
    assert "Kept the defaults: the fit predicts your answers no better" in result.stdout
    assert load_settings(history).parameters is None
    assert states(history) == before


def test_a_fit_on_a_bound_does_not_break_the_next_session(runner, history, monkeypatch):
    """fsrs-rs works in float32: a parameter on its upper bound, 0.8, comes back as
    0.800000011920929, which py-fsrs refuses. It is saved on the bound, and the next
    session runs."""
    from quizcli.review import optimize as module
    from quizcli.ui import context

    on_bound = list(default_parameters())
    on_bound[9] = 0.800000011920929  # upper bound 0.8
    monkeypatch.setattr(module, "_fit", lambda items: on_bound)
    worse = [100.0, 100.0, 100.0, 100.0, *default_parameters()[4:]]
    (history / "config.yaml").write_text(f"parameters: {worse}\n")  # so that the fit wins
    result = runner.invoke(app, ["optimize"])
    assert result.exit_code == 0, result.output
    assert "Saved the fitted parameters" in result.stdout
    assert load_settings(history).parameters[9] == 0.8
    monkeypatch.setattr(context, "now", lambda: START + dt.timedelta(days=400))
    session = runner.invoke(app, ["study", "--mode", "mcq"], input="1\n\nq\n")
    assert session.exit_code == 0, session.output
    assert "Session over. Answered 1" in session.stdout


def test_a_saved_parameter_a_float32_hair_over_its_bound_is_read_on_it(tmp_path):
    parameters = list(default_parameters())
    parameters[19] = 0.800000011920929
    (tmp_path / "config.yaml").write_text(f"parameters: {parameters}\n")
    assert load_settings(tmp_path).parameters[19] == 0.8


def test_saved_parameters_reschedule_every_card_in_one_go(runner, history, monkeypatch):
    """After a fit is saved, each studied card is as its log replayed with the new
    parameters gives it; when the settings cannot be saved, no card has changed."""
    from quizcli.review import optimize as module

    fitted = list(default_parameters())
    fitted[0], fitted[2] = 0.5, 3.5
    monkeypatch.setattr(module, "_fit", lambda items: fitted)
    worse = [100.0, 100.0, 100.0, 100.0, *default_parameters()[4:]]
    (history / "config.yaml").write_text(f"parameters: {worse}\n")
    before = states(history)

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device", str(history / "config.yaml"))

    with monkeypatch.context() as disk:
        disk.setattr("quizcli.files.atomic_write", full_disk)
        failed = runner.invoke(app, ["optimize"])
    assert failed.exit_code == 2 and "No space left" in failed.stderr
    assert states(history) == before
    result = runner.invoke(app, ["optimize"])
    assert result.exit_code == 0, result.output
    assert load_settings(history).parameters == tuple(fitted)
    after = states(history)
    assert after != before
    with Store.open(history) as store:
        for qid, state in after.items():
            replayed = store.replay(qid)
            assert (replayed.stability, replayed.difficulty) == pytest.approx(state[:2])


def test_items_go_to_the_optimiser_in_the_order_the_answers_were_given():
    pytest.importorskip("fsrs_rs_python")
    from quizcli.review.optimize import items_in_time_order

    day = 86_400_000
    history = [  # by card, then time, as the store gives it
        ("a", 0, 3), ("a", 5 * day, 3), ("a", 20 * day, 3),
        ("b", 1 * day, 3), ("b", 3 * day, 1), ("b", 9 * day, 3),
    ]
    items = items_in_time_order(history, UTC, 4)
    last_gaps = [int(re.findall(r"delta_t: (\d+)", repr(item))[-1]) for item in items]
    assert last_gaps == [2, 5, 6, 15]  # b on day 3, a on day 5, b on day 9, a on day 20
