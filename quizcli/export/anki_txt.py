"""Anki's text import format: a header that tells Anki how to read the file, then one
note a line. It uses Anki's own Basic and Cloze note types, so it imports into any
collection; the guid column lets a second import update the notes it made."""

from __future__ import annotations

from quizcli.export.html import choices_html, cloze_text, escape, notes
from quizcli.model import Bank, QuestionType


def build(banks: list[Bank]) -> str:
    lines = [
        "#separator:tab",
        "#html:true",
        "#guid column:1",
        "#notetype column:2",
        "#deck column:3",
        "#tags column:6",
    ]
    for bank in banks:
        for q, where, tags in notes(bank):
            back_extra = (f'<div class="evidence">{escape(q.evidence)}</div>'
                          f'<div class="source">{where}</div>')
            if q.type is QuestionType.CLOZE:
                notetype, first, second = "Cloze", cloze_text(q.prompt, q.answer), back_extra
            else:
                choices = q.choices or (("True", "False") if q.type is QuestionType.TRUE_FALSE
                                        else ())
                notetype = "Basic"
                first = escape(q.prompt) + (f"<br>{choices_html(choices)}" if choices else "")
                second = f'<div class="answer">{escape(q.answer)}</div>{back_extra}'
            lines.append("\t".join([q.id, notetype, f"quizcli::{bank.id}", first, second,
                                    " ".join(tags)]))
    return "\n".join(lines) + "\n"
