"""Study: today's cards on the study screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from quizcli.review.asking import StudyMode
from quizcli.ui import context
from quizcli.ui.app import AREA
from quizcli.ui.options import at_least

if TYPE_CHECKING:
    import datetime as dt

    from quizcli.review.session import SessionSummary
    from quizcli.review.store import Store
    from quizcli.ui.keys import Keys

app = typer.Typer(**AREA)


@app.command()
def study(
    bank: Annotated[list[str] | None, typer.Option(
        metavar="NAME", help="Study only this bank; repeat for several.")] = None,
    tag: Annotated[list[str] | None, typer.Option(
        metavar="AREA",
        help="Study only cards with this tag, such as a syllabus area (economy, polity, "
             "'science and technology') or NAME::VALUE (kind::date); repeat for cards with "
             "any of several.")] = None,
    new: Annotated[int | None, typer.Option(
        metavar="N", callback=at_least(0),
        help="New cards for today, instead of the daily limit.")] = None,
    limit: Annotated[int | None, typer.Option(
        metavar="N", callback=at_least(1), help="Stop after this many cards.")] = None,
    mode: Annotated[StudyMode, typer.Option(
        help="mcq: choose from choices; recall: type the answer; mixed: choices for new and "
             "young cards, recall for mature ones.")] = StudyMode.mixed,
    cram: Annotated[bool, typer.Option(
        "--cram", help="Practise any cards without changing their schedule.")] = False,
) -> None:
    """Study today's cards: due reviews first, then new cards.

    New cards come within the daily limits (config.yaml, or --new). With --tag,
    only the cards of those tags are studied, as if the others were not there.

    Keys: 1-4 or a-d answer, u undo, s suspend, e edit, ? help, q quit. Every
    answer is saved before the next question appears. When input is not a
    terminal, each line is one key or one typed answer, so a session can be
    scripted.
    """
    import contextlib
    import sys
    from dataclasses import replace

    from quizcli.review.library import tagged_only
    from quizcli.ui import screen
    from quizcli.ui.keys import LineKeys, RawKeys
    from quizcli.ui.output import console as safe_console

    problems: list[str] = []
    store, catalog = context.open_store(problems)
    for name in bank or ():
        catalog.get(name)  # an unknown bank is an error that lists the known ones
    if new is not None:
        store.settings = replace(store.settings, new_per_day=new, banks={
            k: replace(v, new_per_day=None) for k, v in store.settings.banks.items()})
    keys = RawKeys() if sys.stdin.isatty() else LineKeys(sys.stdin)
    console = safe_console()
    try:
        only = tagged_only(store, tag) if tag else None
        with keys if isinstance(keys, RawKeys) else contextlib.nullcontext():
            summary = _session(store, keys, console, bank, only, mode=mode, cram=cram,
                               limit=limit, notices=problems)
        if summary is not None:
            console.print(screen.summary_text(summary, context.local_zone(), context.now()))
    finally:
        store.close()


def _session(store: Store, keys: Keys, console, banks: list[str] | None,
             only: set[str] | None, *,
             mode: StudyMode, cram: bool, limit: int | None, notices: list[str]
             ) -> SessionSummary | None:
    """Today's queue (or the cards to cram) on the study screen; the session's summary,
    or None when there was nothing to study."""
    import contextlib

    from quizcli.review.cards import cram_cards
    from quizcli.review.session import Session
    from quizcli.ui import screen
    from quizcli.ui.editor import editor_for

    tz = context.local_zone()
    now = context.now()
    queue = store.queue(now, tz, banks, only)
    cards, waiting = (cram_cards(store, banks, only), []) if cram else (
        queue.cards, queue.waiting)
    if not cards:
        cards, cram = _nothing_due(store, keys, console, banks=banks, only=only, tz=tz, now=now)
    if not cards:
        return None
    session = Session(store, cards, context.now, tz, mode, cram=cram, limit=limit,
                      done_before=0 if cram else queue.reviewed_today,
                      learning=[] if cram else waiting)
    with contextlib.suppress(KeyboardInterrupt, EOFError):  # answers are saved already
        screen.run(session, keys, console, editor_for(store),
                   notices=notices if keys.interactive else ())
    return session.finish()


def _nothing_due(store: Store, keys: Keys, console, *, banks: list[str] | None,
                 only: set[str] | None, tz: dt.tzinfo, now: dt.datetime
                 ) -> tuple[list[str], bool]:
    """Nothing is due: say when something will be, and offer new cards or cramming."""
    from quizcli.review.cards import cram_cards, more_new
    from quizcli.ui import screen

    for line in screen.nothing_due(store.next_due(), tz, now):
        console.print(line)
    try:
        key = keys.key().lower()
    except (EOFError, KeyboardInterrupt):
        return [], False
    if key == "n":
        more = more_new(store, now, tz, banks, only)
        said = screen.no_more_new(more)
        if said:
            console.print(said)
        return more.cards, False
    if key == "c":
        return cram_cards(store, banks, only), True
    return [], False
