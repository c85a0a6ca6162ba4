"""Offices named by their title alone where the sentence says what the office may do:
"sent to the President for her assent", "appointed by the Governor", "a panel headed by
the Prime Minister". Whose assent or whose appointment it is, is the fact."""

from __future__ import annotations

import re

from quizcli.reading.gazetteer import gazetteer
from quizcli.reading.rules.terms import Term

POWER = re.compile(r"\b(?:assent|appoint\w*|nominat\w*|head(?:s|ed)?\sthe\s\w+|"
                   r"chair(?:s|ed|person|man)?|recommendation|remov\w+|dissol\w+|summon\w*|"
                   r"promulgat\w+|pardon\w*|veto\w*)\b")
"""What an office may do in a procedure: assent, appoint, nominate, head, chair,
recommend, remove, dissolve, summon, promulgate, pardon, veto."""
_TITLE = re.compile(r"\b(?:by|to|of|from)\sthe\s(?P<title>[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,3})")


def bare_offices(sentence: str) -> list[Term]:
    """The titles of office, named without a holder, of a sentence that says what an
    office may do."""
    if not POWER.search(sentence):
        return []
    offices = gazetteer().offices
    return [Term(m.start("title"), m.end("title"), m.group("title"), "name")
            for m in _TITLE.finditer(sentence) if m.group("title").lower() in offices]
