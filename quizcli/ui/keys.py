"""Keys from the user: single key presses on a real terminal, or one line per key when
input comes from a script or a pipe."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import IO, Protocol

BACKSPACES = ("\x7f", "\x08")
ESC = "\x1b"
PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"
"""Bracketed paste: a terminal that supports it sends pasted text between these."""


class Keys(Protocol):
    interactive: bool
    on_resize: Callable[[], None] | None
    """Called when the terminal is resized while a key is awaited, to draw the screen
    again to its new size."""

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
        self.on_resize: Callable[[], None] | None = None

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
        self.on_resize: Callable[[], None] | None = None
        self._saved: list | None = None
        self._resize_handler: Callable[..., object] | int | None = None
        self._idle = False
        """True while waiting for the first byte of a key: a resize then is drawn at once."""
        self._typed = ""
        """What the line shows of a recall answer being typed, to show again after a redraw."""

    def __enter__(self) -> RawKeys:
        import signal
        import termios
        import tty

        self._saved = termios.tcgetattr(self.fd)
        tty.setcbreak(self.fd)
        self._show("\x1b[?2004h")  # pasted text comes bracketed, so it is read as typing
        if hasattr(signal, "SIGWINCH"):
            self._resize_handler = signal.signal(signal.SIGWINCH, self._resized)
        return self

    def __exit__(self, *_: object) -> None:
        import signal
        import termios

        if self._resize_handler is not None:
            signal.signal(signal.SIGWINCH, self._resize_handler)
        if self._saved is not None:
            self._show("\x1b[?2004l")
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)

    def _resized(self, *_: object) -> None:
        """The terminal changed size: while a key is awaited, the screen is drawn again
        (the read of the key goes on after it)."""
        if self._idle and self.on_resize is not None:
            self.on_resize()
            self._show(self._typed)

    def key(self) -> str:
        """One key press. An arrow, a function key, a mouse report or a paste arrives as
        an escape sequence, read whole and returned as one string beginning with ESC, so
        that none of its bytes is taken for a key of its own ("\\x1b[A" is not "a")."""
        self._idle = True
        try:
            text = self._character()
        finally:
            self._idle = False
        if text == ESC:
            return self._escape()
        return "\n" if text == "\r" else text

    def _character(self) -> str:
        data = os.read(self.fd, 1)
        if not data or data == b"\x04":
            raise EOFError
        while True:  # the rest of a multi-byte character
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                if len(data) >= 4:
                    return "?"
                data += os.read(self.fd, 1)

    def _waiting(self) -> bool:
        """Whether more input is already on its way: an escape sequence arrives at once,
        a lone Escape key press has nothing behind it."""
        import select

        return bool(select.select([self.fd], [], [], 0.05)[0])

    def _escape(self) -> str:
        try:
            sequence = ESC + self._character() if self._waiting() else ESC
        except EOFError:  # the input ended after it: the Escape key itself
            return ESC
        if sequence == ESC:
            return ESC
        if sequence == ESC + "[":  # CSI: parameters, then one final byte from @ to ~
            while len(sequence) < 32:
                sequence += self._character()
                if "@" <= sequence[-1] <= "~":
                    break
            if sequence == ESC + "[M":  # an old-style mouse report: three bytes more
                sequence += os.read(self.fd, 3).decode("latin-1")
            elif sequence == PASTE_START:
                return PASTE_START + self._pasted()
        elif sequence == ESC + "O":  # SS3: F1 to F4, and arrows in some terminals
            sequence += self._character()
        elif sequence == ESC + "]":  # OSC: up to a bell or ESC \
            while len(sequence) < 256 and not sequence.endswith(("\x07", ESC + "\\")):
                sequence += self._character()
        return sequence

    def _pasted(self) -> str:
        text = ""
        while not text.endswith(PASTE_END) and len(text) < 20_000:
            text += self._character()
        return text.removesuffix(PASTE_END)

    def _show(self, text: str) -> None:
        self.echo.write(text)
        self.echo.flush()

    def answer(self) -> str:
        try:
            return self._answer()
        finally:
            self._typed = ""

    def _answer(self) -> str:
        first = self.key()
        if first in (" ", "\n"):
            return " "
        if first == "/":
            self._show("/")
            self._typed = "/"
            command = self.key()
            while len(command) != 1:  # an arrow after the slash: wait for the command key
                command = self.key()
            return "/" + command
        typed = self._typed = self._edit("", first)
        while True:
            ch = self.key()
            if ch == "\n":
                self._show("\n")
                return typed or " "  # nothing typed: show the answer
            typed = self._typed = self._edit(typed, ch)

    def _edit(self, typed: str, ch: str) -> str:
        """The typed answer after one more key: a character, a correction, or a paste
        (typed text, on one line). An arrow or a function key changes nothing."""
        if ch in BACKSPACES:
            if typed:
                self._show("\b \b")
            return typed[:-1]
        if ch == "\x15":  # Ctrl-U: start the line again
            self._show("\b \b" * len(typed))
            return ""
        if ch.startswith(PASTE_START):
            ch = "".join(c for c in " ".join(ch[len(PASTE_START):].split()) if c.isprintable())
        elif not ch.isprintable():
            return typed
        self._show(ch)
        return typed + ch
