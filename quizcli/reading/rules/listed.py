"""Names that list their subjects with commas between them: "Ministry of Personnel,
Public Grievances and Pensions" is one ministry, not three names."""

from __future__ import annotations

import re

_OPENINGS = ("Ministry of", "Department of")
_MINISTRY = re.compile(r"^(?:Ministry|Department)\sof\s")
"""A ministry named by its subjects, commas between them: "Ministry of Personnel, Public
Grievances and Pensions"."""


def comma_named(sentence: str, runs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The runs, with a ministry's comma-listed subjects joined to it up to the last one,
    after "and"."""
    if ", " not in sentence or not any(opening in sentence for opening in _OPENINGS):
        return runs
    out: list[tuple[int, int, str]] = []
    at = 0
    while at < len(runs):
        start, _, text = runs[at]
        last = at
        if _MINISTRY.match(text) and " and " not in text:
            while last + 1 < len(runs) and sentence[runs[last][1]:runs[last + 1][0]] == ", ":
                last += 1
                if " and " in runs[last][2]:
                    break
        if last > at and " and " in runs[last][2]:
            out.append((start, runs[last][1], sentence[start:runs[last][1]]))
            at = last + 1
        else:
            out.append(runs[at])
            at += 1
    return out
