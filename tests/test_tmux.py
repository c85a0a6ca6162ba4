"""`quizcli study` in a real pseudo-terminal: tmux runs it, keys are pressed one at a time,
and the screen is read back, as a person would see it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from bankgen import one_source_bank
from conftest import REPO, SHIPPED_BANKS

from quizcli.bankfile import load_bank
from quizcli.review.store import Store

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    def __init__(self, command: str, size: tuple[int, int] = (220, 50)):
        self.name = f"quizcli-{uuid.uuid4().hex[:8]}"
        subprocess.run(["tmux", "new-session", "-d", "-s", self.name, "-x", str(size[0]),
                        "-y", str(size[1]), command], check=True)
        subprocess.run(["tmux", "set-option", "-t", self.name, "remain-on-exit", "on"],
                       check=True)

    def screen(self) -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name],
                              capture_output=True, text=True, check=True).stdout

    def press(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        """The screen once it shows `text`; polls, since a real terminal takes its time."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def settled(self, text: str) -> str:
        """The screen once it shows `text` and has stopped changing: every line of it,
        without the spaces at the ends of lines."""
        screen = self.wait_for(text)
        while True:
            time.sleep(0.2)
            again = self.screen()
            if again == screen:
                lines = screen.removesuffix("\n").split("\n")
                return "\n".join(line.rstrip() for line in lines)
            screen = again

    def resize(self, width: int, height: int) -> None:
        subprocess.run(["tmux", "resize-window", "-t", self.name, "-x", str(width),
                        "-y", str(height)], check=True)

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], check=False)


LAUNCHER = """\
import datetime as dt
import sys

from quizcli.ui import app, context

if "{clock}":
    context.now = lambda: dt.datetime.fromisoformat("{clock}")
    context.local_zone = lambda: dt.timezone.utc
sys.argv[0] = "quizcli"
app.main()
"""
"""quizcli as its console script runs it, from this checkout (whatever an installed script
points at); with a clock, the clock stands still."""


@pytest.fixture
def terminal(quizcli_home, tmp_path):
    opened = []

    def start(args: str, env: dict[str, str] | None = None, size: tuple[int, int] = (220, 50),
              clock: str | None = None) -> Terminal:
        """quizcli, from this checkout, in a terminal of `size`; with `clock` (an ISO time
        in UTC), its clock stands still there, so that every screen is the same each run."""
        script = tmp_path / "run.sh"
        exports = "".join(f"export {k}={v}\n" for k, v in (env or {}).items())
        launcher = tmp_path / "quizcli_here.py"
        launcher.write_text(LAUNCHER.format(clock=clock or ""), encoding="utf-8")
        command = f"{sys.executable} {launcher} {args}"
        # tmux may give a new window its size a moment after starting it: wait for it, and
        # leave the size to be read from the terminal, not from the COLUMNS bash set then
        wait = (f'while [ "$(stty size)" != "{size[1]} {size[0]}" ]; do sleep 0.05; done\n'
                "unset COLUMNS LINES\n")
        script.write_text(f"{exports}export QUIZCLI_HOME={quizcli_home}\nexport QUIZCLI_BANKS=\n"
                          f"export PYTHONPATH={REPO}\nexport TZ=UTC\n{wait}"
                          f"{command}\nstty -a > {tmp_path / 'stty.txt'}\n"
                          "echo DONE\n")
        term = Terminal(f"bash {script}", size)
        opened.append(term)
        return term

    yield start
    for term in opened:
        term.close()


def test_a_session_in_a_real_terminal(terminal, quizcli_home, tmp_path):
    bank = load_bank(SHIPPED_BANKS / "korea-summits.yaml")
    first = bank.questions[0]
    right = str(first.choices.index(first.answer) + 1)
    term = terminal("study --mode mcq")

    screen = term.wait_for("1-4 or a-d to answer")
    assert " ".join(first.prompt.split()) in " ".join(screen.replace("│", " ").split())
    term.press("Up", "Down", "Left", "F5")  # none of these is an answer
    screen = term.wait_for("1-4 or a-d to answer")
    assert "Wrong" not in screen and "Saved" not in screen
    term.press(right)  # one key, no Enter
    screen = term.settled("✓ Right")  # a frame may reach the terminal in pieces
    assert "Saved as Good" in screen and "Easy" in screen
    term.press("Enter")
    term.wait_for("1 done")
    term.press("q")
    screen = term.wait_for("DONE")
    assert "Session over. Answered 1, right 1" in screen
    stty = (tmp_path / "stty.txt").read_text()
    assert " icanon" in stty and " echo" in stty  # the terminal was left usable
    with Store.open(quizcli_home) as store:
        assert [r for _, r in store.log(first.id)] == [3]


