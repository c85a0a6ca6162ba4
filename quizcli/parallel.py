"""Work spread over the machine's cores: the same results, in the same order, sooner.

Workers are forked, so they start with everything the parent has loaded (the
gazetteer, the compiled patterns, the work itself) and only results travel back.
Where forking is not safe or not there (macOS, Windows, a process with other
threads running) the work runs in this process, as it does for a few items, which
a worker would only slow down.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

ENOUGH = 24
"""Items below which one process does the work: forking and sending back cost more."""
MOST_WORKERS = 8

_work: tuple[Callable[[Any], Any], Sequence[Any]] | None = None
"""The function and items of the running `mapped`, as the forked workers inherit it."""


def cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def workers_for(items: int) -> int:
    """How many processes `mapped` uses for this many items, by default."""
    if items < ENOUGH or not _can_fork():
        return 1
    return max(1, min(cores(), MOST_WORKERS, items // max(1, ENOUGH // 2)))


def _can_fork() -> bool:
    """Only on Linux, and only with no other thread running: a forked child gets just the
    forking thread, and a lock another thread held stays locked in it for ever."""
    import multiprocessing
    import threading

    return (sys.platform.startswith("linux") and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods())


def mapped(fn: Callable[[T], R], items: Sequence[T], workers: int | None = None) -> Iterator[R]:
    """`fn` of each item, in the items' order, from `workers` processes (by default as
    many as the items and cores make worth it). An error in `fn` is raised here."""
    count = workers_for(len(items)) if workers is None else min(workers, len(items))
    if count <= 1 or workers is not None and not _can_fork():  # workers_for checked it
        return map(fn, items)
    return _forked(fn, items, count)


def _forked(fn: Callable[[T], R], items: Sequence[T], count: int) -> Iterator[R]:
    import multiprocessing

    global _work
    _work = (fn, items)
    pool = multiprocessing.get_context("fork").Pool(count, initializer=_ignore_interrupts)
    try:
        # Small chunks keep every worker busy to the end; each costs one round trip.
        yield from pool.imap(_one, range(len(items)), chunksize=max(1, len(items) // (count * 16)))
        pool.close()
    except BaseException:
        pool.terminate()  # on Ctrl-C or an error too, no worker outlives the call
        raise
    finally:
        pool.join()
        _work = None


def _one(index: int) -> Any:
    assert _work is not None, "run only in a worker that `mapped` forked"
    fn, items = _work
    return fn(items[index])


def _ignore_interrupts() -> None:
    """Ctrl-C reaches the whole process group; the parent alone answers it."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
