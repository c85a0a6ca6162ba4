"""Keys from the user: single key presses on a real terminal, or one line per key when
input comes from a script or a pipe."""

from __future__ import annotations

import os
import sys
from typing import IO, Protocol

BACKSPACES = ("\x7f", "\x08")


class Keys(Protocol):
    interactive: bool

    def key(self) -> str:
        """One key: '\\n' for Enter, ' ' for space."""

    def answer(self) -> str:
        """A typed answer; ' ' when the user asks to reveal, '/x' for command key x."""


class LineKeys:
    """Scripted input: each line is one key, or one typed answer. An empty line is Enter
    (or, where an answer is awaited, a request to reveal it)."""

    interactive = False

    def __init__(self, stream: IO[str]):
        self.stream = stream

    def _line(self) -> str:
        line = self.stream.readline()
        if line == "":
            raise EOFError
        return line.rstrip("\r\n")

    def key(self) -> str:
        line = self._line()
        return "\n" if line == "" else line

    def answer(self) -> str:
        line = self._line()
        return " " if line.strip() == "" else line


class RawKeys:
    """A real terminal in cbreak mode: each key arrives as it is pressed, Ctrl-C still
    interrupts, and the terminal is restored however the session ends."""

    interactive = True

    def __init__(self, stdin: IO[str] | None = None, echo: IO[str] | None = None):
        self.fd = (stdin or sys.stdin).fileno()
        self.echo = echo or sys.stdout
        self._saved = None

    def __enter__(self) -> RawKeys:
        import termios
        import tty

        self._saved = termios.tcgetattr(self.fd)
        tty.setcbreak(self.fd)
        return self

    def __exit__(self, *_: object) -> None:
        import termios

        if self._saved is not None:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)

    def key(self) -> str:
        data = os.read(self.fd, 1)
        if not data or data == b"\x04":
            raise EOFError
        while True:  # the rest of a multi-byte character
            try:
                text = data.decode("utf-8")
                break
            except UnicodeDecodeError:
                if len(data) >= 4:
                    return "?"
                data += os.read(self.fd, 1)
        return "\n" if text == "\r" else text

    def _show(self, text: str) -> None:
        self.echo.write(text)
        self.echo.flush()

    def answer(self) -> str:
        first = self.key()
        if first == " ":
            return " "
        if first == "/":
            self._show("/")
            return "/" + self.key()
        typed = "" if first == "\n" or first in BACKSPACES else first
        self._show(typed)
        if first == "\n":
            return " "
        while True:
            ch = self.key()
            if ch == "\n":
                self._show("\n")
                return typed
            if ch in BACKSPACES:
                if typed:
                    typed = typed[:-1]
                    self._show("\b \b")
            elif ch == "\x15":  # Ctrl-U: start the line again
                self._show("\b \b" * len(typed))
                typed = ""
            elif ch.isprintable():
                typed += ch
                self._show(ch)