def test_ctrl_c_keeps_the_answers_and_the_terminal(terminal, quizcli_home, tmp_path):
    bank = load_bank(SHIPPED_BANKS / "korea-summits.yaml")
    first = bank.questions[0]
    term = terminal("study --mode mcq")
    term.wait_for("1-4 or a-d to answer")
    term.press(str(first.choices.index(first.answer) + 1))
    term.wait_for("Saved as")
    term.press("C-c")
    screen = term.wait_for("DONE")
    assert "Session over. Answered 1" in screen
    assert " icanon" in (tmp_path / "stty.txt").read_text()
    with Store.open(quizcli_home) as store:
        assert len(store.log(first.id)) == 1


NAMES_BANK = one_source_bank("names", "Names as people type them", """\
facts:
- id: f1
  source: s1
  kind: quote
  answer: Trump
  evidence: Trump said the talks would go on.
- id: f2
  source: s1
  kind: role
  answer: J.S. Khehar
  evidence: Chief Justice J.S. Khehar read out the order.
questions:
- id: q1
  type: short
  prompt: Who said the talks would go on?
  answer: Trump
  accept: [Donald Trump]
  evidence: Trump said the talks would go on.
  source: s1
  fact: f1
- id: q2
  type: short
  prompt: Which Chief Justice read out the order?
  answer: J.S. Khehar
  evidence: Chief Justice J.S. Khehar read out the order.
  source: s1
  fact: f2
""")


def test_names_typed_as_people_write_them_are_right(terminal, quizcli_home):
    (quizcli_home / "banks").mkdir()
    (quizcli_home / "banks" / "names.yaml").write_text(NAMES_BANK, encoding="utf-8")
    # At noon a learning step never runs past the study day's end (4 o'clock) into the next.
    term = terminal("study --bank names --mode recall", clock="2026-06-15T12:00:00+00:00")
    for typed in ("Donald Trump", "Khehar"):
        screen = term.wait_for("Type your answer")
        prompt = "Who said" if typed == "Donald Trump" else "Which Chief Justice"
        if prompt not in screen:  # the order of new cards is the session's to choose
            typed = "Khehar" if typed == "Donald Trump" else "Donald Trump"
        term.press(*typed, "Enter")
        screen = term.wait_for("Saved as")
        assert "✓ Right" in screen, screen
        term.press("Enter")
    term.wait_for("Type your answer")  # both come back, a learning step later
    term.press("/", "q")
    term.wait_for("DONE")
    with Store.open(quizcli_home) as store:
        assert [r for _, r in store.log("q1")] == [3] and [r for _, r in store.log("q2")] == [3]


def test_help_and_messages_stay_and_a_suspension_is_undone(terminal, quizcli_home):
    bank = load_bank(SHIPPED_BANKS / "korea-summits.yaml")
    first = bank.questions[0]
    term = terminal("study --mode mcq")
    term.wait_for("1-4 or a-d to answer")
    term.press("?")
    screen = term.wait_for("Press any key to go back")
    assert "Keys" in screen
    time.sleep(0.3)  # nothing redraws it away
    assert "Press any key to go back" in term.screen()
    term.press("x")
    term.wait_for("1-4 or a-d to answer")
    term.press("s")
    screen = term.wait_for("Suspended")
    assert "1-4 or a-d to answer" in screen  # the message stands under the next card
    with Store.open(quizcli_home) as store:
        assert store.flags(first.id)[0]
    term.press("u")
    term.wait_for("0 done, 20 to go")  # the suspended card is back on screen
    flat = " ".join(term.screen().replace("│", " ").split())
    assert " ".join(first.prompt.split()) in flat and "Suspended" not in flat
    with Store.open(quizcli_home) as store:
        assert not store.flags(first.id)[0]
    term.press("q")
    term.wait_for("DONE")


