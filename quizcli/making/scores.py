"""What each kind of question scores before the gate ranks it: one table, followed by
the ranker and by `docs/making.md`.

Higher is asked first. A score says how much an exam setter would want the fact and
how well the question tests it; the adjustments below move a question up or down.
"""

from __future__ import annotations

SCORES: dict[str, float] = {
    "who-said": 3.0,
    "which-party": 3.0,
    "who-holds": 3.0,
    "when:day": 3.0,
    "when:month": 2.5,
    "when:year": 2.0,
    "when:period": 2.5,
    "figure": 3.0,
    "figure:count": 2.5,
    "figure:ordinal": 2.0,
    "figure:value": 2.0,
    "term:abbreviation": 3.0,
    "term:provision": 3.0,
    "term:case": 2.5,
    "term:title": 3.0,
    "term:species": 3.0,
    "term:status": 3.0,
    "term:defined": 2.5,
    "term:definition": 3.0,
    "term:body": 2.5,
    "term:law": 2.5,
    "term:scheme": 2.5,
    "term:report": 2.5,
    "term:thing": 2.0,
    "term:quoted": 2.0,
    "term:key": 2.0,
    "term:agents": 2.0,
    "term:agent": 3.0,
    "term:list": 2.5,
    "term:name": 1.5,
    "where": 2.0,
    "statements": 2.5,
    "match": 2.5,
    "order": 2.5,
}
"""The base score of each kind of question, by the name the maker gives it."""

ADJUSTMENTS: dict[str, float] = {
    "four choices": 0.5,
    "own words": 0.5,
    "over 45 words": -1.0,
    "answer named often in the article": -1.0,
    "a year given in passing": -1.0,
}
"""What moves a question from its base score, and by how much."""

NOT_WORTH_ASKING = -5.0
"""A blank no setter would ask (a weekday, a common word, the article's own subject or
country, the year of a figure): below any base score, so the gate never keeps it."""


def score(kind: str) -> float:
    """The base score of a kind of question; an unknown kind scores as a plain name."""
    return SCORES.get(kind, SCORES["term:name"])
