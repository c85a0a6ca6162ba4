"""Imports go one way (docs/architecture.md): the terminal uses the core, making and
review meet only in bank files, and reading knows nothing of what is made of it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "quizcli"

NEVER = {
    "reading": ("quizcli.making", "quizcli.review", "quizcli.export", "quizcli.ui"),
    "making": ("quizcli.review", "quizcli.export", "quizcli.ui"),
    "review": ("quizcli.making", "quizcli.export", "quizcli.ui"),
    "export": ("quizcli.making", "quizcli.reading", "quizcli.ui"),
}
"""What each layer may not import, even inside a function."""
TERMINAL = ("typer", "rich", "click", "quizcli.ui")


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def modules(folder: str = "") -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(NEVER))
def test_a_layer_imports_nothing_above_it(layer):
    wrong = {f"{path.relative_to(PACKAGE)}: {name}" for path in modules(layer)
             for name in imported(path) if name.startswith(NEVER[layer])}
    assert not wrong


def test_only_the_terminal_layer_imports_the_terminal():
    core = [p for p in modules() if "ui" not in p.relative_to(PACKAGE).parts
            and p.name != "__main__.py"]
    wrong = {f"{path.relative_to(PACKAGE)}: {name}" for path in core
             for name in imported(path) if name.split(".")[0] in TERMINAL[:3]
             or name.startswith(TERMINAL[3])}
    assert not wrong


def test_modules_and_functions_stay_small():
    """No module over 400 lines, no function over 60, and no more than six parameters
    that may be given by position."""
    too_big = []
    for path in modules():
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(PACKAGE)
        if text.count("\n") > 400:
            too_big.append(f"{name}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                positional = len(node.args.posonlyargs) + len(node.args.args)
                if lines > 60 or positional > 6:
                    too_big.append(f"{name}:{node.lineno} {node.name}: {lines} lines, "
                                   f"{positional} positional")
    assert not too_big
