"""Writing files so that an interruption never leaves a half-written one."""

from __future__ import annotations

import os
from pathlib import Path


def atomic_write(path: Path, content: str | bytes, *, durable: bool = True) -> None:
    """Replace `path` with `content` so that readers see the old or the new file, never half.

    `durable` also flushes the new file to disk before it takes the name, so
    that a power cut cannot leave an empty file; a cache can skip that cost.
    """
    import tempfile  # costs start-up time; only writers need it

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        binary = isinstance(content, bytes)
        with (os.fdopen(fd, "wb") if binary else
              os.fdopen(fd, "w", encoding="utf-8", newline="\n")) as out:
            out.write(content)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
