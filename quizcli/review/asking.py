"""How a card is put to the user: what they asked the session for (`StudyMode`) and how
each card is then asked (`Asked`). A bank stores what a question *is*
(`model.QuestionType`); the session decides how to *ask* it. Light enough for the
command line to import at start-up."""

from __future__ import annotations

from enum import Enum


class StudyMode(str, Enum):
    """What `study --mode` asks for: choices, recall, or choices for young cards and
    recall for mature ones."""

    mcq = "mcq"
    recall = "recall"
    mixed = "mixed"


class Asked(str, Enum):
    """How one card is asked. The value is what the review log records as its mode."""

    CHOICES = "mcq"
    TRUE_FALSE = "truefalse"
    RECALL = "recall"

