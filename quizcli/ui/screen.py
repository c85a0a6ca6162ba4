"""The study screen: draws a session with rich and turns keys into session actions.

Only the study command imports this module. Every answer is recorded by the session
before the next question is drawn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quizcli.review.asking import Asked
from quizcli.review.schedule import Rating
from quizcli.review.session import Outcome, Prompt, Session, SessionSummary
from quizcli.ui import layout
from quizcli.ui.keys import Keys

if TYPE_CHECKING:
    from quizcli.review.cards import MoreNew

GRADE_NAMES = {Rating.AGAIN: "Again", Rating.HARD: "Hard", Rating.GOOD: "Good",
               Rating.EASY: "Easy"}
LETTERS = "abcdefgh"
HELP = """\
Answering
  1-4 or a-d   choose an answer (t or f: true or false; digits only to match pairs)
  type + Enter answer a recall question; space shows the answer
  / then a key a command while typing an answer (/q quits)
After an answer
  Enter        accept the grade shown and go on
  1-4          grade it yourself: 1 Again, 2 Hard, 3 Good, 4 Easy
Any time
  u  undo the last answer    s  suspend this card    e  edit it in $EDITOR
  ?  this help               q  quit (every answer is already saved)"""


def duration(delta: dt.timedelta) -> str:
    """A short interval: 10m, 5h, 12d, 3.5mo, 1.2y."""
    minutes = delta.total_seconds() / 60
    if minutes < 60:
        return f"{max(1, round(minutes))}m"
    if minutes < 60 * 24:
        return f"{round(minutes / 60)}h"
    days = minutes / (60 * 24)
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo"
    return f"{days / 365:.1f}y"


def header(prompt: Prompt, cram: bool = False) -> Table:
    return layout.header(prompt.shown.bank_title, prompt.done, prompt.remaining + 1, cram)


def _answer_keys(prompt: Prompt, pairs: bool) -> str:
    count = len(prompt.choices)
    if prompt.asked is Asked.TRUE_FALSE:
        return "1/t True, 2/f False"
    if pairs:  # the letters name List I: only the digits answer
        return f"1-{count} to answer"
    return f"1-{count} or a-{LETTERS[count - 1]} to answer"


def _pairs(prompt: Prompt) -> layout.MatchLists | None:
    q = prompt.shown.question
    if prompt.asked is not Asked.CHOICES or "match" not in q.tags.get("format", ()):
        return None
    return layout.match_lists(q.prompt)


def _shown_choice(choice: str, pairs: layout.MatchLists | None) -> str:
    return pairs.choice(choice) if pairs else choice


def _prompt_text(prompt: Prompt, pairs: layout.MatchLists | None, compact: bool,
                 style: str = "") -> list:
    if pairs is None:
        return [Text(prompt.shown.question.prompt, style=style)]
    shown = [Text(pairs.intro, style=style), pairs.table()]
    return shown if compact or not pairs.outro else [*shown, Text(pairs.outro, style=style)]


def _panel(parts: list, compact: bool) -> Panel:
    if compact:
        parts = [p for p in parts if not (isinstance(p, Text) and not p.plain)]
    return Panel(Group(*parts), padding=(0, 1) if compact else (1, 2))


def question_screen(prompt: Prompt, cram: bool = False, compact: bool = False) -> Group:
    """The card, its choices and the keys; `compact` leaves out blank lines, to fit a short
    terminal."""
    pairs = _pairs(prompt)
    body = _prompt_text(prompt, pairs, compact, "bold")
    commands = ("u undo", "s suspend", "e edit", "? help", "q quit")
    if prompt.choices:
        keys = ("t", "f") if prompt.asked is Asked.TRUE_FALSE else None
        table = Table.grid(padding=(0, 1))
        for i, choice in enumerate(prompt.choices):
            label = f"{i + 1}" + (f"/{keys[i]}" if keys else "")
            table.add_row(Text(label, style="cyan"), Text(_shown_choice(choice, pairs)))
        body += [Text(""), table]
        answer = _answer_keys(prompt, pairs is not None)
        hint = layout.Hint((answer, *commands), (answer, "? help", "q quit"))
    else:
        body += [Text(""), Text("Type your answer and press Enter, or press space to see it.",
                                style="dim")]
        hint = layout.Hint(tuple("/" + c for c in commands), ("/? help", "/q quit"))
    return Group(header(prompt, cram), _panel(body, compact), hint)


def outcome_screen(prompt: Prompt, outcome: Outcome, cram: bool = False,
                   compact: bool = False) -> Group:
    """Right or wrong, the answer, its evidence, and the grades with their next intervals;
    in cram, no intervals and nothing said to be saved, since nothing is."""
    q = prompt.shown.question
    pairs = _pairs(prompt)
    answer = _shown_choice(q.answer, pairs)
    given = _shown_choice(outcome.given, pairs) if outcome.given else ""
    if outcome.right is None:
        verdict = Text.assemble(("Answer: ", "bold"), (answer, "bold green"))
    elif outcome.right:
        verdict = Text.assemble(("✓ Right", "bold green"), ": ", (answer, "bold"))
        if outcome.near_miss:
            verdict.append(f"  (you typed {outcome.given!r}: close enough)", style="yellow")
    else:
        verdict = Text.assemble(("✗ Wrong", "bold red"), f" ({given})" if given else "",
                                ". The answer is ", (answer, "bold"))
    source = prompt.shown.source + (f", {prompt.shown.publisher}" if prompt.shown.publisher
                                    else "")
    evidence = Text.assemble(("“", "dim"), (q.evidence, "italic"), ("”", "dim"),
                             "\n— ", (source, "dim"))
    body = [*_prompt_text(prompt, pairs, True), Text(""), verdict, Text(""), evidence]
    parts: list[RenderableType] = [header(prompt, cram), _panel(body, compact)]
    if cram:
        parts.append(layout.Hint(("Cram: nothing is saved", "Enter to go on", "q quit")))
    else:
        parts += [_grades(outcome), _grade_hint(outcome)]
    if outcome.leech:
        parts.append(Text("This card is a leech: you keep forgetting it. It is now suspended; "
                          "edit it to make it clearer, then start it afresh with `quizcli "
                          f"reset {prompt.question_id}` (or go on with it as it stands: "
                          f"`quizcli unsuspend {prompt.question_id}`).",
                          style="bold yellow"))
    return Group(*parts)


def _grades(outcome: Outcome) -> Text:
    grades = Text(no_wrap=True, overflow="ellipsis")
    for rating, name in GRADE_NAMES.items():
        style = "bold reverse" if outcome.grade == rating else ""
        grades.append(f" {int(rating)} {name} {duration(outcome.intervals[rating])} ", style)
        grades.append(" ")
    return grades


def _grade_hint(outcome: Outcome) -> layout.Hint:
    if outcome.grade is None:
        return layout.Hint(("Grade yourself: 1 Again, 2 Hard, 3 Good, 4 Easy (Enter: Good)",),
                           ("Grade yourself: 1-4", "Enter: Good"))
    saved = f"Saved as {GRADE_NAMES[outcome.grade]}"
    return layout.Hint((saved, "Enter to go on, or 1-4 to change the grade", "u undo",
                        "s suspend", "e edit", "q quit"),
                       (saved, "Enter: go on", "1-4: regrade", "q quit"))


def summary_text(summary: SessionSummary, tz: dt.tzinfo, now: dt.datetime) -> Text:
    minutes, seconds = divmod(round(summary.seconds), 60)
    share = f" ({100 * summary.right // summary.answered}%)" if summary.answered else ""
    text = Text.assemble(("Session over. ", "bold"),
                         f"Answered {summary.answered}, right {summary.right}{share}, "
                         f"in {minutes}m {seconds:02d}s.\n")
    if summary.waiting is not None:
        text.append(f"A card in learning is due {when(summary.waiting, tz, now)}: study "
                    "again then to take its next step.\n")
    elif summary.next_due is not None:
        text.append(f"Next card due: {when(summary.next_due, tz, now)}.\n")
    text.append(f"Streak: {summary.streak} day{'s' if summary.streak != 1 else ''}.")
    return text


def when(moment: dt.datetime, tz: dt.tzinfo, now: dt.datetime) -> str:
    """A time in local time, as a person says it: 'now', 'today 18:05', 'Tue 3 Mar 09:00'."""
    if moment <= now:
        return "now"
    local, today = moment.astimezone(tz), now.astimezone(tz)
    if local.date() == today.date():
        return f"today {local:%H:%M}"
    if local.date() == today.date() + dt.timedelta(days=1):
        return f"tomorrow {local:%H:%M}"
    return f"{local:%a %d %b %Y %H:%M}"


def nothing_due(due: dt.datetime | None, tz: dt.tzinfo, now: dt.datetime) -> list:
    """What the screen says when nothing is due: when something will be, and the keys."""
    message = "Nothing is due right now."
    if due is not None:
        message += f" The next card is due {when(due, tz, now)}."
    return [Text(message, style="bold"),
            "Press n for 10 more new cards, c to cram (practise without changing the "
            "schedule), or q to quit."]


def no_more_new(more: MoreNew) -> str | None:
    """Why asking for more new cards gave none, if it did not."""
    left = more.left
    if left and left == more.siblings:
        return (f"The {left} new card{'s' if left != 1 else ''} left "
                f"{'are' if left != 1 else 'is'} held back until the next study "
                "day: each asks about a fact that a card answered today asks "
                "about too.")
    if left:
        return "No more new cards today."
    if not more.cards:
        return "There are no new cards left: ingest an article to make some."
    return None


def run(session: Session, keys: Keys, console: Console,
        edit: Callable[..., str | None], notices: Sequence[str] = ()) -> None:
    """Drive the session until it ends or the user quits. `edit(prompt, tell)` opens the
    card's bank for editing (`tell` shows a message) and returns a problem, if any;
    `notices` (a broken bank, say) show under the first screen."""
    _Screen(session, keys, console, edit, notices).run()


class _Screen:
    """The screen of one session: what it shows, and the keys that drive it."""

    def __init__(self, session: Session, keys: Keys, console: Console,
                 edit: Callable[..., str | None], notices: Sequence[str]):
        self.session, self.keys, self.console, self.edit = session, keys, console, edit
        self.waiting: list[Text] = [Text(n, style="red") for n in notices]
        """Messages since the last key, to show under the next screen drawn."""
        self.on_screen: list = []
        """What the screen shows now: drawn again, to the new size, when the terminal is
        resized while a key is awaited."""
        self.screen: Callable[[bool], RenderableType] | None = None
        keys.on_resize = self.redraw

    def show(self) -> None:
        if self.keys.interactive:
            self.console.clear()
        for part in self.on_screen:
            self.console.print(part)

    def fitted(self, build: Callable[[bool], RenderableType]):
        """The screen as built, or built compact when it would not fit in the terminal
        (so that its first lines never scroll away)."""
        full = build(False)
        if not self.keys.interactive:
            return full
        lines = len(self.console.render_lines(full, self.console.options, pad=False))
        return full if lines < self.console.height else build(True)

    def draw(self, build: Callable[[bool], RenderableType]) -> None:
        """The screen anew, with the messages since the last key under it: a message
        stays until the next key, never wiped by the redraw that follows it."""
        self.screen = build
        self.on_screen[:] = [self.fitted(build), *self.waiting]
        self.waiting.clear()
        self.show()

    def redraw(self) -> None:
        if self.screen is not None:
            self.on_screen[0] = self.fitted(self.screen)
        self.show()

    def say(self, text: str, style: str = "yellow") -> None:
        self.waiting.append(Text(text, style=style))

    def command(self, key: str, prompt: Prompt) -> bool:
        """Handle a command key; False when the user quits."""
        session = self.session
        if key == "q":
            return False
        if key == "u":
            if session.undo() is None:
                self.say("Nothing to undo.")
        elif key == "s":
            session.suspend()
            self.say("Suspended. It will not come back until you unsuspend it: "
                     f"`quizcli unsuspend {prompt.question_id}`.")
        elif key == "e":
            problem = self.edit(prompt, self.say)
            if problem:
                self.say(problem, "red")
            session.reload()
        elif key == "?":
            self.help()
        elif key in LETTERS[:len(prompt.choices)] and _pairs(prompt) and not session.outcome:
            self.say(f"Answer with 1-{len(prompt.choices)}: the letters name the items of "
                     "List I.")
        return True

    def help(self) -> None:
        self.on_screen.append(Panel(Text(HELP), title="Keys"))
        self.console.print(self.on_screen[-1])
        if self.keys.interactive:  # help stays until a key dismisses it
            self.on_screen.append(Text("Press any key to go back.", style="dim"))
            self.console.print(self.on_screen[-1])
            self.keys.key()

    def run(self) -> None:
        cram = self.session.cram
        while True:
            prompt = self.session.current()
            if prompt is None:
                return
            self.draw(partial(question_screen, prompt, cram))
            answered = self.answer(prompt)
            if answered is None:
                return
            if answered and not self.after(prompt, cram):
                return

    def answer(self, prompt: Prompt) -> bool | None:
        """Take the answer to the question shown: True once answered, False when a command
        key came instead, None when the user quits."""
        session, keys = self.session, self.keys
        if prompt.asked is Asked.RECALL:
            typed = keys.answer()
            if typed.startswith("/") and len(typed) == 2:
                return False if self.command(typed[1].lower(), prompt) else None
            session.reveal() if typed == " " else session.type_answer(typed)
            return True
        key = keys.key().lower()
        index = _choice(key, prompt)
        if index is None:
            return False if self.command(key, prompt) else None
        return session.choose(index) is not None

    def after(self, prompt: Prompt, cram: bool) -> bool:
        """The outcome and its grades until the user goes on; False when the user quits."""
        session = self.session
        while session.outcome is not None:
            self.draw(partial(outcome_screen, prompt, session.outcome, cram))
            key = self.keys.key().lower()
            if key in ("\n", " ", "n"):
                session.next()
            elif key in ("1", "2", "3", "4"):  # in cram, nothing to grade: it goes on
                session.grade(Rating(int(key)))
                session.next()
            elif not self.command(key, prompt):
                return False
        return True


def _choice(key: str, prompt: Prompt) -> int | None:
    """The choice a key picks, if it picks one."""
    if key in "12345678" and len(key) == 1:
        return int(key) - 1
    if key in LETTERS[:len(prompt.choices)] and len(key) == 1 and not _pairs(prompt):
        return LETTERS.index(key)
    if prompt.asked is Asked.TRUE_FALSE and key in ("t", "f"):
        return 0 if key == "t" else 1
    return None
