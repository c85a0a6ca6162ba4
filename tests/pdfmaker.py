"""Real PDFs of real articles, made with reportlab the way a coaching site lays out its
monthly compilation: a cover, a table of contents, two columns, a running header and
footer, page numbers, bold headings."""

from __future__ import annotations

import re
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)
from reportlab.platypus.flowables import KeepTogether

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=9.5, leading=12.5, spaceAfter=5)
HEADING = ParagraphStyle("heading", fontName="Helvetica-Bold", fontSize=15, leading=18,
                         spaceBefore=10, spaceAfter=6)
SUBHEADING = ParagraphStyle("subheading", fontName="Helvetica-Bold", fontSize=11, leading=14,
                            spaceBefore=6, spaceAfter=3)
COVER = ParagraphStyle("cover", fontName="Helvetica-Bold", fontSize=26, leading=32)
CONTENTS = ParagraphStyle("contents", fontName="Helvetica", fontSize=11, leading=16)


def article_parts(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A plain-text article as its title and its (kind, text) blocks."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    first, _, rest = blocks[0].partition("\n")
    title = first.lstrip("# ").strip()
    parts = []
    for block in ([rest] if rest.strip() else []) + blocks[1:]:
        for raw in block.split("\n"):  # a line of the text is a paragraph of the page
            line = " ".join(raw.split())
            if not line:
                continue
            short = len(line.split()) <= 8 and not line.endswith((".", ",", ";"))
            parts.append(("sub" if short or line.startswith("#") else "body",
                          line.lstrip("# ")))
    return title, parts


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def make_pdf(path: Path, articles: list[str], *, columns: int = 2,
             header: str = "Current Affairs Monthly", cover: str | None = None) -> Path:
    """Lay the articles out as one PDF; a cover and a table of contents when there are
    several."""
    width, height = A4
    margin = 1.8 * cm
    gap = 0.6 * cm
    column = (width - 2 * margin - (columns - 1) * gap) / columns
    frames = [Frame(margin + i * (column + gap), margin, column, height - 2 * margin - 0.6 * cm,
                    id=f"col{i}") for i in range(columns)]
    single = [Frame(margin, margin, width - 2 * margin, height - 2 * margin, id="one")]

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(margin, height - margin + 0.2 * cm, header)
        canvas.drawRightString(width - margin, margin - 0.8 * cm, f"Page {doc.page}")
        canvas.drawString(margin, margin - 0.8 * cm, "www.example-coaching.in")
        canvas.restoreState()

    doc = BaseDocTemplate(str(path), pagesize=A4, title=cover or header)
    doc.addPageTemplates([PageTemplate("front", single, onPage=furniture),
                          PageTemplate("columns", frames, onPage=furniture)])
    story: list = []
    parsed = [article_parts(a) for a in articles]
    if len(articles) > 1:
        story += [Paragraph(_escape(cover or header), COVER), Spacer(1, 1 * cm),
                  Paragraph("Contents", HEADING)]
        story += [Paragraph(f"{_escape(title)} .......... {3 + i}", CONTENTS)
                  for i, (title, _) in enumerate(parsed)]
    story += [NextPageTemplate("columns"), PageBreak()] if len(articles) > 1 else [
        NextPageTemplate("columns")]
    for title, parts in parsed:
        first = [Paragraph(_escape(title), HEADING)]
        for kind, text in parts:
            style = SUBHEADING if kind == "sub" else BODY
            flowable = Paragraph(_escape(text), style)
            if first:
                first.append(flowable)
                story.append(KeepTogether(first))
                first = []
            else:
                story.append(flowable)
    doc.build(story)
    return path
