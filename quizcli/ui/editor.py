"""Editing a card's bank from the study screen: $EDITOR opens the bank at the question,
then the banks are read again. A shipped bank is never edited in place: the user's own
copy, made once, is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizcli.review.session import Prompt
    from quizcli.review.store import Store


def editor_for(store: Store) -> Callable[..., str | None]:
    """`edit(prompt, tell)`: open a card's bank in $EDITOR at its question, then read the
    banks again; returns a problem to show, if any (`tell` shows a message)."""

    def edit(prompt: Prompt, tell: Callable[[str], object] = lambda text: None) -> str | None:
        from quizcli.bankfile import question_line
        from quizcli.catalog import is_shipped, own_copy
        from quizcli.review.library import resync

        path = Path(prompt.shown.path)
        if is_shipped(path):
            try:
                path = own_copy(path)
            except OSError as exc:
                return f"{exc.filename or path}: cannot make your own copy ({exc.strerror})"
            tell(f"Editing your own copy, {path}, which hides the bank shipped with quizcli.")
        try:
            line = question_line(path.read_text(encoding="utf-8"), prompt.question_id)
        except OSError as exc:
            return f"{path}: cannot be read ({exc.strerror})"
        problem = _run_editor(path, line)
        if problem:
            return problem
        problems = resync(store)[1]
        if problems:
            return "\n".join(str(p) for p in problems) + "\nThe bank was not reloaded: fix it " \
                "and press e again."
        return None

    return edit


def _run_editor(path: Path, line: int) -> str | None:
    """Run $VISUAL or $EDITOR (else vi) on the file at the line; a problem, if any."""
    import os
    import shlex
    import subprocess

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
    return None
