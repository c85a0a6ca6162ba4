"""Reading a news article (plain text or Markdown) into its title, date, publisher,
sections and sentences, with the scraping debris left behind.

Debris is what a scraper drags in with the story: literal `\\n` tokens, "ALSO
READ:" links to other stories, site names and slogans, share buttons, and
headings with nothing under them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from quizcli.datafiles import load_data
from quizcli.errors import CONTROL_CHARACTERS, QuizcliError
from quizcli.reading.datelines import find_article_date
from quizcli.reading.gazetteer import gazetteer
from quizcli.reading.sentences import split_sentences
from quizcli.reading.tables import tables_as_lines


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
    format: str = "text"
    """What the article was read from: text, html, pdf."""
    extractor: str | None = None
    """The library that took the article's text out of its page or PDF, with its version."""
    url: str | None = None
    """Where the page says it lives."""
    author: str | None = None
    dated: bool = False
    """Whether the text itself gives the date: a dateline, or a wire's "Gangtok, July 1"."""

    @property
    def words(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)


_LITERAL_BREAK = re.compile(r"\\[nr]")
_CONTROL = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.)?|"
                      + CONTROL_CHARACTERS)
"""Terminal escapes and control characters: nothing of an article, so never a question's."""
_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*$")
_BULLET = re.compile(r"^(?:(?:[-*+•▪◦●·]|\d{1,2}[.)]|\(?[a-z]\)|\([ivx]{2,4}\))\s+"
                     r"|(?:[ivx]{1,4}|\d{1,2})\.\s*(?=[A-Z][a-z]))")
"""A list's mark: "• ", "2) ", "(iv) ", and "ii." or "3." run into the item ("ii.This …")."""
_RULE = re.compile(r"^[-*_=\s]{3,}$")
_SOURCE = re.compile(r"^\(?\s*(?:source|courtesy|via)\s*[:\-–—]\s*(?P<name>.+?)\s*\)?\.?$", re.I)
_WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'/-]{1,40}?)"
    r"(?:\s\([A-Z][\w .-]{1,30}\))?(?:\s\[[A-Z][\w .-]{1,30}\])?"  # "Gangtok (Sikkim) [India]"
    r",?\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
    r"(?:,\s*\d{4})?)\s*(?:\((?P<agency>[A-Za-z][A-Za-z .&]{1,30})\)\s*[-–—:]*|[-–—:]+)\s+"
    r"(?=[A-Z“\"‘'])"
)
# "LOS ANGELES (Reuters) - South Korean thriller ...": a wire dateline without its date.
_AGENCY_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'/-]{1,40}?)\s+\((?P<agency>[A-Z][A-Za-z .&]{1,30})\)\s*[-–—:]+\s+"
    r"(?=[A-Z“\"‘'])")
# "Chennai: The Madras High Court ...": a place and a colon open the story.
_PLACE_DATELINE = re.compile(r"^(?P<place>[A-Z][\w.-]+(?:[ /][A-Z][\w.-]+)?)\s?:\s+(?=[A-Z])")
_CAPS_DATELINE = re.compile(r"^(?P<place>[A-Z]{2,}(?:[ -][A-Z]{2,}){0,2}),\s+(?=[A-Z])")
"""A wire's place in capitals before the story: "NEW DELHI, Prime Minister …"."""
_DASH_DATELINE = re.compile(
    r"^(?P<place>[A-Z]{2,}(?:[ -][A-Z]{2,}){0,2})\s+(?:--|—|–)\s+(?=[A-Z“\"‘'])")
"""The same with a dash, as the AP writes it: "GANGTOK -- The council …"."""
# A photo caption: "X, right, shares a light moment with Y ... (AP)".
_CAPTION = re.compile(r",\s(?:right|left|centre|center|second from (?:left|right))\s?,"
                      r"|\((?:AP|PTI|ANI|AFP|IANS|Reuters|File|Photo|Image)[^)]{0,30}\)\s*$")
