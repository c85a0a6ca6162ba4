"""Exporting banks for other tools: Anki packages, Anki's text format, CSV, a Markdown
revision sheet and JSON. Every file is written whole or not at all."""

from __future__ import annotations

import json
from pathlib import Path

from quizcli.files import atomic_write
from quizcli.model import Bank

FORMATS = ("apkg", "anki-txt", "csv", "md", "json")


def render(banks: list[Bank], fmt: str, progress: dict[str, dict] | None = None
           ) -> str | bytes:
    """The export's content; `progress` (question id → card state) goes into JSON."""
    if fmt == "apkg":
        from quizcli.export import apkg

        return apkg.build(banks)
    if fmt == "anki-txt":
        from quizcli.export import anki_txt

        return anki_txt.build(banks)
    if fmt == "csv":
        from quizcli.export import table

        return table.build(banks)
    if fmt == "md":
        from quizcli.export import sheet

        return sheet.build(banks)
    from quizcli.export.records import question_records

    records = question_records(banks)
    if progress is not None:
        for record in records:
            record["progress"] = progress.get(record["id"])
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def export(banks: list[Bank], fmt: str, path: Path,
           progress: dict[str, dict] | None = None) -> None:
    """Write the export to `path` atomically: an interruption leaves no partial file."""
    atomic_write(path, render(banks, fmt, progress))
