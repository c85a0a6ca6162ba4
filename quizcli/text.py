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

_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_NAME_NOISE = re.compile(r"[\s\-’'.]")


def _spaced(text: str) -> str:
    """Without a leading article, its words one space apart."""
    return " ".join(_ARTICLE.sub("", text.strip()).split())


@functools.lru_cache(maxsize=65536)
def compared(text: str) -> str:
    """Text as compared for give-aways and duplicates. The gate compares each prompt and
    sentence with many others, so the forms are kept."""
    t = unicodedata.normalize("NFKC", str(text)).casefold().replace("’", "'").replace("‘", "'")
    t = re.sub(r"(?<=\d),(?=\d{3})", "", t)
    t = re.sub(r"(?<!\d)\.|\.(?!\d)", "", t)
    return _spaced(re.sub(r"[^\w\s-]", " ", t))


def answer_form(text: str) -> str:
    """An answer as compared: no case, accents, punctuation or leading article."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).casefold()
    t = re.sub(r"[^\w\s]", " ", t)
    return " ".join(_ARTICLE.sub("", t.lstrip()).split())


def name_key(name: str) -> str:
    """One key for the spellings of one name."""
    return _NAME_NOISE.sub("", name).casefold()
