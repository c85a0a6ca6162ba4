"""Exporting 10,000 questions to an Anki package (.apkg); the goal is 5 s or less.

The questions are the shipped bank's, copied with new ids until there are
enough, in one bank. Prints the time of each format.

    python benchmarks/export.py [--questions N]
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from quizcli.bankfile import load_bank
from quizcli.export import render

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    args = parser.parse_args()
    shipped = load_bank(REPO / "banks" / "korea-summits.yaml")
    questions = tuple(replace(q, id=f"{q.id}-{i}")
                      for i in range(args.questions // len(shipped.questions) + 1)
                      for q in shipped.questions)[: args.questions]
    bank = replace(shipped, questions=questions)
    for fmt in ("apkg", "anki-txt", "csv", "md", "json"):
        start = time.perf_counter()
        content = render([bank], fmt)
        took = time.perf_counter() - start
        print(f"{fmt:8} {len(questions)} questions in {took:.2f}s ({len(content) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
