"""Words per second of the article reader and fact extractor, on one core.

Builds a corpus of N articles (default 1,000) by varying the seed and fixture
articles: parties, people's names, dates and numbers are swapped, and paragraphs
reordered, so that no two articles are the same text. Prints the figures.

    python benchmarks/reading.py [--articles N] [--repeat K]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
from pathlib import Path

from quizcli.reading.article import read_article
from quizcli.reading.facts import extract_facts

REPO = Path(__file__).resolve().parent.parent
SOURCES = sorted((REPO / "banks" / "sources").glob("*.txt")) + sorted(
    p for p in (REPO / "tests" / "fixtures" / "articles").iterdir() if p.name != "README.md"
)
SWAPS = [
    ("North Korea", ["Iran", "Myanmar", "Syria", "Venezuela"]),
    ("United States", ["United Kingdom", "France", "Germany", "Japan"]),
    ("China", ["Russia", "India", "Brazil", "Turkey"]),
    ("Indonesia", ["Malaysia", "Vietnam", "Philippines", "Thailand"]),
    ("Kim", ["Ali", "Tan", "Lee", "Park"]),
    ("Bolton", ["Carter", "Hughes", "Mehta", "Rao"]),
    ("Wulandari", ["Sari", "Putri", "Hartono", "Widodo"]),
    ("Singapore", ["Geneva", "Helsinki", "Doha", "Davos"]),
]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def vary(text: str, rng: random.Random) -> str:
    for old, choices in SWAPS:
        text = text.replace(old, rng.choice(choices))
    text = re.sub(r"\b(19|20)\d\d\b", lambda _: str(rng.randint(1990, 2030)), text)
    text = re.sub(r"\b(?:January|March|May|July|September|November)\b",
                  lambda _: rng.choice(MONTHS), text)
    text = re.sub(r"\b\d{1,3}\b(?!,\d)", lambda m: str(rng.randint(1, 99)), text)
    head, *paragraphs = text.split("\n\n")
    rng.shuffle(paragraphs)
    return "\n\n".join([head, *paragraphs])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    rng = random.Random(2026)
    bases = [p.read_text(encoding="utf-8") for p in SOURCES]
    corpus = [vary(bases[i % len(bases)], rng) for i in range(args.articles)]
    extract_facts(read_article(corpus[0]))  # load the tables before timing

    timings, words, facts = [], 0, 0
    for _ in range(args.repeat):
        words = facts = 0
        start = time.process_time()
        for text in corpus:
            article = read_article(text)
            words += article.words
            facts += len(extract_facts(article))
        timings.append(time.process_time() - start)
    best, median = min(timings), statistics.median(timings)
    print(f"corpus: {len(corpus)} articles, {words} words, {facts} facts")
    print(f"time (CPU, one core): best {best:.2f}s, median {median:.2f}s of {args.repeat}")
    print(f"words per second: {words / median:,.0f} (median), {words / best:,.0f} (best)")


if __name__ == "__main__":
    main()
