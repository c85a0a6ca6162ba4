"""A stranger's bank or article is data: no escape reaches the terminal, no tag breaks an
Anki import, no alias bomb is built."""

from __future__ import annotations

from pathlib import Path

import pytest
from bankgen import MINIMAL
from conftest import SHIPPED_BANKS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizcli.ui.app import app

SHIPPED = SHIPPED_BANKS / "korea-summits.yaml"
anki = pytest.importorskip("anki.collection")


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
        "Board Meets\x1b]0;owned\x07\n\nThe Fisheries Board met in Pune on 3 March 2025\x1b[2J"
        " and cut the levy on\x07 trawlers to 4%, the board's chair said.\n"
        "The Board will meet again in June 2025 to review the levy on nets and engines.\n",
        encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(article), "--bank", "esc"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    bank = (quizcli_home / "banks" / "esc.yaml").read_text(encoding="utf-8")
    assert "\\e" not in bank and "\\x1b" not in bank and "\x1b" not in bank
    assert runner.invoke(app, ["validate", str(quizcli_home / "banks" / "esc.yaml")]
                         ).exit_code == 0


HOSTILE_TEXT = st.lists(st.sampled_from(
    list("=+-@<>&\"'{}: ab\t\n") + ["<script>", "{{c1::", "}}", "\x1b[2J", "\x07",
                                     "=SUM(1+1)", "<img src=x onerror=alert(1)>"]),
    min_size=1, max_size=12).map("".join).filter(lambda s: s.strip())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(prompt=HOSTILE_TEXT, answer=HOSTILE_TEXT, tag=HOSTILE_TEXT, other=HOSTILE_TEXT)
def test_any_text_in_a_bank_stays_inert_in_every_export(tmp_path_factory, prompt, answer, tag,
                                                        other):
    """Text that a validated bank may hold (a control character refuses it) reaches no
    terminal raw, makes no live element or extra note in Anki and no formula in a CSV."""
    import csv
    import io

    from quizcli.bankfile import parse_bank
    from quizcli.errors import BankError
    from quizcli.export import render

    text = MINIMAL.replace("Where will the meeting take place?", _quoted(prompt), 1)
    text = text.replace("choices: [Vietnam, Singapore, China]\n  answer: Vietnam",
                        f"choices: [{_quoted(answer)}, Singapore, China]\n"
                        f"  answer: {_quoted(answer)}", 1)
    text = text.replace("  fact: f1\n", f"  fact: f1\n  tags:\n    extra: {_quoted(tag)}\n", 1)
    # every other field: the bank's and the source's titles, the evidence, a wrong choice
    text = (text.replace("title: A tiny bank", f"title: {_quoted(other)}")
            .replace("title: An article", f"title: {_quoted(other)}")
            .replace("evidence: The meeting will take place in Vietnam.",
                     f"evidence: {_quoted(other + ' Vietnam')}")
            .replace(", Singapore, China]", f", {_quoted(other + ' x')}, China]"))
    try:
        bank = parse_bank(text, "hostile.yaml")
    except BankError:
        return  # refused, so nothing of it reaches a terminal or an export
    rows = list(csv.reader(io.StringIO(render([bank], "csv"), newline="")))
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows[1:]
               for cell in row)
    deck = render([bank], "anki-txt")
    notes = [line for line in deck.splitlines() if not line.startswith("#")]
    assert len(notes) == len(bank.questions)
    assert all(line.count("\t") == 5 for line in notes)
    assert "<script" not in deck and "\x1b" not in deck
    folder = tmp_path_factory.mktemp("anki")
    path = folder / "deck.txt"
    path.write_text(deck, encoding="utf-8")
    col = anki.Collection(str(folder / "c.anki2"))
    try:
        from anki.import_export_pb2 import ImportCsvRequest

        col.import_csv(ImportCsvRequest(path=str(path),
                                        metadata=col.get_csv_metadata(str(path), None)))
        assert col.note_count() == len(bank.questions)
        package = folder / "deck.apkg"
        package.write_bytes(render([bank], "apkg"))
        options = anki.ImportAnkiPackageOptions(merge_notetypes=True, with_scheduling=False)
        col.import_anki_package(anki.ImportAnkiPackageRequest(package_path=str(package),
                                                              options=options))
        for card_id in col.find_cards(""):
            card = col.get_card(card_id)
            for side in (card.question(), card.answer()):
                assert "<script" not in side and "<img" not in side and "\x1b" not in side
        for note_id in col.find_notes(""):
            assert all(" " not in t and "\t" not in t for t in col.get_note(note_id).tags)
    finally:
        col.close()


@given(st.text(max_size=60))
def test_text_with_a_control_character_is_refused_and_any_other_is_kept(value):
    from quizcli.schema import text

    controls = [c for c in value if (ord(c) < 0x20 and c not in "\t\n") or 0x7f <= ord(c)
                <= 0x9f]
    problem = text(value)
    if controls:
        assert problem and "control character" in problem
    elif value.strip():
        assert problem is None


