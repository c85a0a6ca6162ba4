"""The study screen: draws a session with rich and turns keys into session actions.

Only the CLI imports this module. Every answer is recorded by the session
before the next question is drawn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quizcli.review.schedule import Rating
from quizcli.review.session import Outcome, Prompt, Session, Summary
from quizcli.terminal import Keys

GRADE_NAMES = {Rating.AGAIN: "Again", Rating.HARD: "Hard", Rating.GOOD: "Good",
               Rating.EASY: "Easy"}
LETTERS = "abcdefgh"
HELP = """\
Answering
  1-4 or a-d   choose an answer (t or f for true or false)
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


def header(prompt: Prompt) -> Text:
    total = prompt.done + prompt.remaining + 1
    filled = round(24 * prompt.done / total)
    return Text.assemble((prompt.shown.bank_title, "bold"), "  ",
                         ("█" * filled, "green"), ("░" * (24 - filled), "grey50"),
                         f"  {prompt.done} done, {prompt.remaining + 1} to go")


def question_screen(prompt: Prompt) -> Group:
    q = prompt.shown.question
    body: list[Text | Table] = [Text(q.prompt, style="bold")]
    if prompt.choices:
        keys = ("t", "f") if prompt.style == "truefalse" else None
        table = Table.grid(padding=(0, 1))
        for i, choice in enumerate(prompt.choices):
            label = f"{i + 1}" + (f"/{keys[i]}" if keys else "")
            table.add_row(Text(label, style="cyan"), Text(choice))
        body += [Text(""), table]
        hint = "1-4 or a-d to answer" if not keys else "1/t True, 2/f False"
    else:
        body += [Text(""), Text("Type your answer and press Enter, or press space to see it.",
                                style="dim")]
        hint = "/u undo · /s suspend · /e edit · /? help · /q quit"
    if prompt.choices:
        hint += " · u undo · s suspend · e edit · ? help · q quit"
    footer = Text(hint, style="dim")
    return Group(header(prompt), Panel(Group(*body), padding=(1, 2)), footer)


def outcome_screen(prompt: Prompt, outcome: Outcome) -> Group:
    q = prompt.shown.question
    if outcome.right is None:
        verdict = Text.assemble(("Answer: ", "bold"), (q.answer, "bold green"))
    elif outcome.right:
        verdict = Text.assemble(("✓ Right", "bold green"), ": ", (q.answer, "bold"))
        if outcome.near_miss:
            verdict.append(f"  (you typed {outcome.given!r}: close enough)", style="yellow")
    else:
        verdict = Text.assemble(("✗ Wrong", "bold red"),
                                f" ({outcome.given})" if outcome.given else "",
                                ". The answer is ", (q.answer, "bold"))
    source = prompt.shown.source + (f", {prompt.shown.publisher}" if prompt.shown.publisher
                                    else "")
    evidence = Text.assemble(("“", "dim"), (q.evidence, "italic"), ("”", "dim"),
                             "\n— ", (source, "dim"))
    grades = Text()
    for rating, name in GRADE_NAMES.items():
        style = "bold reverse" if outcome.grade == rating else ""
        grades.append(f" {int(rating)} {name} {duration(outcome.intervals[rating])} ", style)
        grades.append(" ")
    if outcome.grade is None:
        hint = "Grade yourself: 1 Again · 2 Hard · 3 Good · 4 Easy (Enter: Good)"
    else:
        hint = (f"Saved as {GRADE_NAMES[outcome.grade]}. Enter to go on, or 1-4 to change "
                "the grade · u undo · s suspend · e edit · q quit")
    parts: list[Text | Panel]
    parts = [header(prompt), Panel(Group(Text(q.prompt), Text(""), verdict, Text(""), evidence),
                                   padding=(1, 2)), grades, Text(hint, style="dim")]
    if outcome.leech:
        parts.append(Text("This card is a leech: you keep forgetting it. It is now suspended; "
                          "edit it to make it clearer, then start it afresh with `quizcli "
                          f"reset {prompt.question_id}` (or go on with it as it stands: "
                          f"`quizcli unsuspend {prompt.question_id}`).",
                          style="bold yellow"))
    return Group(*parts)


def summary_text(summary: Summary, tz: dt.tzinfo, now: dt.datetime) -> Text:
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


def run(session: Session, keys: Keys, console: Console,
        edit: Callable[..., str | None], notices: Sequence[str] = ()) -> None:
    """Drive the session until it ends or the user quits. `edit(prompt, tell)` opens the
    card's bank for editing (`tell` shows a message) and returns a problem, if any;
    `notices` (a broken bank, say) show under the first screen."""
    waiting: list[Text] = [Text(n, style="red") for n in notices]

    def draw(renderable) -> None:
        """The screen anew, with the messages since the last key under it: a message
        stays until the next key, never wiped by the redraw that follows it."""
        if keys.interactive:
            console.clear()
        console.print(renderable)
        for notice in waiting:
            console.print(notice)
        waiting.clear()

    def say(text: str, style: str = "yellow") -> None:
        waiting.append(Text(text, style=style))

    def command(key: str, prompt: Prompt) -> bool:
        """Handle a command key; False when the user quits."""
        if key == "q":
            return False
        if key == "u":
            if session.undo() is None:
                say("Nothing to undo.")
        elif key == "s":
            session.suspend()
            say("Suspended. It will not come back until you unsuspend it: "
                f"`quizcli unsuspend {prompt.question_id}`.")
        elif key == "e":
            problem = edit(prompt, say)
            if problem:
                say(problem, "red")
            session.reload()
        elif key == "?":
            console.print(Panel(Text(HELP), title="Keys"))
            if keys.interactive:  # help stays until a key dismisses it
                console.print(Text("Press any key to go back.", style="dim"))
                keys.key()
        return True

    while True:
        prompt = session.current()
        if prompt is None:
            return
        draw(question_screen(prompt))
        outcome = None
        if prompt.style == "recall":
            typed = keys.answer()
            if typed.startswith("/") and len(typed) == 2:
                if not command(typed[1].lower(), prompt):
                    return
                continue
            outcome = session.reveal() if typed == " " else session.type_answer(typed)
        else:
            key = keys.key().lower()
            index = None
            if key in "1234" and len(key) == 1:
                index = int(key) - 1
            elif key in LETTERS[:len(prompt.choices)] and len(key) == 1:
                index = LETTERS.index(key)
            elif prompt.style == "truefalse" and key in ("t", "f"):
                index = 0 if key == "t" else 1
            if index is None:
                if not command(key, prompt):
                    return
                continue
            outcome = session.choose(index)
            if outcome is None:
                continue
        while session.outcome is not None:
            draw(outcome_screen(prompt, session.outcome))
            key = keys.key().lower()
            if key in ("\n", " ", "n"):
                session.next()
            elif key in ("1", "2", "3", "4"):
                session.grade(Rating(int(key)))
                session.next()
            elif not command(key, prompt):
                return