# Bounded, so that a stray bracket or star in a long line cannot make matching quadratic.
_MARKDOWN_LINK = re.compile(r"!\[[^\]]{0,300}\]\([^)]{0,500}\)|\[([^\]]{1,300})\]\([^)]{0,500}\)")
_EMPHASIS = re.compile(
    r"(\*\*|__)(.{1,300}?)\1|(?<![\w*])\*(?!\s)(.{1,300}?)(?<!\s)\*(?![\w*])"
)
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]{0,200}>")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_ODD_SPACE = re.compile(r"[\t\u00a0\u2009\u202f]")
_GLUED_FIGURE = re.compile(r"\b(to|of|in|at|by|from|than|over|under|about|around|nearly)(?=\d)")
"""A short word run into the figure after it, a slip of the keyboard: "rose to90"."""
_COMMA_AFTER_PREPOSITION = re.compile(r"\b(in|at|of|from|near|by),(?= [A-Z][a-z])")
"""A comma between a preposition and the name it governs, a slip: "farmers in, Perak"."""


@functools.lru_cache(maxsize=1024)
def _clean_inline(text: str) -> str:
    """Markdown and HTML markup off, white space folded. Each rule only runs where its
    mark is in the line: most lines have none."""
    if "](" in text:
        text = _MARKDOWN_LINK.sub(lambda m: m.group(1) or "", text)
    if "*" in text or "__" in text:
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", text)
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    if "`" in text:
        text = text.replace("`", "")
    if "  " in text or "\t" in text or not text.isascii() and _ODD_SPACE.search(text):
        text = _SPACES.sub(" ", text)
    if _GLUED_FIGURE.search(text):
        text = _GLUED_FIGURE.sub(r"\1 ", text)
    if _COMMA_AFTER_PREPOSITION.search(text):
        text = _COMMA_AFTER_PREPOSITION.sub(r"\1", text)
    return text.strip()


def _is_boilerplate(line: str) -> bool:
    table = gazetteer()
    bare = line.strip(" \t|*_#>:-–—.!").lower()
    if not bare:
        return True
    if bare in table.boilerplate_lines or bare.startswith(table.boilerplate_starts):
        return True
    # A menu or a breadcrumb: 'Home | News | Environment'.
    if _MENU_MARK.search(line):
        parts = [p for p in _MENU_SEPARATOR.split(line) if p.strip()]
        if len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts):
            return True
    # Page furniture: a short line naming a widget ('10 Min Read', 'Site Logo') or an
    # icon's name run together ('CalendarToday').
    return len(bare.split(None, 9)) <= 8 and (
        _furniture().search(bare) is not None or _ICON_NAME.fullmatch(line.strip()) is not None
    )


_ICON_NAME = re.compile(r"[A-Z]?[a-z]+(?:[A-Z][a-z]+)+")
_MENU_SEPARATOR = re.compile(r"\s[|»›>/]\s")
_MENU_MARK = re.compile(r"[|»›>/]")


@functools.cache
def _furniture() -> re.Pattern[str]:
    words = load_data("boilerplate.yaml")["furniture"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w.lower()) for w in words) + r")\b")


