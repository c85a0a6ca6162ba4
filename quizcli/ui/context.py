"""What the commands read from the world: the clock, the local time zone, and the review
store in step with the banks. Tests replace `now` and `local_zone`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizcli.ui.output import say

if TYPE_CHECKING:
    import datetime as dt

    from quizcli.catalog import Catalog
    from quizcli.review.store import Store


def now() -> dt.datetime:
    """The only clock the commands read; tests replace it."""
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc)


def local_zone() -> dt.tzinfo:
    import datetime as dt

    zone = dt.datetime.now().astimezone().tzinfo
    return zone if zone is not None else dt.timezone.utc


def open_store(problems: list[str] | None = None) -> tuple[Store, Catalog]:
    """The review store, in step with the banks; bank problems are reported, not fatal,
    and kept in `problems` when given (for a screen that would otherwise clear them)."""
    from quizcli import paths
    from quizcli.catalog import discover
    from quizcli.review.library import resync
    from quizcli.review.store import Store

    home = paths.data_home()
    catalog = discover()
    store = Store.open(home, tz=local_zone())
    for problem in resync(store, catalog)[1]:
        say(str(problem), err=True)
        if problems is not None:
            problems.append(str(problem))
    return store, catalog
