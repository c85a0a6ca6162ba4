"""What a question shows before its sentence when the sentence leans on another: the
subject of its section, the sentence before it, the thing an explainer is named for, or
the named bill, scheme or report that "the bill" stands for."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from quizcli.making.questions.candidate import FIELD_LINE, LEANS_BACK, PRONOUN_START
from quizcli.making.questions.headings import section_subject
from quizcli.making.questions.subjects import LABEL_HEADING, explained, named_things
from quizcli.model import Fact
from quizcli.reading.rules.names import named_kind

if TYPE_CHECKING:
    from quizcli.making.questions.maker import Maker

_THE_GENERIC = re.compile(r"\b[Tt]he ([A-Za-z][a-z]{2,})\b(?! [A-Z])")
"""'the bill', 'the scheme': a head word standing for the named thing it ends."""
_REFERRED = frozenset({"law", "scheme", "report"})
"""The kinds of named thing a story goes on to call by their head word alone."""
_OBJECT_IT = re.compile(r"\b(?:for|against|on|opposed|supported|passed|approved|introduced"
                        r"|rejected|amended|implemented|cleared) it\b")
"""'voted for it': an 'it' inside the sentence, standing for what the one before named."""
_AFTER_IT = re.compile(r"\b(?:to|on|of|about|with|from|into|over|under|in|regarding)"
                       r" (?:it\b(?! (?:is|was|has|had|will|would|can|could|should|may|might"
                       r"|must)\b)|the same\b(?! \w+ (?:as|that)\b))")
"""'decides on changes to it every quarter', 'a paper regarding the same': an 'it' after a
preposition, standing for what the sentence before named."""
_THESE = re.compile(r"\b(?:these|those)\s(?:[a-z]+\s)?[a-z]{3,}s\b(?!\s(?:that|which|who|of)\b)")
"""'the depth of these mountain lakes': a noun the sentence before named."""

_NAMED_TITLE = re.compile(r"[A-Z][\w’'-]*(?:\s(?:of\s|for\s|and\s)?[A-Z][\w’'-]*){0,5}")
"""A title that is a name alone ("Sikkim Lakes Bill", "Lake Health Index")."""


def context_for(maker: Maker, fact: Fact, asked: str | None = None) -> str | None:
    """What a sentence needs shown before it: what it leans on (`leaned_on`), else what
    its explainer or story is about (`explained`), which also dates a report's figures."""
    leaned = leaned_on(maker, fact, asked)
    if leaned and not leaned.startswith("About "):
        return leaned  # the sentence before
    subject = explained(maker, fact, asked)
    if leaned and subject and subject.startswith("In a story of") and (
            leaned.removeprefix("About ").rstrip(":") in subject):
        return subject  # the report a rank is in, and the edition the story's date says
    return leaned or subject


def leaned_on(maker: Maker, fact: Fact, asked: str | None = None) -> str | None:
    """What a sentence that opens with a pronoun needs shown before it: the subject of
    its section ('About the Ocean Council:'), else the sentence before it. So do the
    words `asked` of it when they open on a noun of another sentence ('that the
    expression must …')."""
    evidence = fact.evidence
    referent = None if PRONOUN_START.match(evidence) else named_referent(maker, evidence, asked)
    if referent and fact.answer not in referent and referent not in fact.answer:
        return f"About the {referent}:"
    if FIELD_LINE.match(evidence.rstrip(".")):  # "Formed: 1961" under "About the Lakes Council"
        heading = fact.detail.get("section")
        subject = section_subject(heading)
        if subject:  # "About the Report:" is the report the story named, where it did
            return explained(maker, fact, asked) or f"About {subject}:"
        if heading and LABEL_HEADING.fullmatch(heading):
            # "Threshold for Plains: 40 °C." under "Characteristics of …"
            return explained(maker, fact, asked) or f"{heading}:"
        if not evidence.endswith("."):
            return None
    pronoun = PRONOUN_START.match(evidence) is not None
    if not pronoun and asked is None and _AFTER_IT.search(evidence):
        return _sentence_before(maker, fact)
    if not pronoun and asked is None and _THESE.search(evidence):
        return _sentence_before(maker, fact, of_its_section=True)
    if not pronoun and not (asked and LEANS_BACK.match(asked)):
        return None
    index = maker.index_of.get(evidence)
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


def _sentence_before(maker: Maker, fact: Fact, of_its_section: bool = False) -> str | None:
    """The sentence before the fact's, where it is of the same paragraph (or, with
    `of_its_section`, of the same section: the bullet before), opens on no pronoun of its
    own and does not give the answer."""
    index = maker.index_of.get(fact.evidence)
    if not index or not maker.blocks:
        return None
    if maker.blocks[index - 1] != maker.blocks[index] and not (
            of_its_section and maker.blocks[index - 1] == maker.blocks[index] - 1
            and maker.section_of.get(maker.sentences[index - 1], fact.detail.get(
                "section")) == fact.detail.get("section")):
        return None
    before = maker.sentences[index - 1]
    if PRONOUN_START.match(before) or fact.answer in before:
        return None
    return before


def named_referent(maker: Maker, sentence: str, asked: str | None = None) -> str | None:
    """The named bill, scheme or report that the words asked of a sentence (all of it
    where `asked` is None) call by its head word alone ('The Assembly approved the bill
    on 3 March'), or by an 'it' after a sentence that did ('While 120 voted for it'), or
    the report a rank is in ('Nepal's rank in 2022 was 42'): the last one the story
    named before the sentence. None where the words name it."""
    words = asked if asked is not None else sentence
    index = maker.index_of.get(sentence)
    head = _generic_head(words)
    if head is None and index and asked is None and _OBJECT_IT.search(sentence) and (
            not re.search(r"(?<=\s)[A-Z]", sentence)):
        head = _generic_head(maker.sentences[index - 1])
        index -= 1
    if head is not None:
        def fits(name: str) -> bool:
            return name.endswith(f" {head}")
    elif asked is None and _RANK.search(sentence) and not _RANKED_FOR.search(sentence):
        def fits(name: str) -> bool:
            return named_kind(name) == "report"
    else:
        return None
    if index is None:
        return None
    named = named_things(maker, fits)
    if any(name in words for name, _ in named) or (head is None and any(
            fits(term) for term in re.findall(r"[A-Z][\w-]*(?: [A-Z][\w-]*)+", words))):
        return None  # "The Harbour Safety Bill was passed … the bill"
    before = [name for name, at in named if at < index]
    if before:
        return before[-1]
    titled = [name for name, _ in named if name in maker.title]
    return titled[0] if titled else None


_RANK = re.compile(r"\b(?:rank|ranks|ranked)\b")
_RANKED_FOR = re.compile(r"\brank(?:s|ed)?\s\S+\s(?:for|in terms of)\b")
"""'ranked fifth for river clean-up spending': a rank the sentence says what it is in."""


def _generic_head(words: str) -> str | None:
    """The head word ('Bill') of the first 'the bill' the words say, if it is the head
    of a kind of named thing a story refers back to."""
    for match in _THE_GENERIC.finditer(words):
        head = match.group(1).capitalize()
        if named_kind(head) in _REFERRED:
            return head
    return None
