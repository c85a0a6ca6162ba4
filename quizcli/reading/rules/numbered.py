"""Names that a head word makes, written the other way round from `_headed`'s: a number
after a capitalised head ("Project 21C", "Mission 2"), or a capitalised name before a
head word in lower case ("the Sikkim Organic initiative", "the Nima Sewa scheme")."""

from __future__ import annotations

import functools
import re

from quizcli.datafiles import load_data
from quizcli.reading.gazetteer import gazetteer
from quizcli.reading.rules.terms import Term
from quizcli.reading.wordsearch import trie_pattern

_KINDS = {"schemes": "scheme", "reports": "report", "things": "thing", "laws": "law"}


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str]]:
    heads = load_data("heads.yaml")
    kind_of = {word: _KINDS[group] for group in _KINDS for word in heads[group]}
    numbered = re.compile(rf"\b(?P<head>{trie_pattern(sorted(kind_of))})\s"
                          r"(?:\d{1,3}[A-Z]?|[IVX]{1,4})\b(?=[\s,.;:)])")
    lower = sorted(w.lower() for group in ("schemes", "reports") for w in heads[group])
    kind_of |= {w: kind_of[w.capitalize()] for w in lower}
    cue = re.compile(rf"\s(?:{trie_pattern(lower)})\b")
    before_lower = re.compile(r"(?<![\w’'])(?P<name>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,3})"
                              rf"\s(?P<head>{trie_pattern(lower)})\b")
    return numbered, cue, before_lower, kind_of


def numbered_names(sentence: str) -> list[Term]:
    """'Project 21C' and 'Operation 2' as names; 'Harit Sikkim' of 'the
    Harit Sikkim initiative' as a scheme's, and a report's before "report" or
    "index"; but a country's name only describes the scheme ("the Sikkim plan")."""
    numbered, cue, before_lower, kind_of = _patterns()
    found = [Term(match.start(), match.end(), match.group(), kind_of[match.group("head")])
             for match in numbered.finditer(sentence)]
    for match in before_lower.finditer(sentence) if cue.search(sentence) else ():
        if match.start() and sentence[match.start() - 1] == " " and (
                sentence[:match.start()].rstrip().endswith(("the", "a", "an", "its"))) and (
                match.group("name") not in gazetteer().party_of) and (
                match.group("name") not in gazetteer().places):  # "the Sikkim plan"
            found.append(Term(match.start("name"), match.end("name"), match.group("name"),
                              kind_of[match.group("head")]))
    return found
