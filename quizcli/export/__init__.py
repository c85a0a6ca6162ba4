"""Exporting banks for other tools: Anki packages, Anki's text format, CSV, a Markdown
revision sheet and JSON; and the review log, for other FSRS tools. Every file is
written whole or not at all.

A format is a module with a `build` function and a line in `FORMATS`; its module (and
the libraries it needs) is imported only when that format is written, so this package
costs the command line nothing to import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from quizcli.model import Bank


class Format(NamedTuple):
    name: str
    module: str
    """quizcli.export.<module> holds its `build`."""
    help: str
    binary: bool = False
    reads: str = "questions"
    """What `build` takes: "questions" (the banks), "progress" (the banks and each card's
    state), "times" (the banks and when each note took its content, from the module's
    `digests`), or "reviews" (the review log)."""


FORMATS = {f.name: f for f in (
    Format("apkg", "apkg", "an Anki package", binary=True, reads="times"),
    Format("anki-txt", "anki_txt", "Anki's text import format"),
    Format("csv", "table", "one question a row"),
    Format("md", "sheet", "a revision sheet"),
    Format("json", "records", "the questions as JSON", reads="progress"),
    Format("revlog", "revlog", "the review log as CSV, for other FSRS tools",
           reads="reviews"),
)}


def render(banks: list[Bank], fmt: str, progress: dict[str, dict] | None = None,
           reviews: list | None = None, times: dict[str, int] | None = None) -> str | bytes:
    """The export's content; `progress` (question id → card state) goes into JSON,
    `times` (question id → epoch seconds) date the notes of an Anki package, and
    `reviews` (as `quizcli.export.revlog.answers` gives them) make the review log."""
    spec = FORMATS[fmt]
    module = importlib.import_module(f"quizcli.export.{spec.module}")
    if spec.reads == "reviews":
        return module.build(reviews or [])
    if spec.reads == "progress":
        return module.build(banks, progress)
    if spec.reads == "times":
        return module.build(banks, times)
    return module.build(banks)


def digests(banks: list[Bank], fmt: str) -> dict[str, str]:
    """Each note's content as the format writes it, as a digest (formats that date
    their notes only)."""
    return importlib.import_module(f"quizcli.export.{FORMATS[fmt].module}").digests(banks)
