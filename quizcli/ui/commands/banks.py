"""Banks: listing the banks quizcli sees, and checking bank files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quizcli.ui.app import AREA
from quizcli.ui.options import AsJson
from quizcli.ui.output import display_path, fitted, say, say_json

app = typer.Typer(**AREA)


@app.command()
def banks(as_json: AsJson = False) -> None:
    """List every bank quizcli can see, with its question count.

    Banks are read from your own banks folder, the folders in $QUIZCLI_BANKS,
    and the banks shipped with quizcli, in that order: a bank in an earlier
    folder hides one with the same id in a later folder.
    """
    from quizcli.catalog import discover
    from quizcli.ui.views.listings import bank_rows, banks_record, no_banks

    catalog = discover()
    if as_json:
        say_json(banks_record(catalog))
    elif catalog.entries:
        say(fitted(["BANK", "QUESTIONS", "TITLE", "FROM", "FILE"], bank_rows(catalog),
                   fold=(0, 2, 4)))
    else:
        say(no_banks(catalog), err=True)
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
            say(f"{display_path(file)}: ok, bank {bank.id!r}: {len(bank.questions)} "
                f"questions, {len(bank.facts)} facts, {len(bank.sources)} sources")
    if failed:
        raise typer.Exit(2)
