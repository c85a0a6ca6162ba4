"""Reading the review log of an Anki collection, to bring answers given in Anki back.

It reads `collection.anki2` itself, or a package exported with scheduling: a
`.colpkg` or an `.apkg`. The user's file is never opened for writing: it is
copied (with its write-ahead log) into a temporary folder and the copy is read.

A note's guid is the question id for decks quizcli exported. Each entry of
Anki's revlog is kept or left out as Anki's own FSRS does: an answer (ease 1-4)
counts unless it was crammed in a filtered deck without rescheduling (factor 0);
a manual entry with factor 0 is a reset (Forget); other manual entries (set due
date) and FSRS reschedulings are no answers.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from quizcli.errors import QuizcliError
from quizcli.review.store import RESET, Answer

SQLITE_MAGIC = b"SQLite format 3\x00"
ZIP_MAGIC = b"PK\x03\x04"
MEMBERS = ("collection.anki21b", "collection.anki21", "collection.anki2")
"""A package's collection, newest format first: a package from Anki 2.1.50 or later
keeps a stub `collection.anki2` that asks to upgrade Anki beside the real one."""
MANUAL, RESCHEDULED, FILTERED = 4, 5, 3
"""revlog.type values, as Anki names them."""
ADVICE = "give collection.anki2 from your Anki profile folder, or a .colpkg or .apkg " \
         "exported with scheduling information"


class AnkiLogError(QuizcliError):
    exit_code = 2


@dataclass(frozen=True)
class Entry:
    """One row of Anki's revlog, with the note guid and card template of its card."""

    revlog_id: int
    """When it was given, in epoch milliseconds."""
    ease: int
    kind: int
    factor: int
    duration_ms: int
    guid: str | None
    """None for a card deleted since."""
    ordinal: int | None


@dataclass(frozen=True)
class AnkiLog:
    answers: list[Answer]
    """Answers and resets, by question id (the note guid)."""
    foreign: int
    """Answers to cards no quizcli question could be: a deleted card's, or a note's
    second card."""
    not_answers: int
    """Entries that are no answer: set due date, rescheduled, crammed."""


def read_log(path: Path) -> AnkiLog:
    """The answers in the Anki collection or package at `path`, which stays untouched."""
    return to_answers(read_entries(path))


def to_answers(entries: list[Entry]) -> AnkiLog:
    """Anki's revlog as answers to questions, left out as Anki's FSRS leaves them out."""
    answers: list[Answer] = []
    foreign = not_answers = 0
    for e in entries:
        if e.kind == MANUAL and e.ease == 0 and e.factor == 0:
            rating = RESET
        elif (1 <= e.ease <= 4 and e.kind not in (MANUAL, RESCHEDULED)
              and not (e.kind == FILTERED and e.factor == 0)):
            rating = e.ease
        else:
            not_answers += 1
            continue
        if e.guid is None or e.ordinal != 0:  # quizcli's notes have one card each
            foreign += 1
            continue
        answers.append(Answer(e.guid, e.revlog_id, rating,
                              e.duration_ms if rating != RESET else None))
    return AnkiLog(answers, foreign, not_answers)


def read_entries(path: Path) -> list[Entry]:
    """Every revlog row of the collection or package at `path`."""
    head = _head(path)
    with tempfile.TemporaryDirectory(prefix="quizcli-anki-") as scratch:
        if head.startswith(SQLITE_MAGIC):
            _refuse_if_open(path)
            copy = Path(scratch, "collection.anki2")
            _copy(path, copy)
            wal = path.with_name(path.name + "-wal")
            if wal.is_file():  # answers not yet written into the collection itself
                _copy(wal, copy.with_name(copy.name + "-wal"))
        elif head.startswith(ZIP_MAGIC):
            copy = _unpack(path, Path(scratch))
        else:
            raise AnkiLogError(f"{path}: is not an Anki collection or package; {ADVICE}")
        return _query(path, copy)


def _head(path: Path) -> bytes:
    import stat

    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise AnkiLogError(f"{path}: is a folder; {ADVICE}")
        if not stat.S_ISREG(mode):
            raise AnkiLogError(f"{path}: is not a regular file; {ADVICE}")
        with path.open("rb") as handle:
            return handle.read(16)
    except FileNotFoundError:
        raise AnkiLogError(f"{path}: no such file; {ADVICE}") from None
    except OSError as exc:
        raise AnkiLogError(f"{path}: cannot be read ({exc.strerror}); check its "
                           "permissions") from None


def _copy(source: Path, target: Path) -> None:
    try:
        shutil.copyfile(source, target)
    except OSError as exc:
        if exc.filename and Path(exc.filename) == target:
            raise  # the temporary folder: a full disk, said as such by the CLI
        raise AnkiLogError(f"{source}: cannot be read ({exc.strerror}); if Anki has it "
                           "open, close Anki and try again") from None


