"""Text as compared, in one place: the forms in which two pieces of text count as the
same. Each comparison has its own form, because each forgives different things:

- `compared`: a question's words, for give-aways and duplicates (and so for question
  ids): case, punctuation, thousands separators and a leading article do not count;
  hyphens and accents do.
- `answer_form`: an answer the user typed against the accepted ones: accents do not count
  either, nor hyphens ("Surya-2" is "Surya 2").
- `name_key`: spellings of one name, which differ only in case, hyphens, apostrophes,
  full stops and spaces ("Anna-Lisa Kolb", "Anna Lisa Kolb").
"""

from __future__ import annotations

import functools
import re
import unicodedata

_ARTICLE = re.compile(r"^(?:(?:the|a|an)\s+)+")
_NAME_NOISE = re.compile(r"[\s\-’'.]")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")
_STOP = re.compile(r"(?<!\d)\.|\.(?!\d)")
_PUNCTUATION = re.compile(r"[^\w\s-]")


def _spaced(text: str) -> str:
    """Without a leading article, its words one space apart."""
    return " ".join(_ARTICLE.sub("", text.strip()).split())


@functools.lru_cache(maxsize=65536)
def compared(text: str) -> str:
    """Text as compared for give-aways and duplicates. The gate compares each prompt and
    sentence with many others, so the forms are kept."""
    t = unicodedata.normalize("NFKC", str(text)).casefold().replace("’", "'").replace("‘", "'")
    t = _THOUSANDS.sub("", t)
    t = _STOP.sub("", t)
    return _spaced(_PUNCTUATION.sub(" ", t))


def answer_form(text: str) -> str:
    """An answer as compared: no case, accents, punctuation or leading article."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).casefold()
    t = re.sub(r"[^\w\s]", " ", t)
    return " ".join(_ARTICLE.sub("", t.lstrip()).split())


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """One key for the spellings of one name. Distractors compare each name with many
    others, so the keys are kept."""
    return _NAME_NOISE.sub("", name).casefold()


def stands_alone(text: str, phrase: str) -> bool:
    r"""Whether `phrase` stands in `text` with no letter, digit or underscore on either
    side: what a search for `(?<!\w)phrase(?!\w)` finds, without compiling a pattern for
    each phrase."""
    at = text.find(phrase)
    size = len(phrase)
    while at != -1:
        end = at + size
        if not (at and (text[at - 1].isalnum() or text[at - 1] == "_")) and not (
                end < len(text) and (text[end].isalnum() or text[end] == "_")):
            return True
        at = text.find(phrase, at + 1)
    return False


def in_brackets(text: str, at: int) -> bool:
    """Whether position `at` of the text lies inside round brackets, an aside: "the
    report (published in 2019)"."""
    opened, closes = text.rfind("(", 0, at), text.find(")", at)
    return opened > text.rfind(")", 0, at) and closes != -1 and (
        text.find("(", at, closes) == -1)