def _quoted(text: str) -> str:
    """Text as a YAML double-quoted scalar."""
    return '"' + "".join(
        "\\\\" if c == "\\" else '\\"' if c == '"' else "\\n" if c == "\n" else
        "\\t" if c == "\t" else f"\\x{ord(c):02x}" if ord(c) < 0x20 else c for c in text) + '"'


BOMB = "".join(
    [f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 9) + "]\n"
     for i in range(1, 9)])


def test_an_alias_bomb_in_a_bank_is_refused_before_it_is_built(runner, tmp_path):
    import time

    path = tmp_path / "bomb.yaml"
    path.write_text('quizcli_bank: 1\na: &a ["lol","lol","lol","lol","lol","lol","lol"]\n'
                    + BOMB, encoding="utf-8")
    start = time.perf_counter()
    result = runner.invoke(app, ["validate", str(path)])
    assert time.perf_counter() - start < 2
    assert result.exit_code != 0 and "anchor and alias" in result.output
    assert f"{path}:" in result.output


def test_an_alias_bomb_in_the_config_is_refused(runner, quizcli_home):
    (quizcli_home / "config.yaml").write_text(
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol"]\n' + BOMB, encoding="utf-8")
    result = runner.invoke(app, ["status"])
    assert result.exit_code != 0
    assert "anchor and alias" in result.output and "config.yaml:" in result.output


@pytest.mark.parametrize("name", ["../../escaped-bank", "/tmp/absolute", "a/b", "Has Spaces",
                                  ".hidden"])
def test_a_bank_name_that_is_no_bank_id_is_refused_and_nothing_written(
        runner, quizcli_home, tmp_path, name):
    article = tmp_path / "a.txt"
    article.write_text((SHIPPED_BANKS / "sources").glob("*.txt").__next__().read_text(
        encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(article), "--bank", name])
    assert result.exit_code == 2 and "not a usable bank name" in result.stderr
    assert not list(quizcli_home.rglob("*.yaml"))
    assert not (tmp_path / "escaped-bank.yaml").exists()


@pytest.mark.parametrize("where", ["../../../../etc/passwd", "/etc/passwd", "C:/Windows/x",
                                   "sources/../../x"])
def test_a_source_path_outside_the_banks_folder_is_refused_by_line(runner, tmp_path, where):
    path = _hostile_bank(tmp_path, "path: sources/000_446e8b18ea73393b.txt",
                         f"path: {where}")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code != 0 and "leads outside the bank's folder" in result.output
    assert f"{path}:" in result.output


@pytest.mark.parametrize("kind", ["symlink", "fifo", "device", "folder"])
def test_export_writes_only_to_a_regular_file_or_a_new_name(runner, tmp_path, kind):
    import os

    target = tmp_path / "out.csv"
    if kind == "symlink":
        victim = tmp_path / "victim.txt"
        victim.write_text("keep me", encoding="utf-8")
        target.symlink_to(victim)
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "device":
        target = Path("/dev/null")
    else:
        target.mkdir()
    result = runner.invoke(app, ["export", "--format", "csv", "-o", str(target)])
    assert result.exit_code == 2 and "not a file" in result.stderr
    if kind == "symlink":
        assert target.is_symlink() and (tmp_path / "victim.txt").read_text() == "keep me"
    elif kind == "fifo":
        import stat

        assert stat.S_ISFIFO(os.lstat(target).st_mode)
    elif kind == "device":
        assert target.is_char_device()


@pytest.mark.parametrize("command", ["validate", "facts", "ingest"])
def test_a_pipe_named_like_a_bank_or_article_is_refused_not_waited_on(runner, tmp_path,
                                                                      command):
    import os

    fifo = tmp_path / ("bank.yaml" if command == "validate" else "article.txt")
    os.mkfifo(fifo)
    result = runner.invoke(app, [command, str(fifo)])
    assert result.exit_code != 0
    assert "not a regular file" in result.output


@pytest.mark.parametrize("line", ["exam_date: 2027-02-30", "exam_date: 9999-12-31",
                                  "parameters: [1, 2, 3]", "parameters: [.nan, 1.0]",
                                  "parameters: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, "
                                  "0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]"])
@pytest.mark.parametrize("command", [["status"], ["stats"], ["study"]])
def test_an_impossible_setting_is_a_message_not_a_traceback(runner, quizcli_home, line,
                                                            command):
    (quizcli_home / "config.yaml").write_text(line + "\n", encoding="utf-8")
    result = runner.invoke(app, command, input="q")
    assert result.exit_code == 2, result.output
    assert "config.yaml" in result.output and "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception,
                                                                      SystemExit)


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_date_no_article_has_is_refused(runner, tmp_path, day):
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nThe council met in Delhi on Monday to review the GST rates.\n",
                       encoding="utf-8")
    for command in ("facts", "ingest"):
        result = runner.invoke(app, [command, str(article), "--date", day])
        assert result.exit_code == 2 and "1800" in result.output and "Traceback" not in (
            result.output)


