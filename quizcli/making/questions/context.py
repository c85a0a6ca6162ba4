"""What a question shows before its sentence when the sentence leans on another: the
subject of its section, the sentence before it, or the thing an explainer is named for."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quizcli.making.questions.candidate import FIELD_LINE, LEANS_BACK, PRONOUN_START
from quizcli.making.questions.wording import section_subject
from quizcli.model import Fact

if TYPE_CHECKING:
    from quizcli.making.questions.maker import Maker

_NAMED_TITLE = re.compile(r"[A-Z][\w’'-]*(?:\s(?:of\s|for\s|and\s)?[A-Z][\w’'-]*){0,5}")
"""A title that is a name alone ("Sikkim Lakes Bill", "Lake Health Index")."""


def context_for(maker: Maker, fact: Fact, asked: str | None = None) -> str | None:
    """What a sentence that opens with a pronoun needs shown before it: the subject of
    its section ('About the Ocean Council:'), else the sentence before it. So do the
    words `asked` of it when they open on a noun of another sentence ('that the
    expression must …')."""
    evidence = fact.evidence
    if FIELD_LINE.match(evidence):  # "Formed: 1961" under "About the Lakes Council"
        subject = section_subject(fact.detail.get("section"))
        return f"About {subject}:" if subject else None
    pronoun = PRONOUN_START.match(evidence) is not None
    if not pronoun and not (asked and LEANS_BACK.match(asked)):
        return None
    index = maker.sentences.index(evidence) if evidence in maker.sentences else None
    before = maker.sentences[index - 1] if index else None
    if before and PRONOUN_START.match(before) and index and index >= 2 and maker.blocks and (
            maker.blocks[index - 2] == maker.blocks[index]):
        before = maker.sentences[index - 2]  # "It docked. This was a test. This was …"
    usable = before is not None and not PRONOUN_START.match(before)
    if not pronoun:  # "the expression" is what the sentence before spoke of
        return before if usable else None
    # Within one paragraph the pronoun stands for what the sentence before named
    # ("Only 90 red pandas are left there. It was once widely ..."); a bullet
    # of its own stands for what its section is about.
    if usable and maker.blocks and index is not None and (
            maker.blocks[index - 1] == maker.blocks[index]):
        return before
    section: str | None = fact.detail.get("section")
    subject = section_subject(section)
    if subject:
        return f"About {subject}:"
    if before is not None and usable and maker.section_of.get(before, section) != section:
        # The sentence before is another heading's ("Objective: To …"): in an
        # explainer on a named thing, the pronoun stands for it.
        named = _NAMED_TITLE.fullmatch(maker.title)
        return f"About {maker.title}:" if named else None
    return before if usable else None

