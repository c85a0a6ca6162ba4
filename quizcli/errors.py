"""Domain errors. The CLI turns them into messages; nothing else prints them."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import NamedTuple


class QuizcliError(Exception):
    """An error a user can fix; its text says what is wrong and what to do."""

    exit_code = 1


class Problem(NamedTuple):
    """One thing wrong in a file, at a line where known (counted from 1)."""

    line: int | None
    message: str


class BankError(QuizcliError):
    """A bank file that cannot be used, with every problem found in it."""

    exit_code = 2

    def __init__(self, path: Path | str, problems: list[Problem]):
        self.path = Path(path)
        self.problems = problems
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(
            f"{self.path}:{p.line}: {p.message}" if p.line else f"{self.path}: {p.message}"
            for p in self.problems
        )


CONTROL_CHARACTERS = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"
"""The C0 and C1 control characters but tab and newline: none belongs in a bank, an
article or a message, and an escape among them would drive the terminal."""


@functools.cache
def _control() -> re.Pattern[str]:
    return re.compile(CONTROL_CHARACTERS)


def printable(text: str, code: str = "\\x{:02x}") -> str:
    """Text safe to write to a terminal: control characters (but a newline or a tab) are
    shown as their `code`, never sent: a file named with an escape in it cannot retitle
    the window or clear the screen."""
    return _control().sub(lambda m: code.format(ord(m.group())), text)
