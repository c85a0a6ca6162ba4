"""Titles of office in a sentence, with the subjects a minister or secretary holds named
after the title: "Minister of Commerce and Industry Asha Verma", "Union Minister for
Lakes, Rivers and Hill Areas Ravi Menon". The subjects are common words joined
by commas and "and"; the holder's name is the first word after them that is not one."""

from __future__ import annotations

import functools
import re

from quizcli.reading.gazetteer import PlaceKind, common_word, gazetteer
from quizcli.reading.wordsearch import trie_pattern

_OPENS = re.compile(r"\s(?:of|for)\s(?=[A-Z])")
_SUBJECT = re.compile(r"(,\s|\s(?:and|&)\s|\s)?([A-Z][a-z]+)\b")


_SUBJECT_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s$")
_NOT_SUBJECTS = frozenset("the a an this that these those his her their our its former then "
                          "new acting".split())


def office_spans(sentence: str, titles: re.Pattern[str],
                 parties: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where the sentence names titles of office, each with the subjects named after it,
    up to the last one before a word that is not a common one: a title that runs into a
    name keeps its subjects and leaves the name whole. A word of one of the `parties` is
    no subject: "White House press secretary"."""
    out = []
    for found in titles.finditer(sentence):
        start, end = found.span()
        if sentence[start - 1:start] == "-":
            continue  # "the four-member bloc": a size, not a title
        while found.group()[:1].isupper() and (word := _SUBJECT_BEFORE.search(
                sentence, max(0, start - 30), start)) and common_word(word.group(1)) and (
                word.group(1).lower() not in _NOT_SUBJECTS) and not any(
                a <= word.start(1) < b for a, b in parties):
            start = word.start(1)  # "Union Health Minister": a subject before the title
        opened = _OPENS.match(sentence, end)
        last, at = None, opened.end() if opened else -1
        while opened:
            subject = _SUBJECT.match(sentence, at)
            if not subject or (last is None and subject.group(1)) or not common_word(
                    subject.group(2)):
                break
            last = at = subject.end()
        out.append((start, last or end))
    return out


@functools.cache
def _office_words() -> re.Pattern[str]:
    """Any word of any title of office, as a whole run of letters of the lower-cased
    sentence: a sentence with none of them names no office, and the long office pattern
    need not run on it."""
    words = {w for office in gazetteer().offices for w in re.findall(r"[a-z]+", office)
             if len(w) > 2 and w not in ("the", "and", "for")}
    return re.compile(r"(?<![A-Za-z])(?:" + trie_pattern(sorted(words)) + r")(?![A-Za-z])")


def may_name_an_office(sentence: str) -> bool:
    return _office_words().search(sentence.lower()) is not None


_GIVEN_NAME = re.compile(r"\s+(?:[A-Z]\.?\s)*[A-Z][a-z]+\s")


def surnames_kept(sentence: str, offices: list[tuple[int, int]],
                  places: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The places but a town's name that ends a titled person's: "Justice Asha Batala"."""
    table = gazetteer()
    kept = []
    for start, end in places:
        given = next((m for _, o_end in offices if o_end < start and (
            m := _GIVEN_NAME.fullmatch(sentence, o_end, start))), None)
        if given and table.place_kind.get(sentence[start:end]) == PlaceKind.CITY and not (
                any(a < given.end() and given.start() < b for a, b in places)):
            continue
        kept.append((start, end))
    return kept
