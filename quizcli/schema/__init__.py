"""The rules a bank file must follow (format version 1).

`check(data)` takes what the YAML parser returned and lists every problem it
finds, each with the path of the value it concerns, so the caller can point
at the line. It never raises, whatever the data. This module holds the fields of
each record and the rules that tie records together (a question's answer among its
choices, a fact's source among the sources); `values` what each single value must be.
"""

from __future__ import annotations

import difflib
from typing import Any

from quizcli.model import (
    BLANK,
    BLANK_MARK,
    DETAIL_KEYS,
    TRUE_FALSE_ANSWERS,
    FactKind,
    QuestionType,
    detail_problem,
)
from quizcli.schema.values import (
    MAX_TEXT,
    Checker,
    bank_id,
    day,
    described,
    one_of,
    optional_text,
    partial_date,
    record_id,
    source_path,
    tag_map,
    text,
    text_list,
    text_map,
    version,
)

__all__ = ["BLANK_MARK", "MAX_TEXT", "DataPath", "Problem", "bank_id", "check", "text"]

DataPath = tuple[str | int, ...]
Problem = tuple[DataPath, str]

Fields = dict[str, tuple[bool, Checker]]

BANK_FIELDS: Fields = {
    "quizcli_bank": (True, version),
    "id": (True, bank_id),
    "title": (True, text),
    "description": (False, optional_text),
    "created": (True, day),
    "updated": (True, day),
    "sources": (True, lambda v: None),
    "facts": (False, lambda v: None),
    "questions": (True, lambda v: None),
}

SOURCE_FIELDS: Fields = {
    "id": (True, record_id),
    "title": (True, text),
    "publisher": (False, optional_text),
    "date": (False, partial_date),
    "path": (False, source_path),
    "url": (False, optional_text),
    "format": (False, optional_text),
    "extractor": (False, optional_text),
    "author": (False, optional_text),
}

FACT_FIELDS: Fields = {
    "id": (True, record_id),
    "source": (True, text),
    "kind": (True, one_of(tuple(k.value for k in FactKind))),
    "answer": (True, text),
    "date": (False, partial_date),
    "parties": (False, text_list),
    "people": (False, text_list),
    "detail": (False, text_map),
    "by": (False, optional_text),
    "evidence": (True, text),
}

QUESTION_FIELDS: Fields = {
    "id": (True, record_id),
    "type": (True, one_of(tuple(t.value for t in QuestionType))),
    "prompt": (True, text),
    "choices": (False, text_list),
    "answer": (True, lambda v: None),  # depends on the type: see _check_answer
    "accept": (False, text_list),
    "evidence": (True, text),
    "source": (True, text),
    "fact": (True, lambda v: None if v is None else record_id(v)),
    "tags": (False, tag_map),
}


def _fields(record: Any, spec: Fields, path: DataPath, what: str) -> list[Problem]:
    """Check one mapping against its field spec."""
    if not isinstance(record, dict):
        return [(path, f"{what} must be a mapping of fields, not {described(record)}")]
    problems: list[Problem] = []
    for name, (required, checker) in spec.items():
        if name not in record:
            if required:
                problems.append((path, f"{what}: '{name}' is missing"))
            continue
        problem = checker(record[name])
        if problem:
            problems.append((path + (name,), f"{what}: '{name}' {problem}"))
    for name in record:
        if name not in spec:
            hint = difflib.get_close_matches(str(name), spec, n=1)
            advice = f"did you mean '{hint[0]}'?" if hint else f"known fields: {', '.join(spec)}"
            problems.append((path + (str(name),), f"{what}: unknown field '{name}'; {advice}"))
    return problems


def _records(data: dict, key: str, singular: str, spec: Fields) -> tuple[list[Problem], set]:
    """Check a list of records; return the problems and the ids seen."""
    records = data.get(key)
    if records is None:
        return [], set()
    if not isinstance(records, list):
        return [((key,), f"'{key}' must be a list of {singular}s, not {described(records)}")], set()
    problems: list[Problem] = []
    seen: dict[Any, int] = {}
    for index, record in enumerate(records):
        rid = record.get("id") if isinstance(record, dict) else None
        label = f"{singular} {rid}" if _hashable_text(rid) else f"{singular} #{index + 1}"
        problems += _fields(record, spec, (key, index), label)
        if _hashable_text(rid):
            rid = str(rid)
            if rid in seen:
                problems.append(
                    ((key, index, "id"), f"{label}: the id is used again (first by "
                     f"{singular} #{seen[rid] + 1}); give each {singular} its own id")
                )
            else:
                seen[rid] = index
    return problems, set(seen)


