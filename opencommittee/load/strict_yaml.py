"""Strict YAML loading that keeps the line and column of every value.

PyYAML's safe_load keeps the last of duplicate keys, turns `NO` into False and expands
aliases. Here: duplicate keys, aliases, flow-style mappings, tags (`!!binary`, `!!set`,
`!!python/...`, any `!name`) and non-UTF-8 bytes are errors with a position; plain
scalars stay strings unless they are plain integers, decimals, `true`/`false` or `null`,
so dates stay ISO strings exactly as written.

Values are built straight from the parser's event stream, in a loop with an explicit
stack (no recursion), so a file nested a thousand levels deep is one problem at the level
where it passes `MAX_DEPTH`, never a RecursionError. Characters YAML refuses (NUL and
other control characters) and characters YAML reads as a line break where editors show
none (a lone carriage return, U+0085, U+2028, U+2029) are reported where they are, before
parsing, so every line named exists in the file as editors count lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
)

from .problems import ProblemList

Loc = tuple[int | str, ...]

# Documented limits (README, CONTRIBUTING): nesting of lists and mappings in one file.
MAX_DEPTH = 50
# Plain numbers JSON readers hold exactly: integers of at most 2**53 - 1 in size.
MAX_INTEGER = 2**53 - 1

_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(0|[1-9][0-9]*)\.[0-9]+$")
_NULL = {"null", "~", ""}
# Characters YAML does not accept in a file (what its reader calls "special characters").
_UNPRINTABLE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff"
# Line breaks for YAML that most editors do not show as such.
_HIDDEN_BREAK = "\x85\u2028\u2029"
_BAD_CHAR = re.compile(f"[{_UNPRINTABLE}{_HIDDEN_BREAK}]|\r(?!\n)")


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

    # The file a value comes from (one file here; a collection folder has several).
    def path_of(self, loc: Loc) -> str:
        return self.path

    # The file holding a value and the value's location in it (here: this file, as is).
    def locate(self, loc: Loc) -> tuple[Loaded, Loc]:
        return self, loc


@dataclass
class _Frame:
    """A list or mapping being built: its value, location and (mappings) the current key."""

    value: Any
    loc: Loc | None  # None: a value that is thrown away (a refused key's value)
    mapping: bool
    start: Any  # the event that started it
    key: Any = None  # mappings: the key read, awaiting its value
    has_key: bool = False


class _Builder:
    """Builds plain values from parser events, recording positions and problems."""

    def __init__(self, path: str, problems: ProblemList) -> None:
        self.path = path
        self.positions: dict[Loc, tuple[int, int]] = {}
        self.problems = problems

    def _bad(self, mark: Any, loc: Loc | None, code: str, **args: Any) -> None:
        self.problems.add_at(self.path, mark.line + 1, mark.column + 1, loc, code, args)

    # The whole document's value, or raise _TooDeep / _Refused to stop reading the file.
    def build(self, events: Any) -> Any:
        stack: list[_Frame] = []
        root: Any = None
        documents = 0
        for event in events:
            kind = type(event)
            if kind is ScalarEvent or issubclass(kind, CollectionStartEvent):
                loc = self._place(stack, event)
                if event.tag is not None:
                    self._bad(event.start_mark, loc, "yaml_tag", tag=_as_written(event.tag))
                if kind is ScalarEvent:
                    value = _scalar(event)
                    if isinstance(value, _Number):
                        self._bad(event.start_mark, loc, "number_too_large", max=MAX_INTEGER)
                        value = event.value
                    root = self._put(stack, value, event, root)
                    continue
                if len(stack) >= MAX_DEPTH:
                    # named by its record and field, not by fifty list indexes
                    self._bad(event.start_mark, loc[:3] if loc else None, "too_deep", max=MAX_DEPTH)
                    raise _Refused
                mapping = kind is MappingStartEvent
                if mapping and event.flow_style:
                    self._bad(event.start_mark, loc, "flow_mapping")
                stack.append(_Frame({} if mapping else [], loc, mapping, event))
            elif kind is SequenceEndEvent or kind is MappingEndEvent:
                frame = stack.pop()
                root = self._put(stack, frame.value, frame.start, root)
            elif kind is AliasEvent:
                self._bad(event.start_mark, None, "yaml_alias")
                raise _Refused
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise yaml.MarkedYAMLError(
                        "expected a single document in the stream", None,
                        "but found another document", event.start_mark,
                    )
        return root

    # The location of the value an event starts; for a mapping key, the mapping's own.
    def _place(self, stack: list[_Frame], event: Any) -> Loc | None:
        if not stack:
            loc: Loc | None = ()
        else:
            top = stack[-1]
            if top.loc is None:
                loc = None
            elif not top.mapping:
                loc = (*top.loc, len(top.value))
            elif not top.has_key:
                return top.loc  # a key: problems about it are at the mapping
            elif top.key is _DROP:
                loc = None
            else:
                loc = (*top.loc, top.key)
        if loc is not None and loc not in self.positions:
            self.positions[loc] = (event.start_mark.line + 1, event.start_mark.column + 1)
        return loc

    # Put a finished value into its parent (a list item, a key, or a key's value).
    def _put(self, stack: list[_Frame], value: Any, event: Any, root: Any) -> Any:
        if not stack:
            return value
        top = stack[-1]
        if not top.mapping:
            top.value.append(value)
        elif not top.has_key:
            top.key, top.has_key = self._key(top, value, event), True
        else:
            if top.key is not _DROP:
                top.value[top.key] = value
            top.key, top.has_key = None, False
        return root

    # A mapping key: a plain name, not `<<`, not seen before in the mapping; else _DROP.
    def _key(self, top: _Frame, key: Any, event: Any) -> Any:
        if type(event) is not ScalarEvent:
            self._bad(event.start_mark, top.loc, "key_not_string")
            return _DROP
        if event.value == "<<" and not event.style:
            self._bad(event.start_mark, top.loc, "yaml_merge")
            return _DROP
        name = event.value
        loc = None if top.loc is None else (*top.loc, name)
        if name in top.value:
            self._bad(event.start_mark, loc, "duplicate_key", key=name)
            return _DROP
        if loc is not None:
            # errors about a field point at its key
            self.positions[loc] = (event.start_mark.line + 1, event.start_mark.column + 1)
        return name


class _Refused(Exception):
    """The file cannot be read further (an alias, or nesting past MAX_DEPTH)."""


class _Number:
    """A plain number too large to keep exactly."""


_DROP = object()
_TOO_LARGE = _Number()


# A tag as it is written in the file: `!!binary`, not `tag:yaml.org,2002:binary`.
def _as_written(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


# Plain scalars: a small, explicit set of types; everything else is a string.
def _scalar(event: Any) -> Any:
    text = event.value
    if event.style:  # quoted or block scalar: always a string (plain: None, or "" from libyaml)
        return text
    if text in _NULL:
        return None
    if text in ("true", "false"):
        return text == "true"
    if _INT.match(text):
        # never convert thousands of digits (Python refuses past 4,300): count them first
        if len(text.lstrip("+-")) > 16 or abs(int(text)) > MAX_INTEGER:
            return _TOO_LARGE
        return int(text)
    if _FLOAT.match(text):
        number = float(text)
        if number in (float("inf"), float("-inf")) or abs(number) > MAX_INTEGER:
            return _TOO_LARGE
        return number
    return text


# Position (line, column) of a byte offset in raw bytes, 1-based.
def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    column = offset - (before.rfind(b"\n") + 1) + 1
    return line, column


# Position (line, column) of a character offset in text, lines counted by "\n", 1-based.
def _text_position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# The parser's position of an error, kept inside the file: the end of the text is the end
# of its last line, not the start of a line after it.
def _inside(text: str, line: int, column: int) -> tuple[int, int]:
    lines = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    if line <= max(lines, 1):
        return line, column
    last = text.rstrip("\n").rsplit("\n", 1)[-1]
    return max(lines, 1), len(last) + 1


# Every character YAML refuses or reads as a hidden line break, as problems.
def _bad_characters(text: str, path: str, problems: ProblemList) -> bool:
    found = False
    for match in _BAD_CHAR.finditer(text):
        found = True
        char = match.group()
        if problems.full():
            problems.more["bad_character"] += 1
            continue
        line, col = _text_position(text, match.start())
        code = "hidden_line_break" if char in _HIDDEN_BREAK or char == "\r" else "bad_character"
        problems.add_at(path, line, col, None, code, {"char": f"U+{ord(char):04X}"})
    return found


# The parser: libyaml's when installed (much faster), else PyYAML's own. Both are loops,
# not recursive; only the composers (which are not used) recurse.
_PARSER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(file: Path, shown_as: str | None = None) -> tuple[Loaded | None, ProblemList]:
    """Parse one YAML file strictly; return (Loaded or None, problems)."""
    return parse_yaml(file.read_bytes(), shown_as or str(file))


def parse_yaml(raw: bytes, path: str) -> tuple[Loaded | None, ProblemList]:
    """Parse YAML bytes strictly (a file, or a file at a git revision) named `path`."""
    problems = ProblemList()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line, col = _byte_position(raw, err.start)
        problems.add_at(path, line, col, None, "not_utf8", {"byte": f"0x{raw[err.start]:02X}"})
        return None, problems
    if text.startswith("\ufeff"):
        text = text[1:]
    if _bad_characters(text, path, problems):
        return None, problems
    builder = _Builder(path, problems)
    loader = _PARSER(text)
    try:
        value = builder.build(_stream(loader))
    except _Refused:
        return None, problems
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = _inside(text, mark.line + 1, mark.column + 1) if mark else (1, 1)
        detail = " ".join(p for p in (err.context, err.problem) if p)
        return None, ProblemList.of(path, line, col, "yaml_syntax", {"detail": detail})
    except yaml.YAMLError as err:  # pragma: no cover - unmarked errors: the reader's, prevented above
        return None, ProblemList.of(path, 1, 1, "yaml_syntax", {"detail": str(err)})
    finally:
        loader.dispose()
    if value is None:
        return Loaded(path, [], {(): (1, 1)}), problems
    return Loaded(path, value, builder.positions), problems



# The parser's events, one at a time.
def _stream(loader: Any) -> Any:
    while loader.check_event():
        yield loader.get_event()
