"""A stranger's bank or article is data: no escape reaches the terminal, no tag breaks an
Anki import, no alias bomb is built."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHIPPED_BANKS

from quizcli.cli import app

SHIPPED = SHIPPED_BANKS / "korea-summits.yaml"


def _hostile_bank(tmp_path: Path, old: str, new: str) -> Path:
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "banks" / "korea-summits.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


ESCAPES = ["\x1b]0;owned\x07", "\x1b[2J", "\x1b]8;;https://evil.example\x1b\\link", "\x07",
           "\x9b31m", "\x00"]


@pytest.mark.parametrize("escape", ESCAPES, ids=[repr(e) for e in ESCAPES])
def test_a_bank_with_a_control_character_is_refused_by_line_and_never_echoed(
        runner, tmp_path, monkeypatch, escape):
    title = "title: The Trump–Kim summits and North Korea's denuclearisation"
    path = _hostile_bank(tmp_path, title, f'title: "The {_yaml(escape)}Trump"')
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code != 0
    assert "control character" in result.output and f"{path}:" in result.output
    monkeypatch.setenv("QUIZCLI_BANKS", str(path.parent))
    for command in (["banks"], ["validate", str(path)], ["status"]):
        out = runner.invoke(app, command)
        assert not any(c in out.output for c in ESCAPES if c != "\x00"), command
        assert "\x1b" not in out.output and "\x9b" not in out.output, command


def _yaml(escape: str) -> str:
    """The escape as a YAML double-quoted string writes it."""
    return "".join(f"\\x{ord(c):02x}" if ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f else
                   "\\\\" if c == "\\" else c for c in escape)


@pytest.mark.parametrize("tag", ["two\\nlines", "a\\tfield"])
def test_a_tag_that_would_break_an_anki_import_is_refused(runner, tmp_path, tag):
    path = _hostile_bank(tmp_path, "  tags:\n", f'  tags:\n    extra: "{tag}"\n')
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code != 0
    assert "one line of text" in result.output


def test_an_article_with_escapes_makes_a_bank_without_them(runner, quizcli_home, tmp_path):
    article = tmp_path / "escapes.txt"
    article.write_text(
        "Council Meets\x1b]0;owned\x07\n\nThe GST Council met in Delhi on 3 March 2025\x1b[2J"
        " and cut the rate on\x07 fertilisers to 5%, the finance minister said.\n"
        "The Council will meet again in June 2025 to review the rates on cement and steel.\n",
        encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(article), "--bank", "esc"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    bank = (quizcli_home / "banks" / "esc.yaml").read_text(encoding="utf-8")
    assert "\\e" not in bank and "\\x1b" not in bank and "\x1b" not in bank
    assert runner.invoke(app, ["validate", str(quizcli_home / "banks" / "esc.yaml")]
                         ).exit_code == 0
