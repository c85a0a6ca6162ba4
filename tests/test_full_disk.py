"""A full disk or a read-only one: every command says so, with no traceback and nothing
half-written. Needs a 1 MB filesystem to fill, which only root can mount; skipped without."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO / "banks" / "sources" / "000_446e8b18ea73393b.txt"
COMMANDS = [["banks"], ["validate", str(REPO / "banks")], ["facts", str(ARTICLE)],
            ["ingest", str(ARTICLE), "--bank", "t"], ["study"], ["status"], ["stats"],
            ["optimize"], ["cards"]] + [["export", "--format", kind, "-o", f"{{disk}}/x.{kind}"]
                             for kind in ("apkg", "anki-txt", "csv", "md", "json", "revlog")]
IDS = [c[0] + (c[2] if c[0] == "export" else "") for c in COMMANDS]


@pytest.fixture
def small_disk(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small filesystem here (needs root)")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def _run(command: list[str], disk: Path) -> subprocess.CompletedProcess:
    args = [c.replace("{disk}", str(disk)) for c in command]
    return subprocess.run([sys.executable, "-m", "quizcli", *args], input="q", text=True,
                          capture_output=True, timeout=60,
                          env={**os.environ, "QUIZCLI_HOME": str(disk / "home"),
                               "QUIZCLI_BANKS": ""})


def _files(disk: Path) -> set[str]:
    return {str(p.relative_to(disk)) for p in disk.rglob("*") if p.is_file()}


@pytest.mark.parametrize("free", [0, 40_000], ids=["full", "nearly-full"])
@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_a_full_disk_is_a_message_and_nothing_half_written(small_disk, command, free):
    (small_disk / "home").mkdir()
    with (small_disk / "fill").open("wb") as fill, contextlib.suppress(OSError):
        fill.write(b"\0" * 2_000_000)  # until the disk is full
    if free:  # room to start, then the disk fills up while the command writes
        os.truncate(small_disk / "fill", os.path.getsize(small_disk / "fill") - free)
    before = _files(small_disk)
    result = _run(command, small_disk)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1, 2)
    if result.returncode == 2:
        assert len(result.stderr.strip().splitlines()) == 1
    left = _files(small_disk) - before - {"home/quizcli.db"}
    assert not [f for f in left if f.endswith(".tmp")], left
    if result.returncode != 0:
        assert not [f for f in left if f.endswith((".yaml", ".txt", ".csv", ".md", ".json",
                                                   ".apkg", ".anki-txt"))], left


@pytest.mark.parametrize("command", COMMANDS, ids=IDS)
def test_a_read_only_home_is_a_message(small_disk, command):
    (small_disk / "home").mkdir()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    result = _run(command, small_disk)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 2)