@functools.cache
def _exam_heading() -> re.Pattern[str]:
    words = load_data("boilerplate.yaml")["exam_headings"]
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def read_article(text: str, name: str = "<article>", date: dt.date | None = None) -> Article:
    """Read an article's text. `date`, when given, is the article's date whatever its text
    says, so that a user can correct a wrong one; otherwise the dateline gives it."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = _LITERAL_BREAK.sub("\n", text).split("\n")
    dated = find_article_date(lines)
    if dated.lines:
        lines = [line for at, line in enumerate(lines) if at not in dated.lines]
    body = _Body(tables_as_lines(lines))
    body.read()
    return Article(name, body.title, body.publisher, date or dated.date, body.sentences(),
                   dated=dated.date is not None or body.wire_dated)


class _Body:
    """What the lines of an article make, read one by one: its title and publisher, its
    headings, and its paragraphs and bullets as blocks under their sections."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.title: str | None = None
        self.publisher: str | None = None
        self.blocks: list[tuple[str | None, str]] = []  # (section, text)
        self.headings: list[str] = []
        self.section: str | None = None
        self.paragraph: list[str] = []
        self.seen_body = False
        self.lead_in: str | None = None  # a 'Label (Article 12):' line that opens the next line
        self.wire_dated = False  # a wire's dateline gave the day: "Gangtok, July 1 (PTI)"
        self.on_the_exam = False
        """Under a heading on the exam, not the news ("Why This Matters for UPSC")."""
        self.last = max((at for at, line in enumerate(lines) if line.strip()), default=-1)
        """The last line with text: nothing follows it."""

    def flush(self) -> None:
        if self.paragraph:
            if not self.on_the_exam:
                self.blocks.append((self.section, " ".join(self.paragraph)))
            self.paragraph.clear()

    def read(self) -> None:
        for at, raw in enumerate(self.lines):
            line = raw.strip()
            if not line or _RULE.match(line):
                self.flush()
                if self.lead_in:
                    self.section, self.lead_in = self.lead_in, None
                continue
            if self.seen_body and len(line) <= 80:
                line = _DASHED_FIELD.sub(r"\1: ", line)  # "Formed– 1961": "Formed: 1961"
            heading = _HEADING.match(line)
            plain = None if heading else _plain_heading(line, at == self.last)
            if heading or plain:
                self.heading(at, line, heading.group(2) if heading else plain or "", plain)
            else:
                self.body_line(line)
        self.flush()

    def heading(self, at: int, line: str, written: str, plain: str | None) -> None:
        """A heading, `written` as it reads; `plain` when it has no Markdown mark."""
        self.flush()
        text = _clean_inline(written)
        if not text or _is_boilerplate(text):
            return
        self.headings.append(text)
        if self.title is None and not self.seen_body:
            self.title = text
            return
        self.on_the_exam = _exam_heading().search(text) is not None
        if plain and line.endswith(":") and not text.startswith("About ") and (
                _opens_next_line(self.lines, at)):  # "About the Council:" heads a section
            self.lead_in = text + ":"
        else:
            self.section, self.lead_in = text, None

    def body_line(self, line: str) -> None:
        """A line of text: a paragraph's, a bullet, a source, a title or debris."""
        bullet = _BULLET.match(line)
        if bullet:
            self.flush()
            line = line[bullet.end():]
            while inner := _BULLET.match(line):  # "• • Majority opinion", "• 1. Whether"
                line = line[inner.end():]
        cleaned = _clean_inline(line.lstrip("> "))
        if cleaned.startswith("[") and cleaned.endswith("]"):  # an editor's note
            cleaned = re.sub(r"^\[(?:Note\s*:\s*)?|\]$", "", cleaned)
        source = _SOURCE.match(cleaned)
        if source or _is_boilerplate(cleaned):
            self.flush()
            if source:
                self.publisher = source.group("name")
            return
        if (self.title is None and not self.seen_body and not self.paragraph
                and _looks_like_title(cleaned)):
            self.title = cleaned
            return
        if not self.seen_body:
            cleaned = self.without_dateline(cleaned)
        self.seen_body = True
        if self.lead_in:
            cleaned, self.lead_in = f"{self.lead_in} {cleaned}", None
        if bullet and cleaned[:1].islower() and cleaned[1:2].islower():
            cleaned = cleaned[0].upper() + cleaned[1:]  # "- the Union Health Minister ..."
        field = _FIELD.match(cleaned) is not None and not _SENTENCE_END.search(cleaned)
        last = self.paragraph[-1] if self.paragraph else ""
        unended = bool(last) and not _ENDED.search(last) and cleaned[:1].isupper()
        standfirst = unended and not self.blocks and len(self.paragraph) == 1
        if field or unended and (len(last) > 90 or standfirst):
            # A fact box's line, a long line with no full stop, or the line under the
            # title that has none ("A great start, the minister says"), stands alone.
            self.flush()
        self.paragraph.append(cleaned)
        if bullet or field:
            self.flush()

    def without_dateline(self, cleaned: str) -> str:
        """The story's first line without the wire or place dateline it opens with; a
        wire's agency is the publisher, unless a source line said otherwise."""
        wire = _WIRE_DATELINE.match(cleaned) or _AGENCY_DATELINE.match(cleaned)
        if wire:
            cleaned = cleaned[wire.end():]
            self.wire_dated = self.wire_dated or wire.groupdict().get("date") is not None
            if wire.group("agency") and self.publisher is None:
                self.publisher = wire.group("agency").strip()
        place = _PLACE_DATELINE.match(cleaned)
        if place and place.group("place").split("/")[0] in gazetteer().places:
            cleaned = cleaned[place.end():]
        capitals = _CAPS_DATELINE.match(cleaned) or _DASH_DATELINE.match(cleaned)
        if capitals and capitals.group("place").title() in gazetteer().places:
            cleaned = cleaned[capitals.end():]
        return cleaned

    def sentences(self) -> tuple[Sentence, ...]:
        """The sentences of the blocks, but a block that only repeats the title or a
        heading (a table of contents, a breadcrumb, a repeated headline): it is not part
        of the story."""
        named = {_bare(t) for t in [self.title, *self.headings] if t}
        longest = max((len(t) for t in [self.title, *self.headings] if t), default=0) + 10
        blocks = [(sec, body) for sec, body in self.blocks
                  if len(body) > longest or _bare(body) not in named]
        return tuple(
            Sentence(sentence, sec, index)
            for index, (sec, body) in enumerate(blocks)
            for sentence in _without_credits(split_sentences(body))
            if not _CAPTION.search(sentence)
        )


