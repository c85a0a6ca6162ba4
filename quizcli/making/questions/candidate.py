"""A candidate question, before the gate, and the ids questions are known by."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizcli.ids import joined_id
from quizcli.model import Fact, Question

MAX_WORDS = 45
PRONOUN_START = re.compile(
    r"^[\"“‘'(]*(?:(?:But|And|So|Yet|Also|However),?\s+)?"
    r"(?:(?i:he|she|it|they|this|that|these|those|its|his|her|their|such)\b"
    r"|The\s(?:\w+|_____)\sones?\b"  # "The fourth one ...": one of a list before it
    r"|(?!(?:If|When|While|Though|Although|As|Since|Because|Unless|Until|Once|After|Before|"
    r"In|On|At|By|For|With)\b)[A-Z][^,.;:“”\"]{2,60},\s(?:he|she|it|they)\s)"
    # "Also known as X, it is …": the opening phrase tells nothing of what "it" is
)

FIELD_LINE = re.compile(r"[A-Z][\w()/&’' -]{1,30}:\s[^.:;]{1,60}$")
"""A fact box's line, "Formed: 1961": what it is of is its section's subject."""

HEAD_OF_STATE = re.compile(r"\b(?:(?<!Vice )President|Prime Minister|PM|Premier|Chancellor|"
                           r"King|Queen|Emperor|[Ll]eader)\b")
"""A head of state, of government or of a country: an office every reader knows the
holder of, which a match of people and offices does not ask, and whose wrong holders are
others who hold an office."""

LEANS_BACK = re.compile(
    r"^(?:[\w’'-]+\s){0,2}?(?:that\s)?(?i:the|this|these|those|such)\s"
    r"(?:expression|term|phrase|concept|idea|move|step|decision|proposal|deal|issue|matter|"
    r"measure|demand|request|offer|process|arrangement|understanding|formula|pledge|promise)s?"
    r"\b(?!\s(?:to|of|for|that|on|which|who)\b)"
)
"""Words that open on a noun standing for what another sentence said: "insists that the
expression must …" ("the decision to …" says itself what it is)."""


@dataclass(frozen=True)
class Candidate:
    """A question before the quality gate, with the reasons for its score."""

    question: Question
    score: float
    why: tuple[str, ...]
    facts: tuple[Fact, ...]
    context: str | None = None
    """A sentence shown before the question's own, so that a pronoun has its noun."""
    group: str | None = None
    """Questions of one group ask the same thing in other words; the gate keeps the best."""



def question_id(*parts: str) -> str:
    """A question's id: stable as long as the facts and the kind of question are."""
    return joined_id("q-", *parts)


def word_count(text: str) -> int:
    return len(text.split())


_CAPITALISED = re.compile(r"(?<=\s)(?!I\b|I[’'])[A-Z]")


def names_nothing(words: str) -> bool:
    """Whether a short remark names nothing, no one and no figure: "This is very exciting
    news" is a reaction, and whose it was is nothing to learn."""
    return word_count(words) <= 12 and not any(ch.isdigit() for ch in words) and (
        _CAPITALISED.search(words) is None)


_NAMES_LISTED = re.compile(r"(?:[A-Z][\w-]+(?: [A-Z][\w-]+)*, ){3,}")


def lists_names(words: str) -> bool:
    """Whether a remark reads out a list of four names or more ("included Arakkal,
    Bettada, Chirala, …"): who read it out is nothing to learn, though their office may
    be."""
    return _NAMES_LISTED.search(words) is not None
