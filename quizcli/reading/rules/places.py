"""Where things happen: a place named after "in", "at", "to" or "hosted by" in a
sentence about an event (a summit, a launch, an attack, a treaty signed).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quizcli.model import FactKind
from quizcli.reading.article import Sentence
from quizcli.reading.entities import Mention
from quizcli.reading.gazetteer import gazetteer
from quizcli.reading.wordsearch import trie_pattern

if TYPE_CHECKING:
    from quizcli.reading.facts import Reader

_EVENT_WORDS = (
    "meet meets meeting met summit talks held hosted hosts visit visited visits conference "
    "place signed dialogue negotiations election elections attack blast protest protests "
    "launch launched exercise exercises war conflict deal treaty agreement accord ceremony "
    "session forum games").split()
# As a trie: at a word where none is, each letter is tried once, not every word.
_EVENT = re.compile(r"\b(?:" + trie_pattern(sorted(_EVENT_WORDS)) + r")\b")
"""Matched against the lower-cased sentence: a case-folding pattern is slower."""
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|to|from|near|inside|outside|visit|visited|visiting|hosted by|held in)\s+"
    r"(?:the\s+)?$"
)

def places(reader: Reader, sentence: Sentence, found: list[Mention]) -> None:
    text = sentence.text
    if not _EVENT.search(text.lower()):
        return
    seen = set()
    for match in gazetteer().place_re.finditer(text):
        if match.group() in seen or not _PLACE_BEFORE.search(
                text, max(0, match.start() - 30), match.start()):
            continue
        seen.add(match.group())
        reader.add(sentence, FactKind.PLACE, match.group(), found)
