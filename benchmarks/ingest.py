"""Time to ingest 1,000 articles into one bank, from reading to the written YAML file.

The articles come from corpus.py. Runs `ingest` in-process on a fresh folder
and prints the wall time, the questions written and the bank file's size.

    python benchmarks/ingest.py [--articles N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from corpus import build

from quizcli.bankfile import load_bank
from quizcli.making.ingest import ingest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "articles")
        folder.mkdir()
        paths = []
        for i, text in enumerate(build(args.articles)):
            path = folder / f"article-{i:04d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        out = Path(tmp, "banks")
        start = time.perf_counter()
        result = ingest(paths, out, dt.date(2026, 11, 22), bank_id="benchmark")
        took = time.perf_counter() - start
        again_start = time.perf_counter()
        ingest(paths, out, dt.date(2026, 11, 22), bank_id="benchmark")
        again = time.perf_counter() - again_start
        load_start = time.perf_counter()
        bank = load_bank(result.path)
        load = time.perf_counter() - load_start
        size = result.path.stat().st_size
    print(f"ingest {args.articles} articles into one bank: {took:.1f}s "
          f"({len(bank.questions)} questions, {len(bank.facts)} facts, {size / 1e6:.1f} MB)")
    print(f"ingest the same articles again (nothing new): {again:.1f}s")
    print(f"load and check the bank: {load:.2f}s")


if __name__ == "__main__":
    main()
