"""Options and checks that several commands share."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    import datetime as dt

AsJson = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
OnlyBanks = Annotated[list[str] | None, typer.Option(
    metavar="NAME", help="Only this bank; repeat for several.")]


def at_least(low: int, high: int | None = None):
    """A check that a number option is in range, said in its error rather than in the help,
    where a range reads as `<int range> [x>=1]`."""

    def check(value: int | None) -> int | None:
        if value is not None and (value < low or (high is not None and value > high)):
            wanted = f"from {low} to {high}" if high is not None else f"{low} or more"
            raise typer.BadParameter(f"{value} is not {wanted}")
        return value

    return check


def parse_day(value: str | None) -> dt.date | None:
    """An article's date as given on the command line, or None."""
    import datetime as dt

    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date such as 2018-09-11") from None
    if not 1800 <= day.year <= 2200:
        raise typer.BadParameter(f"{value!r} is no article's date: give one between 1800 and "
                                 "2200, such as 2018-09-11")
    return day
