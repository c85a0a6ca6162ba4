"""Where quizcli keeps things: the user's state folder and the bank folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from quizcli.errors import QuizcliError

HOME_ENV = "QUIZCLI_HOME"
"""Relocates all user state (database, settings, the user's own banks)."""
BANKS_ENV = "QUIZCLI_BANKS"
"""Extra bank folders, separated like PATH: a study group's shared repository, say."""


def data_home() -> Path:
    """The folder that holds all user state, created on first use."""
    override = os.environ.get(HOME_ENV)
    home = Path(override).expanduser() if override else _platform_data_dir() / "quizcli"
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise QuizcliError(
            f"{home}: cannot be used as the quizcli folder ({exc.strerror}); "
            f"set {HOME_ENV} to a folder you can write to"
        ) from None
    return home


def _platform_data_dir() -> Path:
    """Where the platform keeps programs' user data (as platformdirs answers, without
    its import cost on every start)."""
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support"
    xdg = os.environ.get("XDG_DATA_HOME", "").strip()
    return Path(xdg) if os.path.isabs(xdg) else Path.home() / ".local" / "share"


def user_banks_dir() -> Path:
    """The user's own banks, where ingest writes by default."""
    return data_home() / "banks"


def shared_banks_dirs() -> list[Path]:
    """The folders named in $QUIZCLI_BANKS, in the order given."""
    value = os.environ.get(BANKS_ENV, "")
    return [Path(p).expanduser() for p in value.split(os.pathsep) if p.strip()]


def shipped_banks_dir() -> Path:
    """The banks that come with quizcli.

    An installed wheel carries them inside the package; a source checkout
    (or an editable install) has them at the top of the repository.
    """
    here = Path(__file__).resolve().parent
    packaged = here / "banks"
    return packaged if packaged.is_dir() else here.parent / "banks"
