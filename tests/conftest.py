from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

settings.register_profile("ci", deadline=None, max_examples=200)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

REPO = Path(__file__).resolve().parent.parent
SHIPPED_BANKS = REPO / "banks"
SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold"


def not_beside(folder: str) -> str:
    """Why a test of the project's shared data skips, and what a contributor does about it."""
    return (f"needs ../shared/{folder}, the project's shared test data, which is not beside "
            "this checkout: put the shared folder next to your clone (as ../shared) to run "
            "this test; every other test runs without it")


def coverage_module():
    """shared/gold/coverage.py, loaded as a module; the test skips without it."""
    import importlib.util

    script = GOLD / "coverage.py"
    if not script.is_file():
        pytest.skip(not_beside("gold"))
    spec = importlib.util.spec_from_file_location("gold_coverage", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def quizcli_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty quizcli folder and no shared bank folders."""
    home = tmp_path_factory.mktemp("quizcli-home")
    monkeypatch.setenv("QUIZCLI_HOME", str(home))
    monkeypatch.delenv("QUIZCLI_BANKS", raising=False)
    return home


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


EVERY_COMMAND = (
    "import importlib, sys\n"
    "from quizcli.ui.app import COMMANDS\n"
    "for area in sorted(set(COMMANDS.values())):\n"
    "    importlib.import_module(f'quizcli.ui.commands.{area}')\n"
)
"""Imports the command line with every command in it, as `quizcli --help` does."""
