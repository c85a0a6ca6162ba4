"""The command line: the Typer app, its shared settings, and the console script.

The commands live in `quizcli.ui.commands`, a module per area, each with its own Typer.
The app knows them by name only and imports an area when one of its commands is asked
for (or the help lists them all), so that start-up does not grow with each new command.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from quizcli import __version__
from quizcli.errors import QuizcliError
from quizcli.ui.output import say

COMMANDS = {
    "banks": "banks", "validate": "banks",
    "facts": "making", "ingest": "making",
    "export": "export",
    "optimize": "review",
    "study": "study",
    "status": "review",
    "cards": "cards", "suspend": "cards", "unsuspend": "cards", "reset": "cards",
    "import-reviews": "export",
    "plan": "review", "stats": "review",
}
"""Each command, in the order the help lists them, and its module in quizcli.ui.commands."""


class _Commands(Mapping[str, Any]):
    """The commands by name, each built from its area's Typer when first asked for."""

    def __init__(self) -> None:
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            self._build(COMMANDS[name])
        return self._built[name]

    def _build(self, area: str) -> None:
        import importlib

        module = importlib.import_module(f"quizcli.ui.commands.{area}")
        built = typer.main.get_command(module.app)
        if isinstance(built, TyperGroup):
            self._built.update(built.commands)
        else:
            self._built[built.name or area] = built

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)


class _Group(TyperGroup):
    """Loads commands as they are asked for, and turns domain errors into a message on
    stderr and an exit code, with no traceback."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = _Commands()  # type: ignore[assignment]

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except QuizcliError as exc:
            say(str(exc), err=True)
            raise typer.Exit(exc.exit_code) from None
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


AREA: dict[str, Any] = {"add_completion": False}
"""The settings of each area's Typer: the app alone offers shell completion."""

app = typer.Typer(
    cls=_Group,
    help="Turn current-affairs articles into exam question banks, and study them.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


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


def main() -> None:
    """The console script."""
    app()
