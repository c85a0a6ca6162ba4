"""The command line. Each command parses its options, calls the core, and shows the result.

Heavy modules (rich, yaml, the core itself) are imported inside the commands,
so that `quizcli --help` and quick commands start fast.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from quizcli import __version__
from quizcli.errors import QuizcliError
from quizcli.export import FORMATS
from quizcli.output import say, say_json

if TYPE_CHECKING:
    import datetime as dt


class _Group(TyperGroup):
    """Turns domain errors into a message on stderr and an exit code, with no traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except QuizcliError as exc:
            _fail(exc)
        except OSError as exc:  # a full disk, an unwritable folder: said, not a traceback
            say(_os_problem(exc), err=True)
            raise typer.Exit(2) from None
        except Exception as exc:
            import sqlite3

            if not isinstance(exc, sqlite3.Error):
                raise
            say(f"the review store failed ({exc}); every answer saved before is "
                "safe; free some disk space or check the folder, then try again", err=True)
            raise typer.Exit(2) from None


def _os_problem(exc: OSError) -> str:
    """What failed, that nothing saved is lost, and what to do."""
    import errno

    where = f"{exc.filename}: " if exc.filename else ""
    reason = exc.strerror or str(exc)
    advice = {errno.ENOSPC: "free some disk space and try again",
              errno.EDQUOT: "free some of your disk quota and try again",
              errno.EACCES: "write to a folder you may write to (QUIZCLI_HOME moves "
                            "quizcli's own files)",
              errno.EROFS: "write to a disk that is not read-only (QUIZCLI_HOME moves "
                           "quizcli's own files)",
              errno.EPERM: "write to a folder you may write to (QUIZCLI_HOME moves "
                           "quizcli's own files)"
              }.get(exc.errno or 0, "check the path and try again")
    return f"{where}{reason}; nothing was half-written and earlier work is safe; {advice}"


def _fail(exc: QuizcliError) -> None:
    say(str(exc), err=True)
    raise typer.Exit(exc.exit_code)


_SETTINGS: dict[str, Any] = {
    "cls": _Group,
    "help": "Turn current-affairs articles into exam question banks, and study them.",
    "no_args_is_help": True,
    "add_completion": True,
    "pretty_exceptions_enable": False,
}
app = typer.Typer(**_SETTINGS)


def _version(value: bool) -> None:
    if value:
        say(f"quizcli {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Turn current-affairs articles into exam question banks, and study them."""


def _table(headers: list[str], rows: list[list[str]], fold: tuple[int, ...] = ()) -> str:
    from quizcli.output import table, width

    return table(headers, rows, fold, width())


def _display(path: Path) -> str:
    """A path as short as it reads: from the current folder, else from the home folder."""
    for base, prefix in ((Path.cwd(), ""), (Path.home(), "~/")):
        try:
            return prefix + str(path.relative_to(base))
        except ValueError:
            continue
    return str(path)


@app.command()
def banks(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """List every bank quizcli can see, with its question count.

    Banks are read from your own banks folder, the folders in $QUIZCLI_BANKS,
    and the banks shipped with quizcli, in that order: a bank in an earlier
    folder hides one with the same id in a later folder.
    """
    from quizcli.catalog import discover

    catalog = discover()
    if as_json:

        say_json({
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
        })
    elif catalog.entries:
        rows = [
            [e.id, str(e.summary.questions), e.summary.title, e.origin,
             _display(e.path)
             + (f" (hidden by {_display(e.shadowed_by)})" if e.shadowed_by else "")]
            for e in catalog.entries
        ]
        say(_table(["BANK", "QUESTIONS", "TITLE", "FROM", "FILE"], rows, fold=(0, 2, 4)))
    else:
        searched = "\n".join(f"  {f.origin:8} {f.path}" for f in catalog.folders)
        say(
            f"No banks found. Searched:\n{searched}\n"
            f"Put a bank file (.yaml) in {catalog.folders[0].path} to add one.",
            err=True,
        )
    for err in catalog.errors:
        say(str(err), err=True)
    if catalog.errors:
        raise typer.Exit(2)


@app.command()
def validate(
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH...",
                                   help="Bank files, or folders to check every bank in.")
    ],
) -> None:
    """Check bank files and report every problem as FILE:LINE: what is wrong.

    This is the same check that runs whenever quizcli loads a bank. Exits with
    code 2 if any bank has a problem.
    """
    from quizcli.bankfile import load_bank
    from quizcli.catalog import bank_files
    from quizcli.errors import BankError, Problem

    failed = False
    for path in paths:
        files = bank_files(path) if path.is_dir() else [path]
        if not files:
            err = BankError(path, [Problem(None, "holds no bank files (.yaml or .yml)")])
            say(str(err), err=True)
            failed = True
        for file in files:
            try:
                bank = load_bank(file)
            except BankError as err:
                say(str(err), err=True)
                failed = True
                continue
            say(f"{_display(file)}: ok, bank {bank.id!r}: {len(bank.questions)} questions, "
                f"{len(bank.facts)} facts, {len(bank.sources)} sources")
    if failed:
        raise typer.Exit(2)


