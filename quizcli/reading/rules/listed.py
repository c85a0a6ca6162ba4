"""Names that list their subjects with commas between them: "Ministry of Personnel,
Public Grievances and Pensions" is one ministry, not three names; and lists of places,
"Arakkal, Bettada and Chirala districts", one answer, not a name and a pair."""

from __future__ import annotations

import re

_OPENINGS = ("Ministry of", "Department of")
_MINISTRY = re.compile(r"^(?:Ministry|Department)\sof\s")
"""A ministry named by its subjects, commas between them: "Ministry of Personnel, Public
Grievances and Pensions"."""


def comma_named(sentence: str, runs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The runs, with a ministry's comma-listed subjects joined to it up to the last one,
    after "and", and the places of a list joined into it."""
    if ", " not in sentence:
        return runs
    runs = _places_listed(sentence, runs)
    if not any(opening in sentence for opening in _OPENINGS):
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


_PLURAL_AFTER = re.compile(r"\s(?:districts|states|villages|towns|cities|provinces|regions"
                           r"|countries|islands|nations)\b")
"""The kind of place a list names, after it: "Arakkal, Bettada and Chirala districts"."""


def _places_listed(sentence: str, runs: list[tuple[int, int, str]]
                   ) -> list[tuple[int, int, str]]:
    """The runs, with 'A, B and C' one run where it lists three or four places: every name a
    known place or party, or the kind of place they are said after them. A longer list is
    no answer to recall."""
    from quizcli.reading.gazetteer import gazetteer

    table = gazetteer()
    places, parties = table.places, table.party_of
    out: list[tuple[int, int, str]] = []
    at = 0
    while at < len(runs):
        last = at
        while (last + 1 < len(runs) and " and " not in runs[last][2]
               and sentence[runs[last][1]:runs[last + 1][0]] == ", "):
            last += 1
        start, end = runs[at][0], runs[last][1]
        items = [runs[i][2] for i in range(at, last)] + runs[last][2].split(" and ")
        listed = last > at and " and " in runs[last][2] and 3 <= len(items) <= 4 and (
            all(item in places or item in parties for item in items)
            or _PLURAL_AFTER.match(sentence, end))
        if listed:
            out.append((start, end, sentence[start:end]))
            at = last + 1
        else:
            out.append(runs[at])
            at += 1
    return out
