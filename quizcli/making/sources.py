"""Each article kept beside its bank, in the bank's sources/ folder.

A copy is written whole or not at all, and flushed to the disk, like the bank beside
it. Flushing waits on the disk, so the copies of one ingest are written by a few
threads while the articles are read and asked; the bank is only written once every
copy is (`SourceCopies.wait`). Where each copy goes is decided at once, in the order
of the articles, as if each were written before the next.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from quizcli.files import atomic_write, new_file_mode
from quizcli.ids import digest

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

WRITERS = 4
"""Threads writing copies: flushing one mostly waits on the disk."""


class SourceCopies:
    """The copies of one ingest's articles, written in the background."""

    def __init__(self) -> None:
        self._written: dict[Path, bytes] = {}
        """Each copy this ingest writes, by its path: on the disk, or on its way there."""
        self._pool: ThreadPoolExecutor | None = None
        self._pending: list[Future[None]] = []
        self._mode: int | None = None

    def copy(self, path: Path, sources_dir: Path) -> str:
        """Keep the article at `path` beside the bank; returns its path relative to the
        bank folder. An article already there (the same file, or one with the same
        name and bytes) is not copied again; another with its name gets its digest."""
        target = sources_dir / path.name
        if target not in self._written and target.exists() and (
                target.resolve() == path.resolve()):
            return f"sources/{path.name}"
        data = path.read_bytes()
        there = self._there(target)
        if there is not None and there != data:
            target = sources_dir / f"{path.stem}-{digest(data, 8)}{path.suffix}"
        if target not in self._written and not target.exists():
            self._write(target, data)
        return f"sources/{target.name}"

    def _there(self, target: Path) -> bytes | None:
        """The bytes of the copy at `target`, written or on its way; None if there is none."""
        if target in self._written:
            return self._written[target]
        return target.read_bytes() if target.exists() else None

    def _write(self, target: Path, data: bytes) -> None:
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor  # only an ingest that copies

            self._pool = ThreadPoolExecutor(WRITERS, thread_name_prefix="quizcli-source")
            self._mode = new_file_mode()  # the umask is the process's: read it once, here
        self._written[target] = data
        self._pending.append(self._pool.submit(atomic_write, target, data, mode=self._mode))

    def wait(self) -> None:
        """Wait until every copy is written; raise the error of the first that failed."""
        pending, self._pending = self._pending, []
        try:
            for future in pending:
                future.result()
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True)
                self._pool = None
