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


_RUN = re.compile(r"[\w-]+")
_FORM = re.compile(r"[\w-]+(?: [\w-]+)*")


@functools.cache
def _forms_by_first_run() -> dict[str, list[tuple[int, tuple[str, ...]]]] | None:
    """Each first run of letters (`[\\w-]+`) of a word of an area → the areas it may open
    a word of, by their place in the table, each with those words, longest first. None
    when some word is not runs one space apart: then the patterns count."""
    from quizcli.datafiles import load_data

    table: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for index, words in enumerate(load_data("topics.yaml").values()):
        forms = {w.lower() for w in words}
        forms |= {f"{w}s" for w in forms if " " not in w} | {
            f"{w}es" for w in forms if " " not in w and w.endswith(("s", "x", "ch", "sh"))}
        if not all(_FORM.fullmatch(form) for form in forms):
            return None
        by_first: dict[str, list[str]] = {}
        for form in forms:
            by_first.setdefault(form.split(" ")[0], []).append(form)
        for first, opening in by_first.items():
            table.setdefault(first, []).append(
                (index, tuple(sorted(opening, key=len, reverse=True))))
    return table


def _counts(text: str) -> list[int]:
    """How often the text uses each area's words, as each area's pattern finds them: a
    word begins a run of letters and ends one, the longest that fits at a place, one
    after another. The runs are read once for every area."""
    table = _forms_by_first_run()
    if table is None:
        return [len(pattern.findall(text)) for _, pattern in _tables()]
    counts = [0] * len(_tables())
    free = [0] * len(counts)  # where the next word of each area may begin
    size = len(text)
    for run in _RUN.finditer(text):
        opening = table.get(run.group())
        if not opening:
            continue
        at = run.start()
        for index, forms in opening:
            if at < free[index]:
                continue
            for form in forms:
                end = at + len(form)
                if text.startswith(form, at) and (end == size or not (
                        text[end].isalnum() or text[end] in "_-")):
                    counts[index] += 1
                    free[index] = end
                    break
    return counts


def scores(title: str, text: str) -> Counter:
    """How often the article uses each area's words, its title's counting more."""
    found: Counter = Counter()
    title, text = " ".join(title.lower().split()), " ".join(text.lower().split())
    for (area, _), in_title, in_text in zip(_tables(), _counts(title), _counts(text),
                                            strict=True):
        found[area] = TITLE_WEIGHT * in_title + in_text
    return found


def area_of(title: str, text: str) -> str | None:
    """The area whose words the article uses most, the first in the table on a tie;
    None when it uses none."""
    found = scores(title, text)
    best = max(found.values(), default=0)
    if best == 0:
        return None
    return next(area for area in areas() if found[area] == best)
