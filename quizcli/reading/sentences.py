"""Splitting a paragraph into sentences without splitting 'U.S.', 'Mr.' or a quotation."""

from __future__ import annotations

import re

from quizcli.datafiles import load_data

ABBREVIATIONS = frozenset(str(w) for w in load_data("abbreviations.yaml"))
"""Words that end with a full stop without ending the sentence: `quizcli/data/`."""

# A full stop, question or exclamation mark, closing quotes or brackets, then
# space and something that can start a sentence.
_BOUNDARY = re.compile(r"[.?!]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")
_OPEN, _CLOSE = "“", "”"


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends an abbreviation or an initial."""
    start = dot
    while start > max(0, dot - 12) and not text[start - 1].isspace() and (
        text[start - 1] not in "(\"'“‘["
    ):
        start -= 1
    word = text[start:dot]
    if not word:
        return False
    if word.lower() in ABBREVIATIONS:
        return True
    return (len(word) == 1 and word.isupper()) or (
        "." in word and _INITIALS.fullmatch(word) is not None
    )


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph, each stripped, in order.

    A boundary inside a quotation does not end the sentence that quotes it.
    Straight double quotes are only trusted when they pair up.
    """
    straight_pairs = paragraph.count('"') % 2 == 0
    sentences: list[str] = []
    start = counted = 0
    opened = straight = 0  # quotation marks open since `start`, counted up to `counted`
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end()
        if paragraph[match.start()] == "." and match.end() - match.start() == 1 and (
            _is_abbreviation(paragraph, match.start())
        ):
            continue
        span = paragraph[counted:end]
        opened += span.count(_OPEN) - span.count(_CLOSE)
        straight += span.count('"')
        counted = end
        if opened > 0 or (straight_pairs and straight % 2):
            continue
        sentence = paragraph[start:end].strip()
        if sentence:
            sentences.append(sentence)
        start, opened, straight = end, 0, 0
    rest = paragraph[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences
