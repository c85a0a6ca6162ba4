"""A corpus for the benchmarks: the seed and fixture articles, varied.

Parties, people's names, dates and numbers are swapped and paragraphs
reordered, so that no two articles are the same text.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

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


def build(n: int, seed: int = 2026) -> list[str]:
    """`n` varied articles."""
    rng = random.Random(seed)
    bases = [p.read_text(encoding="utf-8") for p in SOURCES]
    return [vary(bases[i % len(bases)], rng) for i in range(n)]
