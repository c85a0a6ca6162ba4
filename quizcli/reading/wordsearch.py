"""Finding words and names in a text fast: a regex alternation of many words that shares
their prefixes, one that skips to where a word can begin, and a finder for tens of
thousands of names that a regex would take seconds to compile.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple


def trie_pattern(words: list[str]) -> str:
    """A regex alternation of `words` that shares common prefixes.

    With hundreds of names, a plain `a|b|c` alternation retries every word at
    every position; the trie form tries each character once.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return build(trie)


class NameMatch(NamedTuple):
    """Where a `NameFinder` found a name; read like a regex match."""

    begin: int
    finish: int
    text: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def span(self) -> tuple[int, int]:
        return self.begin, self.finish

    def group(self, index: int = 0) -> str:
        if index != 0:
            raise IndexError("no such group")
        return self.text


class NameFinder:
    """Finds whole names in a text, the longest at the leftmost place first, as a
    compiled alternation of them would (`finditer`, `search`); but it is built from
    tens of thousands of names in milliseconds, where `re.compile` takes seconds.

    A name matches whole: not inside a longer word, and not the "U.S" of "U.S.".
    Matching is case-sensitive, so "US" is never the pronoun "us".
    """

    _KEY = 4
    """Names are filed under their first four characters (shorter names whole)."""
    _RECENT = 512
    """How many texts' matches are kept: the sentences of one long article, which the
    reader looks at twice (for its people, then for its facts)."""

    def __init__(self, names: Iterable[str], not_after: Iterable[str] = ()):
        """`not_after`: titles after which a name is a person's, not this name's
        ("Justice Salem Pillai" names no town Salem)."""
        titles = sorted({re.escape(t) for t in not_after}, key=len, reverse=True)
        self._title = re.compile(r"(?<!\w)(?:" + "|".join(titles) + r")\.?\s+$") if titles \
            else None
        buckets: dict[str, list[str]] = {}
        for name in set(names):
            if name:
                buckets.setdefault(name[:self._KEY], []).append(name)
        self._buckets = {k: sorted(v, key=len, reverse=True) for k, v in buckets.items()}
        self._short = tuple(sorted({len(k) for k in self._buckets if len(k) < self._KEY},
                                   reverse=True))
        # Where a name could begin: after no word character and no full stop, at a
        # capital, or at the first letters of a name written in lower case ("the Centre").
        # The pattern opens with a class of the first characters, so that the search
        # skips to one; what precedes and follows it is checked once it is read.
        capitals = sorted({k[0] for k in self._buckets if not k[0].islower()})
        lower = sorted({k for k in self._buckets if k[0].islower()})
        starts = ["(?<=[" + re.escape("".join(capitals)) + "])"] if capitals else []
        starts += ["(?<=" + re.escape(k[0]) + ")" + re.escape(k[1:]) for k in lower]
        firsts = "".join(sorted({*capitals, *(k[0] for k in lower)}))
        self._starts = re.compile(
            "[" + re.escape(firsts) + r"](?<![\w.].)(?:" + "|".join(starts) + ")"
        ) if starts else None
        self._recent: dict[str, tuple[NameMatch, ...]] = {}

    def finditer(self, text: str) -> Iterator[NameMatch]:
        """Each name in `text`, left to right, never overlapping."""
        # The reader looks at each sentence more than once (people, then facts).
        found = self._recent.get(text)
        if found is None:
            if len(self._recent) >= self._RECENT:
                self._recent.clear()
            found = self._recent[text] = self._find(text)
        return iter(found)

    def _find(self, text: str) -> tuple[NameMatch, ...]:
        if self._starts is None:
            return ()
        buckets, short, key, title = self._buckets, self._short, self._KEY, self._title
        found = []
        done = 0
        for start in self._starts.finditer(text):
            at = start.start()
            if at < done:
                continue
            end = -1
            names = buckets.get(text[at:at + key])
            if names:
                end = _longest(text, at, names)
            if end < 0:
                for n in short:
                    names = buckets.get(text[at:at + n])
                    if names:
                        end = _longest(text, at, names)
                        if end >= 0:
                            break
            if end >= 0:
                if title is not None and title.search(text[max(0, at - 40):at]):
                    continue
                found.append(NameMatch(at, end, text[at:end]))
                done = end
        return tuple(found)

    def search(self, text: str) -> NameMatch | None:
        """The first name in `text`, or None."""
        return next(self.finditer(text), None)

    def findall(self, text: str) -> list[str]:
        """Every name in `text`, as `re.findall` would list them."""
        return [m.text for m in self.finditer(text)]


def _longest(text: str, at: int, names: list[str]) -> int:
    """The end of the first of `names` (longest first) written at `at` as a whole
    word, or -1: "India" is not in "Indiana", nor "U.S" in "U.S."."""
    size = len(text)
    for name in names:
        if not text.startswith(name, at):
            continue
        end = at + len(name)
        if end < size:
            after = text[end]
            if after.isalnum() or after == "_" or (
                    after == "." and end + 1 < size
                    and (text[end + 1].isalnum() or text[end + 1] == "_")):
                continue
        return end
    return -1


def by_first_character(alternatives: Sequence[tuple[str, str]]) -> str:
    """A regex that matches what the alternation of `alternatives` does, tried in their
    order; each is a character and a regex for what follows it.

    Grouped by that character, it opens with a literal in each branch, so that a search
    skips straight to the characters a match can begin with instead of trying every
    branch at every character.
    """
    groups: dict[str, list[str]] = {}
    for first, rest in alternatives:
        assert len(first) == 1, first
        groups.setdefault(first, []).append(rest)
    return "(?:" + "|".join(re.escape(first) + "(?:" + "|".join(rests) + ")"
                            for first, rests in groups.items()) + ")"


def whole_words(words: Sequence[str]) -> str:
    """A regex that matches what `\\b(?:w1|w2|...)\\b` does for `words`, each opening with
    a word character, tried in their order.

    It opens with the word's first character rather than a word boundary (see
    `by_first_character`); the boundary before the word is checked once that character
    is read.
    """
    assert all(w[:1].isalnum() or w[:1] == "_" for w in words), words
    return by_first_character([(w[0], r"(?<!\w.)" + re.escape(w[1:]) + r"\b") for w in words])