def _hashable_text(value: Any) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, bool) and str(value) != ""


def _as_text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


def _check_answer(q: dict, path: DataPath, label: str) -> list[Problem]:
    qtype, answer = q.get("type"), q.get("answer")
    if "answer" not in q:
        return []
    if qtype == QuestionType.TRUE_FALSE.value:
        if isinstance(answer, bool) or answer in TRUE_FALSE_ANSWERS:
            return []
        return [(path + ("answer",), f"{label}: a true/false answer must be True or False, "
                 f"not {answer!r}")]
    problem = text(answer)
    if problem:
        return [(path + ("answer",), f"{label}: 'answer' {problem}")]
    choices = q.get("choices")
    if qtype == QuestionType.MCQ.value:
        if not isinstance(choices, list) or len(choices) < 2:
            return [(path + ("choices",) if "choices" in q else path,
                     f"{label}: a multiple-choice question needs at least 2 choices")]
        if text_list(choices):
            return []  # already reported by the field check
        names = [_as_text(c) for c in choices]
        found = names.count(_as_text(answer))
        problems: list[Problem] = []
        if found != 1:
            how = "is not one of" if found == 0 else f"appears {found} times among"
            problems.append((path + ("answer",), f"{label}: the answer {_as_text(answer)!r} "
                             f"{how} its choices; it must be exactly one of them"))
        repeated = sorted({c for c in names if names.count(c) > 1} - {_as_text(answer)})
        if repeated:
            problems.append((path + ("choices",), f"{label}: the choice {repeated[0]!r} is "
                             "listed twice; choices must differ"))
        return problems
    if choices and qtype in (QuestionType.CLOZE.value, QuestionType.SHORT.value):
        return [(path + ("choices",), f"{label}: only multiple-choice questions have choices; "
                 "remove them or set 'type: mcq'")]
    prompt = q.get("prompt")
    is_cloze = qtype == QuestionType.CLOZE.value
    if is_cloze and isinstance(prompt, str) and not BLANK_MARK.search(prompt):
        return [(path + ("prompt",), f"{label}: a fill-in-the-blank prompt must mark the "
                 f"gap with {BLANK}")]
    return []


def _check_detail(fact: dict, path: DataPath, label: str) -> list[Problem]:
    """A fact's detail holds only the fields of its kind: a misspelt field would be
    read as missing, and the fact would make no question."""
    detail, kind = fact.get("detail"), fact.get("kind")
    if not isinstance(detail, dict) or kind not in {k.value for k in FactKind}:
        return []
    problem = detail_problem(FactKind(kind), detail)
    if not problem:
        return []
    first = sorted(set(detail) - DETAIL_KEYS[FactKind(kind)])[0]
    return [(path + ("detail", first), f"{label}: {problem}")]


def check(data: Any) -> list[Problem]:
    """Every problem in a parsed bank, in document order of the checks."""
    if data is None:
        return [((), "the file is empty; a bank starts with 'quizcli_bank: 1'")]
    if not isinstance(data, dict):
        return [((), f"a bank must be a mapping that starts with 'quizcli_bank: 1', "
                 f"not {described(data)}")]
    if "quizcli_bank" not in data:
        return [((), "this is not a quizcli bank: 'quizcli_bank: 1' is missing at the top")]
    problems = _fields(data, BANK_FIELDS, (), "bank")
    source_problems, source_ids = _records(data, "sources", "source", SOURCE_FIELDS)
    fact_problems, fact_ids = _records(data, "facts", "fact", FACT_FIELDS)
    question_problems, _ = _records(data, "questions", "question", QUESTION_FIELDS)
    problems += source_problems + fact_problems + question_problems

    for key, singular in (("facts", "fact"), ("questions", "question")):
        records = data.get(key)
        if not isinstance(records, list):
            continue
        for index, record in enumerate(records):
            if not isinstance(record, dict):
                continue
            path = (key, index)
            rid = record.get("id")
            label = f"{singular} {rid}" if _hashable_text(rid) else f"{singular} #{index + 1}"
            source = record.get("source")
            if _hashable_text(source) and str(source) not in source_ids:
                problems.append((path + ("source",), f"{label}: no source has the id "
                                 f"{source!r}; add it under 'sources' or fix the id"))
            if singular == "fact":
                problems += _check_detail(record, path, label)
            if singular == "question":
                fact = record.get("fact")
                if _hashable_text(fact) and str(fact) not in fact_ids:
                    problems.append((path + ("fact",), f"{label}: no fact has the id {fact!r}; "
                                     "fix the id, or set 'fact: null' for a question of your own"))
                problems += _check_answer(record, path, label)
    return problems
