"""Making: reading articles for their facts, and ingesting them into banks."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from quizcli.ui.app import AREA
from quizcli.ui.options import AsJson, at_least, parse_day
from quizcli.ui.output import say, say_json

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

app = typer.Typer(**AREA)

Articles = Annotated[list[str], typer.Argument(
    metavar="ARTICLE...",
    help="Articles: files (.txt, .md, a saved .html page, .pdf), a web address, or - "
         "for text on standard input.")]


class View(str, Enum):
    """How `quizcli facts` shows the facts: a table for each kind, each party's
    positions side by side, or the dated facts in order."""

    kinds = "kinds"
    positions = "positions"
    timeline = "timeline"


@app.command()
def facts(
    articles: Articles,
    as_json: AsJson = False,
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

    anchor = parse_day(date)
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
        from quizcli.ui.views import fact_tables, show

        show({View.kinds: fact_tables.facts_by_kind, View.positions: fact_tables.positions,
              View.timeline: fact_tables.timeline}[view](found))
    if failed:
        raise typer.Exit(2)
    if not found:
        raise typer.Exit(1)


@app.command()
def ingest(
    articles: Articles,
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
        metavar="N", callback=at_least(1),
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
    day = parse_day(date)
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
        result = _run_ingest(files, target_dir, bank, title=title, day=day,
                             per_article=per_article, origins=origins, titles=titles)
    _report(result)


def _inputs(articles: list[str], scratch: Path, title: str | None
            ) -> tuple[list[Path], dict[Path, str], dict[Path, str]]:
    """The files to ingest: the paths given, pasted text and fetched pages saved in
    `scratch`; with the address each page came from and the title of pasted text."""
    import sys

    from quizcli.fetch import fetch, is_url
    from quizcli.ids import digest

    files: list[Path] = []
    origins: dict[Path, str] = {}
    titles: dict[Path, str] = {}
    for item in articles:
        if item == "-":
            data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else (
                sys.stdin.read().encode("utf-8"))
            name = f"pasted-{digest(data, 10)}.txt"
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


def _run_ingest(articles: list[Path], target_dir: Path, bank: str | None, *,
                title: str | None, day: dt.date | None, per_article: int,
                origins: dict[Path, str], titles: dict[Path, str]):
    """The ingest, with a progress bar on stderr for more than three articles; the other
    banks lend their facts as distractors."""
    import contextlib
    import datetime as dt

    from quizcli.catalog import discover, loaded_banks
    from quizcli.making.ingest import ingest as run_ingest
    from quizcli.ui.output import console

    others = loaded_banks(discover(), but=bank)
    with contextlib.ExitStack() as stack:
        on_article: Callable[[Path], None] | None = None
        if len(articles) > 3:
            from rich.progress import Progress

            # Drawn on each article, not by a thread of its own: ingest forks its workers.
            progress = stack.enter_context(Progress(console=console(stderr=True),
                                                    transient=True, auto_refresh=False))
            task = progress.add_task("Reading articles", total=len(articles))

            def advanced(_: Path) -> None:
                progress.advance(task)
                progress.refresh()

            on_article = advanced

        return run_ingest(articles, target_dir, dt.date.today(), bank_id=bank, title=title,
                          article_date=day, budget=per_article, others=others,
                          on_article=on_article, origins=origins, titles=titles)


def _report(result) -> None:
    """What the ingest added, what failed and what gave nothing, with its exit code."""
    from quizcli.ui.views import fact_tables, show

    gave = any(r.yielded for r in result.reports)
    if gave:
        show(fact_tables.ingest_report(result))
    for report in result.failed:
        say(report.error or "", err=True)
    for report in result.fruitless:
        say(fact_tables.fruitless(report), err=True)
    if result.failed:
        raise typer.Exit(2)
    if not gave:
        raise typer.Exit(1)
