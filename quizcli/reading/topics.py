"""The syllabus area of an article, decided by rules over its words.

Each area of the exam's general studies papers has a table of general words
(`data/topics.yaml`); an article's area is the one whose words it uses most, a word
of its title counting three times. An article that uses no word of any area has none.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

TITLE_WEIGHT = 3


@functools.cache
def _tables() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(area, a pattern of its words) in the table's order, which breaks ties."""
    from quizcli.datafiles import load_data
    from quizcli.reading.wordsearch import trie_pattern

    out = []
    for area, words in load_data("topics.yaml").items():
        forms = {w.lower() for w in words}
        forms |= {f"{w}s" for w in forms if " " not in w} | {
            f"{w}es" for w in forms if " " not in w and w.endswith(("s", "x", "ch", "sh"))}
        out.append((area, re.compile(rf"(?<![\w-])(?:{trie_pattern(sorted(forms))})(?![\w-])")))
    return tuple(out)


def areas() -> tuple[str, ...]:
    """Every syllabus area, in the table's order."""
    return tuple(area for area, _ in _tables())


def scores(title: str, text: str) -> Counter:
    """How often the article uses each area's words, its title's counting more."""
    found: Counter = Counter()
    title, text = " ".join(title.lower().split()), " ".join(text.lower().split())
    for area, pattern in _tables():
        found[area] = TITLE_WEIGHT * len(pattern.findall(title)) + len(pattern.findall(text))
    return found


def area_of(title: str, text: str) -> str | None:
    """The area whose words the article uses most, the first in the table on a tie;
    None when it uses none."""
    found = scores(title, text)
    best = max(found.values(), default=0)
    if best == 0:
        return None
    return next(area for area in areas() if found[area] == best)
