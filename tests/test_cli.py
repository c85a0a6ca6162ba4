from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import typer
from bankgen import MINIMAL
from conftest import SHIPPED_BANKS

from quizcli import __version__
from quizcli.ui.app import app

GROUP = typer.main.get_command(app)
COMMANDS = {name: GROUP.get_command(None, name).callback for name in GROUP.list_commands(None)}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help(runner, command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    summary = COMMANDS[command].__doc__
    assert summary and summary.split("\n")[0] in result.stdout


def test_each_area_holds_the_commands_the_app_names_and_no_other():
    import importlib

    from quizcli.ui.app import COMMANDS as NAMED

    for area in set(NAMED.values()):
        built = typer.main.get_command(importlib.import_module(f"quizcli.ui.commands.{area}").app)
        names = set(getattr(built, "commands", {built.name: built}))
        assert names == {name for name, held in NAMED.items() if held == area}, area
    assert len(COMMANDS) == 15


def test_version(runner):
    assert runner.invoke(app, ["--version"]).stdout == f"quizcli {__version__}\n"


def test_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "quizcli", "--help"], capture_output=True,
                            text=True, check=True)
    assert "validate" in result.stdout


def test_validate_reports_every_problem_with_its_line(runner, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        MINIMAL.replace("title: A tiny bank", "title: [A, list]")
        .replace("China]\n  answer: Vietnam", "China]\n  answer: Hanoi")
        .replace("  fact: f1\n", "  fact: f1\n  promt: typo\n"),
        encoding="utf-8",
    )
    before = bad.read_bytes()

    result = runner.invoke(app, ["validate", str(bad)])

    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{bad}:3: bank: 'title' must be text, not a list",
        f"{bad}:20: question q1: the answer 'Hanoi' is not one of its choices; it must be "
        "exactly one of them",
        f"{bad}:24: question q1: unknown field 'promt'; did you mean 'prompt'?",
    ]
    assert result.stdout == ""
    assert bad.read_bytes() == before


def test_validate_folders_and_files_together(runner, tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text(MINIMAL, encoding="utf-8")
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()

    result = runner.invoke(app, ["validate", str(SHIPPED_BANKS), str(good), str(empty_dir),
                                 str(tmp_path / "missing.yaml")])

    assert result.exit_code == 2
    assert "korea-summits.yaml: ok, bank 'korea-summits': " in result.stdout
    assert "good.yaml: ok, bank 'tiny': 1 questions, 1 facts, 1 sources" in result.stdout
    assert f"{empty_dir}: holds no bank files (.yaml or .yml)" in result.stderr
    assert f"{tmp_path / 'missing.yaml'}: no such file" in result.stderr


def test_validate_passes_the_shipped_banks(runner):
    result = runner.invoke(app, ["validate", str(SHIPPED_BANKS)])
    assert result.exit_code == 0, result.output


def test_validate_needs_a_path(runner):
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    assert "Missing argument" in result.output


def test_the_console_script_builds_only_the_command_asked_for_and_behaves_the_same(runner):
    """main() gives Typer just the command being run, for start-up time."""
    direct = runner.invoke(app, ["banks", "--json"])
    script = subprocess.run([sys.executable, "-m", "quizcli", "banks", "--json"],
                            capture_output=True, text=True)
    assert (script.returncode, script.stdout) == (direct.exit_code, direct.stdout)
    missing = subprocess.run([sys.executable, "-m", "quizcli", "validate"],
                             capture_output=True, text=True)
    assert missing.returncode == 2 and "Missing argument" in missing.stderr
    unknown = subprocess.run([sys.executable, "-m", "quizcli", "nope"],
                             capture_output=True, text=True)
    assert unknown.returncode == 2 and "No such command" in unknown.stderr


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_options_are_named_by_what_they_take(runner, command):
    """NAME, N, FILE, DAY: never a type such as <str> or a range such as [x>=1]."""
    text = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"}).stdout
    options = [line for line in text.splitlines() if " --" in line]
    for line in options:
        for unclear in ("<str>", "<int", "<path>", "<text>", "x>=", "x<=", "<=x"):
            assert unclear not in line, line


def test_optimize_help_names_the_extra_to_install(runner):
    text = runner.invoke(app, ["optimize", "--help"], env={"COLUMNS": "200"}).stdout
    assert "pip install 'quizcli[optimize]'" in text


def test_study_help_lists_the_modes_and_names_what_options_take(runner):
    text = runner.invoke(app, ["study", "--help"], env={"COLUMNS": "200"}).stdout
    assert "mcq|recall|mixed" in text
    assert "--bank" in text and "NAME" in text
    assert "--limit" in text and " N " in text


def test_a_number_out_of_range_is_said_when_given(runner):
    result = runner.invoke(app, ["study", "--limit", "0"])
    assert result.exit_code == 2
    assert "0 is not 1 or more" in result.output
    result = runner.invoke(app, ["stats", "--days", "3"])
    assert result.exit_code == 2
    assert "3 is not from 7 to 3650" in result.output
    result = runner.invoke(app, ["study", "--mode", "typing"])
    assert result.exit_code == 2


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no umask to follow")
@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_an_exported_file_takes_the_users_umask(runner, tmp_path, umask):
    import os
    import stat

    target = tmp_path / "questions.csv"
    before = os.umask(umask)
    try:
        first = runner.invoke(app, ["export", "--format", "csv", "-o", str(target)])
        again = runner.invoke(app, ["export", "--format", "md", "-o", str(target)])
    finally:
        os.umask(before)
    assert first.exit_code == 0 and again.exit_code == 0, first.output + again.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_the_shell_completes_commands_and_options(runner, monkeypatch):
    import shellingham  # the script shown is for the shell the command is run from

    monkeypatch.setattr(shellingham, "detect_shell", lambda: ("bash", "/bin/bash"))
    shown = runner.invoke(app, ["--show-completion"], prog_name="quizcli")
    assert shown.exit_code == 0 and "_quizcli_completion" in shown.output

    def complete(words: str) -> list[str]:
        result = runner.invoke(app, [], prog_name="quizcli", env={
            "_QUIZCLI_COMPLETE": "complete_bash", "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - 1)})
        assert result.exit_code == 0, result.output
        return result.output.split()

    assert complete("quizcli stu") == ["study"]
    assert "--mode" in complete("quizcli study --m")


def test_the_console_script_completes_commands_too(tmp_path):
    run = ("import sys\nfrom quizcli.ui.app import main\nsys.argv[0] = 'quizcli'\n"
           "sys.argv[1:] = sys.argv[2:]\nmain()\n")
    env = {"QUIZCLI_HOME": str(tmp_path), "PATH": ""}
    # Run from bash, as a user would: the script shown is for the shell it is run from.
    bash = shutil.which("bash") or "/bin/bash"
    shown = subprocess.run([bash, "-c", '"$0" -c "$1" - --show-completion; true',
                            sys.executable, run],
                           capture_output=True, text=True, env=env, check=True).stdout
    assert "_quizcli_completion" in shown
    done = subprocess.run([sys.executable, "-c", run, "-"], capture_output=True, text=True,
                          check=True, env={**env, "_QUIZCLI_COMPLETE": "complete_bash",
                                           "COMP_WORDS": "quizcli imp", "COMP_CWORD": "1"})
    assert done.stdout.split() == ["import-reviews"]
