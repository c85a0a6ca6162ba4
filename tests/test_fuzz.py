"""The reader and the maker never raise on any input: random text, mutated real articles,
any date."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from conftest import SHARED

from quizcli.making.gate import gate
from quizcli.making.ingest import pools_for
from quizcli.making.questions import make_candidates
from quizcli.reading.article import ArticleError
from quizcli.reading.extractor import default_extractor
from quizcli.reading.formats import read_bytes

REPO = Path(__file__).resolve().parent.parent
SOURCES = sorted((SHARED / "corpus" / "articles").glob("*.txt")) + sorted(
    (REPO / "banks" / "sources").glob("*.txt"))
PIECES = ["\n", "\n\n", " ", "# ", "- ", "• ", ":", "?", "“", "”", '"', "(", ")", "%", "Rs ",
          "crore", "lakh", "Article 21", "1st", "2024-25", "12-06-2025", "last year", "Monday",
          "said", "insists", "_____", "\x00", "\x1b[2J", "\u200b", "\ufeff", "\\n", "|", "»",
          "Mr.", "U.S.", "₹", "0", "99999999999999999999", "-", "–", "…", "\t", "🙂"]


def _mutated(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    for _ in range(rng.randint(1, 30)):
        at = rng.randrange(len(words) + 1)
        action = rng.random()
        if action < 0.4:
            words.insert(at, rng.choice(PIECES))
        elif action < 0.7 and words:
            del words[min(at, len(words) - 1)]
        elif words:
            words[min(at, len(words) - 1)] = rng.choice(words)
    return " ".join(words)


def _random(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES + [chr(rng.randrange(32, 0x2FFF))])
                   for _ in range(rng.randint(0, 400)))


def test_two_thousand_inputs_with_any_date_raise_nothing():
    rng = random.Random(20261201)
    texts = [s.read_text(encoding="utf-8") for s in SOURCES]
    extractor = default_extractor()
    for n in range(2000):
        text = _mutated(rng, rng.choice(texts)) if n % 2 else _random(rng)
        date = rng.choice([None, dt.date(1800, 1, 1), dt.date(2200, 12, 31),
                           dt.date(1900 + rng.randrange(300), rng.randint(1, 12),
                                   rng.randint(1, 28))])
        try:
            [article] = read_bytes(text.encode("utf-8", "surrogatepass"), "fuzz.txt", date)
        except ArticleError:
            continue
        facts = extractor.extract(article, "fuzz")
        candidates = make_candidates(facts, pools_for(facts, ((), ())), "fuzz", article)
        gate(candidates)
