"""Start-up stays fast: the CLI module must not pull in heavy libraries."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ["rich", "yaml", "sqlite3", "fsrs", "genanki", "quizcli.model", "quizcli.bankfile"]


def test_importing_the_cli_loads_no_heavy_module():
    code = (
        "import sys, quizcli.cli; "
        f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.split()
    assert loaded == []


def test_listing_banks_from_the_cache_does_not_parse_yaml(tmp_path):
    code = (
        "import sys\n"
        "from quizcli.catalog import discover\n"
        "discover()\n"
        "print('yaml' in sys.modules)\n"
    )
    env_run = dict(capture_output=True, text=True, check=True,
                   env={"QUIZCLI_HOME": str(tmp_path), "PATH": ""})
    first = subprocess.run([sys.executable, "-c", code], **env_run).stdout.strip()
    second = subprocess.run([sys.executable, "-c", code], **env_run).stdout.strip()
    assert (first, second) == ("True", "False")
