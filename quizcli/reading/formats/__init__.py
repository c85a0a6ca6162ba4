"""The formats articles are kept in, each turned into the same `Article`.

A format is a module with one function, `read(data, name, date) -> list[Article]`: the
bytes of a file in, its articles out (a PDF compilation holds several). Text and
Markdown, saved web pages and PDFs each have one; a new format (EPUB, DOCX) is one new
module and a line in `FORMATS`. The libraries a format needs are imported by its
module when a file of it is read, so reading text never loads them.
"""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path

from quizcli.files import read_capped
from quizcli.reading.article import Article, ArticleError

FORMATS = {
    ".txt": "text", ".md": "text", ".markdown": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".pdf": "pdf",
}
"""A file's suffix to the module that reads it; other files are told apart by their bytes."""


MAX_BYTES = 50_000_000
"""No article, page or monthly compilation is larger than this."""


def format_of(data: bytes, suffix: str = "") -> str:
    """Which format bytes are in: by the file's suffix, else by how they begin."""
    if suffix.lower() in FORMATS:
        return FORMATS[suffix.lower()]
    head = data[:2048].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head:
        return "html"
    return "text"


def read_bytes(data: bytes, name: str, date: dt.date | None = None,
               kind: str | None = None) -> list[Article]:
    """The articles in `data`, read as `kind` (found from `name` and the bytes if None).
    `date`, when given, is every article's date whatever the file says."""
    kind = kind or format_of(data, Path(name).suffix)
    module = importlib.import_module(f"quizcli.reading.formats.{kind}")
    articles = module.read(data, name, date)
    if not articles:
        raise ArticleError(f"{name}: has no article text once debris is removed; nothing to read")
    return articles


def read_file(path: Path, date: dt.date | None = None) -> list[Article]:
    """The articles of the file at `path`; ArticleError says what is wrong with it."""
    data = read_capped(
        path, MAX_BYTES, lambda why: ArticleError(f"{path}: {why}"),
        folder="is a folder; name the article files in it",
        not_regular="is not a regular file (a pipe or a device); save the article as a file, "
                    "or pipe its text to `-`",
        too_large=f"is larger than {MAX_BYTES // 1_000_000} MB; no article is, so it is not read")
    try:
        return read_bytes(data, path.name, date)
    except ArticleError as exc:
        message = str(exc)
        if message.startswith(f"{path.name}:") and str(path) != path.name:
            message = f"{path}{message[len(path.name):]}"
        raise ArticleError(message) from None
