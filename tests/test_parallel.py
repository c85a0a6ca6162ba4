"""Work spread over worker processes gives what one process gives, in the same order."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizcli import parallel
from quizcli.making.ingest import ingest
from tests.conftest import SHARED, not_beside


@settings(max_examples=15)
@given(st.lists(st.integers(), min_size=0, max_size=60), st.integers(1, 3))
def test_results_come_back_in_order(items: list[int], workers: int) -> None:
    assert list(parallel.mapped(lambda n: n * n - 1, items, workers)) == [
        n * n - 1 for n in items]


def test_the_work_runs_in_other_processes() -> None:
    pids = set(parallel.mapped(lambda _: os.getpid(), range(40), workers=2))
    assert os.getpid() not in pids
    assert multiprocessing.active_children() == []


def test_an_error_in_a_worker_is_raised_here_and_no_worker_is_left() -> None:
    def check(n: int) -> int:
        if n == 17:
            raise ValueError("seventeen")
        return n

    with pytest.raises(ValueError, match="seventeen"):
        list(parallel.mapped(check, range(40), workers=2))
    assert multiprocessing.active_children() == []


def test_few_items_or_another_thread_keep_the_work_here() -> None:
    assert set(parallel.mapped(lambda _: os.getpid(), range(3))) == {os.getpid()}
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        pids = set(parallel.mapped(lambda _: os.getpid(), range(40), workers=2))
    finally:
        stop.set()
        thread.join()
    assert pids == {os.getpid()}


def test_a_bank_made_by_workers_is_the_bank_one_process_makes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = sorted((SHARED / "corpus" / "articles").glob("*.txt"))
    if not articles:
        pytest.skip(not_beside("corpus"))
    made = {}
    for enough in (len(articles) + 1, 2):
        monkeypatch.setattr(parallel, "ENOUGH", enough)
        monkeypatch.setattr(parallel, "cores", lambda: 2)
        result = ingest(articles[:8], tmp_path / str(enough), dt.date(2026, 11, 22),
                        bank_id="news", article_date=dt.date(2025, 1, 1))
        made[enough] = result.path.read_bytes()
    assert made[2] == made[len(articles) + 1]
    assert len(made[2]) > 10_000
