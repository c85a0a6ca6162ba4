"""`quizcli stats` over 1,000,000 answers: the goal is to draw in 1 s or less.

Builds the review store of benchmarks/review.py (100,000 cards, 1,000,000
answers), then times computing every figure and drawing them, in process, and
the whole `quizcli stats` command as a user runs it.

    python benchmarks/stats.py [--cards N] [--reviews N] [--runs N]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from review import NOW, UTC, populate
from rich.console import Console

from quizcli.review.settings import Settings
from quizcli.review.stats import compute
from quizcli.review.store import Store
from quizcli.ui.views.reports import stats_view


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        store = Store(home / "quizcli.db", Settings())
        populate(store, args.cards, args.reviews, random.Random(7))
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            figures = compute(store, NOW, UTC)
            Console(file=io.StringIO(), width=100).print(stats_view(figures))
            times.append(time.perf_counter() - start)
        store.close()
        quizcli = shutil.which("quizcli", path=str(Path(sys.executable).parent))
        env = {**os.environ, "QUIZCLI_HOME": str(home), "QUIZCLI_BANKS": ""}
        command = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run([quizcli, "stats"], env=env, stdout=subprocess.DEVNULL, check=True)
            command.append(time.perf_counter() - start)
    print(f"{args.cards} cards, {args.reviews} answers")
    print(f"compute and draw (in process): median {statistics.median(times):.2f} s")
    print(f"quizcli stats (whole command): median {statistics.median(command):.2f} s")


if __name__ == "__main__":
    main()
