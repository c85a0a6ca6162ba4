"""The package's types check: mypy, set up in pyproject.toml, finds no error in it."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
from conftest import REPO


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed")
def test_mypy_finds_no_error_in_the_package():
    result = subprocess.run([sys.executable, "-m", "mypy", "quizcli"], cwd=REPO,
                            capture_output=True, text=True)

    assert result.returncode == 0, result.stdout + result.stderr