def test_editing_a_shipped_card_edits_your_own_copy(terminal, quizcli_home, tmp_path):
    shipped = SHIPPED_BANKS / "korea-summits.yaml"
    before = shipped.read_bytes()
    first = load_bank(shipped).questions[0]
    editor = tmp_path / "editor.sh"  # an editor that changes the question, as a person would
    editor.write_text('#!/bin/sh\nsed -i "0,/^  prompt: .*/s//'  # the first card's prompt
                      '  prompt: Which side sought a first step?/" "$2"\n', encoding="utf-8")
    editor.chmod(0o755)
    term = terminal("study --mode mcq", env={"EDITOR": str(editor)})
    try:
        term.wait_for("1-4 or a-d to answer")
        term.press("e")
        screen = term.wait_for("Editing your own copy")
        assert "Which side sought" in screen
        assert shipped.read_bytes() == before  # the installed bank is untouched
        own = quizcli_home / "banks" / "korea-summits.yaml"
        assert "Which side sought" in own.read_text(encoding="utf-8")
        assert load_bank(own).questions[0].id == first.id
        term.press("q")
        term.wait_for("DONE")
    finally:
        if shipped.read_bytes() != before:  # a failure must not leave the shipped bank edited
            shipped.write_bytes(before)


SCREENS_ID = "river-commission-and-harbour-board-practice-questions"
EXPECTED_SCREENS = Path(__file__).parent / "expected" / "screens"
SIZES = [(80, 24), (60, 20)]


@pytest.fixture
def screens_bank(quizcli_home):
    from bankgen import SCREENS

    (quizcli_home / "banks").mkdir(exist_ok=True)
    (quizcli_home / "banks" / "screens.yaml").write_text(SCREENS, encoding="utf-8")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_screens_match_the_checked_expected_ones(terminal, screens_bank, size):
    """A multiple-choice, a match-the-pairs and a recall card, before and after the
    answer, as a real terminal of each size shows them, with the clock standing still.
    tmux is the real thing (rich measures the terminal, the screen scrolls when too
    tall), and with a fixed clock and each screen read once it has settled it gives the
    same text every run. Set QUIZCLI_UPDATE_EXPECTED=1 to rewrite the files after a
    deliberate change, then read the diff."""
    term = terminal(f"study --bank {SCREENS_ID} --mode mcq", size=size,
                    clock="2026-11-23T08:30:00+00:00")
    steps = [("mcq-before", "to answer", ["1"]), ("mcq-after", "Saved as", ["Enter"]),
             ("match-before", "List II", ["1"]), ("match-after", "Saved as", ["Enter"]),
             ("recall-before", "Type your answer", ["1", "4", "Enter"]),
             ("recall-after", "Saved as", ["q"])]
    update = os.environ.get("QUIZCLI_UPDATE_EXPECTED")
    for name, awaited, keys in steps:
        screen = term.settled(awaited)
        assert len(screen.split("\n")) == size[1]
        assert screen.startswith("The river commission"), screen  # nothing scrolled off
        expected = EXPECTED_SCREENS / f"{name}-{size[0]}x{size[1]}.txt"
        if update:
            expected.parent.mkdir(parents=True, exist_ok=True)
            expected.write_text(screen + "\n", encoding="utf-8")
        assert screen + "\n" == expected.read_text(encoding="utf-8"), name
        term.press(*keys)
    term.wait_for("DONE")


def test_the_screen_is_drawn_again_when_the_terminal_is_resized(terminal, screens_bank):
    term = terminal(f"study --bank {SCREENS_ID} --mode mcq", size=(80, 24))
    term.wait_for("╰" + "─" * 78 + "╯")
    term.resize(60, 20)
    screen = term.settled("╰" + "─" * 58 + "╯")
    assert screen.startswith("The river commission")
    assert "1-4 or a-d to answer · ? help · q quit" in screen  # the hint for 60 columns
    term.press("1")
    term.wait_for("Saved as")
    term.press("Enter")
    term.wait_for("List II")
    term.press("1")
    term.wait_for("Saved as")
    term.press("Enter")
    term.wait_for("Type your answer")
    term.press("1", "4")  # half typed, then the terminal grows
    term.resize(80, 24)
    screen = term.settled("╰" + "─" * 78 + "╯")
    lines = [line for line in screen.splitlines() if line.strip()]
    assert lines[0].startswith("The river commission") and lines[-1] == "14"
    term.press("Enter")
    term.wait_for("✓ Right: 14")
    term.press("q")
    term.wait_for("DONE")
