"""The study screen: draws a session with rich and turns keys into session actions.

Only the CLI imports this module. Every answer is recorded by the session
before the next question is drawn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import partial

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quizcli import layout
from quizcli.review.schedule import Rating
from quizcli.review.session import Outcome, Prompt, Session, Summary
from quizcli.terminal import Keys

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
    if prompt.style == "truefalse":
        return "1/t True, 2/f False"
    if pairs:  # the letters name List I: only the digits answer
        return f"1-{count} to answer"
    return f"1-{count} or a-{LETTERS[count - 1]} to answer"


def _pairs(prompt: Prompt) -> layout.MatchLists | None:
    q = prompt.shown.question
    if prompt.style != "mcq" or "match" not in q.tags.get("kind", ()):
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
        keys = ("t", "f") if prompt.style == "truefalse" else None
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
    on_screen: list = []
    """What the screen shows now: drawn again, to the new size, when the terminal is
    resized while a key is awaited."""
    screen: Callable[[bool], RenderableType] | None = None

    def show() -> None:
        if keys.interactive:
            console.clear()
        for part in on_screen:
            console.print(part)

    def fitted(build: Callable[[bool], RenderableType]):
        """The screen as built, or built compact when it would not fit in the terminal
        (so that its first lines never scroll away)."""
        full = build(False)
        if not keys.interactive:
            return full
        lines = len(console.render_lines(full, console.options, pad=False))
        return full if lines < console.height else build(True)

    def draw(build: Callable[[bool], RenderableType]) -> None:
        """The screen anew, with the messages since the last key under it: a message
        stays until the next key, never wiped by the redraw that follows it."""
        nonlocal screen
        screen = build
        on_screen[:] = [fitted(build), *waiting]
        waiting.clear()
        show()

    def redraw() -> None:
        if screen is not None:
            on_screen[0] = fitted(screen)
        show()

    keys.on_resize = redraw

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
            on_screen.append(Panel(Text(HELP), title="Keys"))
            console.print(on_screen[-1])
            if keys.interactive:  # help stays until a key dismisses it
                on_screen.append(Text("Press any key to go back.", style="dim"))
                console.print(on_screen[-1])
                keys.key()
        elif key in LETTERS[:len(prompt.choices)] and _pairs(prompt) and not session.outcome:
            say(f"Answer with 1-{len(prompt.choices)}: the letters name the items of List I.")
        return True

    cram = session.cram
    while True:
        prompt = session.current()
        if prompt is None:
            return
        draw(partial(question_screen, prompt, cram))
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
            if key in "12345678" and len(key) == 1:
                index = int(key) - 1
            elif (key in LETTERS[:len(prompt.choices)] and len(key) == 1
                  and not _pairs(prompt)):
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
            draw(partial(outcome_screen, prompt, session.outcome, cram))
            key = keys.key().lower()
            if key in ("\n", " ", "n"):
                session.next()
            elif key in ("1", "2", "3", "4"):  # in cram, nothing to grade: it goes on
                session.grade(Rating(int(key)))
                session.next()
            elif not command(key, prompt):
                return
