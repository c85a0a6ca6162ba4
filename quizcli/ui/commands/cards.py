"""Cards: listing them, and suspending, unsuspending and resetting them."""

from __future__ import annotations

from typing import Annotated

import typer

from quizcli.ui import context
from quizcli.ui.app import AREA
from quizcli.ui.options import AsJson, OnlyBanks
from quizcli.ui.output import say

app = typer.Typer(**AREA)


@app.command()
def cards(
    bank: OnlyBanks = None,
    suspended: Annotated[bool, typer.Option("--suspended", help="Only suspended cards.")
                         ] = False,
    leeches: Annotated[bool, typer.Option("--leeches", help="Only leeches.")] = False,
    due: Annotated[bool, typer.Option(
        "--due", help="Only cards due before today's study day ends.")] = False,
    search: Annotated[str | None, typer.Option(
        metavar="TEXT",
        help="Only cards whose id, prompt or answer holds this text, in any case.")] = None,
    as_json: AsJson = False,
) -> None:
    """List cards with their state, due time, lapses and flags.

    Each row shows the card's stability and difficulty too. Every filter given
    must hold. --due lists the studied cards a session may offer today, before
    the daily limits (suspended ones too with --suspended). The ID column is
    what suspend, unsuspend and reset take.
    """
    from quizcli.review.cards import Wanted, list_cards
    from quizcli.ui.output import fitted, say_json
    from quizcli.ui.views.listings import card_row

    now, tz = context.now(), context.local_zone()
    store, catalog = context.open_store()
    try:
        for name in bank or ():
            catalog.get(name)  # an unknown bank is an error that lists the known ones
        found = list_cards(store, Wanted(tuple(bank or ()), suspended, leeches, due, search),
                           now, tz)
    finally:
        store.close()
    if as_json:
        say_json([card.to_dict() for card in found])
        return
    if not found:
        say("No cards match.", err=True)
        return
    say(fitted(["ID", "BANK", "STATE", "DUE", "STABILITY", "DIFFICULTY", "REPS", "LAPSES",
                "FLAGS", "PROMPT"], [card_row(card, tz) for card in found]))


Ids = Annotated[list[str], typer.Argument(metavar="ID...",
                                          help="Question ids, as `quizcli cards` lists them.")]


def _change(ids: list[str], action: str) -> str:
    """Change the cards (all or none); how many were changed, said."""
    from quizcli.ui.views.listings import plural

    store, _ = context.open_store()
    try:
        store.change(ids, action, context.now())
    finally:
        store.close()
    return plural(len(set(ids)), "card")


@app.command()
def suspend(ids: Ids) -> None:
    """Suspend cards: no session offers them until you unsuspend them.

    An id that is no card's is named, the exit code is 2, and no card is changed.
    """
    say(f"Suspended {_change(ids, 'suspend')}; `quizcli unsuspend` brings "
        f"{'them' if len(set(ids)) > 1 else 'it'} back.")


@app.command()
def unsuspend(ids: Ids) -> None:
    """Unsuspend cards, leeches included: they are studied again.

    Sessions offer them on their schedule again. An id that is no card's is
    named, the exit code is 2, and no card is changed.
    """
    say(f"Unsuspended {_change(ids, 'unsuspend')}.")


@app.command()
def reset(ids: Ids) -> None:
    """Reset cards: each is new again, unsuspended and no longer a leech.

    The reset is written in the review log, which keeps every earlier answer.
    An id that is no card's is named, the exit code is 2, and no card is changed.
    """
    say(f"Reset {_change(ids, 'reset')}: new again, with every earlier answer kept "
        "in the log.")
