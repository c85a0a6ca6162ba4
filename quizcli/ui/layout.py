"""Pieces of the study screen that fit themselves to the terminal: a key hint that breaks
only between phrases, a one-line header, and match-the-pairs lists side by side, labelled
so that they cannot be taken for the answer keys. Only the study screen imports this."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

SEPARATOR = " · "
ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii")


@dataclass(frozen=True)
class Hint:
    """Key hints in one dim line: the full phrases if they fit, else the short ones, else
    the short ones folded between phrases, never inside one."""

    phrases: tuple[str, ...]
    short: tuple[str, ...] = ()

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        for phrases in (self.phrases, self.short or self.phrases):
            if len(SEPARATOR.join(phrases)) <= width:
                yield Text(SEPARATOR.join(phrases), style="dim")
                return
        line = ""
        for phrase in self.short or self.phrases:
            if line and len(line + SEPARATOR + phrase) > width:
                yield Text(line, style="dim")
                line = phrase
            else:
                line = line + SEPARATOR + phrase if line else phrase
        yield Text(line, style="dim")


def header(title: str, done: int, to_go: int, cram: bool = False) -> Table:
    """The bank's title (cut short with an ellipsis when the line is narrow), a progress
    bar and the counts, on one line."""
    total = done + to_go
    filled = round(16 * done / total) if total else 0
    grid = Table.grid(padding=(0, 2), expand=True)
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True, justify="right")
    label = Text(title, style="bold")
    if cram:
        label = Text.assemble(("CRAM ", "bold reverse yellow"), label)
    grid.add_row(label, Text.assemble(("█" * filled, "green"), ("░" * (16 - filled), "grey50")),
                 f"{done} done, {to_go} to go")
    return grid


_MATCH = re.compile(r"(?P<intro>.*?)\nList I\n(?P<one>(?:[A-H]\. .+\n)+)"
                    r"List II\n(?P<two>(?:[1-8]\. .+\n)+)(?P<outro>.*)", re.DOTALL)
_CODE = re.compile(r"([A-H])-([1-8])")


@dataclass(frozen=True)
class MatchLists:
    """A match-the-pairs prompt as two lists: List I lettered A–D, List II numbered
    with roman numerals i–iv, so that the digits 1–4 are left to the answer keys."""

    intro: str
    one: tuple[str, ...]
    two: tuple[str, ...]
    outro: str

    def table(self) -> Table:
        grid = Table.grid(padding=(0, 1), expand=True)
        for _ in range(4):
            grid.add_column()
        grid.columns[1].ratio = grid.columns[3].ratio = 1
        grid.add_row("", Text("List I", style="bold"), "", Text("List II", style="bold"))
        for i in range(max(len(self.one), len(self.two))):
            grid.add_row(Text("ABCDEFGH"[i] if i < len(self.one) else "", style="cyan"),
                         Text(self.one[i] if i < len(self.one) else ""),
                         Text(ROMAN[i] if i < len(self.two) else "", style="cyan"),
                         Text(self.two[i] if i < len(self.two) else ""))
        return grid

    @staticmethod
    def choice(code: str) -> str:
        """A choice as "A-ii, B-i", its List II numbers written as roman numerals."""
        return _CODE.sub(lambda m: f"{m.group(1)}-{ROMAN[int(m.group(2)) - 1]}", code)


def match_lists(prompt: str) -> MatchLists | None:
    """The two lists of a match-the-pairs prompt, or None when the prompt is not one."""
    found = _MATCH.fullmatch(prompt.strip())
    if found is None:
        return None

    def items(block: str) -> tuple[str, ...]:
        return tuple(line.split(". ", 1)[1] for line in block.splitlines() if line)

    one, two = items(found["one"]), items(found["two"])
    if len(two) > len(ROMAN) or len(one) > 8:
        return None
    return MatchLists(found["intro"].strip(), one, two, found["outro"].strip())