def _looks_like_title(line: str) -> bool:
    """A first line that is a headline rather than a sentence of the story: a one-word
    title ('Monsoon') is one too."""
    return len(line) <= 200 and not line.endswith((".", ",", ";"))


_HEADING_END = re.compile(r"[?:]$")
_FIELD = re.compile(r"[A-Z][\w()/&’' -]{1,30}:\s\S")
_DASHED_FIELD = re.compile(r"^([A-Z][\w()/&’'-]*(?: [\w()/&’'-]+){0,2}) ?[–—] ?(?=\S)")
"""A fact box's label set off by a dash, not a colon: "Headquarters– Mumbai"."""
_ENDED = re.compile(r"[.!?:;\"”’)\]]$")
"""How a line that ends a sentence ends: a longer one without it is a standfirst."""
_SENTENCE_END = re.compile(r"[.!;,…\"”’\]]$")


_CREDIT = re.compile(r"^\((?:AP|PTI|ANI|AFP|IANS|Reuters)\)\s+")


def _without_credits(sentences: list[str]) -> list[str]:
    """A photo's credit that the page ran into the next sentence, '(AP) It said ...',
    comes off it."""
    return [_CREDIT.sub("", s) if s.startswith("(") else s for s in sentences]


def _bare(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip().casefold()


def _opens_next_line(lines: list[str], at: int) -> bool:
    """Whether a 'Label:' line runs straight into a line of text (no blank line, no
    bullet, not another label), as in 'Annual Review (Article 12):' over its rule."""
    following = lines[at + 1].strip() if at + 1 < len(lines) else ""
    # A line that opens with a label of its own ("Panel of Chairpersons (Rule 9): …") is
    # no text for this label: this one is a heading over it.
    own_label = re.match(r"^[^:.;]{2,60}?:\s", following)
    return bool(following) and not _BULLET.match(following) and not _HEADING_END.search(
        following) and len(following.split()) > 3 and not own_label


def _plain_heading(line: str, last: bool) -> str | None:
    """The text of a heading written without Markdown, or None; `last` when no line
    with text follows it.

    Explainers write headings as short lines of their own: a question ('What is the
    Ocean Council?'), a label ending in a colon ('Key Highlights:'), or a short line with
    no full stop ('Background', '- Members'). The last kind is only a heading when
    more text follows it.
    """
    bullet = _BULLET.match(line)
    text = _clean_inline(line[bullet.end():] if bullet else line).strip()
    words = len(text.split(None, 15))  # as many as there are, up to the 15 that rule it out
    if not text or words > 14 or last and not _HEADING_END.search(text):
        return None
    if text.endswith("?"):
        return text.rstrip("?").strip() + "?"
    if text.endswith(":") and words <= 10:
        return text.rstrip(":").strip()
    numbered = bullet is not None and bullet.group()[:1] not in "-*+•▪◦●·"
    if words <= (3 if bullet and not numbered else 10 if numbered else 8) and not (
            _SENTENCE_END.search(text)) and (
        text[:1].isupper() or text[:1] in "‘'\"“"
    ) and not re.search(r"[\d:]", text):
        return text
    if not bullet and ":" not in text and not _SENTENCE_END.search(text) and _title_case(text):
        return text  # "Key Findings from the 6th Round of the Survey"
    return None


_SMALL = frozenset("a an the of in on at to for from by with and or vs v".split())


def _title_case(text: str) -> bool:
    """Whether every word of the text but the small ones opens with a capital or a digit,
    as a headline's do and a sentence's do not."""
    words = re.findall(r"[\w’'-]+", text)
    return len(words) >= 3 and words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL for w in words)


def load_article(path: Path, date: dt.date | None = None) -> Article:
    """Read the one article at `path`, in whatever format it is kept; ArticleError says
    what is wrong with the file."""
    from quizcli.reading.formats import read_file

    return read_file(path, date)[0]
