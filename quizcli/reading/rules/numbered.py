"""Names that a head word makes, written the other way round from `_headed`'s: a number
after a capitalised head ("Project 21C", "Mission 2"), or a capitalised name before a
head word in lower case ("the Sikkim Organic initiative", "the Nima Sewa scheme")."""

from __future__ import annotations

import functools
import re

from quizcli.datafiles import load_data
from quizcli.reading.gazetteer import gazetteer
from quizcli.reading.rules.terms import Term

_KINDS = {"schemes": "scheme", "reports": "report", "things": "thing", "laws": "law"}


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    heads = load_data("heads.yaml")
    kind_of = {word.lower(): _KINDS[group] for group in _KINDS for word in heads[group]}
    words = "|".join(sorted(kind_of, key=len, reverse=True))
    numbered = re.compile(rf"\b(?P<head>(?i:{words}))\s(?:\d{{1,3}}[A-Z]?|[IVX]{{1,4}})\b"
                          r"(?=[\s,.;:)])")
    named = "|".join(w.lower() for group in ("schemes", "reports") for w in heads[group])
    before_lower = re.compile(
        r"(?<![\w’'])(?P<name>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,3})\s(?P<head>" + named
        + r")\b")
    return numbered, before_lower, kind_of


def numbered_names(sentence: str) -> list[Term]:
    """'Project 21C' and 'Operation 2' as names; 'Harit Sikkim' of 'the
    Harit Sikkim initiative' as a scheme's, and a report's before "report" or
    "index"; but a country's name only describes the scheme ("the Sikkim plan")."""
    numbered, before_lower, kind_of = _patterns()
    found = []
    for match in numbered.finditer(sentence):
        if match.group("head")[:1].isupper():
            found.append(Term(match.start(), match.end(), match.group(), kind_of[
                match.group("head").lower()]))
    for match in before_lower.finditer(sentence):
        if match.start() and sentence[match.start() - 1] == " " and (
                sentence[:match.start()].rstrip().endswith(("the", "a", "an", "its"))) and (
                match.group("name") not in gazetteer().party_of) and (
                match.group("name") not in gazetteer().places):  # "the Sikkim plan"
            found.append(Term(match.start("name"), match.end("name"), match.group("name"),
                              kind_of[match.group("head")]))
    return found
