"""Review: today's status, the plan to the exam, the stats, and fitting the scheduler."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quizcli.errors import QuizcliError
from quizcli.ui import context
from quizcli.ui.app import AREA
from quizcli.ui.options import AsJson, OnlyBanks, at_least
from quizcli.ui.output import say, say_json

app = typer.Typer(**AREA)


@app.command()
def optimize() -> None:
    """Fit the scheduler to your answers; keep the fit if it predicts them better.

    The fit and the parameters in use are scored on the same answers (log loss,
    lower is better). A better fit is saved in config.yaml in your quizcli folder
    and every studied card is rescheduled with it.

    Needs the optional optimizer (pip install 'quizcli\\[optimize]') and at least
    400 answers given a day or more after a card's previous one.
    """
    from dataclasses import replace

    from quizcli import paths
    from quizcli.review.optimize import MIN_REVIEWS
    from quizcli.review.optimize import optimize as fit_parameters
    from quizcli.review.settings import load_settings, save_settings
    from quizcli.review.store import Store

    home = paths.data_home()
    settings = load_settings(home)
    tz = context.local_zone()
    with Store.open(home, settings, tz) as store:
        fit = fit_parameters(store, tz)
        if fit.fitted is None:
            say(f"Not enough history yet: fitting needs {MIN_REVIEWS} reviews of learned "
                f"cards and you have {fit.reviews}, so {fit.needed} more. Keep studying; "
                "the default parameters serve well until then.")
            return
        in_use = "your current parameters" if settings.parameters else "the defaults"
        say(f"Fitted FSRS parameters to {fit.reviews} reviews. Log loss on your answers "
            f"(lower is better): {fit.fitted_loss:.4f} fitted, {fit.current_loss:.4f} "
            f"with {in_use}.")
        if not fit.improved:
            say(f"Kept {in_use}: the fit predicts your answers no better. Nothing changed.")
            return
        new = replace(settings, parameters=fit.fitted)
        path = home / "config.yaml"
        cards = store.reschedule(new, then=lambda: save_settings(home, new))
    say(f"Saved the fitted parameters in {path} and rescheduled {cards} cards with them.")


@app.command()
def status(as_json: AsJson = False) -> None:
    """Show today's counts for each bank, the streak, and exam readiness.

    With an exam date set in config.yaml, it also shows each bank's predicted
    recall on exam day, from the FSRS forgetting curve, if nothing more is studied.
    """
    from quizcli.review.status import status as today
    from quizcli.ui.output import fitted
    from quizcli.ui.views.listings import status_line, status_rows

    now, tz = context.now(), context.local_zone()
    store, catalog = context.open_store()
    try:
        shown = today(store, {e.id: e.summary.title for e in catalog.entries}, now, tz)
    finally:
        store.close()
    if as_json:
        say_json(shown.to_dict())
        return
    exam = shown.exam_date
    rows = status_rows(shown.banks, exam)
    headers = ["BANK", "DUE", "LEARNING", "NEW"] + (["EXAM RECALL"] if exam else [])
    say(fitted(headers, rows, fold=(0,)) if rows else "No banks to study.")
    say(status_line(shown.reviewed_today, shown.streak, exam))


@app.command()
def plan(as_json: AsJson = False) -> None:
    """Plan the days to the exam: the new cards and reviews a day it takes.

    Simulates a session a day from today to the day before exam_date (config.yaml)
    with your FSRS parameters, and says what recall to expect on exam day keeping
    to your limits, and what it takes to have every card at the desired retention.
    """
    from quizcli.review.plan import exam_plan

    now, tz = context.now(), context.local_zone()
    store, _ = context.open_store()
    try:
        exam = store.settings.exam_date
        if exam is None:
            raise QuizcliError("no exam_date is set; add a line such as 'exam_date: "
                               "2027-05-30' to config.yaml in your quizcli folder")
        figures = exam_plan(store, now, tz, exam)
    finally:
        store.close()
    if as_json:
        say_json(figures.to_dict())
        return
    from quizcli.ui.views.reports import plan_lines

    say("\n".join(plan_lines(figures)))


@app.command()
def stats(
    bank: OnlyBanks = None,
    days: Annotated[int, typer.Option(metavar="N", callback=at_least(7, 3650),
                                      help="Days of history to show, 7 to 3650.")] = 365,
    as_json: AsJson = False,
    png: Annotated[Path | None, typer.Option(
        metavar="FILE",
        help="Also draw the heatmap and forecast to this image (needs matplotlib).")] = None,
) -> None:
    """Show your progress: reviews per day, retention, forecast, exam readiness.

    A heatmap of reviews per day with the current and longest streak; true
    retention for young and mature cards, per bank and per kind of question,
    beside the retention FSRS aims for; the cards due on each of the next 30
    days; the leeches and the cards hardest to recall; and, with an exam date
    set, predicted recall on the day and the reviews a day needed before it.
    """
    now, tz = context.now(), context.local_zone()
    store, catalog = context.open_store()
    try:
        for name in bank or ():
            catalog.get(name)
        from quizcli.review.stats import compute

        figures = compute(store, now, tz, days, bank)
    finally:
        store.close()
    if as_json:
        say_json(figures.to_dict())
    else:
        from quizcli.ui.views import show
        from quizcli.ui.views.reports import stats_view

        show(stats_view(figures))
    if png is not None:  # after the text, so that a missing matplotlib costs only the image
        from quizcli.ui.views.charts import stats_png

        stats_png(figures, png)
