"""The plain data a bank is made of: sources, facts and questions.

These types trust their input: `quizcli.schema` checks raw data first, and
`from_dict` is only called on data that passed. `to_dict` gives back plain
data in the order a person reads a bank file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypedDict

FORMAT_VERSION = 1


class QuestionType(str, Enum):
    MCQ = "mcq"
    CLOZE = "cloze"
    SHORT = "short"
    TRUE_FALSE = "truefalse"


class FactKind(str, Enum):
    DATE = "date"
    QUOTE = "quote"
    ROLE = "role"
    POSITION = "position"
    NUMBER = "number"
    PLACE = "place"
    FACT = "fact"


EXAM_FORMATS: dict[str, FactKind] = {
    "statements": FactKind.NUMBER, "match": FactKind.ROLE, "order": FactKind.DATE}
"""The exam formats of a question built on several facts (its `format` tag), each with
the kind of the facts it is built on (its `kind` tag)."""


class _Detail(TypedDict, total=False):
    section: str
    """The heading the evidence stands under, such as 'Why in news?'."""


class DateDetail(_Detail, total=False):
    written: str
    """The date as the sentence writes it: 'on Monday', 'March 31 last year'."""
    precision: str
    """day, month or year; or for a period, time, year, years, decade or century."""


class QuoteDetail(_Detail, total=False):
    quote: str
    verb: str
    speaker: str
    """The speaker as written: 'he', 'Verma'."""
    party: str


class RoleDetail(_Detail, total=False):
    office: str
    """The office alone: 'Governor'."""
    title: str
    """The whole title as written: 'Reserve Bank of India Governor'."""
    party: str
    named: str
    """The name as the sentence writes it, where it is shorter than the answer: 'Rao'."""


class PositionDetail(_Detail, total=False):
    stance: str
    verb: str
    holder: str
    """The person who holds it, when a person does; the answer is then their party."""


class NumberDetail(_Detail, total=False):
    unit: str
    """What the number is: percent, money, measure, count, ordinal, value ..."""
    written: str


class TermDetail(_Detail, total=False):
    term: str
    """What rule found it: abbreviation, body, law, scheme, provision, defined ..."""
    short: str
    """The abbreviation the sentence gives for it."""


class PlaceDetail(_Detail, total=False):
    pass


DETAILS: dict[FactKind, type] = {
    FactKind.DATE: DateDetail,
    FactKind.QUOTE: QuoteDetail,
    FactKind.ROLE: RoleDetail,
    FactKind.POSITION: PositionDetail,
    FactKind.NUMBER: NumberDetail,
    FactKind.FACT: TermDetail,
    FactKind.PLACE: PlaceDetail,
}
"""The fields each kind of fact may carry in its `detail`."""
DETAIL_KEYS: dict[FactKind, frozenset[str]] = {
    kind: frozenset(shape.__annotations__) | frozenset(_Detail.__annotations__)
    for kind, shape in DETAILS.items()
}


def detail_problem(kind: FactKind, detail: dict[str, Any]) -> str | None:
    """What is wrong with a fact's detail for its kind, or None."""
    if DETAIL_KEYS[kind].issuperset(detail):
        return None
    unknown = sorted(set(detail) - DETAIL_KEYS[kind])
    known = ", ".join(sorted(DETAIL_KEYS[kind]))
    return f"'{unknown[0]}' is not a detail of a {kind.value} fact (known: {known})"


TRUE_FALSE_ANSWERS = ("True", "False")
BLANK = "_____"
"""What marks the gap in a cloze prompt (three or more underscores are accepted)."""
BLANK_MARK = re.compile(r"_{3,}")
"""A gap in a cloze prompt, as a bank may write it."""


def _opt(d: dict[str, Any], key: str) -> Any:
    value = d.get(key)
    return None if value is None else str(value)


