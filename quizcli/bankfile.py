"""Reading and writing bank files (YAML), with every problem tied to its line.

Loading takes the fast path first: parse, check the plain data, build the
bank. Only when something is wrong is the text parsed again into nodes, to find
the line of each problem.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from quizcli import schema, yamlfast
from quizcli.errors import BankError, Problem
from quizcli.files import atomic_write, read_capped
from quizcli.memory import collector_paused
from quizcli.model import Bank

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# What a parser can raise on hostile text besides YAMLError: an impossible date
# such as 2018-02-30 (ValueError), or nesting deeper than the stack.
_PARSE_ERRORS = (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError)

HEADER = (
    "# A quizcli question bank (format 1): docs/bank-format.md describes every field.\n"
    "# Edit the wording freely, but keep each question's id: it carries its review history.\n"
)


class _Loader(yamlfast.QuickResolver, _BaseLoader):  # type: ignore[misc, valid-type]
    """A safe loader that also notes keys given twice in one mapping."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self.repeated_keys: list[Problem] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set[str] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in seen:
                    self.repeated_keys.append(Problem(
                        key_node.start_mark.line + 1,
                        f"'{key_node.value}' is given twice in the same mapping; "
                        "keep one",
                    ))
                seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)


class _Dumper(yamlfast.QuickResolver, _BaseDumper):  # type: ignore[misc, valid-type]
    pass


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _Flow(list):
    """A short list written on one line: `parties: [China, South Korea]`."""


def _represent_flow(dumper: yaml.SafeDumper, value: _Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Flow, _represent_flow)

_FLOW_KEYS = ("parties", "people")


def _layout(data: dict[str, Any]) -> dict[str, Any]:
    """Mark the short lists of a bank's plain data to be written on one line."""
    for fact in data["facts"]:
        for key in _FLOW_KEYS:
            if key in fact:
                fact[key] = _Flow(fact[key])
    for question in data["questions"]:
        if "tags" in question:
            question["tags"] = {k: _Flow(v) for k, v in question["tags"].items()}
    return data


def _yaml_problem(exc: BaseException) -> Problem:
    if isinstance(exc, RecursionError):
        return Problem(None, "the YAML is nested too deeply to be a bank")
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None
    if isinstance(exc, yaml.YAMLError):
        what = getattr(exc, "problem", None) or str(exc)
        return Problem(line, f"invalid YAML: {what}; fix the syntax near this line")
    if "digits" in str(exc) and "integer" in str(exc):
        return Problem(line, "a number thousands of digits long; no bank needs one")
    return Problem(line, f"invalid value: {exc}; fix it")


def _line_of(root: yaml.Node | None, path: schema.DataPath) -> int | None:
    """The line of the value at `path`, or of the nearest thing around it that exists."""
    if root is None:
        return None
    node, line = root, root.start_mark.line + 1
    for step in path:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == step:
                    node, line = value_node, key_node.start_mark.line + 1
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            if step >= len(node.value):
                return line
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_BaseLoader)
    except _PARSE_ERRORS:
        return None


def _line_of_bad_scalar(root: yaml.Node | None) -> int | None:
    """The line of the first value YAML reads but Python cannot hold: an impossible date
    (2026-02-30), an integer of thousands of digits."""
    import datetime as dt

    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.tag.endswith(":int") and len(node.value) > 4000:
                return node.start_mark.line + 1
            if node.tag.endswith(":timestamp"):
                try:
                    dt.date.fromisoformat(node.value[:10])
                except ValueError:
                    return node.start_mark.line + 1
        stack.extend(reversed(_children(node)))  # the first in the file comes out first
    return None


def _children(node: yaml.Node) -> list[yaml.Node]:
    """The nodes a list or a mapping holds, keys and values alike."""
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


_MAY_ALIAS = re.compile(r"(?:^|[\s:\-\[,{])[&*][^\s\]},]")
"""What an anchor or an alias needs: '&name' or '*name' after a space, a colon or a dash.
A bank without one needs no walk over its nodes ("R&D" is none)."""


def first_alias(root: yaml.Node | None) -> int | None:
    """The line of the first node the YAML reaches twice (an alias of an anchor), or None.
    Checked before anything is built, so that an alias bomb (a few hundred bytes that
    expand to gigabytes) costs nothing."""
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return node.start_mark.line + 1
        seen.add(id(node))
        stack.extend(_children(node))
    return None


