"""When two questions are the same question, whichever reader and maker wrote them.

A question's id hashes the facts the reader found, so a better reader gives an old
question a new id. Its identity is what a person compares instead: the same
article, the same sentence, the same answer, asked the same way. Ingesting matches
candidates against the bank by identity as well as by id, so that re-reading an
article after an upgrade never puts a near-duplicate beside a studied question.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from typing import NamedTuple

from quizcli.model import EXAM_FORMATS, Question, QuestionType
from quizcli.question_kinds import question_kind
from quizcli.text import compared

_WORD = re.compile(r"\w+")


class IdentityKey(NamedTuple):
    """What makes a question the one it is. Evidence and answer are normalised: case,
    punctuation and a leading article do not count."""

    source: str
    form: str
    """The question type and what it asks: 'mcq/date', 'mcq/quote', 'truefalse/position',
    'mcq/match', or just 'cloze'."""
    evidence: frozenset[str]
    answer: str
    """Empty where the answer is the maker's choice, not the article's."""


Keyed = tuple[IdentityKey, "tuple[int, int] | None"]
"""A question's identity key and the span of its blank (`KnownQuestions.keyed`)."""


def _form(question: Question) -> str:
    # A cloze blanks its answer out of the sentence: whether the reader called that answer
    # a number or a term changes nothing the user sees.
    if question.type is QuestionType.CLOZE:
        return question.type.value
    return f"{question.type.value}/{question_kind(question) or ''}"


def identity_key(question: Question) -> IdentityKey:
    """The key of a question, made only of what stays when a reader or maker changes.

    It holds the source id, the question type and kind (`question_kind`), the evidence
    sentences and the answer; the id, the prompt's wording, the choices and the accepted answers
    do not count. A true-or-false question is keyed by its sentence alone (whether the
    statement is shown true or altered follows from the id, so it would flip with it),
    and a multi-fact question by its type and set of sentences.
    """
    evidence = frozenset(compared(line) for line in question.evidence.split("\n")
                         if line.strip())
    keyed_by_answer = (question.type is not QuestionType.TRUE_FALSE
                       and question_kind(question) not in EXAM_FORMATS)
    return IdentityKey(question.source, _form(question), evidence,
                       compared(question.answer) if keyed_by_answer else "")


def _shown_from(before: str, evidence: str) -> int:
    """How much of the start of `evidence` ends `before`: the longest such run."""
    at = before.find(evidence[0])
    while at != -1:
        if evidence.startswith(before[at:]):
            return len(before) - at
        at = before.find(evidence[0], at + 1)
    return 0


def _shown_to(after: str, evidence: str) -> int:
    """How much of the end of `evidence` begins `after`: the longest such run."""
    at = after.rfind(evidence[-1])
    while at != -1:
        if evidence.endswith(after[:at + 1]):
            return at + 1
        at = after.rfind(evidence[-1], 0, at)
    return 0


def blank_span(question: Question) -> tuple[int, int] | None:
    """The words of its sentence that a question blanks out, as (first, past the last)
    word positions; None for a question that shows no blank, or whose prompt no longer
    shows its sentence around the blank."""
    parts = _around_the_blank(question.prompt)
    evidence = question.evidence.strip()
    if parts is None or "\n" in evidence or not evidence:
        return None
    # The prompt may lead in with a question or a sentence of context, and close a quote
    # after it: the sentence's own text is what of it stands either side of the blank.
    start = _shown_from(parts[0], evidence)
    end = len(evidence) - _shown_to(parts[1], evidence)
    words = _word_starts(evidence)
    first = bisect.bisect_left(words, start)  # the words that begin before the blank
    if 0 < start < len(evidence) and (evidence[start - 1] + evidence[start]).isalnum():
        first -= 1  # the blank begins inside a word, which it then takes part in
    last = bisect.bisect_left(words, end)
    # A blank is about as long as the answer it hides; a longer one means the prompt was
    # reworded and no longer shows the sentence.
    if not first < last <= first + len(_word_starts(question.answer)) + 3:
        return None
    return first, last


def _around_the_blank(prompt: str) -> tuple[str, str] | None:
    """What stands before and after the one gap of a prompt (`BLANK_MARK`, three or more
    underscores); None for a prompt with no gap or more than one."""
    at = prompt.find("___")
    if at == -1:
        return None
    end = at + 3
    while end < len(prompt) and prompt[end] == "_":
        end += 1
    if prompt.find("___", end) != -1:
        return None
    return prompt[:at], prompt[end:]


@functools.lru_cache(maxsize=8192)
def _word_starts(text: str) -> tuple[int, ...]:
    """Where each word of the text begins; the candidates of one sentence share them."""
    return tuple(match.start() for match in _WORD.finditer(text))


def same_answer(one: str, other: str) -> bool:
    """Whether two normalised answers name the same thing: equal, or one standing in the
    other as whole words ('wulandari' in 'ratna wulandari', 'data protection act' in
    'data protection act 2023'), as a better reader often moves an answer's edges. A
    bare number is too little to tell: '2021' is not '6 september 2021'."""
    if one == other:
        return True
    shorter, longer = sorted((one, other), key=len)
    return (any(c.isalpha() for c in shorter)
            and f" {shorter} " in f" {longer} ")


class KnownQuestions:
    """Questions gathered by identity, to tell whether another is one of them.

    Two questions are the same when their keys agree on source, form and evidence and
    their answers are the same (`same_answer`), or, for two that fill a blank in the
    same sentence, when their blanks overlap (`blank_span`): a cloze and a multiple
    choice on one blank are one question to the user, and which of the two is made
    follows from the kind the reader gives the answer (a number, a date, a term).
    """

    def __init__(self, questions: Iterable[Question] = ()):
        self._answers: dict[tuple[str, str, frozenset[str]], set[str]] = {}
        self._blanks: dict[tuple[str, frozenset[str]], list[tuple[int, int]]] = {}
        for question in questions:
            self.add(question)

    def add(self, question: Question, keyed: Keyed | None = None) -> None:
        """Gather the question; `keyed` is what `keyed` gives for it, where it is known."""
        key, span = keyed or self.keyed(question)
        self._answers.setdefault(key[:3], set()).add(key.answer)
        if span:
            self._blanks.setdefault((key.source, key.evidence), []).append(span)

    @staticmethod
    def keyed(question: Question) -> Keyed:
        """What the question is compared by: its identity key and its blank's span. A
        question checked and then added is keyed once."""
        return identity_key(question), blank_span(question)

    def holds(self, question: Question, keyed: Keyed | None = None) -> bool:
        """Whether a question the same as this one is among those added."""
        key, span = keyed or self.keyed(question)
        answers = self._answers.get(key[:3], set())
        if key.answer in answers:
            return True
        if span:  # the blank says what is asked, more closely than the answer's wording
            first, last = span
            return any(start < last and first < end
                       for start, end in self._blanks.get((key.source, key.evidence), ()))
        return any(same_answer(key.answer, a) for a in answers)
