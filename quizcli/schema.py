"""The rules a bank file must follow (format version 1).

`check(data)` takes what the YAML parser returned and lists every problem it
finds, each with the path of the value it concerns, so the caller can point
at the line. It never raises, whatever the data.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from typing import Any

from quizcli.errors import CONTROL_CHARACTERS
from quizcli.model import (
    BLANK,
    BLANK_MARK,
    DETAIL_KEYS,
    FORMAT_VERSION,
    TRUE_FALSE_ANSWERS,
    FactKind,
    QuestionType,
    detail_problem,
)

DataPath = tuple[str | int, ...]
Problem = tuple[DataPath, str]
Checker = Callable[[Any], "str | None"]

BANK_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
RECORD_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _kind_of(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "a yes/no value (put it in quotes if you mean the word)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, (dt.date, dt.datetime)):
        return "a date"
    if isinstance(value, float):
        return "a decimal number (put it in quotes)"
    if isinstance(value, bytes):
        return "binary data"
    return f"a {type(value).__name__}"


MAX_TEXT = 20_000
"""The longest text of a bank: a question, an answer or a sentence is far shorter."""
CONTROL = re.compile(CONTROL_CHARACTERS)
"""Characters no text of a bank has a use for (only tab and newline are kept): an escape
that would reach a terminal, a form feed, a bell."""


def text(value: Any) -> str | None:
    """Non-empty text, with no control character. A whole number counts as text:
    `answer: 2018`."""
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            return (f"is {len(value):,} characters long; a bank's text is at most "
                    f"{MAX_TEXT:,} (split it, or keep the long text in the source)")
        control = CONTROL.search(value)
        if control:
            return (f"holds a control character (U+{ord(control.group()):04X}) at character "
                    f"{control.start() + 1}; remove it")
        return None if value.strip() else "is empty"
    if isinstance(value, int) and not isinstance(value, bool):
        return None
    return f"must be text, not {_kind_of(value)}"


def optional_text(value: Any) -> str | None:
    return None if value is None else text(value)


def source_path(value: Any) -> str | None:
    """A path inside the bank's folder: relative, with no '..' and no drive."""
    problem = optional_text(value)
    if problem or value is None:
        return problem
    path = str(value).replace("\\", "/")
    if path.startswith("/") or re.match(r"^[A-Za-z]:", path) or ".." in path.split("/"):
        return (f"{value!r} leads outside the bank's folder; a source's path is relative to "
                "the bank file, such as sources/article.txt")
    return None


def bank_id(value: Any) -> str | None:
    if not isinstance(value, str) or not BANK_ID.fullmatch(value):
        return (
            f"{value!r} is not a usable bank id: use 1 to 64 lower-case letters, digits, "
            "'-', '_' or '.', starting with a letter or digit"
        )
    return None


def record_id(value: Any) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not RECORD_ID.fullmatch(value):
        return (
            f"{value!r} is not a usable id: use letters, digits, '-', '_', '.' or ':', "
            "with no spaces"
        )
    return None


def day(value: Any) -> str | None:
    """A calendar day: 2026-11-22."""
    if isinstance(value, dt.datetime):
        return "must be a day such as 2026-11-22, without a time"
    if isinstance(value, dt.date):
        return None
    if isinstance(value, str):
        try:
            dt.date.fromisoformat(value)
            if len(value) == 10:
                return None
        except ValueError:
            pass
    return f"must be a day such as 2026-11-22, not {value!r}"


def partial_date(value: Any) -> str | None:
    """A date at day, month or year precision: 2018-09-10, 2018-09 or 2018."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    match = PARTIAL_DATE.fullmatch(value) if isinstance(value, str) else None
    if match:
        year, month, mday = (int(g) if g else 1 for g in match.groups())
        try:
            dt.date(year, month, mday)
            return None
        except ValueError:
            pass
    return f"must be a date such as 2018-09-10, 2018-09 or 2018, not {value!r}"


def one_of(allowed: tuple[str, ...]) -> Checker:
    def check(value: Any) -> str | None:
        if value in allowed:
            return None
        return f"must be one of {', '.join(allowed)}, not {value!r}"

    return check


def text_list(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, list):
        return f"must be a list of texts, not {_kind_of(value)}"
    for item in value:
        problem = text(item)
        if problem:
            return f"has an item that {problem}"
    return None


def tag_map(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        return f"must be a mapping such as {{kind: date, party: [China]}}, not {_kind_of(value)}"
    for name, tags in value.items():
        if not isinstance(name, str) or not name.strip() or _TAG_BREAK.search(name):
            return f"has a tag name {name!r} that is not one line of text"
        for tag in tags if isinstance(tags, list) else [tags]:
            if text(tag) or (isinstance(tag, str) and _TAG_BREAK.search(tag)):
                return (f"'{name}' must be a tag or a list of tags, each one line of text "
                        "with no tab")
    return None


_TAG_BREAK = re.compile(r"[\t\n]")
"""A tab or newline in a tag makes another field or note of it in Anki's text import."""


def text_map(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        return f"must be a mapping of names to texts, not {_kind_of(value)}"
    for name, item in value.items():
        if not isinstance(name, str) or not name.strip():
            return f"has a name {name!r} that is not text"
        if text(item):
            return f"'{name}' {text(item)}"
    return None


def version(value: Any) -> str | None:
    if value == FORMAT_VERSION and not isinstance(value, bool):
        return None
    return (
        f"is {value!r}, but this quizcli reads bank format {FORMAT_VERSION}; "
        "upgrade quizcli or convert the bank"
    )


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
        return [(path, f"{what} must be a mapping of fields, not {_kind_of(record)}")]
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
        return [((key,), f"'{key}' must be a list of {singular}s, not {_kind_of(records)}")], set()
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
                 f"not {_kind_of(data)}")]
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
