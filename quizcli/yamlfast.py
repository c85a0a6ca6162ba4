"""The short ways through PyYAML that a bank's plain data allows, each giving just what
the general way gives: the same Python data from a parse, the same text from a dump.

A bank holds only mappings with text keys, lists, text, whole numbers, true or
false and null. For those, the general constructor and representer (written for
any Python object) cost more than the parsing and the emitting themselves. What
holds anything else (a date left unquoted, a key given twice, a merge key) is
left to the general way, which also says what is wrong with it.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_TAG = "tag:yaml.org,2002:"
STR, INT, BOOL, NULL = (_TAG + name for name in ("str", "int", "bool", "null"))
SEQ, MAP = _TAG + "seq", _TAG + "map"


class Unusual(Exception):
    """Something the short way does not build or write; the general way does."""


class QuickResolver:
    """Mixed into a Loader or Dumper: a plain scalar whose first character no implicit tag
    can begin with is text, told without trying the patterns of the others."""

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        table = self.yaml_implicit_resolvers  # type: ignore[attr-defined]
        if (kind is yaml.ScalarNode and not self.yaml_path_resolvers  # type: ignore[attr-defined]
                and (not implicit[0] or (value != "" and value[0] not in table
                                         and None not in table))):
            return self.DEFAULT_SCALAR_TAG  # type: ignore[attr-defined]
        return super().resolve(kind, value, implicit)  # type: ignore[misc]


def built(node: yaml.Node, loader: yaml.SafeLoader) -> Any:
    """The plain data of a tree of nodes (no node in it twice), as `loader` would construct
    it; Unusual for what it does not know, or a key given twice in one mapping."""
    if type(node) is yaml.ScalarNode:
        tag = node.tag
        if tag == STR:
            return node.value
        if tag == NULL:
            return None
        if tag == INT:
            return loader.construct_yaml_int(node)
        if tag == BOOL:
            return loader.construct_yaml_bool(node)
        raise Unusual(tag)
    if type(node) is yaml.MappingNode and node.tag == MAP:
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode or key_node.tag != STR:
                raise Unusual(key_node.tag)
            key = key_node.value
            if key in mapping:
                raise Unusual(key)
            mapping[key] = built(value_node, loader)
        return mapping
    if type(node) is yaml.SequenceNode and node.tag == SEQ:
        return [built(item, loader) for item in node.value]
    raise Unusual(node.tag)


def nodes(data: Any, flow: type, made: dict[int, yaml.Node]) -> yaml.Node:
    """The nodes a SafeDumper represents `data` by, with text holding a line break as a
    literal block and lists of the type `flow` on one line; Unusual for any other type.
    `made` holds the node of each list and mapping, so that one met twice is one node
    (which the serializer writes as an anchor and an alias, as the representer does)."""
    kind = type(data)
    if kind is str:
        return yaml.ScalarNode(STR, data, style="|" if "\n" in data else None)
    if data is None:
        return yaml.ScalarNode(NULL, "null")
    if kind is bool:
        return yaml.ScalarNode(BOOL, "true" if data else "false")
    if kind is int:
        return yaml.ScalarNode(INT, str(data))
    if kind is dict:
        if id(data) in made:
            return made[id(data)]
        pairs: list[tuple[yaml.Node, yaml.Node]] = []
        made[id(data)] = mapping = yaml.MappingNode(MAP, pairs, flow_style=False)
        pairs += [(nodes(key, flow, made), nodes(value, flow, made))
                  for key, value in data.items()]
        return mapping
    if kind is list or kind is flow:
        if id(data) in made:
            return made[id(data)]
        items: list[yaml.Node] = []
        made[id(data)] = sequence = yaml.SequenceNode(SEQ, items, flow_style=kind is flow)
        items += [nodes(item, flow, made) for item in data]
        return sequence
    raise Unusual(kind.__name__)


def serialized(node: yaml.Node, dumper: type, **options: Any) -> str:
    """The text `dumper`, made with `options`, writes of the tree of nodes, as yaml.dump
    writes it once it has represented the data."""
    import io

    stream = io.StringIO()
    writer = dumper(stream, **options)
    try:
        writer.open()
        writer.serialize(node)
        writer.close()
    finally:
        writer.dispose()
    return stream.getvalue()


# --- writing plain data straight to text ------------------------------------------
# What libyaml's emitter writes for a bank (block style, an indent of 2, lines of any
# length, Unicode as it is), for the scalars whose style the rules below decide for
# certain; any other value raises Unusual, and the emitter writes the whole bank.

_SPECIAL = re.compile("[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd]|\ufeff|[\u2028\u2029]")
"""A character libyaml does not write as it is (or a line break other than LF)."""
_BLOCK_INDICATOR = re.compile(r"^[#,\[\]{}&*!|>'\"%@`]|^[?-](?=[ \n]|\Z)|:(?=[ \n]|\Z)"
                              r"|[ \n]#|^(?:---|\.\.\.)")
"""What keeps a scalar from being written plain in block context."""
_FLOW_INDICATOR = re.compile(r"[,?\[\]{}:]|^[#&*!|>'\"%@`]|^-(?=[ \n]|\Z)|[ \n]#"
                             r"|^(?:---|\.\.\.)")
"""What keeps a scalar from being written plain inside a flow sequence."""
_LONGEST = 40_000
"""Longer text is left to the emitter, which folds lines past its width."""


class _Writer:
    """Writes a bank's plain data as libyaml does, or raises Unusual."""

    def __init__(self, resolver: Any, flow: type):
        self.resolver = resolver
        self.flow = flow
        self.out: list[str] = []
        self.in_block: dict[str, str] = {}
        self.in_flow: dict[str, str] = {}

    def plain_tag(self, text: str) -> bool:
        """Whether text written plain reads back as text (not a number, a date, null)."""
        return bool(self.resolver.resolve(yaml.ScalarNode, text, (True, False)) == STR)

    def scalar(self, value: Any, in_flow: bool = False) -> str:
        """A scalar on one line: plain, or in single quotes."""
        if type(value) is not str:
            if value is None:
                return "null"
            if value is True or value is False:
                return "true" if value else "false"
            if type(value) is int:
                number = str(value)
                if self.resolver.resolve(yaml.ScalarNode, number, (True, False)) != INT:
                    raise Unusual(number)
                return number
            raise Unusual(type(value).__name__)
        memo = self.in_flow if in_flow else self.in_block
        known = memo.get(value)
        if known is not None:
            return known
        if not value or len(value) > _LONGEST or "\n" in value or (
                not value.isprintable() if value.isascii() else _SPECIAL.search(value)):
            raise Unusual("text the emitter writes")
        indicators = _FLOW_INDICATOR if in_flow else _BLOCK_INDICATOR
        if (value[0] != " " and value[-1] != " " and not indicators.search(value)
                and self.plain_tag(value)):
            text = value
        else:
            text = "'" + value.replace("'", "''") + "'"
        if len(value) <= 64:  # keys, kinds, names: written again and again
            memo[value] = text
        return text

    def literal(self, value: str, indent: int) -> str:
        """Text of several lines as a literal block ('|-'), its lines at `indent`."""
        if (len(value) > _LONGEST or _SPECIAL.search(value) or value[0] in " \n"
                or value[-1] in " \n" or " \n" in value):
            raise Unusual("a block the emitter writes")
        pad = " " * indent
        lines = [pad + line if line else "" for line in value.split("\n")]
        return "|-\n" + "\n".join(lines)

    def key(self, key: Any) -> str:
        if type(key) is not str or len(key) > 100:
            raise Unusual("a key the emitter writes")
        return self.scalar(key)

    def mapping(self, data: dict, indent: int, inline: bool = False) -> None:
        """The pairs of a block mapping at `indent`; `inline`: the first goes on the line
        already begun ('- ')."""
        if not data:
            raise Unusual("an empty mapping")
        out = self.out
        for at, (key, value) in enumerate(data.items()):
            if at or not inline:
                out.append(" " * indent)
            out.append(self.key(key))
            out.append(":")
            self.value(value, indent)

    def value(self, value: Any, indent: int) -> None:
        """The value of a key at `indent`, from just after its colon."""
        out = self.out
        kind = type(value)
        if kind is dict:
            out.append("\n")
            self.mapping(value, indent + 2)
        elif kind is list:
            if not value:
                raise Unusual("an empty list")
            out.append("\n")
            for item in value:  # a list in a mapping is not indented further
                out.append(" " * indent + "- ")
                if type(item) is dict:
                    self.mapping(item, indent + 2, inline=True)
                elif type(item) in (dict, list) or isinstance(item, self.flow):
                    raise Unusual("a list in a list")
                else:
                    out.append(self.scalar(item))
                    out.append("\n")
        elif kind is self.flow:
            if not value:
                raise Unusual("an empty list")
            line = "[" + ", ".join(self.scalar(item, in_flow=True) for item in value) + "]"
            if len(line) > _LONGEST:
                raise Unusual("a long line")
            out.append(" " + line + "\n")
        elif kind is str and "\n" in value:
            out.append(" " + self.literal(value, indent + 2) + "\n")
        else:
            out.append(" " + self.scalar(value) + "\n")


class Resolver(QuickResolver, yaml.resolver.Resolver):
    """The implicit tags a SafeDumper gives plain scalars."""


def written(data: dict, flow: type, resolver: Any) -> str:
    """The text libyaml writes of a bank's plain data (block style, an indent of 2, any
    width, Unicode as is; text with a line break as a literal block, lists of the type
    `flow` on one line), for data made of text, whole numbers, null, true and false;
    Unusual for anything whose writing it does not decide for certain."""
    writer = _Writer(resolver, flow)
    writer.mapping(data, 0)
    return "".join(writer.out)
