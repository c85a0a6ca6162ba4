"""Reading a news article (plain text or Markdown) into its title, date, publisher,
sections and sentences, with the scraping debris left behind.

Debris is what a scraper drags in with the story: literal `\\n` tokens, "ALSO
READ:" links to other stories, site names and slogans, share buttons, and
headings with nothing under them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from quizcli.errors import QuizcliError
from quizcli.reading.dates import parse_dateline
from quizcli.reading.gazetteer import gazetteer
from quizcli.reading.sentences import split_sentences


class ArticleError(QuizcliError):
    """An article file that cannot be read; the message names the file."""

    exit_code = 2


@dataclass(frozen=True)
class Sentence:
    text: str
    section: str | None
    """The heading the sentence stands under, such as 'Why in news?'."""
    block: int
    """Which paragraph or bullet of the body it belongs to."""


@dataclass(frozen=True)
class Article:
    name: str
    title: str | None
    publisher: str | None
    date: dt.date | None
    sentences: tuple[Sentence, ...]

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)


_LITERAL_BREAK = re.compile(r"\\[nr]")
_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*$")
_BULLET = re.compile(r"^(?:[-*+•▪◦●]|\d{1,2}[.)]|\(?[a-z]\))\s+")
_RULE = re.compile(r"^[-*_=\s]{3,}$")
_SOURCE = re.compile(r"^\(?\s*(?:source|courtesy|via)\s*[:\-–—]\s*(?P<name>.+?)\s*\)?\.?$", re.I)
_WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'-]{1,40}?),?\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z .&]{1,30})\))?\s*[-–—:]+\s+"
)
# Bounded, so that a stray bracket or star in a long line cannot make matching quadratic.
_MARKDOWN_LINK = re.compile(r"!\[[^\]]{0,300}\]\([^)]{0,500}\)|\[([^\]]{1,300})\]\([^)]{0,500}\)")
_EMPHASIS = re.compile(
    r"(\*\*|__)(.{1,300}?)\1|(?<![\w*])\*(?!\s)(.{1,300}?)(?<!\s)\*(?![\w*])"
)
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]{0,200}>")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")


def _clean_inline(text: str) -> str:
    """Markdown and HTML markup off, white space folded."""
    text = _MARKDOWN_LINK.sub(lambda m: m.group(1) or "", text)
    text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", text)
    text = _HTML_TAG.sub(" ", text).replace("`", "")
    return _SPACES.sub(" ", text).strip()


def _is_boilerplate(line: str) -> bool:
    table = gazetteer()
    bare = line.strip(" \t|*_#>:-–—.!").lower()
    if not bare:
        return True
    return bare in table.boilerplate_lines or bare.startswith(table.boilerplate_starts)


def read_article(text: str, name: str = "<article>", date: dt.date | None = None) -> Article:
    """Read an article's text. `date` is used when the article states none."""
    lines = _LITERAL_BREAK.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    title: str | None = None
    publisher: str | None = None
    found_date: dt.date | None = None
    blocks: list[tuple[str | None, str]] = []  # (section, text)
    section: str | None = None
    paragraph: list[str] = []
    seen_body = False

    def flush() -> None:
        if paragraph:
            blocks.append((section, " ".join(paragraph)))
            paragraph.clear()

    for raw in lines:
        line = raw.strip()
        if not line or _RULE.match(line):
            flush()
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            text_ = _clean_inline(heading.group(2))
            if not text_:
                continue
            if title is None and not seen_body:
                title = text_
            else:
                section = text_
            continue
        if not seen_body and found_date is None:
            dateline = parse_dateline(line)
            if dateline:
                found_date = dateline
                continue
        bullet = _BULLET.match(line)
        if bullet:
            flush()
            line = line[bullet.end():]
        cleaned = _clean_inline(line.lstrip("> "))
        source = _SOURCE.match(cleaned)
        if source:
            flush()
            publisher = source.group("name")
            continue
        if _is_boilerplate(cleaned):
            flush()
            continue
        if title is None and not seen_body and not paragraph and _looks_like_title(cleaned):
            title = cleaned
            continue
        if not seen_body:
            wire = _WIRE_DATELINE.match(cleaned)
            if wire:
                cleaned = cleaned[wire.end():]
                if wire.group("agency") and publisher is None:
                    publisher = wire.group("agency").strip()
        seen_body = True
        paragraph.append(cleaned)
        if bullet:
            flush()
    flush()

    sentences = tuple(
        Sentence(sentence, sec, index)
        for index, (sec, body) in enumerate(blocks)
        for sentence in split_sentences(body)
    )
    return Article(name, title, publisher, found_date or date, sentences)


def _looks_like_title(line: str) -> bool:
    """A first line that is a headline rather than a sentence of the story."""
    return len(line) <= 200 and not line.endswith((".", ",", ";")) and len(line.split()) >= 2


def load_article(path: Path, date: dt.date | None = None) -> Article:
    """Read the article at `path`; ArticleError says what is wrong with the file."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ArticleError(f"{path}: is a folder; name the article files in it") from None
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file") from None
    except OSError as exc:
        raise ArticleError(f"{path}: cannot be read ({exc.strerror})") from None
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{path}: is a binary file, not an article; give a .txt or .md file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ArticleError(
            f"{path}:{line}: is not UTF-8 text (byte {exc.start}); save the article as UTF-8"
        ) from None
    article = read_article(text, path.name, date)
    if not article.sentences:
        what = "is empty" if not text.strip() else "has no article text once debris is removed"
        raise ArticleError(f"{path}: {what}; nothing to read")
    return article