def _at_least(low: int, high: int | None = None):
    """A check that a number option is in range, said in its error rather than in the help,
    where a range reads as `<int range> [x>=1]`."""

    def check(value: int | None) -> int | None:
        if value is not None and (value < low or (high is not None and value > high)):
            wanted = f"from {low} to {high}" if high is not None else f"{low} or more"
            raise typer.BadParameter(f"{value} is not {wanted}")
        return value

    return check


class StudyMode(str, Enum):
    mcq = "mcq"
    recall = "recall"
    mixed = "mixed"


class View(str, Enum):
    kinds = "kinds"
    positions = "positions"
    timeline = "timeline"


def _parse_day(value: str | None) -> dt.date | None:
    import datetime as dt

    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date such as 2018-09-11") from None
    if not 1800 <= day.year <= 2200:
        raise typer.BadParameter(f"{value!r} is no article's date: give one between 1800 and "
                                 "2200, such as 2018-09-11")
    return day


@app.command()
def facts(
    articles: Annotated[list[str], typer.Argument(
        metavar="ARTICLE...",
        help="Articles: files (.txt, .md, a saved .html page, .pdf), a web address, or - "
             "for text on standard input.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
    view: Annotated[View, typer.Option(help="Tables by kind, positions side by side, "
                                            "or a timeline.")] = View.kinds,
    date: Annotated[str | None, typer.Option(
        metavar="DAY",
        help="The article's date (YYYY-MM-DD), over any date the article states.")] = None,
) -> None:
    """Read articles and show the facts found in them.

    Dates are normalised against the article's own date ("on Monday", "last
    year"); quotes are given to their speakers, offices to their holders, and
    stances to the party that holds them. A file that cannot be read is
    reported and the others are still read; the exit code is then 2. A file in
    which no facts are found is named on stderr; if no file gives a fact, the
    exit code is 1.
    """
    import tempfile

    from quizcli.reading.article import ArticleError
    from quizcli.reading.extractor import default_extractor
    from quizcli.reading.formats import read_file

    anchor = _parse_day(date)
    found = []
    failed = False
    with tempfile.TemporaryDirectory(prefix="quizcli-") as scratch:
        files, _, _ = _inputs(articles, Path(scratch), None)
        for path in files:
            try:
                read_in = read_file(path, anchor)
            except ArticleError as exc:
                say(str(exc), err=True)
                failed = True
                continue
            for article in read_in:
                read = default_extractor().extract(article, article.name)
                if not read:
                    say(f"{path}: no facts found in this article", err=True)
                found += read
    if as_json:

        say_json([f.to_record() for f in found])
    elif found:
        from quizcli import render

        shown = {View.kinds: render.facts_by_kind, View.positions: render.positions,
                 View.timeline: render.timeline}[view](found)
        render.show(shown)
    if failed:
        raise typer.Exit(2)
    if not found:
        raise typer.Exit(1)


@app.command()
def ingest(
    articles: Annotated[list[str], typer.Argument(
        metavar="ARTICLE...",
        help="Articles: files (.txt, .md, a saved .html page, .pdf), a web address, or - "
             "for text on standard input.")],
    bank: Annotated[str | None, typer.Option(
        metavar="NAME",
        help="The bank to create or add to (default: made from the first article's title).")
    ] = None,
    title: Annotated[str | None, typer.Option(
        metavar="TITLE",
        help="The bank's title, for a new bank; and the title of text read from -.")] = None,
    date: Annotated[str | None, typer.Option(
        metavar="DAY",
        help="The articles' date (YYYY-MM-DD), over any date they state.")] = None,
    out: Annotated[Path | None, typer.Option(
        metavar="DIR",
        help="The folder to write the bank to (default: your own banks folder).")] = None,
    per_article: Annotated[int, typer.Option(
        metavar="N", callback=_at_least(1),
        help="Questions kept from each article, best first.")] = 40,
) -> None:
    """Read articles, make exam questions from their facts, and add them to a bank.

    Ingesting the same article again changes nothing, and questions you have
    edited in the bank file are kept as you wrote them. Each article is copied
    into the bank's sources/ folder. A file that cannot be read is reported and
    the others are still ingested; the exit code is then 2. An article that gives
    no question is named on stderr and nothing of it is written; if no article
    gives one, the exit code is 1.

    A web address is fetched (the only time quizcli goes online) and the page is kept
    in sources/ as it was fetched; - reads pasted text from standard input.
    """
    import tempfile

    from quizcli import paths

    target_dir = out or paths.user_banks_dir()
    day = _parse_day(date)
    if bank is not None:
        from quizcli.making.ingest import slug
        from quizcli.schema import bank_id

        if bank_id(bank):
            say(f"--bank {bank!r} is not a usable bank name: use lower-case letters, "
                "digits, '-', '_' or '.', starting with a letter or digit, such as "
                f"{slug(bank)!r}", err=True)
            raise typer.Exit(2)
    with tempfile.TemporaryDirectory(prefix="quizcli-") as scratch:
        files, origins, titles = _inputs(articles, Path(scratch), title)
        _ingest_files(files, origins, titles, target_dir, bank, title, day, per_article)


def _inputs(articles: list[str], scratch: Path, title: str | None
            ) -> tuple[list[Path], dict[Path, str], dict[Path, str]]:
    """The files to ingest: the paths given, pasted text and fetched pages saved in
    `scratch`; with the address each page came from and the title of pasted text."""
    import hashlib
    import sys

    from quizcli.fetch import fetch, is_url

    files: list[Path] = []
    origins: dict[Path, str] = {}
    titles: dict[Path, str] = {}
    for item in articles:
        if item == "-":
            data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else (
                sys.stdin.read().encode("utf-8"))
            name = f"pasted-{hashlib.sha1(data).hexdigest()[:10]}.txt"
            path = scratch / name
            path.write_bytes(data)
            if title:
                titles[path] = title
        elif is_url(item):
            path = fetch(item, scratch)
            origins[path] = item
        else:
            path = Path(item)
        files.append(path)
    return files, origins, titles


def _ingest_files(articles: list[Path], origins: dict[Path, str], titles: dict[Path, str],
                  target_dir: Path, bank: str | None, title: str | None, day, per_article: int
                  ) -> None:
    import datetime as dt

    from quizcli.catalog import discover
    from quizcli.errors import BankError
    from quizcli.making.ingest import ingest as run_ingest

    others = []
    for entry in discover().entries:
        if entry.id != bank and entry.shadowed_by is None:
            try:
                others.append(entry.load())
            except BankError:
                continue  # `quizcli banks` reports it; its facts are only distractors here
    from quizcli.output import console as safe_console

    console = safe_console(stderr=True)
    if len(articles) > 3:
        from rich.progress import Progress

        with Progress(console=console, transient=True) as progress:
            task = progress.add_task("Reading articles", total=len(articles))
            result = run_ingest(articles, target_dir, dt.date.today(), bank_id=bank,
                                title=title, article_date=day, budget=per_article,
                                others=others, on_article=lambda _: progress.advance(task),
                                origins=origins, titles=titles)
    else:
        result = run_ingest(articles, target_dir, dt.date.today(), bank_id=bank, title=title,
                            article_date=day, budget=per_article, others=others,
                            origins=origins, titles=titles)
    from quizcli import render

    gave = any(r.yielded for r in result.reports)
    if gave:
        render.show(render.ingest_report(result))
    for report in result.failed:
        say(report.error or "", err=True)
    for report in result.fruitless:
        found = (f"{report.facts} fact{'s' if report.facts > 1 else ''} found, but none made "
                 "a question that passed the checks" if report.facts
                 else "no facts found in this article")
        say(f"{report.path}: {found}; nothing was added", err=True)
    if result.failed:
        raise typer.Exit(2)
    if not gave:
        raise typer.Exit(1)


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
    from quizcli.catalog import discover
    from quizcli.export import render
    from quizcli.files import atomic_write

    spec = FORMATS[format.value]
    if with_progress and spec.reads != "progress":
        raise typer.BadParameter("only JSON carries progress", param_hint="--with-progress")
    catalog = discover()
    if spec.reads == "reviews":
        for name in bank or ():
            catalog.get(name)  # an unknown bank is an error that lists the known ones
        left_out, logged = [], _review_log(bank)
        content = render([], format.value, reviews=logged)
        done = _answers_written(logged)
    else:
        names = bank or [e.id for e in catalog.entries if e.shadowed_by is None]
        banks = [catalog.get(name).load() for name in names]
        left_out = [] if bank else catalog.errors  # every bank asked for: say which could not
        progress = _progress(banks) if with_progress else None
        times = _content_times(banks, format.value) if spec.reads == "times" else None
        content = render(banks, format.value, progress, times=times)
        count = sum(len(b.questions) for b in banks)
        done = (f"{count} questions from {len(banks)} bank"
                f"{'s' if len(banks) != 1 else ''}")
    if output == "-":
        if spec.binary:
            raise typer.BadParameter(f"an {spec.name} is binary: name a file", param_hint="-o")
        typer.echo(content, nl=False)  # the export itself, as data
        for error in left_out:
            say(f"left out, as it does not pass its check: {error}", err=True)
        if left_out:
            raise typer.Exit(2)
        return
    target = Path(output)
    if target.is_symlink() or (target.exists() and not target.is_file()):
        what = "a link" if target.is_symlink() else "a folder" if target.is_dir() else (
            "a device, pipe or socket")
        say(f"{output}: is {what}, not a file; name a new file or a file to replace "
            "(or - for standard output)", err=True)
        raise typer.Exit(2)
    atomic_write(target, content)
    say(f"Wrote {done} to {output}", err=True)
    for error in left_out:
        say(f"left out, as it does not pass its check: {error}", err=True)
    if left_out:
        raise typer.Exit(2)


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
            return store.content_times(digests(banks, fmt), _now())
    except (StoreError, OSError, sqlite3.Error):
        return {}


def _review_log(banks: list[str] | None) -> list:
    """The review log of the banks' cards (every card's, with no banks named)."""
    from quizcli import paths
    from quizcli.export.revlog import answers
    from quizcli.review.store import Store

    with Store.open(paths.data_home()) as store:
        return answers(store, banks)


def _answers_written(logged: list) -> str:
    from quizcli.review.store import RESET

    answered = [entry for entry in logged if entry.rating != RESET]
    cards = len({entry.question_id for entry in answered})
    return (f"{len(answered)} answer{'s' if len(answered) != 1 else ''} on {cards} "
            f"card{'s' if cards != 1 else ''}")


def _progress(banks) -> dict[str, dict]:
    """Each card's scheduling state, by question id, from the review store."""
    from quizcli import paths
    from quizcli.review.store import Store

    wanted = {q.id for b in banks for q in b.questions}
    out: dict[str, dict] = {}
    with Store.open(paths.data_home()) as store:
        for qid in wanted:
            try:
                card = store.card(qid)
            except QuizcliError:
                continue
            suspended, leech, _ = store.flags(qid)
            out[qid] = {"state": card.state.name.lower(),
                        "due": card.due.isoformat() if card.due else None,
                        "last_review": card.last_review.isoformat() if card.last_review else None,
                        "stability": card.stability, "difficulty": card.difficulty,
                        "reps": card.reps, "lapses": card.lapses,
                        "suspended": suspended, "leech": leech}
    return out


def _local_zone() -> dt.tzinfo:
    import datetime as dt

    zone = dt.datetime.now().astimezone().tzinfo
    return zone if zone is not None else dt.timezone.utc


@app.command()
def optimize() -> None:
    """Fit the scheduler to your answers; keep the fit if it predicts them better.

    The fit and the parameters in use are scored on the same answers (log loss,
    lower is better). A better fit is saved in config.yaml in your quizcli folder
    and every studied card is rescheduled with it.

    Needs the optional optimizer (pip install 'quizcli\\[optimize]') and at least
    400 answers given a day or more after a card's previous one.
    """
    from dataclasses import replace

    from quizcli import paths
    from quizcli.review.optimize import MIN_REVIEWS
    from quizcli.review.optimize import optimize as fit_parameters
    from quizcli.review.settings import load_settings, save_settings
    from quizcli.review.store import Store

    home = paths.data_home()
    settings = load_settings(home)
    tz = _local_zone()
    with Store.open(home, settings, tz) as store:
        fit = fit_parameters(store, tz)
        if fit.fitted is None:
            say(f"Not enough history yet: fitting needs {MIN_REVIEWS} reviews of learned "
                f"cards and you have {fit.reviews}, so {fit.needed} more. Keep studying; "
                "the default parameters serve well until then.")
            return
        in_use = "your current parameters" if settings.parameters else "the defaults"
        say(f"Fitted FSRS parameters to {fit.reviews} reviews. Log loss on your answers "
            f"(lower is better): {fit.fitted_loss:.4f} fitted, {fit.current_loss:.4f} "
            f"with {in_use}.")
        if not fit.improved:
            say(f"Kept {in_use}: the fit predicts your answers no better. Nothing changed.")
            return
        new = replace(settings, parameters=fit.fitted)
        path = home / "config.yaml"
        cards = store.reschedule(new, then=lambda: save_settings(home, new))
    say(f"Saved the fitted parameters in {path} and rescheduled {cards} cards with them.")


def _now() -> dt.datetime:
    """The only clock the commands read; tests replace it."""
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc)


def _open_store(problems: list[str] | None = None):
    """The review store, in step with the banks; bank problems are reported, not fatal,
    and kept in `problems` when given (for a screen that would otherwise clear them)."""
    from quizcli import paths
    from quizcli.catalog import discover
    from quizcli.review.library import sync_catalog
    from quizcli.review.store import Store

    home = paths.data_home()
    catalog = discover()
    store = Store.open(home, tz=_local_zone())
    for problem in catalog.errors + sync_catalog(store, catalog):
        say(str(problem), err=True)
        if problems is not None:
            problems.append(str(problem))
    return store, catalog


def _editor_for(store):
    """Open a card's bank in $EDITOR at its question, then read the bank again."""

    def edit(prompt, tell=lambda text: None) -> str | None:
        import os
        import shlex
        import subprocess

        from quizcli.catalog import discover
        from quizcli.review.library import sync_catalog

        path = Path(prompt.shown.path)
        if _is_shipped(path):
            try:
                path = _own_copy(path)
            except OSError as exc:
                return f"{exc.filename or path}: cannot make your own copy ({exc.strerror})"
            tell(f"Editing your own copy, {path}, which hides the bank shipped with quizcli.")
        line = 1
        try:
            for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if text.strip() == f"- id: {prompt.question_id}":
                    line = number
                    break
        except OSError as exc:
            return f"{path}: cannot be read ({exc.strerror})"
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        try:
            command = shlex.split(editor)
        except ValueError as exc:  # an unbalanced quote
            return f"cannot read the editor command {editor!r} ({exc}); fix $EDITOR"
        if not command:
            return "$EDITOR is empty; set it to your editor, such as nano"
        try:
            subprocess.run([*command, f"+{line}", str(path)], check=False)
        except OSError as exc:
            return f"cannot start the editor {editor!r} ({exc.strerror}); set $EDITOR"
        catalog = discover()
        problems = catalog.errors + sync_catalog(store, catalog)
        if problems:
            return "\n".join(str(p) for p in problems) + "\nThe bank was not reloaded: fix it " \
                "and press e again."
        return None

    return edit


def _is_shipped(path: Path) -> bool:
    from quizcli import paths

    try:
        return path.resolve().parent == paths.shipped_banks_dir().resolve()
    except OSError:
        return False


def _own_copy(shipped: Path) -> Path:
    """The user's own copy of a shipped bank, with the articles it cites, made once: it
    hides the shipped one, and an upgrade of quizcli never overwrites it."""
    from quizcli import paths
    from quizcli.bankfile import load_bank
    from quizcli.files import atomic_write

    folder = paths.data_home() / "banks"
    target = folder / shipped.name
    if target.exists():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    for source in load_bank(shipped).sources:
        if source.path:
            cited = folder / source.path
            if not cited.exists():
                cited.parent.mkdir(parents=True, exist_ok=True)
                atomic_write(cited, (shipped.parent / source.path).read_bytes())
    atomic_write(target, shipped.read_bytes())
    return target


@app.command()
def study(
    bank: Annotated[list[str] | None, typer.Option(
        metavar="NAME", help="Study only this bank; repeat for several.")] = None,
    tag: Annotated[list[str] | None, typer.Option(
        metavar="AREA",
        help="Study only cards with this tag, such as a syllabus area (economy, polity, "
             "'science and technology') or NAME::VALUE (kind::date); repeat for cards with "
             "any of several.")] = None,
    new: Annotated[int | None, typer.Option(
        metavar="N", callback=_at_least(0),
        help="New cards for today, instead of the daily limit.")] = None,
    limit: Annotated[int | None, typer.Option(
        metavar="N", callback=_at_least(1), help="Stop after this many cards.")] = None,
    mode: Annotated[StudyMode, typer.Option(
        help="mcq: choose from choices; recall: type the answer; mixed: choices for new and "
             "young cards, recall for mature ones.")] = StudyMode.mixed,
    cram: Annotated[bool, typer.Option(
        "--cram", help="Practise any cards without changing their schedule.")] = False,
) -> None:
    """Study today's cards: due reviews first, then new cards.

    New cards come within the daily limits (config.yaml, or --new). With --tag,
    only the cards of those tags are studied, as if the others were not there.

    Keys: 1-4 or a-d answer, u undo, s suspend, e edit, ? help, q quit. Every
    answer is saved before the next question appears. When input is not a
    terminal, each line is one key or one typed answer, so a session can be
    scripted.
    """
    import contextlib
    import sys
    from dataclasses import replace

    from quizcli import study as screen
    from quizcli.output import console as safe_console
    from quizcli.review.session import Mode, Session
    from quizcli.terminal import LineKeys, RawKeys

    chosen_mode = Mode(mode.value)
    problems: list[str] = []
    store, catalog = _open_store(problems)
    for name in bank or ():
        catalog.get(name)  # an unknown bank is an error that lists the known ones
    console = safe_console()
    tz = _local_zone()
    if new is not None:
        store.settings = replace(store.settings, new_per_day=new, banks={
            k: replace(v, new_per_day=None) for k, v in store.settings.banks.items()})
    interactive = sys.stdin.isatty()
    keys = RawKeys() if interactive else LineKeys(sys.stdin)
    try:
        only = _tagged(store, tag) if tag else None
        with keys if isinstance(keys, RawKeys) else contextlib.nullcontext():
            now = _now()
            queue = store.queue(now, tz, bank, only)
            cards, waiting = (_cram_cards(store, bank, only), []) if cram else (
                queue.cards, queue.waiting)
            if not cards:
                cards, cram = _nothing_due(store, console, keys, tz, now, bank, only)
            if not cards:
                return
            session = Session(store, cards, _now, tz, chosen_mode, cram=cram, limit=limit,
                              done_before=0 if cram else queue.reviewed_today,
                              learning=[] if cram else waiting)
            with contextlib.suppress(KeyboardInterrupt, EOFError):  # answers are saved already
                screen.run(session, keys, console, _editor_for(store),
                           notices=problems if interactive else ())
            summary = session.finish()
        console.print(screen.summary_text(summary, tz, _now()))
    finally:
        store.close()


def _tagged(store, tags: list[str]) -> set[str]:
    """The cards with any of the tags; a tag no card has is an error naming the areas."""
    from quizcli.review.library import areas_in, tagged

    found, unknown = tagged(store, tags)
    if unknown:
        held = areas_in(store)
        known = (f"the areas of your cards are {', '.join(held)}" if held else
                 "no card has an area yet (ingest tags the questions of new articles)")
        raise QuizcliError(f"no card has the tag {unknown[0]!r}; {known}; a tag may also "
                           "be NAME::VALUE, such as kind::date")
    return found


def _cram_cards(store, banks, only) -> list[str]:
    cards = store.all_cards(banks, limit=10**9)
    return [c for c in cards if only is None or c in only][:1000]


def _nothing_due(store, console, keys, tz, now, banks, only=None):
    """Nothing is due: say when something will be, and offer new cards or cramming."""
    from dataclasses import replace

    from rich.text import Text

    from quizcli import study as screen
    from quizcli.review.cards import new_left

    due = store.next_due()
    message = "Nothing is due right now."
    if due is not None:
        message += f" The next card is due {screen.when(due, tz, now)}."
    console.print(Text(message, style="bold"))
    console.print("Press n for 10 more new cards, c to cram (practise without changing the "
                  "schedule), or q to quit.")
    try:
        key = keys.key().lower()
    except (EOFError, KeyboardInterrupt):
        return [], False
    if key == "n":
        store.settings = replace(store.settings,
                                 new_per_day=store.settings.new_per_day + 10, banks={})
        cards = store.queue(now, tz, banks, only).new
        left, siblings = new_left(store, now, tz, banks, only) if not cards else (0, 0)
        if left and left == siblings:
            console.print(f"The {left} new card{'s' if left != 1 else ''} left "
                          f"{'are' if left != 1 else 'is'} held back until the next study "
                          "day: each asks about a fact that a card answered today asks "
                          "about too.")
        elif left:
            console.print("No more new cards today.")
        elif not cards:
            console.print("There are no new cards left: ingest an article to make some.")
        return cards, False
    if key == "c":
        return _cram_cards(store, banks, only), True
    return [], False


@app.command()
def status(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Show today's counts for each bank, the streak, and exam readiness.

    With an exam date set in config.yaml, it also shows each bank's predicted
    recall on exam day, from the FSRS forgetting curve, if nothing more is studied.
    """
    now, tz = _now(), _local_zone()
    store, catalog = _open_store()
    try:
        queue = store.queue(now, tz)
        streak = store.streak(now, tz)
        exam = store.settings.exam_date
        recall: dict[str, float] = {}
        if exam is not None:
            from quizcli.review.exam import exam_recall

            recall = exam_recall(store, exam, tz).recall
        titles = {e.id: e.summary.title for e in catalog.entries}
        banks = [{"name": name, "title": titles.get(name, name), **counts,
                  **({"exam_recall": round(recall[name], 4)} if name in recall else {})}
                 for name, counts in queue.counts.items()]
    finally:
        store.close()
    if as_json:

        say_json({"banks": banks, "reviewed_today": queue.reviewed_today, "streak": streak,
                  "exam_date": exam.isoformat() if exam else None})
        return
    rows = [[b["name"], str(b["due"]), str(b["learning"]), str(b["new"])]
            + ([f"{b['exam_recall']:.0%}" if "exam_recall" in b else "-"] if exam else [])
            for b in banks]
    headers = ["BANK", "DUE", "LEARNING", "NEW"] + (["EXAM RECALL"] if exam else [])
    say(_table(headers, rows, fold=(0,)) if rows else "No banks to study.")
    exam_line = f" · exam on {exam.isoformat()}" if exam else ""
    say(f"Reviewed today: {queue.reviewed_today} · streak: {streak} "
        f"day{'s' if streak != 1 else ''}{exam_line}")


@app.command()
def cards(
    bank: Annotated[list[str] | None, typer.Option(
        metavar="NAME", help="Only this bank; repeat for several.")] = None,
    suspended: Annotated[bool, typer.Option("--suspended", help="Only suspended cards.")
                         ] = False,
    leeches: Annotated[bool, typer.Option("--leeches", help="Only leeches.")] = False,
    due: Annotated[bool, typer.Option(
        "--due", help="Only cards due before today's study day ends.")] = False,
    search: Annotated[str | None, typer.Option(
        metavar="TEXT",
        help="Only cards whose id, prompt or answer holds this text, in any case.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """List cards with their state, due time, lapses and flags.

    Each row shows the card's stability and difficulty too. Every filter given
    must hold. --due lists the studied cards a session may offer today, before
    the daily limits (suspended ones too with --suspended). The ID column is
    what suspend, unsuspend and reset take.
    """
    from quizcli.review.cards import Wanted, list_cards

    now, tz = _now(), _local_zone()
    store, catalog = _open_store()
    try:
        for name in bank or ():
            catalog.get(name)  # an unknown bank is an error that lists the known ones
        found = list_cards(store, Wanted(tuple(bank or ()), suspended, leeches, due, search),
                           now, tz)
    finally:
        store.close()
    if as_json:
        say_json([card.to_dict() for card in found])
        return
    if not found:
        say("No cards match.", err=True)
        return
    say(_table(["ID", "BANK", "STATE", "DUE", "STABILITY", "DIFFICULTY", "REPS", "LAPSES",
                "FLAGS", "PROMPT"], [_card_row(card, tz) for card in found]))


def _card_row(card, tz: dt.tzinfo) -> list[str]:
    flags = [name for name, on in (("suspended", card.suspended), ("leech", card.leech),
                                   ("orphaned", card.orphaned)) if on]
    prompt = " ".join((card.prompt or "").split())
    return [card.question_id, card.bank, card.state.name.lower(),
            f"{card.due.astimezone(tz):%Y-%m-%d %H:%M}" if card.due else "-",
            f"{card.stability:.1f}d" if card.stability is not None else "-",
            f"{card.difficulty:.1f}" if card.difficulty is not None else "-",
            str(card.reps), str(card.lapses), ",".join(flags) or "-",
            prompt if len(prompt) <= 50 else prompt[:49] + "…"]


_IDS = Annotated[list[str], typer.Argument(metavar="ID...",
                                            help="Question ids, as `quizcli cards` lists them.")]


def _change(ids: list[str], action: str) -> int:
    store, _ = _open_store()
    try:
        store.change(ids, action, _now())
    finally:
        store.close()
    return len(set(ids))


def _cards(count: int) -> str:
    return f"{count} card{'s' if count != 1 else ''}"


@app.command()
def suspend(ids: _IDS) -> None:
    """Suspend cards: no session offers them until you unsuspend them.

    An id that is no card's is named, the exit code is 2, and no card is changed.
    """
    say(f"Suspended {_cards(_change(ids, 'suspend'))}; `quizcli unsuspend` brings "
        f"{'them' if len(set(ids)) > 1 else 'it'} back.")


@app.command()
def unsuspend(ids: _IDS) -> None:
    """Unsuspend cards, leeches included: they are studied again.

    Sessions offer them on their schedule again. An id that is no card's is
    named, the exit code is 2, and no card is changed.
    """
    say(f"Unsuspended {_cards(_change(ids, 'unsuspend'))}.")


@app.command()
def reset(ids: _IDS) -> None:
    """Reset cards: each is new again, unsuspended and no longer a leech.

    The reset is written in the review log, which keeps every earlier answer.
    An id that is no card's is named, the exit code is 2, and no card is changed.
    """
    say(f"Reset {_cards(_change(ids, 'reset'))}: new again, with every earlier answer kept "
        "in the log.")


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

    log = read_log(file)  # before the store opens: a file it cannot read changes nothing
    store, _ = _open_store()
    try:
        merged = store.merge(log.answers, "anki")
    finally:
        store.close()
    say(_import_report(file, merged, log.foreign, log.not_answers))


def _import_report(file: Path, merged, foreign: int, not_answers: int) -> str:
    def answers(n: int) -> str:
        return f"{n} answer{'s' if n != 1 else ''}"

    lines = [f"{file}: added {answers(merged.added)}, skipped {merged.skipped} already in "
             f"quizcli; {answers(merged.strays + foreign)} belonged to notes quizcli does not "
             "know and were left out."]
    if not_answers:
        what = "entry that is not an answer" if not_answers == 1 else (
            "entries that are not answers")
        lines.append(f"Left out {not_answers} {what} (a due date set by hand, a "
                     "rescheduling, or cramming that did not reschedule).")
    if merged.cards:
        lines.append(f"Rebuilt {merged.cards} card{'s' if merged.cards != 1 else ''} from "
                     "their logs.")
    if not (merged.added or merged.skipped or merged.strays or foreign or not_answers):
        lines.append("The file holds no answers: export it from Anki with scheduling "
                     "information included.")
    return "\n".join(lines)


@app.command()
def plan(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
) -> None:
    """Plan the days to the exam: the new cards and reviews a day it takes.

    Simulates a session a day from today to the day before exam_date (config.yaml)
    with your FSRS parameters, and says what recall to expect on exam day keeping
    to your limits, and what it takes to have every card at the desired retention.
    """
    from quizcli.review.plan import exam_plan

    now, tz = _now(), _local_zone()
    store, _ = _open_store()
    try:
        exam = store.settings.exam_date
        if exam is None:
            raise QuizcliError("no exam_date is set; add a line such as 'exam_date: "
                               "2027-05-30' to config.yaml in your quizcli folder")
        figures = exam_plan(store, now, tz, exam)
    finally:
        store.close()
    if as_json:
        say_json(figures.to_dict())
        return
    from quizcli.render import plan_lines

    say("\n".join(plan_lines(figures)))


@app.command()
def stats(
    bank: Annotated[list[str] | None, typer.Option(
        metavar="NAME", help="Only this bank; repeat for several.")] = None,
    days: Annotated[int, typer.Option(metavar="N", callback=_at_least(7, 3650),
                                      help="Days of history to show, 7 to 3650.")] = 365,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")] = False,
    png: Annotated[Path | None, typer.Option(
        metavar="FILE",
        help="Also draw the heatmap and forecast to this image (needs matplotlib).")] = None,
) -> None:
    """Show your progress: reviews per day, retention, forecast, exam readiness.

    A heatmap of reviews per day with the current and longest streak; true
    retention for young and mature cards, per bank and per kind of question,
    beside the retention FSRS aims for; the cards due on each of the next 30
    days; the leeches and the cards hardest to recall; and, with an exam date
    set, predicted recall on the day and the reviews a day needed before it.
    """
    now, tz = _now(), _local_zone()
    store, catalog = _open_store()
    try:
        for name in bank or ():
            catalog.get(name)
        from quizcli.review.stats import compute

        figures = compute(store, now, tz, days, bank)
    finally:
        store.close()
    from quizcli import render

    if as_json:
        say_json(figures.to_dict())
    else:
        render.show(render.stats_view(figures))
    if png is not None:  # after the text, so that a missing matplotlib costs only the image
        render.stats_png(figures, png)


def main() -> None:
    """The console script.

    Typer turns every command's signature into options on each run; building only
    the command asked for keeps start-up from growing with each new command.
    """
    import sys

    wanted = sys.argv[1] if len(sys.argv) > 1 else None
    chosen = [c for c in app.registered_commands
              if (c.name or getattr(c.callback, "__name__", None)) == wanted]
    if not chosen:
        app()
        return
    one = typer.Typer(**_SETTINGS)
    one.registered_callback = app.registered_callback
    one.registered_commands = chosen
    one()
