"""PDFs: one article, or a compilation of many (a coaching site's monthly magazine).

Text and font sizes come from PDFium (pypdfium2), which keeps the order a page was
written in (column by column) and reads a 20-page magazine in a fraction of a second.
Lines that come back at the top or bottom of most pages (a running header, a footer,
a page number) are dropped, and so are a table of contents' lines. The body's font is
the commonest; a line in a larger font is a heading, and the largest size that heads
two or more stretches of text marks where each article of a compilation begins.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace

from quizcli.reading.article import Article, ArticleError, read_article
from quizcli.reading.datelines import read_dateline

_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_CONTENTS_LINE = re.compile(r"(?:\.{5,}|…{3,})\s*\d{0,4}\s*$|(?:\.{3,}|…{2,}|\s{3,})\s*\d{1,4}\s*$")
_CONTENTS_HEADING = re.compile(r"^(?:table of )?contents$|^index$|^in this issue$", re.I)
EDGE = 3
"""How many lines at a page's top and bottom may be its running header or footer."""
HEADING_RATIO = 1.12
"""How much larger than the body's font a heading's is."""


@dataclass
class Line:
    text: str
    size: float
    y: float = 0.0
    """Where the line stands on its page: the bottom of its first character."""


def read(data: bytes, name: str, date: dt.date | None = None) -> list[Article]:
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a dependency of quizcli
        raise ArticleError(f"{name}: reading a PDF needs pypdfium2; pip install pypdfium2") \
            from None
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ArticleError(f"{name}: is not a PDF that can be read ({exc}); save it again "
                           "or give its text as a .txt file") from None
    try:
        pages = [_lines(document[i]) for i in range(len(document))]
    finally:
        document.close()
    if sum(len(line.text) for page in pages for line in page) < 20:
        raise ArticleError(f"{name}: has no text layer (a scanned PDF); run it through OCR, "
                           "for example `ocrmypdf in.pdf out.pdf`, and ingest the result")
    lines = _without_furniture(pages)
    articles = []
    for title, text in split_articles(lines):
        article = read_article(f"# {title}\n\n{text}" if title else text, name, date)
        if article.sentences:
            articles.append(replace(article, format="pdf",
                                    extractor=f"pypdfium2 {_version()}"))
    return articles


def _lines(page) -> list[Line]:
    """A page's lines, in the order it was written, each with its font size."""
    import ctypes

    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range()
        aligned = len(text) == count  # else a character outside one UTF-16 unit
        sizes = [raw.FPDFText_GetFontSize(textpage, i) for i in range(count)] if aligned else []
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))

        def bottom_of(index: int) -> float:
            if not aligned or not raw.FPDFText_GetCharBox(textpage, index, left, right,
                                                         bottom, top):
                return 0.0
            return bottom.value

        lines, start = [], 0
        for at, char in enumerate(text + "\n"):
            if char != "\n":
                continue
            segment = text[start:at].replace("\r", "")
            if segment.strip():
                first = start + len(segment) - len(segment.lstrip())
                own = [s for s in sizes[start:at] if s > 0]
                lines.append(Line(segment.strip(),
                                  Counter(own).most_common(1)[0][0] if own else 0.0,
                                  bottom_of(first)))
            start = at + 1
    finally:
        textpage.close()
    return lines


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.casefold())


def _without_furniture(pages: list[list[Line]]) -> list[Line]:
    """Every page's lines but its running header, footer and page number, and the lines
    of a table of contents."""
    edges: Counter[str] = Counter()
    for page in pages:
        for shape in {_shape(x.text) for x in page[:EDGE] + page[-EDGE:]}:
            edges[shape] += 1
    running = {shape for shape, n in edges.items() if n >= 2 and n * 2 >= len(pages)}
    kept: list[Line] = []
    for page in pages:
        for at, line in enumerate(page):
            at_edge = at < EDGE or at >= len(page) - EDGE
            if at_edge and (_shape(line.text) in running or _PAGE_NUMBER.match(line.text)):
                continue
            if _CONTENTS_LINE.search(line.text) or _CONTENTS_HEADING.match(line.text):
                continue
            kept.append(line)
    return kept


@dataclass
class Block:
    lines: list[Line]

    @property
    def size(self) -> float:
        return self.lines[0].size

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


def _blocks(lines: list[Line]) -> list[Block]:
    """Runs of lines in one font size."""
    blocks: list[Block] = []
    for line in lines:
        if blocks and abs(blocks[-1].size - line.size) < 0.3:
            blocks[-1].lines.append(line)
        else:
            blocks.append(Block([line]))
    return blocks


def split_articles(lines: list[Line]) -> list[tuple[str | None, str]]:
    """The articles the lines hold, each as its title and its text (Markdown headings,
    paragraphs apart); several where a compilation's titles divide them."""
    blocks = _blocks(lines)
    chars: Counter = Counter()
    for block in blocks:
        chars[round(block.size, 1)] += len(block.text)
    if not chars:
        return []
    body = chars.most_common(1)[0][0]
    heads = [b for b in blocks if b.size >= body * HEADING_RATIO and len(b.text.split()) <= 30]
    sizes = Counter(round(b.size, 1) for b in heads)
    titled = [s for s, n in sizes.items() if n >= 2]
    top = max(titled) if titled else (max(sizes) if sizes else None)
    articles: list[tuple[str | None, list[str]]] = [(None, [])]
    for block in blocks:
        text = block.text if block in heads else _paragraphs(block.lines)
        if block in heads and round(block.size, 1) == top:
            articles.append((text, []))
        elif block in heads and read_dateline(text) is None:
            articles[-1][1].append(f"## {text}")  # a dateline in bold is still a dateline
        else:
            articles[-1][1].append(text)
    if len(articles) > 2:
        articles = articles[1:]  # before a compilation's first title: its cover and contents
    return [(title, "\n\n".join(parts)) for title, parts in articles
            if sum(len(p.split()) for p in parts if not p.startswith("## ")) >= 40]


def _paragraphs(lines: list[Line]) -> str:
    """A body's lines as paragraphs: a gap wider than the lines' own spacing ends one,
    and so does a line that ends a sentence well short of the column's width. A word
    broken at a line's end is mended."""
    steps = sorted(round(a.y - b.y, 1) for a, b in zip(lines, lines[1:], strict=False)
                   if a.y - b.y > 0)
    spacing = steps[len(steps) // 4] if steps else 0.0  # the commonest, smaller steps
    lengths = sorted(len(line.text) for line in lines)
    width = lengths[len(lengths) * 3 // 4] if lengths else 0
    out, current = [], ""
    for at, line in enumerate(lines):
        if current.endswith("-") and line.text[:1].islower():
            current = current[:-1] + line.text
        else:
            current = f"{current} {line.text}".strip()
        following = lines[at + 1] if at + 1 < len(lines) else None
        gap = line.y - following.y if following else 0.0
        wide_gap = spacing > 0 and gap > spacing * 1.25
        ends = line.text.endswith((".", "?", "!", "”", '"', ":"))
        if following is None or wide_gap or (ends and len(line.text) < width * 0.85):
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return "\n\n".join(out)


def _version() -> str:
    from importlib.metadata import version

    return version("pypdfium2")
