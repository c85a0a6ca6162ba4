"""Everything quizcli writes to a terminal goes out through here, so that no text from a
bank, an article or a file name can drive the terminal: one sanitiser, `printable`, for
plain lines and for every piece of text rich renders."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import typer

from quizcli.errors import printable


def say(text: str, err: bool = False, nl: bool = True) -> None:
    """Write a line of text (a message, a table) with its control characters shown as
    their codes."""
    typer.echo(printable(text), err=err, nl=nl)


def say_json(value) -> None:
    """Write a value as JSON; the control characters JSON leaves raw (DEL and C1) are
    written as `\\u` escapes, so the JSON reads back the same and the terminal stays
    still."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    typer.echo(printable(text, code="\\u{:04x}"))


def console(**options):
    """A rich console that renders text through `printable`: markup and styles still
    work, but a control character inside the text is shown, never sent."""
    return _safe_console_class()(**options)


@functools.cache
def _safe_console_class():
    from rich.console import Console
    from rich.segment import Segment

    class SafeConsole(Console):
        def render(self, renderable, options=None):
            for segment in super().render(renderable, options):
                text = segment.text
                if segment.control or text.isprintable():
                    yield segment
                else:
                    yield Segment(printable(text), segment.style)

    return SafeConsole


def width() -> int | None:
    """The width to fit a table to: $COLUMNS if set, else the terminal's; None when the
    output goes to a pipe or a file, where a line may be as long as it needs."""
    import os
    import shutil
    import sys

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def table(headers: list[str], rows: list[list[str]], fold: tuple[int, ...] = (),
          fit: int | None = None) -> str:
    """Plain aligned columns: readable in a terminal, a pipe and a diff alike. Wider than
    `fit`, the columns in `fold` narrow and their cells go on over more lines, broken
    after a space, a slash, a hyphen, a dot or an underscore, never inside a word (a word
    wider than its column alone is cut short with an ellipsis)."""
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    if fit is not None and fold:
        floor = {i: min(widths[i], max(len(headers[i]), 8)) for i in fold}
        while sum(widths) + 2 * (len(widths) - 1) > fit:
            widest = max(fold, key=lambda i: widths[i] - floor[i])
            if widths[widest] <= floor[widest]:
                break
            widths[widest] -= 1
    lines = []
    for row in [headers, *rows]:
        cells = [_fold(cell, w) for cell, w in zip(row, widths, strict=True)]
        for depth in range(max(len(c) for c in cells)):
            parts = [c[depth] if depth < len(c) else "" for c in cells]
            lines.append("  ".join(p.ljust(w) for p, w in zip(parts, widths, strict=True))
                         .rstrip())
    return "\n".join(lines)


def fitted(headers: list[str], rows: list[list[str]], fold: tuple[int, ...] = ()) -> str:
    """`table`, fitted to the width of the terminal."""
    return table(headers, rows, fold, width())


def display_path(path: Path) -> str:
    """A path as short as it reads: from the current folder, else from the home folder."""
    for base, prefix in ((Path.cwd(), ""), (Path.home(), "~/")):
        try:
            return prefix + str(path.relative_to(base))
        except ValueError:
            continue
    return str(path)


def _fold(text: str, width: int) -> list[str]:
    import re

    lines, line = [], ""
    for piece in re.findall(r"[^ /\-_.]*[ /\-_.]?", text):
        if line and len((line + piece).rstrip()) > width:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
        if len(line.rstrip()) > width:  # one word wider than the column: cut short
            line = line[:width - 1] + "…"
    return [*lines, line.rstrip()] if line or not lines else lines