@pytest.mark.parametrize(("change", "line", "words"), [
    (("updated: '", "updated: 2026-02-30\nx_updated: '"), 7, "out of range"),
    (("quizcli_bank: 1", "quizcli_bank: " + "9" * 5000), 3, "digits long"),
    (("title: The Trump", "title: The \x00Trump"), 5, "control characters"),
])
def test_every_bank_error_names_its_line(runner, tmp_path, change, line, words):
    path = _hostile_bank(tmp_path, *change)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code != 0 and f"{path}:{line}:" in result.output, result.output
    assert words in result.output


def test_export_says_which_banks_it_left_out(runner, tmp_path, monkeypatch):
    broken = tmp_path / "shared" / "broken.yaml"
    broken.parent.mkdir()
    broken.write_text("quizcli_bank: 1\nid: broken\n", encoding="utf-8")
    monkeypatch.setenv("QUIZCLI_BANKS", str(broken.parent))
    result = runner.invoke(app, ["export", "--format", "csv", "-o", str(tmp_path / "out.csv")])
    assert result.exit_code == 2
    assert "left out" in result.stderr and "broken.yaml" in result.stderr
    assert (tmp_path / "out.csv").exists()  # the banks that pass are written


def test_a_text_too_long_for_any_question_is_refused(runner, tmp_path):
    path = _hostile_bank(tmp_path, "title: The Trump", "title: The " + "Trump " * 5000)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code != 0 and "characters long" in result.output
    assert f"{path}:5:" in result.output


def test_a_file_name_with_an_escape_is_shown_not_sent(runner, tmp_path):
    name = tmp_path / "\x1b]0;owned\x07.txt"
    for command in (["facts", str(name)], ["ingest", str(name)], ["validate", str(name)]):
        result = runner.invoke(app, command)
        assert result.exit_code != 0
        assert "\x1b" not in result.output and "\x07" not in result.output
        assert "\\x1b" in result.output


def _unsafe(shown: str) -> list[str]:
    """Characters that would drive a terminal, once rich's own colour codes are taken out."""
    import re

    plain = re.sub(r"\x1b\[[0-9;]*m", "", shown)
    return [c for c in plain if (ord(c) < 0x20 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f]


@pytest.mark.parametrize("escape", ESCAPES, ids=[repr(e) for e in ESCAPES])
def test_text_past_the_banks_check_still_reaches_the_screen_as_codes(
        runner, quizcli_home, monkeypatch, escape):
    """The bank's check is the first guard; the screen is the last. With the first turned
    off, `banks`, `status` and `study` still show an escape as its code."""
    import re

    monkeypatch.setattr("quizcli.schema.values.CONTROL", re.compile(r"(?!)"))
    (quizcli_home / "banks").mkdir()
    hostile = f'"Where {_yaml(escape)}will the meeting take place?"'
    (quizcli_home / "banks" / "tiny.yaml").write_text(
        MINIMAL.replace("Where will the meeting take place?", hostile)
        .replace("title: A tiny bank", f'title: "A {_yaml(escape)}tiny bank"'), encoding="utf-8")
    assert runner.invoke(app, ["validate", str(quizcli_home / "banks" / "tiny.yaml")]
                         ).exit_code == 0
    for command, keys in ((["banks"], ""), (["status"], ""),
                          (["study", "--mode", "mcq"], "1\n\nq\n")):
        result = runner.invoke(app, command, input=keys)
        assert result.exit_code == 0, result.output
        assert not _unsafe(result.output), command
        if command[0] == "banks" or (command[0] == "study" and escape[0] == "\x1b"):
            assert f"\\x{ord(escape[0]):02x}" in result.output, command


@settings(max_examples=60, deadline=None)
@given(text=st.text(st.characters(max_codepoint=0x2000)), style=st.sampled_from(
    ["", "bold", "red on white"]))
def test_whatever_text_a_console_is_given_no_control_leaves_it(text, style):
    """The one sanitiser under every rich view: styles are drawn, but a control character
    in the text is written as its code."""
    import io

    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from quizcli.ui.output import console

    out = io.StringIO()
    screen = console(file=out, force_terminal=True, width=60, color_system="standard")
    table = Table("name", "value")
    table.add_row(text, Text(text, style=style or "none"))
    screen.print(text, markup=False)
    screen.print(Panel(Text(text, style=style or "none"), title="x"))
    screen.print(table)
    assert not _unsafe(out.getvalue())
