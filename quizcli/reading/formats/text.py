"""Plain text and Markdown: UTF-8, as a user saves or pastes an article."""

from __future__ import annotations

import datetime as dt

from quizcli.reading.article import Article, ArticleError, read_article


def read(data: bytes, name: str, date: dt.date | None = None) -> list[Article]:
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{name}: is a binary file, not an article; give a .txt, .md, "
                           ".html or .pdf file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ArticleError(
            f"{name}:{line}: is not UTF-8 text (byte {exc.start}); save the article as UTF-8"
        ) from None
    article = read_article(text, name, date)
    if not article.sentences:
        what = "is empty" if not text.strip() else "has no article text once debris is removed"
        raise ArticleError(f"{name}: {what}; nothing to read")
    return [article]