def _strs(d: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(str(v) for v in d.get(key) or ())


@dataclass(frozen=True)
class Source:
    """An article a bank was built from."""

    id: str
    title: str
    publisher: str | None = None
    date: str | None = None
    path: str | None = None
    """Where the article text lives, relative to the bank file."""
    url: str | None = None
    format: str | None = None
    """What the source was: text, html or pdf (none said: text)."""
    extractor: str | None = None
    """The library that took the article out of its page or PDF, with its version."""
    author: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Source:
        return cls(
            id=str(d["id"]),
            title=str(d["title"]),
            publisher=_opt(d, "publisher"),
            date=_opt(d, "date"),
            path=_opt(d, "path"),
            url=_opt(d, "url"),
            format=_opt(d, "format"),
            extractor=_opt(d, "extractor"),
            author=_opt(d, "author"),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "title": self.title}
        for key in ("publisher", "author", "date", "path", "url", "format", "extractor"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


@dataclass(frozen=True)
class Fact:
    """One thing to remember, read from one sentence of a source."""

    id: str
    source: str
    kind: FactKind
    answer: str
    evidence: str
    parties: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    date: str | None = None
    """ISO date at day, month or year precision: 2018-09-10, 2018-09 or 2018."""
    detail: dict[str, str] = field(default_factory=dict)
    """What else the sentence says of the fact, in the fields of its kind (`DETAILS`):
    the office of a role, the words of a quote, the stance of a position, the unit of
    a number, the section it stands under."""
    by: str | None = None
    """Which extractor read it ('rules'); None for a fact written by hand."""

    def __post_init__(self) -> None:
        problem = detail_problem(self.kind, self.detail)
        if problem:
            raise ValueError(f"fact {self.id}: {problem}")

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Fact:
        return cls(
            id=str(d["id"]),
            source=str(d["source"]),
            kind=FactKind(d["kind"]),
            answer=str(d["answer"]),
            evidence=str(d["evidence"]),
            parties=_strs(d, "parties"),
            people=_strs(d, "people"),
            date=_opt(d, "date"),
            detail={str(k): str(v) for k, v in (d.get("detail") or {}).items()},
            by=_opt(d, "by"),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "kind": self.kind.value,
            "answer": self.answer,
        }
        if self.date is not None:
            out["date"] = self.date
        if self.parties:
            out["parties"] = list(self.parties)
        if self.people:
            out["people"] = list(self.people)
        if self.detail:
            out["detail"] = dict(self.detail)
        if self.by is not None:
            out["by"] = self.by
        out["evidence"] = self.evidence
        return out

    def to_record(self) -> dict[str, Any]:
        """Every field, the empty ones too: the shape scripts read as JSON."""
        return {
            "id": self.id,
            "kind": self.kind.value,
            "answer": self.answer,
            "date": self.date,
            "parties": list(self.parties),
            "people": list(self.people),
            "detail": dict(self.detail),
            "evidence": self.evidence,
            "source": self.source,
            "by": self.by,
        }


def party_positions(facts: list[Fact]) -> dict[str, list[str]]:
    """Each party's stances, in the order the facts give them: what it insists on, seeks
    or rejects ("holder: stance" where a person holds it), and what its people said."""
    stances: dict[str, list[str]] = {}
    for fact in facts:
        if fact.kind is FactKind.POSITION:
            holder = fact.detail.get("holder")
            stance = fact.detail.get("stance", fact.evidence)
            stances.setdefault(fact.answer, []).append(
                f"{holder}: {stance}" if holder else stance)
        elif fact.kind is FactKind.QUOTE and fact.detail.get("party"):
            said = fact.detail.get("quote", fact.evidence)
            stances.setdefault(fact.detail["party"], []).append(f"{fact.answer} said: {said}")
    return stances


def _tags(raw: dict[Any, Any]) -> dict[str, tuple[str, ...]]:
    """A question's tags as lists of text. A bank written before the `format` tag gave
    the exam format as the kind ("kind: statements"): it is read as the format, and the
    kind as the kind of fact that format is built on."""
    tags: dict[str, tuple[str, ...]] = {}
    for name, values in raw.items():
        values = (str(values),) if isinstance(values, str) else tuple(str(v) for v in values)
        if str(name) == "kind" and values and values[0] in EXAM_FORMATS and "format" not in raw:
            tags["kind"] = (EXAM_FORMATS[values[0]].value,)
            tags["format"] = values[:1]
        else:
            tags[str(name)] = values
    return tags


@dataclass(frozen=True)
class Question:
    """A question and everything needed to check and explain its answer.

    `id` is the card's identity: it stays when the wording is edited, so the
    review history of the card survives corrections.
    """

    id: str
    type: QuestionType
    prompt: str
    answer: str
    evidence: str
    source: str
    fact: str | None = None
    choices: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    """Other answers that count as correct when typed."""
    tags: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Named tag lists, such as topic, party, kind (of its fact) and format (the exam
    format of a question on several facts)."""

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Question:
        answer = d["answer"]
        if isinstance(answer, bool):
            answer = TRUE_FALSE_ANSWERS[0] if answer else TRUE_FALSE_ANSWERS[1]
        tags = _tags(d.get("tags") or {})
        return cls(
            id=str(d["id"]),
            type=QuestionType(d["type"]),
            prompt=str(d["prompt"]),
            answer=str(answer),
            evidence=str(d["evidence"]),
            source=str(d["source"]),
            fact=_opt(d, "fact"),
            choices=_strs(d, "choices"),
            accept=_strs(d, "accept"),
            tags=tags,
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "type": self.type.value,
            "prompt": self.prompt,
        }
        if self.choices:
            out["choices"] = list(self.choices)
        out["answer"] = self.answer
        if self.accept:
            out["accept"] = list(self.accept)
        out["evidence"] = self.evidence
        out["source"] = self.source
        out["fact"] = self.fact
        if self.tags:
            out["tags"] = {k: list(v) for k, v in self.tags.items()}
        return out


@dataclass(frozen=True)
class Bank:
    """A question bank: what one YAML file in a banks folder holds."""

    id: str
    title: str
    created: str
    updated: str
    sources: tuple[Source, ...] = ()
    facts: tuple[Fact, ...] = ()
    questions: tuple[Question, ...] = ()
    description: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Bank:
        return cls(
            id=str(d["id"]),
            title=str(d["title"]),
            created=str(d["created"]),
            updated=str(d["updated"]),
            description=_opt(d, "description"),
            sources=tuple(Source.from_dict(s) for s in d.get("sources") or ()),
            facts=tuple(Fact.from_dict(f) for f in d.get("facts") or ()),
            questions=tuple(Question.from_dict(q) for q in d.get("questions") or ()),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "quizcli_bank": FORMAT_VERSION,
            "id": self.id,
            "title": self.title,
        }
        if self.description is not None:
            out["description"] = self.description
        out["created"] = self.created
        out["updated"] = self.updated
        out["sources"] = [s.to_dict() for s in self.sources]
        out["facts"] = [f.to_dict() for f in self.facts]
        out["questions"] = [q.to_dict() for q in self.questions]
        return out
