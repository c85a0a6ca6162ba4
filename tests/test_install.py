"""A plain install works from anywhere: the shipped banks travel inside the package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv

import pytest
from conftest import REPO


@pytest.mark.slow
def test_plain_install_finds_the_shipped_banks_from_any_folder(tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet",
         "--disable-pip-version-check", str(REPO)],
        check=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "QUIZCLI_HOME": str(tmp_path / "home")}
    env.pop("QUIZCLI_BANKS", None)

    result = subprocess.run([str(bin_dir / "quizcli"), "banks", "--json"], cwd=elsewhere,
                            env=env, capture_output=True, text=True, check=True)

    [bank] = json.loads(result.stdout)["banks"]
    shipped = (REPO / "banks" / "korea-summits.yaml").read_text(encoding="utf-8")
    assert (bank["id"], bank["origin"]) == ("korea-summits", "shipped")
    assert bank["questions"] == shipped.count("\n- id: q-")
    installed = os.path.realpath(bank["path"])
    assert installed.startswith(os.path.realpath(env_dir))
    assert not installed.startswith(str(REPO))
    package = os.path.dirname(os.path.dirname(installed))
    assert os.path.isfile(os.path.join(package, "py.typed"))  # its types reach its users
    sources = os.path.join(os.path.dirname(installed), "sources")
    assert sorted(os.listdir(sources)) == sorted(p.name for p in (REPO / "banks/sources").iterdir())

    # and the main job works straight away: a study session on the shipped bank
    session = subprocess.run([str(bin_dir / "quizcli"), "study", "--mode", "mcq"], cwd=elsewhere,
                             env=env, input="1\n\nq\n", capture_output=True, text=True,
                             check=True)
    assert "Session over. Answered 1" in session.stdout
