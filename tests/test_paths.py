from __future__ import annotations

import sys
from pathlib import Path

import pytest

from quizcli import paths


def test_quizcli_home_relocates_all_state_and_is_created_on_first_use(tmp_path, monkeypatch):
    home = tmp_path / "somewhere" / "quizcli"
    monkeypatch.setenv("QUIZCLI_HOME", str(home))
    assert not home.exists()

    assert paths.data_home() == home
    assert home.is_dir()
    assert paths.user_banks_dir() == home / "banks"


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG folders are for Linux")
def test_default_home_follows_xdg(tmp_path, monkeypatch):
    monkeypatch.delenv("QUIZCLI_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_home() == tmp_path / "xdg" / "quizcli"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    assert paths.data_home() == tmp_path / "user" / ".local" / "share" / "quizcli"


def test_shared_bank_folders_are_a_path_list(monkeypatch):
    monkeypatch.setenv("QUIZCLI_BANKS", f"/a/b{paths.os.pathsep}{paths.os.pathsep}~/c")
    assert paths.shared_banks_dirs() == [Path("/a/b"), Path("~/c").expanduser()]


def test_shipped_banks_are_found_in_a_checkout():
    assert (paths.shipped_banks_dir() / "korea-summits.yaml").is_file()
    assert (paths.shipped_banks_dir() / "sources" / "000_446e8b18ea73393b.txt").is_file()


def test_a_home_that_is_not_a_folder_is_a_clear_error(tmp_path, monkeypatch, runner):
    from quizcli.ui.app import app

    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    monkeypatch.setenv("QUIZCLI_HOME", str(not_a_folder))

    result = runner.invoke(app, ["banks"])

    assert result.exit_code == 1
    assert result.stderr.startswith(f"{not_a_folder}: cannot be used as the quizcli folder")
    assert "QUIZCLI_HOME" in result.stderr