class AliasError(Exception):
    """YAML that uses an anchor and an alias, at `line`."""

    def __init__(self, line: int):
        super().__init__(f"an anchor and alias at line {line}")
        self.line = line


def load_plain(loader: yaml.SafeLoader, text: str, *, quick: bool = False) -> Any:
    """The document `loader` holds (made from `text`), built only when it uses no anchor
    and alias; AliasError otherwise, before anything is built. `quick` builds plain data
    (a bank's) the short way (`yamlfast.built`), which gives what the loader would."""
    node = loader.get_single_node()
    shared = first_alias(node) if _MAY_ALIAS.search(text) else None
    if shared is not None:
        raise AliasError(shared)
    if node is None:
        return None
    if quick:
        try:
            return yamlfast.built(node, loader)
        except (yamlfast.Unusual, *_PARSE_ERRORS):
            pass  # the loader builds it again, and says what is wrong
    return loader.construct_document(node)


def parse_bank(text: str, path: Path | str = "<bank>") -> Bank:
    """Parse and check a bank; raise BankError listing every problem found."""
    with collector_paused():
        return _parse_bank(text, path)


def _parse_bank(text: str, path: Path | str) -> Bank:
    loader = _Loader(text)
    try:
        data: Any = load_plain(loader, text, quick=True)
    except AliasError as exc:
        raise BankError(path, [Problem(exc.line, "uses a YAML anchor and alias (&name, "
                                       "*name); a bank writes each value out in full")]) from None
    except _PARSE_ERRORS as exc:
        problem = _yaml_problem(exc)
        if problem.line is None:
            position = getattr(exc, "position", None)  # a character YAML does not allow
            line = text.count("\n", 0, position) + 1 if isinstance(position, int) else (
                _line_of_bad_scalar(_compose(text)))
            problem = Problem(line, problem.message)
        raise BankError(path, [problem]) from None
    finally:
        loader.dispose()
    found = schema.check(data)
    if not found and not loader.repeated_keys:
        return Bank.from_dict(data)
    root = _compose(text)
    problems = loader.repeated_keys + [Problem(_line_of(root, p), msg) for p, msg in found]
    problems.sort(key=lambda p: p.line or 0)
    raise BankError(path, problems)


MAX_BANK_BYTES = 100_000_000
"""A bank of some 100,000 questions; a larger file is not read."""


def read_text(path: Path) -> str:
    """A bank file's text; BankError when it cannot be read as UTF-8 text."""
    data = read_capped(
        path, MAX_BANK_BYTES, lambda why: BankError(path, [Problem(None, why)]),
        folder="is a folder, not a bank file",
        not_regular="is not a regular file (a pipe or a device); a bank is a .yaml file",
        too_large=f"is larger than {MAX_BANK_BYTES // 1_000_000} MB; split it into banks of "
                  "their own",
        unreadable="cannot be read: {}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise BankError(path, [Problem(
            line, f"is not UTF-8 text (byte {exc.start}); save the bank as UTF-8")]) from None


def load_bank(path: Path) -> Bank:
    """Read, parse and check the bank at `path`."""
    return parse_bank(read_text(path), path)


_DUMP_OPTIONS: dict[str, Any] = {
    "sort_keys": False, "allow_unicode": True, "default_flow_style": False, "width": 100_000}


def dump_bank(bank: Bank) -> str:
    """The bank as YAML text, in the order and layout a person reads."""
    with collector_paused():
        data = _layout(bank.to_dict())
        try:
            return HEADER + yamlfast.written(data, _Flow, yamlfast.Resolver())
        except yamlfast.Unusual:  # a value whose writing only the emitter decides
            pass
        try:
            node = yamlfast.nodes(data, _Flow, {})
        except yamlfast.Unusual:  # what only the general representer writes
            return HEADER + yaml.dump(data, Dumper=_Dumper, **_DUMP_OPTIONS)
        return HEADER + yamlfast.serialized(node, _Dumper, **_DUMP_OPTIONS)


def save_bank(bank: Bank, path: Path) -> None:
    """Write the bank atomically: an interrupted write leaves the old file whole."""
    atomic_write(path, dump_bank(bank))


def question_line(text: str, question_id: str) -> int:
    """The line (from 1) of a bank file's text where the question `question_id` begins;
    1 if no line does."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip() == f"- id: {question_id}":
            return number
    return 1
