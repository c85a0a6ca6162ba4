"""The tables of the world an article is read against: parties and their aliases,
places, titles of office and site boilerplate. They live in `quizcli/data/`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources


def _load(name: str):
    import yaml

    text = resources.files("quizcli").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


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


@dataclass(frozen=True)
class Gazetteer:
    party_of: dict[str, str]
    """Every name of a party, the canonical one included, to the canonical name."""
    countries: frozenset[str]
    places: frozenset[str]
    offices: frozenset[str]
    """Titles of office, lower-cased."""
    boilerplate_starts: tuple[str, ...]
    boilerplate_lines: frozenset[str]
    party_re: re.Pattern[str]
    place_re: re.Pattern[str]
    office_re: re.Pattern[str]

    def aliases_of(self, party: str) -> list[str]:
        """Every name of `party` but its canonical one."""
        return [a for a, canon in self.party_of.items() if canon == party and a != party]


# A name matches whole: not inside a longer word, and not the "U.S" of "U.S.".
_BEFORE, _AFTER = r"(?<![\w.])", r"(?!\w|\.\w)"


@functools.cache
def gazetteer() -> Gazetteer:
    """The tables, loaded once."""
    parties = _load("parties.yaml")
    party_of: dict[str, str] = {}
    for group in ("countries", "organisations"):
        for canon, aliases in parties[group].items():
            party_of[canon] = canon
            for alias in aliases or ():
                party_of[alias] = canon
    countries = frozenset(parties["countries"])
    places = frozenset(_load("places.yaml")) | countries
    offices = frozenset(o.lower() for o in _load("offices.yaml"))
    boilerplate = _load("boilerplate.yaml")

    def compile_words(words, flags=0):
        return re.compile(_BEFORE + "(?:" + trie_pattern(sorted(words)) + ")" + _AFTER, flags)

    return Gazetteer(
        party_of=party_of,
        countries=countries,
        places=places,
        offices=offices,
        boilerplate_starts=tuple(s.lower() for s in boilerplate["line_starts"]),
        boilerplate_lines=frozenset(s.lower() for s in boilerplate["whole_lines"]),
        party_re=compile_words(party_of),
        place_re=compile_words(places),
        office_re=compile_words(offices, re.IGNORECASE),
    )
