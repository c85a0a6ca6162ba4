"""Plain lines and rows: the banks, the cards, today's counts, what an import or an export
of answers did. Readable in a terminal, a pipe and a diff alike."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quizcli.ui.output import display_path

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from quizcli.catalog import Catalog
    from quizcli.review.cards import Listed
    from quizcli.review.store import Merged


def plural(count: int, noun: str) -> str:
    """'1 card', '2 cards'."""
    return f"{count} {noun}{'s' if count != 1 else ''}"


def banks_record(catalog: Catalog) -> dict[str, Any]:
    """`quizcli banks --json`: the banks, the folders searched, and the invalid files."""
    return {
        "banks": [
            {
                **e.summary._asdict(),
                "origin": e.origin,
                "path": str(e.path),
                "shadowed_by": str(e.shadowed_by) if e.shadowed_by else None,
            }
            for e in catalog.entries
        ],
        "folders": [
            {"origin": f.origin, "path": str(f.path), "exists": f.path.is_dir()}
            for f in catalog.folders
        ],
        "invalid": [
            {"path": str(err.path),
             "problems": [{"line": p.line, "message": p.message} for p in err.problems]}
            for err in catalog.errors
        ],
    }


def bank_rows(catalog: Catalog) -> list[list[str]]:
    """A row for each bank: id, questions, title, where from, and its file."""
    return [
        [e.id, str(e.summary.questions), e.summary.title, e.origin,
         display_path(e.path)
         + (f" (hidden by {display_path(e.shadowed_by)})" if e.shadowed_by else "")]
        for e in catalog.entries
    ]


def no_banks(catalog: Catalog) -> str:
    """Where quizcli looked, and where a bank would be found."""
    searched = "\n".join(f"  {f.origin:8} {f.path}" for f in catalog.folders)
    return (f"No banks found. Searched:\n{searched}\n"
            f"Put a bank file (.yaml) in {catalog.folders[0].path} to add one.")


def card_row(card: Listed, tz: dt.tzinfo) -> list[str]:
    """A row of `quizcli cards`."""
    flags = [name for name, on in (("suspended", card.suspended), ("leech", card.leech),
                                   ("orphaned", card.orphaned)) if on]
    prompt = " ".join((card.prompt or "").split())
    return [card.question_id, card.bank, card.state.name.lower(),
            f"{card.due.astimezone(tz):%Y-%m-%d %H:%M}" if card.due else "-",
            f"{card.stability:.1f}d" if card.stability is not None else "-",
            f"{card.difficulty:.1f}" if card.difficulty is not None else "-",
            str(card.reps), str(card.lapses), ",".join(flags) or "-",
            prompt if len(prompt) <= 50 else prompt[:49] + "…"]


def status_rows(banks: list[dict[str, Any]], exam: dt.date | None) -> list[list[str]]:
    """A row of `quizcli status` for each bank, with its exam recall if an exam is set."""
    return [[b["name"], str(b["due"]), str(b["learning"]), str(b["new"])]
            + ([f"{b['exam_recall']:.0%}" if "exam_recall" in b else "-"] if exam else [])
            for b in banks]


def status_line(reviewed: int, streak: int, exam: dt.date | None) -> str:
    exam_line = f" · exam on {exam.isoformat()}" if exam else ""
    return (f"Reviewed today: {reviewed} · streak: {streak} "
            f"day{'s' if streak != 1 else ''}{exam_line}")


def answers_written(logged: list) -> str:
    """What an export of the review log holds: answers, and the cards they are on."""
    from quizcli.review.store import RESET

    answered = [entry for entry in logged if entry.rating != RESET]
    cards = len({entry.question_id for entry in answered})
    return f"{plural(len(answered), 'answer')} on {plural(cards, 'card')}"


def import_report(file: Path, merged: Merged, foreign: int, not_answers: int) -> str:
    """What `quizcli import-reviews` added, skipped, left out and rebuilt."""
    lines = [f"{file}: added {plural(merged.added, 'answer')}, skipped {merged.skipped} "
             f"already in quizcli; {plural(merged.strays + foreign, 'answer')} belonged to "
             "notes quizcli does not know and were left out."]
    if not_answers:
        what = "entry that is not an answer" if not_answers == 1 else (
            "entries that are not answers")
        lines.append(f"Left out {not_answers} {what} (a due date set by hand, a "
                     "rescheduling, or cramming that did not reschedule).")
    if merged.cards:
        lines.append(f"Rebuilt {plural(merged.cards, 'card')} from their logs.")
    if not (merged.added or merged.skipped or merged.strays or foreign or not_answers):
        lines.append("The file holds no answers: export it from Anki with scheduling "
                     "information included.")
    return "\n".join(lines)
