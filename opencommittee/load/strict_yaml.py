"""Strict YAML loading that keeps the line and column of every value.

PyYAML's safe_load keeps the last of duplicate keys, turns `NO` into False and expands
aliases. Here: duplicate keys, aliases, flow-style mappings, tags and non-UTF-8 bytes are
errors with a position; plain scalars stay strings unless they are plain integers,
decimals, `true`/`false` or `null`, so dates stay ISO strings exactly as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem

Loc = tuple[int | str, ...]

_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(0|[1-9][0-9]*)\.[0-9]+$")
_NULL = {"null", "~", ""}


@dataclass
class Loaded:
    """A parsed file: its value and the (line, column) of each value path, 1-based."""

    path: str
    value: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    # Position of the longest known prefix of `loc`, so missing fields point at their record.
    def position(self, loc: Loc) -> tuple[int, int]:
        for end in range(len(loc), -1, -1):
            pos = self.positions.get(tuple(loc[:end]))
            if pos:
                return pos
        return (1, 1)


class _Composer(yaml.SafeLoader):
    """A SafeLoader that refuses aliases before they are expanded."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                None, None, "alias", event.start_mark
            )
        return super().compose_node(parent, index)


class _Builder:
    """Turns a composed node tree into plain values, recording positions and problems."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.positions: dict[Loc, tuple[int, int]] = {}
        self.problems: list[Problem] = []

    # Record a problem at a node.
    def _bad(self, node: Node, loc: Loc, code: str, **args: Any) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(self.path, mark.line + 1, mark.column + 1, loc, code, args)
        )

    # Build a value from a node, depth-first.
    def build(self, node: Node, loc: Loc) -> Any:
        self.positions[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag and node.tag.startswith("!"):
            self._bad(node, loc, "yaml_tag", tag=node.tag)
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self._mapping(node, loc)
        return None  # pragma: no cover - PyYAML has no other node kinds

    # Plain scalars: a small, explicit set of types; everything else is a string.
    def _scalar(self, node: ScalarNode) -> Any:
        text = node.value
        if node.style:  # quoted or block scalar: always a string (plain: None, or "" from libyaml)
            return text
        if text in _NULL:
            return None
        if text in ("true", "false"):
            return text == "true"
        if _INT.match(text):
            return int(text)
        if _FLOAT.match(text):
            return float(text)
        return text

    # Mappings: keys must be plain strings, unique, and the mapping in block style.
    def _mapping(self, node: MappingNode, loc: Loc) -> dict[str, Any]:
        if node.flow_style:
            self._bad(node, loc, "flow_mapping")
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge" or key_node.value == "<<":
                self._bad(key_node, loc, "yaml_merge")
                continue
            if not isinstance(key_node, ScalarNode):
                self._bad(key_node, loc, "key_not_string")
                continue
            key = key_node.value
            if key in result:
                self._bad(key_node, (*loc, key), "duplicate_key", key=key)
                continue
            self.positions[(*loc, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, (*loc, key))
            # keep the key's own position (errors about a field point at its key)
            self.positions[(*loc, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return result


# Position (line, column) of a byte offset in raw bytes, 1-based.
def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column


if hasattr(yaml, "CSafeLoader"):

    class _FastComposer(yaml.CSafeLoader):
        """libyaml's composer without implicit tag resolution (_Builder types scalars itself)."""

        _TAGS = {ScalarNode: "tag:yaml.org,2002:str", SequenceNode: "tag:yaml.org,2002:seq", MappingNode: "tag:yaml.org,2002:map"}

        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            return self._TAGS[kind]


# The node tree composed by libyaml (about 5 times faster at scale), or None to use the
# pure-Python composer: when libyaml is missing, the text has an alias or any error
# (the pure-Python path then reports it exactly as before).
def _compose_fast(text: str) -> Node | None:
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is None:
        return None
    try:
        # An alias needs a `*`: only texts that have one are scanned for alias events.
        if "*" in text and any(isinstance(event, AliasEvent) for event in yaml.parse(text, Loader=fast)):
            return None
        loader = _FastComposer(text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError:
        return None


def load_yaml(file: Path, shown_as: str | None = None) -> tuple[Loaded | None, list[Problem]]:
    """Parse one YAML file strictly; return (Loaded or None, problems)."""
    return parse_yaml(file.read_bytes(), shown_as or str(file))


def parse_yaml(raw: bytes, path: str) -> tuple[Loaded | None, list[Problem]]:
    """Parse YAML bytes strictly (a file, or a file at a git revision) named `path`."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line, col = _byte_position(raw, err.start)
        return None, [Problem(path, line, col, None, "not_utf8", {"byte": f"0x{raw[err.start]:02X}"})]
    if text.startswith("\ufeff"):
        text = text[1:]
    node = _compose_fast(text)
    try:
        if node is None:
            loader = _Composer(text)
            try:
                node = loader.get_single_node()
            finally:
                loader.dispose()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if err.problem == "alias":
            return None, [Problem(path, line, col, None, "yaml_alias", {})]
        detail = " ".join(p for p in (err.context, err.problem) if p)
        return None, [Problem(path, line, col, None, "yaml_syntax", {"detail": detail})]
    except yaml.YAMLError as err:  # pragma: no cover - non-marked errors are rare
        return None, [Problem(path, 1, 1, None, "yaml_syntax", {"detail": str(err)})]
    if node is None:
        return Loaded(path, [], {(): (1, 1)}), []
    builder = _Builder(path)
    value = builder.build(node, ())
    return Loaded(path, value, builder.positions), builder.problems
