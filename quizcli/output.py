"""Everything quizcli writes to a terminal goes out through here, so that no text from a
bank, an article or a file name can drive the terminal: one sanitiser, `printable`, for
plain lines and for every piece of text rich renders."""

from __future__ import annotations

import functools
import json

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
