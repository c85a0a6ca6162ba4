"""Export and import: banks and the review log out to Anki and other tools, and answers
given in Anki back in."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from quizcli.export import FORMATS
from quizcli.ui import context
from quizcli.ui.app import AREA
from quizcli.ui.output import say

app = typer.Typer(**AREA)

Format = Enum("Format", {name.replace("-", "_"): name for name in FORMATS}, type=str)  # type: ignore[misc]


@app.command()
def export(
    output: Annotated[str, typer.Option(
        "--output", "-o", metavar="FILE",
        help="The file to write, or - for standard output.")],
    bank: Annotated[list[str] | None, typer.Option(
        metavar="NAME", help="A bank to export; repeat for several (default: every bank).")] = None,
    format: Annotated[Format, typer.Option(
        help="; ".join(f"{f.name}: {f.help}" for f in FORMATS.values()) + "."
    )] = Format["json"],
    with_progress: Annotated[bool, typer.Option(
        "--with-progress", help="JSON only: add each card's scheduling state.")] = False,
) -> None:
    """Export banks for Anki and other tools, or your review log for FSRS tools.

    The file is written whole or not at all: an interrupted export leaves no
    partial file under the target name. Exporting again after corrections
    updates the same notes in Anki, since each note's guid is its question id.
    The revlog format holds the answers to the cards of the banks named (of
    every card when none is).
    """
    spec = FORMATS[format.value]
    if with_progress and spec.reads != "progress":
        raise typer.BadParameter("only JSON carries progress", param_hint="--with-progress")
    content, done, left_out = _content(format.value, bank, with_progress)
    if output == "-":
        if spec.binary:
            raise typer.BadParameter(f"an {spec.name} is binary: name a file", param_hint="-o")
        typer.echo(content, nl=False)  # the export itself, as data
    else:
        _write(output, content)
        say(f"Wrote {done} to {output}", err=True)
    for error in left_out:
        say(f"left out, as it does not pass its check: {error}", err=True)
    if left_out:
        raise typer.Exit(2)


def _content(fmt: str, names: list[str] | None, with_progress: bool
             ) -> tuple[str | bytes, str, list]:
    """The export's content, what it holds (said), and the banks left out as invalid."""
    from quizcli.catalog import discover
    from quizcli.export import render
    from quizcli.ui.views.listings import answers_written, plural

    spec = FORMATS[fmt]
    catalog = discover()
    if spec.reads == "reviews":
        for name in names or ():
            catalog.get(name)  # an unknown bank is an error that lists the known ones
        logged = _review_log(names)
        return render([], fmt, reviews=logged), answers_written(logged), []
    chosen = names or [e.id for e in catalog.entries if e.shadowed_by is None]
    banks = [catalog.get(name).load() for name in chosen]
    left_out = [] if names else catalog.errors  # every bank asked for: say which could not
    progress = _progress(banks) if with_progress else None
    times = _content_times(banks, fmt) if spec.reads == "times" else None
    content = render(banks, fmt, progress, times=times)
    count = sum(len(b.questions) for b in banks)
    return content, f"{count} questions from {plural(len(banks), 'bank')}", left_out


def _write(output: str, content: str | bytes) -> None:
    """Write the file whole or not at all; never through a link, nor over a folder."""
    from quizcli.files import atomic_write

    target = Path(output)
    if target.is_symlink() or (target.exists() and not target.is_file()):
        what = "a link" if target.is_symlink() else "a folder" if target.is_dir() else (
            "a device, pipe or socket")
        say(f"{output}: is {what}, not a file; name a new file or a file to replace "
            "(or - for standard output)", err=True)
        raise typer.Exit(2)
    atomic_write(target, content)


def _progress(banks: list) -> dict[str, dict]:
    """Each card's scheduling state, by question id, from the review store."""
    from quizcli import paths
    from quizcli.review.cards import progress
    from quizcli.review.store import Store

    with Store.open(paths.data_home()) as store:
        return progress(store, {q.id for b in banks for q in b.questions})


def _content_times(banks: list, fmt: str) -> dict[str, int]:
    """When each note took its present content, as the store remembers from earlier
    exports: a note corrected today is dated now, so Anki takes the correction today.
    A store that cannot be written only loses that: notes keep their bank's day."""
    import sqlite3

    from quizcli import paths
    from quizcli.export import digests
    from quizcli.review.store import Store, StoreError

    try:
        with Store.open(paths.data_home()) as store:
            return store.content_times(digests(banks, fmt), context.now())
    except (StoreError, OSError, sqlite3.Error):
        return {}


def _review_log(banks: list[str] | None) -> list:
    """The review log of the banks' cards (every card's, with no banks named)."""
    from quizcli import paths
    from quizcli.export.revlog import answers
    from quizcli.review.store import Store

    with Store.open(paths.data_home()) as store:
        return answers(store, banks)


@app.command("import-reviews")
def import_reviews(
    file: Annotated[Path, typer.Argument(
        metavar="FILE",
        help="collection.anki2 from an Anki profile folder, or a .colpkg or .apkg exported "
             "with scheduling information.")],
) -> None:
    """Bring back answers given in Anki to decks quizcli exported.

    Reads the review log of an Anki collection or package (never changing it) and
    adds each answer to the question whose id is its note's guid, in one
    transaction. Answers already here are skipped, so importing again adds
    nothing; each card touched is rebuilt by replaying its whole log.
    """
    from quizcli.review.ankilog import read_log
    from quizcli.ui.views.listings import import_report

    log = read_log(file)  # before the store opens: a file it cannot read changes nothing
    store, _ = context.open_store()
    try:
        merged = store.merge(log.answers, "anki")
    finally:
        store.close()
    say(import_report(file, merged, log.foreign, log.not_answers))
