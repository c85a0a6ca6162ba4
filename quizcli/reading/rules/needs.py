"""What a sentence says is needed or missing ("without indicating a timetable", "a demand
for statehood"), and the parties named together as go-betweens ("mediation by China and
South Korea")."""

from __future__ import annotations

import re

_KEY_TERMS = [
    re.compile(r"\bwithout\s+(?:indicating|specifying|setting|giving|offering|providing|"
               r"mentioning|naming|fixing)\s+(?P<term>(?:a|an|the|any)\s+[a-z][a-z-]+)"),
    re.compile(r"\b(?:need|demand|call|push|plea|quest)\s+for\s+(?P<term>[a-z][a-z-]+"
               r"(?:\s+[a-z][a-z-]+)?)(?=\s*[.,;]|\s+(?:and|or|to|in|from)\b|$)"),
]
_KEY_TERM_CUES = ("without ", " for ")
"""A word each of `_KEY_TERMS` needs, so that it only runs where it may match."""
_MEDIATION = re.compile(r"\b(?:mediation|intervention|involvement|pressure|facilitation)\s+by\s+$")


def key_terms(text: str) -> list[str]:
    """What a sentence says is needed or missing: 'without indicating a timetable',
    'a demand for statehood'."""
    found = []
    for cue, pattern in zip(_KEY_TERM_CUES, _KEY_TERMS, strict=True):
        for match in pattern.finditer(text) if cue in text else ():
            found.append(re.sub(r"^(?:a|an|the|any)\s+", "", match.group("term")))
    return found


def agents(text: str, parties: list[tuple[int, int]]) -> list[str]:
    """Two or more parties named together after 'mediation by' or 'pressure by': 'hinge
    on mediation by China and South Korea'. `parties` are where the sentence names one."""
    if " by " not in text:
        return []
    found = []
    for i, (start, end) in enumerate(parties):
        if not _MEDIATION.search(text, 0, start):
            continue
        last = end
        for nxt_start, nxt_end in parties[i + 1:]:
            if re.fullmatch(r",\s*|\s*,?\s*and\s+", text[last:nxt_start]):
                last = nxt_end
        if last != end:
            found.append(text[start:last])
    return found
