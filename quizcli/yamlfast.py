"""The short ways through PyYAML that a bank's plain data allows, each giving just what
the general way gives: the same Python data from a parse, the same text from a dump.

A bank holds only mappings with text keys, lists, text, whole numbers, true or
false and null. For those, the general constructor and representer (written for
any Python object) cost more than the parsing and the emitting themselves. What
holds anything else (a date left unquoted, a key given twice, a merge key) is
left to the general way, which also says what is wrong with it.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from typing import Any

import yaml

_TAG = "tag:yaml.org,2002:"
STR, INT, BOOL, NULL = (_TAG + name for name in ("str", "int", "bool", "null"))
SEQ, MAP = _TAG + "seq", _TAG + "map"


class Unusual(Exception):
    """Something the short way does not build or write; the general way does."""


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the block runs: building a bank makes hundreds of
    thousands of objects and no cycles, and each collection would walk all of them again."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


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
