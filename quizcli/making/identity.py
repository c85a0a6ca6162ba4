"""When two questions are the same question, whichever reader and maker wrote them.

A question's id hashes the facts the reader found, so a better reader gives an old
question a new id. Its identity is what a person compares instead: the same
article, the same sentence, the same answer, asked the same way. Ingesting matches
candidates against the bank by identity as well as by id, so that re-reading an
article after an upgrade never puts a near-duplicate beside a studied question.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from quizcli.making.gate import normalise
from quizcli.model import Question, QuestionType
from quizcli.schema import BLANK_MARK

MULTI_FACT_KINDS = frozenset({"statements", "match", "order"})
"""Kind tags of questions built on several facts: their evidence is a set of sentences,
and their answer ("1 and 3 only", "B-2, A-1, C-3") is a code the maker chose."""


class IdentityKey(NamedTuple):
    """What makes a question the one it is. Evidence and answer are normalised: case,
    punctuation and a leading article do not count."""

    source: str
    form: str
    """The question type and what it asks: 'mcq/date', 'mcq/quote', 'truefalse/position',
    'mcq/match', or just 'cloze'; 'blank' for any question that fills a blank."""
    evidence: frozenset[str]
    answer: str
    """Empty where the answer is the maker's choice, not the article's."""


def _form(question: Question) -> str:
    # A cloze blanks its answer out of the sentence: whether the reader called that answer
    # a number or a term changes nothing the user sees.
    if question.type is QuestionType.CLOZE:
        return question.type.value
    kind = next(iter(question.tags.get("kind", ())), "")
    return f"{question.type.value}/{kind}"


def identity_key(question: Question) -> IdentityKey:
    """The key of a question, made only of what stays when a reader or maker changes.

    It holds the source id, the question type and kind tag, the evidence sentences
    and the answer; the id, the prompt's wording, the choices and the accepted answers
    do not count. A true-or-false question is keyed by its sentence alone (whether the
    statement is shown true or altered follows from the id, so it would flip with it),
    and a multi-fact question by its type and set of sentences.
    """
    kind = next(iter(question.tags.get("kind", ())), "")
    evidence = frozenset(normalise(line) for line in question.evidence.split("\n")
                         if line.strip())
    keyed_by_answer = (question.type is not QuestionType.TRUE_FALSE
                       and kind not in MULTI_FACT_KINDS)
    return IdentityKey(question.source, _form(question), evidence,
                       normalise(question.answer) if keyed_by_answer else "")


def identity_keys(question: Question) -> tuple[IdentityKey, ...]:
    """Every key a question is known by: its `identity_key` and, for a question that shows
    its sentence with a blank to fill, one of form 'blank'. A cloze and a multiple choice
    on the same blank of the same sentence are one question to the user, and which of the
    two the maker writes follows from the kind the reader gives the answer: a number, a
    date or a term."""
    key = identity_key(question)
    if BLANK_MARK.search(question.prompt) and key.answer:
        return key, key._replace(form="blank")
    return (key,)


def same_answer(one: str, other: str) -> bool:
    """Whether two normalised answers name the same thing: equal, or one standing in the
    other as whole words ('wulandari' in 'ratna wulandari', 'data protection act' in
    'data protection act 2023'). A better reader often moves an answer's edges."""
    if not one or not other:
        return one == other
    return f" {one} " in f" {other} " or f" {other} " in f" {one} "


class KnownQuestions:
    """Questions gathered by identity, to tell whether another is one of them.

    Two questions are the same when a key of one and a key of the other (`identity_keys`)
    agree on source, form and evidence, and their answers are the same (`same_answer`).
    """

    def __init__(self, questions: Iterable[Question] = ()):
        self._answers: dict[tuple[str, str, frozenset[str]], set[str]] = {}
        for question in questions:
            self.add(question)

    def add(self, question: Question) -> None:
        for key in identity_keys(question):
            self._answers.setdefault(key[:3], set()).add(key.answer)

    def holds(self, question: Question) -> bool:
        """Whether a question the same as this one is among those added."""
        for key in identity_keys(question):
            answers = self._answers.get(key[:3], ())
            if key.answer in answers or any(same_answer(key.answer, a) for a in answers):
                return True
        return False
