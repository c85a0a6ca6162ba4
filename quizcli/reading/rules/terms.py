"""What the term rules find: a `Term`, and the terms of one sentence found so far."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from quizcli.reading.spans import overlaps


class Term(NamedTuple):
    start: int
    end: int
    text: str
    kind: str
    """abbreviation, body, law, scheme, report, thing, provision, case, quoted, title,
    species, defined, definition or name."""
    short: str | None = None
    """The abbreviation the sentence gives for it, where it gives one."""


class Found:
    """The terms of a sentence found so far, in the order they were found, and the
    spans that a later term may not overlap: theirs and those it started with."""

    def __init__(self, taken: Iterable[tuple[int, int]]):
        self.spans = list(taken)
        self.terms: list[Term] = []

    def add(self, term: Term | None, *, blank: bool = False) -> None:
        """Keep `term` unless it overlaps a span, or says nothing (unless `blank`)."""
        if term is None or not (blank or term.text.strip()):
            return
        if overlaps(term.start, term.end, self.spans):
            return
        self.spans.append((term.start, term.end))
        self.terms.append(term)
