"""What each value of a bank must be: text, an id, a day, a list of texts, a mapping of
tags. Each checker takes the value as the YAML parser gave it and returns what is wrong
with it, in words that end a sentence naming the field, or None."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from quizcli.errors import CONTROL_CHARACTERS
from quizcli.model import FORMAT_VERSION

Checker = Callable[[Any], "str | None"]

BANK_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
RECORD_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def described(value: Any) -> str:
    """What a value is, in the words a problem names it by: "a mapping", "a list"."""
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
    return f"must be text, not {described(value)}"


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
        return f"must be a list of texts, not {described(value)}"
    for item in value:
        problem = text(item)
        if problem:
            return f"has an item that {problem}"
    return None


def tag_map(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        return f"must be a mapping such as {{kind: date, party: [China]}}, not {described(value)}"
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
        return f"must be a mapping of names to texts, not {described(value)}"
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
