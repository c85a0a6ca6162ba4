"""Files: written so that an interruption never leaves a half-written one, read within a
size with what is wrong said in words, stamped to tell a change, and locked."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path


def atomic_write(path: Path, content: str | bytes, *, durable: bool = True,
                 mode: int | None = None) -> None:
    """Replace `path` with `content` so that readers see the old or the new file, never half.

    `durable` also flushes the new file to disk before it takes the name, so
    that a power cut cannot leave an empty file; a cache can skip that cost. `mode` is
    what `new_file_mode` gives, read beforehand where threads write (the umask is read by
    setting it).
    """
    import tempfile  # costs start-up time; only writers need it

    data = content if isinstance(content, bytes) else content.encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:  # name the file it was for, not the temporary one
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        # mkstemp makes the file 0600; the file takes the mode any new file of the user's
        # would have, as if opened with open().
        os.chmod(tmp, new_file_mode() if mode is None else mode)
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.errno is not None:  # name the file, not the temp
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        raise


def read_capped(path: Path, limit: int, fail: Callable[[str], Exception], *, folder: str,
                not_regular: str, too_large: str, unreadable: str = "cannot be read ({})"
                ) -> bytes:
    """The bytes of the regular file at `path`, if it holds no more than `limit`. Else the
    exception `fail` makes of what is wrong is raised: `folder`, `not_regular` (a pipe or a
    device), `too_large`, "no such file", or `unreadable` with the system's reason in it."""
    import stat

    why = None
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            why = folder
        elif not stat.S_ISREG(mode):
            why = not_regular
        else:
            with path.open("rb") as handle:
                data = handle.read(limit + 1)
            if len(data) > limit:
                why = too_large
    except IsADirectoryError:
        why = folder
    except FileNotFoundError:
        why = "no such file"
    except OSError as exc:
        why = unreadable.format(exc.strerror)
    if why is not None:
        raise fail(why) from None
    return data


def stamp(path: Path) -> str:
    """What the file is now, to tell whether it has changed since: its real path, its size
    and when it was last modified. OSError when it cannot be looked at."""
    status = path.stat()
    return f"{path.resolve()}:{status.st_size}:{status.st_mtime_ns}"


def new_file_mode() -> int:
    """The mode a new file of the user's gets, as if opened with open()."""
    return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask: only read by setting it, so it is set straight back."""
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def locked(path: Path, wait: float = 120.0) -> Iterator[None]:
    """Hold `path` for one process while it reads, changes and writes it; another process
    that wants it waits (at most `wait` seconds). The lock is a file in the system's
    temporary folder, named after the path, so the bank's own folder gets none."""
    try:
        import fcntl
    except ImportError:  # no advisory locks here: one writer at a time is up to the user
        yield
        return
    import tempfile

    from quizcli.errors import QuizcliError
    from quizcli.ids import digest

    name = digest(str(path.absolute()), 16)
    fd = os.open(Path(tempfile.gettempdir(), f"quizcli-{name}.lock"),
                 os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise QuizcliError(f"{path}: another quizcli command has been writing it "
                                       f"for {wait:.0f} s; let it finish, then try again"
                                       ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing lets the lock go
