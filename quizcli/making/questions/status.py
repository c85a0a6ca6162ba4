"""What a species' status on the IUCN Red List is, asked of the species, with the
categories beside it for wrong choices."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quizcli.making.questions.candidate import Candidate
from quizcli.making.questions.headings import section_subject
from quizcli.making.scores import score
from quizcli.model import Fact
from quizcli.reading.gazetteer import gazetteer
from quizcli.reading.rules.status import categories

if TYPE_CHECKING:
    from quizcli.making.questions.maker import Maker

_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+\b")
"""A name of two words or more, as a species' common name is: 'Snow Wren'."""
_NOT_A_SPECIES = re.compile(r"\b(?:IUCN|Red|List|Status|Note|Schedule|Act)\b")


def red_list(maker: Maker, fact: Fact) -> Candidate | None:
    """*What is the IUCN Red List status of the Snow Wren?*, with the three
    categories nearest the answer for wrong choices."""
    if fact.detail.get("term") != "status":
        return None
    species = _species_of(maker, fact)
    # A species a story tells of lives: no extinct category is a plausible wrong choice.
    ladder = [c for c in categories() if c != "Data Deficient" and not c.startswith("Extinct")]
    if species is None or fact.answer not in ladder:
        return None
    at = ladder.index(fact.answer)
    wrong = sorted((c for c in ladder if c != fact.answer),
                   key=lambda c: (abs(ladder.index(c) - at), ladder.index(c)))[:3]
    prompt = f"What is the IUCN Red List status of the {species}?"
    base = score("term:status")
    return maker.mcq(fact, "red-list", prompt, fact.answer, wrong, score=base,
                     why=[f"term:status +{base:g}"], kind="fact")


def _species_of(maker: Maker, fact: Fact) -> str | None:
    """The species a status is of: the one its sentence names before it, else the first
    its paragraph names ('Only 90 Snow Wrens are left … IUCN STATUS: Critically
    Endangered'), else what its section is about."""
    evidence = fact.evidence
    at = evidence.casefold().find(fact.answer.casefold())  # "listed as vulnerable"
    named = _first_name(evidence[:at] if at >= 0 else evidence)
    index = maker.index_of.get(evidence)
    if named is None and index is not None and maker.blocks:
        first = index  # the first sentence of the paragraph
        while first and maker.blocks[first - 1] == maker.blocks[index]:
            first -= 1
        named = _first_name(maker.sentences[first]) if first != index else None
    if named is None:
        subject = section_subject(fact.detail.get("section"))
        named = subject.removeprefix("the ") if subject else None
    return named


def _first_name(text: str) -> str | None:
    """The first name in the text that is no place and no word of the list's own, in the
    singular ('Snow Wrens' is the 'Snow Wren')."""
    table = gazetteer()
    for match in _NAME.finditer(text):
        name = match.group()
        if _NOT_A_SPECIES.search(name) or name in table.party_of or name in table.places:
            continue
        return name[:-1] if name.endswith("s") and not name.endswith(("ss", "us", "is")) else name
    return None
