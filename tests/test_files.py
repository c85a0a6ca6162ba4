"""The file helpers both readers share: reading within a size, and a file's stamp."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizcli.bankfile import read_text
from quizcli.errors import BankError
from quizcli.files import read_capped, stamp
from quizcli.reading.article import ArticleError
from quizcli.reading.formats import read_file

WORDS = dict(folder="a folder", not_regular="a pipe", too_large="too large")


class Refused(Exception):
    pass


def _why(path: Path, limit: int = 10, **words: str) -> str:
    with pytest.raises(Refused) as caught:
        read_capped(path, limit, Refused, **{**WORDS, **words})
    return str(caught.value)


def test_a_file_within_the_limit_is_read_whole(tmp_path):
    path = tmp_path / "ten.txt"
    path.write_bytes(b"0123456789")
    assert read_capped(path, 10, Refused, **WORDS) == b"0123456789"
    assert _why(path, 9) == "too large"


def test_each_thing_wrong_is_said_in_the_callers_words(tmp_path):
    assert _why(tmp_path) == "a folder"
    assert _why(tmp_path / "missing") == "no such file"
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe")
        assert _why(tmp_path / "pipe") == "a pipe"
    blocked = tmp_path / "blocked" / "file"
    blocked.parent.mkdir()
    blocked.write_text("x")
    blocked.parent.chmod(0)
    try:
        if not os.access(blocked.parent, os.X_OK):  # root reads it anyway
            assert _why(blocked, unreadable="no: {}") == "no: Permission denied"
    finally:
        blocked.parent.chmod(0o755)


def test_a_bank_and_an_article_keep_their_own_words(tmp_path, monkeypatch):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * 2_000_001)
    monkeypatch.setattr("quizcli.bankfile.MAX_BANK_BYTES", 1_000_000)
    monkeypatch.setattr("quizcli.reading.formats.MAX_BYTES", 2_000_000)
    with pytest.raises(BankError) as bank:
        read_text(big)
    assert str(bank.value) == f"{big}: is larger than 1 MB; split it into banks of their own"
    with pytest.raises(ArticleError) as article:
        read_file(big)
    assert str(article.value) == f"{big}: is larger than 2 MB; no article is, so it is not read"
    with pytest.raises(BankError) as folder:
        read_text(tmp_path)
    assert str(folder.value) == f"{tmp_path}: is a folder, not a bank file"


def test_a_stamp_changes_with_the_file_and_names_its_real_path(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_text("one")
    first = stamp(path)
    assert first.startswith(f"{path.resolve()}:3:")
    path.write_text("two!")
    assert stamp(path) != first
    link = tmp_path / "link.yaml"
    link.symlink_to(path)
    assert stamp(link) == stamp(path)
    with pytest.raises(OSError):
        stamp(tmp_path / "missing.yaml")
