"""Domain errors. The CLI turns them into messages; nothing else prints them."""

from __future__ import annotations

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


_UNPRINTABLE = None


def printable(text: str) -> str:
    """Text safe to write to a terminal: escape sequences and control characters (but a
    newline or a tab) are shown as their code, never sent: a file named with an escape in
    it cannot retitle the window or clear the screen."""
    global _UNPRINTABLE
    if _UNPRINTABLE is None:
        import re

        _UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
