"""Spans of a sentence, as (start, end) offsets: where one rule has read words that a
later rule may not take again."""

from __future__ import annotations

from collections.abc import Iterable


def overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether `start`..`end` shares a character with any of `spans`."""
    # A loop, not any() over a generator: this runs for every candidate of every rule.
    for other_start, other_end in spans:  # noqa: SIM110
        if start < other_end and other_start < end:
            return True
    return False
