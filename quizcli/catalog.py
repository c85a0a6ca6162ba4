"""Finding every bank quizcli can see, and telling which one a name means.

Listing banks is a start-up path, so the summary of each valid bank (id,
title, counts) is kept in a small cache keyed by the file's stamp (`files.stamp`: its
size and modification time, as the review store's sync keeps it). Any change to a file
makes it be read and checked again; a bank that fails its check is never cached, so its
problems show every time.
"""

from __future__ import annotations

import contextlib
import marshal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from quizcli import __version__, paths
from quizcli.errors import BankError, QuizcliError
from quizcli.files import stamp

if TYPE_CHECKING:
    from quizcli.model import Bank

BANK_SUFFIXES = (".yaml", ".yml")


class Folder(NamedTuple):
    """A place banks are read from. Earlier folders win when two banks share an id."""

    origin: str
    """user, shared or shipped."""
    path: Path


class BankSummary(NamedTuple):
    """What a listing shows of a bank, without loading its questions."""

    id: str
    title: str
    questions: int
    facts: int
    sources: int

    @classmethod
    def of(cls, bank: Bank) -> BankSummary:
        return cls(bank.id, bank.title, len(bank.questions), len(bank.facts), len(bank.sources))


class Entry(NamedTuple):
    summary: BankSummary
    path: Path
    origin: str
    shadowed_by: Path | None = None
    """Set when a bank with the same id in an earlier folder hides this one."""

    @property
    def id(self) -> str:
        return self.summary.id

    def load(self) -> Bank:
        """The whole bank, read and checked now."""
        from quizcli.bankfile import load_bank

        return load_bank(self.path)


class Catalog:
    """The banks found in some folders, and the files that failed their check."""

    def __init__(self, folders: list[Folder]):
        self.folders = folders
        self.entries: list[Entry] = []
        self.errors: list[BankError] = []

    def get(self, name: str) -> Entry:
        """The visible bank with this id; QuizcliError naming the known ones if none."""
        for entry in self.entries:
            if entry.id == name and entry.shadowed_by is None:
                return entry
        known = ", ".join(sorted({e.id for e in self.entries})) or "none"
        raise QuizcliError(f"no bank named {name!r}; banks available: {known}")


def bank_folders() -> list[Folder]:
    """The folders searched, in order of precedence."""
    folders = [Folder("user", paths.user_banks_dir())]
    folders += [Folder("shared", p) for p in paths.shared_banks_dirs()]
    folders.append(Folder("shipped", paths.shipped_banks_dir()))
    return folders


def bank_files(folder: Path) -> list[Path]:
    """Bank files under `folder`, sorted, skipping hidden files and folders."""
    if not folder.is_dir():
        return []
    found = [
        p
        for p in folder.rglob("*")
        if p.suffix in BANK_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and p.is_file()
    ]
    return sorted(found)


class _SummaryCache:
    """Summaries of valid banks, keyed by resolved path, size and mtime.

    Kept with marshal, which costs no import at start-up; the Python version is
    part of the key, since marshal's format may change between versions.
    """

    KEY = (__version__, sys.version_info[:2])

    def __init__(self, path: Path):
        self.path = path
        self.files: dict[str, Any] = {}
        self.dirty = False
        try:
            key, files = marshal.loads(path.read_bytes())
            if key == self.KEY and isinstance(files, dict):
                self.files = files
        except (OSError, ValueError, EOFError, TypeError):
            pass  # a missing or damaged cache is rebuilt

    def summary(self, file: Path) -> BankSummary:
        """The file's summary, from the cache if the file is unchanged; BankError if invalid."""
        key = str(file.resolve())
        try:
            now = stamp(file)
        except OSError:
            now = None  # gone or unreadable: load_bank says which
        cached = self.files.get(key)
        if now and cached and cached.get("stamp") == now:
            try:
                return BankSummary(**cached["summary"])
            except (TypeError, KeyError):
                pass
        from quizcli.bankfile import load_bank

        try:
            summary = BankSummary.of(load_bank(file))
        except BankError:
            if self.files.pop(key, None) is not None:
                self.dirty = True
            raise
        self.files[key] = {"stamp": now, "summary": summary._asdict()}
        self.dirty = True
        return summary

    def save(self) -> None:
        if not self.dirty:
            return
        from quizcli.files import atomic_write

        # The cache only saves time: a read-only home must not break listing.
        with contextlib.suppress(OSError):
            atomic_write(self.path, marshal.dumps((self.KEY, self.files)), durable=False)


SHIPPED_SUMMARIES = "summaries.json"
"""Beside the shipped banks: each one's summary and the SHA-1 of the file it is of, so that
listing them never parses YAML, even before the cache is made. Written by
`shipped_summaries`; a test keeps it true."""


def shipped_summaries(folder: Path) -> str:
    """The summaries file for the banks in `folder`, as JSON."""
    import json

    from quizcli.bankfile import load_bank
    from quizcli.ids import digest

    out = {}
    for file in bank_files(folder):
        out[file.relative_to(folder).as_posix()] = {
            "sha1": digest(file.read_bytes()),
            "summary": BankSummary.of(load_bank(file))._asdict()}
    return json.dumps(out, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _known_summary(folder: Path, file: Path, known: dict) -> BankSummary | None:
    """The shipped summary of `file`, if the file is still the one it was made of."""
    from quizcli.ids import digest

    entry = known.get(file.relative_to(folder).as_posix())
    if not entry:
        return None
    try:
        if digest(file.read_bytes()) != entry["sha1"]:
            return None
        return BankSummary(**entry["summary"])
    except (OSError, TypeError, KeyError):
        return None


def _shipped_known(folder: Path) -> dict:
    try:
        import json

        data = json.loads((folder / SHIPPED_SUMMARIES).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def discover(folders: list[Folder] | None = None) -> Catalog:
    """Every bank in the folders; a broken one is reported in `errors`, not fatal."""
    catalog = Catalog(folders if folders is not None else bank_folders())
    cache = _SummaryCache(paths.data_home() / "cache" / "banks.marshal")
    owner: dict[str, Path] = {}
    seen: set[Path] = set()
    for folder in catalog.folders:
        known = _shipped_known(folder.path) if folder.origin == "shipped" else {}
        for file in bank_files(folder.path):
            real = file.resolve()
            if real in seen:
                continue
            seen.add(real)
            try:
                summary = (known and _known_summary(folder.path, file, known)
                           ) or cache.summary(file)
            except BankError as exc:
                catalog.errors.append(exc)
                continue
            catalog.entries.append(Entry(summary, file, folder.origin, owner.get(summary.id)))
            owner.setdefault(summary.id, file)
    cache.save()
    return catalog


def loaded_banks(catalog: Catalog, but: str | None = None) -> list[Bank]:
    """Every visible bank that loads, but the one named `but`; a bank that fails its check
    is left out (`quizcli banks` reports it)."""
    banks = []
    for entry in catalog.entries:
        if entry.id != but and entry.shadowed_by is None:
            try:
                banks.append(entry.load())
            except BankError:
                continue
    return banks


def is_shipped(path: Path) -> bool:
    """Whether a bank file is one shipped with quizcli."""
    try:
        return path.resolve().parent == paths.shipped_banks_dir().resolve()
    except OSError:
        return False


def own_copy(shipped: Path) -> Path:
    """The user's own copy of a shipped bank, with the articles it cites, made once: it
    hides the shipped one, and an upgrade of quizcli never overwrites it."""
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