def _refuse_if_open(path: Path) -> None:
    """Anki holds its collection with an exclusive SQLite lock while it is open, and a copy
    taken then may miss answers or be torn: say so instead. The lock is only tested,
    never taken for longer than the test."""
    try:
        import fcntl
    except ImportError:  # no POSIX locks: a copy of an open collection reads as it is
        return
    import errno

    shared_first, shared_size = 0x40000000 + 2, 510  # where SQLite's unix locks live
    with path.open("rb") as handle:
        try:
            fcntl.lockf(handle, fcntl.LOCK_SH | fcntl.LOCK_NB, shared_size, shared_first)
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EAGAIN):
                return  # a filesystem without locks cannot tell; the copy is read as it is
            raise AnkiLogError(f"{path}: is open in Anki, which locks it; close Anki (or "
                               "switch to another profile) and try again") from None
        fcntl.lockf(handle, fcntl.LOCK_UN, shared_size, shared_first)


def _unpack(path: Path, scratch: Path) -> Path:
    """The collection inside a package, written to `scratch`."""
    target = scratch / "collection.anki2"
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            member = next((m for m in MEMBERS if m in names), None)
            if member is None:
                raise AnkiLogError(f"{path}: is a zip file but holds no Anki collection; "
                                   f"{ADVICE}")
            decoder = _zstd() if member.endswith("b") else shutil.copyfileobj
            if decoder is not None:
                with package.open(member) as source, target.open("wb") as out:
                    decoder(source, out)
                return target
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise AnkiLogError(f"{path}: is a damaged package ({exc}); export it from Anki "
                           "again") from None
    except AnkiLogError:
        raise
    except Exception as exc:  # the decompressor's own error: a damaged collection in it
        if isinstance(exc, OSError) and exc.filename == str(target):
            raise  # the temporary folder: a full disk, said as such by the CLI
        raise AnkiLogError(f"{path}: is a damaged package ({exc}); export it from Anki "
                           "again") from None
    _restore_with_anki(path, target, scratch)
    return target


def _zstd():
    """A function that unpacks zstd from one file object into another: Anki 2.1.50 and
    later compress the collection in a package so. Python's own module (3.14) or the
    zstandard package; None without either."""
    try:
        from compression import zstd  # type: ignore[import-not-found]

        def unpack(source, out) -> None:
            with zstd.ZstdFile(source) as unpacked:
                shutil.copyfileobj(unpacked, out)

        return unpack
    except ImportError:
        pass
    try:
        import zstandard
    except ImportError:
        return None

    def unpack_with_zstandard(source, out) -> None:
        with zstandard.ZstdDecompressor().stream_reader(source) as unpacked:
            shutil.copyfileobj(unpacked, out)

    return unpack_with_zstandard


def _restore_with_anki(package: Path, target: Path, scratch: Path) -> None:
    """Unpack a compressed package with the anki package's own backend, when installed."""
    try:
        from anki._backend import RustBackend
    except ImportError:
        raise AnkiLogError(
            f"{package}: is compressed as Anki 2.1.50 and later compress packages; reading "
            "it needs the zstandard package (pip install zstandard), or export it again "
            "with 'Support older Anki versions' ticked, or give collection.anki2 from your "
            "Anki profile folder") from None
    try:
        RustBackend().import_collection_package(
            col_path=str(target), backup_path=str(package), media_folder=str(scratch / "media"),
            media_db=str(scratch / "media.db"))
    except Exception as exc:  # the backend's own error types: a damaged package
        raise AnkiLogError(f"{package}: cannot be unpacked ({exc}); export it from Anki "
                           "again") from None


def _query(original: Path, copy: Path) -> list[Entry]:
    import sqlite3

    try:
        db = sqlite3.connect(copy)
    except sqlite3.Error as exc:
        raise AnkiLogError(f"{original}: cannot be opened ({exc})") from None
    try:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master "
                                               "WHERE type = 'table'")}
        if not {"revlog", "cards", "notes"} <= tables:
            raise AnkiLogError(f"{original}: is an SQLite database but not an Anki "
                               f"collection (it has no revlog); {ADVICE}")
        return list(_rows(db))
    except sqlite3.DatabaseError as exc:
        message = str(exc).lower()
        if "not a database" in message or "malformed" in message or "corrupt" in message:
            raise AnkiLogError(f"{original}: is damaged ({exc}); in Anki, run Tools > Check "
                               "Database, close Anki and try again") from None
        raise AnkiLogError(f"{original}: cannot be read as an Anki collection ({exc}); "
                           f"{ADVICE}") from None
    finally:
        db.close()


def _rows(db) -> Iterator[Entry]:
    for revlog_id, ease, kind, factor, taken, guid, ordinal in db.execute(
            "SELECT r.id, r.ease, r.type, r.factor, r.time, n.guid, c.ord FROM revlog r "
            "LEFT JOIN cards c ON c.id = r.cid LEFT JOIN notes n ON n.id = c.nid "
            "ORDER BY r.id"):
        yield Entry(int(revlog_id), int(ease), int(kind), int(factor or 0),
                    max(0, int(taken or 0)), guid, ordinal)
