"""Article text as HTML that Anki shows as written and never runs.

Anki renders fields as HTML, and reads `{{…}}` in a cloze field as its own
markup. So every piece of text is escaped, braces included, before it becomes
part of a card; only the markup quizcli writes itself is live.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from quizcli.model import BLANK_MARK, Bank, Question


def escape(text: str) -> str:
    """Text as inert HTML: tags, entities and Anki's {{ }} all shown as typed."""
    escaped = html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")
    return escaped.replace("\r\n", "\n").replace("\n", "<br>").replace("\t", " ")


def choices_html(choices: tuple[str, ...]) -> str:
    items = "".join(f"<li>{escape(c)}</li>" for c in choices)
    return f'<ol class="choices" type="A">{items}</ol>' if choices else ""


def source_html(title: str | None, publisher: str | None, date: str | None) -> str:
    parts = [p for p in (title, publisher, date) if p]
    return escape(", ".join(parts))


def cloze_text(prompt: str, answer: str) -> str:
    """The prompt with its blank turned into Anki's cloze deletion of the answer."""
    match = BLANK_MARK.search(prompt)
    if match is None:
        return f"{escape(prompt)} {{{{c1::{escape(answer)}}}}}"
    return (escape(prompt[:match.start()]) + "{{c1::" + escape(answer) + "}}"
            + escape(prompt[match.end():]))


def tag(name: str, value: str) -> str:
    """A question's tag as an Anki tag: hierarchical, one word (no space, tab or line
    break, which would start another tag, field or note), its markup escaped."""
    joined = re.sub(r"\s+", "_", f"{name}::{value}".strip())
    return html.escape(joined, quote=True)


def notes(bank: Bank) -> Iterator[tuple[Question, str, list[str]]]:
    """Each question of a bank with its source as HTML and its Anki tags."""
    sources = {s.id: s for s in bank.sources}
    for q in bank.questions:
        source = sources.get(q.source)
        where = source_html(source.title if source else q.source,
                            source.publisher if source else None,
                            source.date if source else None)
        tags = sorted({tag(name, value) for name, values in q.tags.items() for value in values})
        yield q, where, tags
