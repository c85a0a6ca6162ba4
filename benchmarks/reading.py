"""Words per second of the article reader and fact extractor, on one core.

Reads a corpus of N articles (default 1,000) made by varying the seed and
fixture articles (see corpus.py), and prints the figures.

    python benchmarks/reading.py [--articles N] [--repeat K]
"""

from __future__ import annotations

import argparse
import statistics
import time

from corpus import build

from quizcli.reading.article import read_article
from quizcli.reading.facts import extract_facts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    corpus = build(args.articles)
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
