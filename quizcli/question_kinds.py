"""The kinds of question, as the stats and the session tell them apart, and what each
is called."""

from __future__ import annotations

from typing import NamedTuple

from quizcli.model import FactKind, Question


def question_kind(question: Question) -> str | None:
    """What a question is, for the stats and the session: its exam format where it has
    one ("statements"), else the kind of its fact ("date")."""
    return next(iter(question.tags.get("format", ()) or question.tags.get("kind", ())), None)


class KindWords(NamedTuple):
    """What a kind of question (`question_kind`) is called."""

    title: str | None
    """Over a table of the facts of the kind; None for an exam format."""
    plural: str
    """Among the other kinds, beside a count or a rate."""


KIND_WORDS: dict[str, KindWords] = {
    FactKind.DATE.value: KindWords("Dates", "dates"),
    FactKind.QUOTE.value: KindWords("Who said it", "quotes"),
    FactKind.ROLE.value: KindWords("Offices and their holders", "offices"),
    FactKind.POSITION.value: KindWords("Positions", "positions"),
    FactKind.PLACE.value: KindWords("Places", "places"),
    FactKind.NUMBER.value: KindWords("Numbers", "numbers"),
    FactKind.FACT.value: KindWords("Key terms", "key terms"),
    "statements": KindWords(None, "statements"),
    "match": KindWords(None, "match the pairs"),
    "order": KindWords(None, "chronology"),
}
"""Every kind of question, in the order they are shown."""
