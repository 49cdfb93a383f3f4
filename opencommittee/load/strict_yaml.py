"""Strict YAML loading that keeps the line and column of every value.

PyYAML's safe_load keeps the last of duplicate keys, turns `NO` into False and expands
aliases. Here: duplicate keys, aliases, flow-style mappings, tags (`!!binary`, `!!set`,
`!!python/...`, any `!name`) and non-UTF-8 bytes are errors with a position; plain
scalars stay strings unless they are plain integers, decimals, `true`/`false` or `null`
(`scalars`), so dates stay ISO strings exactly as written.

A file in the plain form most data files are written in is first read line by line
(`plain_yaml`, two to three times faster); any other file, and any file with a problem,
is read with the YAML parser, as follows. Values are built straight from the parser's
event stream, in a loop with an explicit stack (no recursion), so a file nested a
thousand levels deep is one problem at the level where it passes `MAX_DEPTH`, never a
RecursionError. Characters YAML refuses (NUL and other control characters) and
characters YAML reads as a line break where editors show none (a lone carriage return,
U+0085, U+2028, U+2029) are reported where they are, before either reading, so every
line named exists in the file as editors count lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from . import plain_yaml
from .problems import ProblemList, TooMany
from .scalars import MAX_INTEGER, NUMERIC, SPECIAL, TOO_LARGE, number

Loc = tuple[int | str, ...]

# Documented limits (README, CONTRIBUTING): nesting of lists and mappings in one file.
MAX_DEPTH = 50
# Characters YAML does not accept in a file (what its reader calls "special characters").
_UNPRINTABLE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff"
# Line breaks for YAML that most editors do not show as such.
_HIDDEN_BREAK = "\x85\u2028\u2029"
_BAD_CHAR = re.compile(f"[{_UNPRINTABLE}{_HIDDEN_BREAK}]|\r(?!\n)")
# A first, cheaper pass (one character class, no look-ahead; twice as fast on a large
# file): only a text that has one of these, a carriage return included, is read again
# with `_BAD_CHAR`.
_SUSPECT = re.compile(f"[{_UNPRINTABLE}{_HIDDEN_BREAK}\r]")


@dataclass
class Loaded:
    """A parsed file: its value and the (line, column) of each value path, 1-based.

    Positions are only needed when something is reported, so they are found on first use,
    by reading the file's text once more (`text`), unless given."""

    path: str
    value: Any
    positions: dict[Loc, tuple[int, int]] | None = None
    text: str | None = field(default=None, repr=False)
    _reader: _Positions | None = field(default=None, repr=False, compare=False)

    # Position of the longest known prefix of `loc`, so missing fields point at their record.
    def position(self, loc: Loc) -> tuple[int, int]:
        positions = self.positions
        if positions is None:
            if self._reader is None:
                self._reader = _Positions(self.text or "")
            positions = self._reader.upto(loc[0] if loc and isinstance(loc[0], int) else None if loc else -1)
        for end in range(len(loc), -1, -1):
            pos = positions.get(tuple(loc[:end]))
            if pos:
                return pos
        return (1, 1)

    # The file a value comes from (one file here; a collection folder has several).
    def path_of(self, loc: Loc) -> str:
        return self.path

    # The file holding a value and the value's location in it (here: this file, as is).
    def locate(self, loc: Loc) -> tuple[Loaded, Loc]:
        return self, loc


class _Refused(Exception):
    """The file cannot be read further (an alias, or nesting past MAX_DEPTH)."""


# Key states of a mapping being built: awaiting a key; a refused key (its value is thrown
# away); a key that is itself a list or mapping, being read.
_NOKEY, _DROP, _COMPLEX = object(), object(), object()


class _Builder:
    """Builds plain values from parser events (one loop, an explicit stack) and reports
    what the strict rules refuse. The container being built is kept in local variables;
    the stack holds the enclosing ones as (container, is_mapping, key state). A value's
    location (for a problem) is worked out from the stack only when one is reported."""

    def __init__(self, path: str, problems: ProblemList) -> None:
        self.path = path
        self.problems = problems

    def _bad(self, mark: Any, loc: Loc | None, code: str, **args: Any) -> None:
        self.problems.add_at(self.path, mark.line + 1, mark.column + 1, loc, code, args)

    # The location of the container being built (None: it is thrown away), from the
    # enclosing containers: in a list, its index (it is added when complete); in a
    # mapping, its key.
    @staticmethod
    def _here(stack: list[tuple[Any, bool, Any]]) -> Loc | None:
        loc: list[int | str] = []
        for container, is_map, key in stack:
            if container is None:
                continue
            if not is_map:
                loc.append(len(container))
            elif key is _DROP or key is _NOKEY or key is _COMPLEX:
                return None
            else:
                loc.append(key)
        return tuple(loc)

    # The location of the next value put into the container being built.
    def _next(self, stack: list[tuple[Any, bool, Any]], container: Any, is_map: bool, key: Any) -> Loc | None:
        if container is None:
            return ()
        return self._here([*stack, (container, is_map, key)])

    # The document's value; raises _Refused to stop reading the file.
    def build(self, loader: Any) -> Any:
        get = loader.get_event
        scalar, nokey, drop, complex_key, special, numeric = ScalarEvent, _NOKEY, _DROP, _COMPLEX, SPECIAL, NUMERIC
        stack: list[tuple[Any, bool, Any]] = []
        container: Any = None  # the list or mapping being built; None at the root
        is_map = False
        key: Any = None  # in a mapping: the key awaiting its value, or _NOKEY, _DROP, _COMPLEX
        root: Any = None
        documents = 0
        while True:
            event = get()
            cls = event.__class__
            if cls is scalar:
                if event.tag is not None:
                    where = self._here(stack) if is_map and key is nokey else self._next(stack, container, is_map, key)
                    self._bad(event.start_mark, where, "yaml_tag", tag=_as_written(event.tag))
                text = event.value
                if is_map and key is nokey:
                    key = self._key(stack, container, event) if text in container or text == "<<" else text
                    continue
                if event.style:  # quoted or block: always a string (plain: None, or "" from libyaml)
                    value: Any = text
                elif text in special:
                    value = special[text]
                elif text[:1] in numeric:
                    value = number(text)
                    if value is TOO_LARGE:
                        self._bad(event.start_mark, self._next(stack, container, is_map, key), "number_too_large", max=MAX_INTEGER)
                        value = text
                else:
                    value = text
                if is_map:
                    if key is not drop:
                        container[key] = value
                    key = nokey
                elif container is not None:
                    container.append(value)
                else:
                    root = value
            elif cls is SequenceStartEvent or cls is MappingStartEvent:
                if is_map and key is nokey:
                    self._bad(event.start_mark, self._here(stack), "key_not_string")
                    key = complex_key
                    loc: Loc | None = None
                else:
                    loc = self._next(stack, container, is_map, key)
                if event.tag is not None:
                    self._bad(event.start_mark, loc, "yaml_tag", tag=_as_written(event.tag))
                if len(stack) >= MAX_DEPTH:
                    # named by its record and field, not by fifty list indexes
                    self._bad(event.start_mark, loc[:3] if loc else None, "too_deep", max=MAX_DEPTH)
                    raise _Refused
                stack.append((container, is_map, key))
                if cls is MappingStartEvent:
                    if event.flow_style:
                        self._bad(event.start_mark, loc, "flow_mapping")
                    container, is_map, key = {}, True, nokey
                else:
                    container, is_map, key = [], False, None
            elif cls is SequenceEndEvent or cls is MappingEndEvent:
                value = container
                container, is_map, key = stack.pop()
                if is_map:
                    if key is complex_key:
                        key = drop  # the key was a list or mapping: its value is dropped too
                    else:
                        if key is not drop:
                            container[key] = value
                        key = nokey
                elif container is not None:
                    container.append(value)
                else:
                    root = value
            elif cls is AliasEvent:
                self._bad(event.start_mark, None, "yaml_alias")
                raise _Refused
            elif cls is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise yaml.MarkedYAMLError(
                        "expected a single document in the stream", None,
                        "but found another document", event.start_mark,
                    )
            elif cls is StreamEndEvent:
                return root

    # A key already in the mapping being built, or `<<`: a problem unless `<<` is quoted.
    def _key(self, stack: list[tuple[Any, bool, Any]], container: dict[str, Any], event: Any) -> Any:
        name = event.value
        here = self._here(stack)
        if name == "<<" and not event.style:
            self._bad(event.start_mark, here, "yaml_merge")
            return _DROP
        if name in container:
            self._bad(event.start_mark, None if here is None else (*here, name), "duplicate_key", key=name)
            return _DROP
        return name


class _Positions:
    """The (line, column) of every value path, for messages: a second reading of the text
    that follows exactly the rules of `_Builder` (refused keys and their values have
    none); a field's position is that of its key (errors about a field point at its key).
    It reads only as far as asked: up to the records that have problems."""

    def __init__(self, text: str) -> None:
        self.found: dict[Loc, tuple[int, int]] = {}
        self._loader: Any = _PARSER(text)
        # frames: [loc or None, is_mapping, key state, keys seen (mapping) or item count (list)]
        self._stack: list[list[Any]] = []
        self._root: list[Any] | None = None

    # Read on until record `index` of the top-level list is complete (None: to the end).
    def upto(self, index: int | None) -> dict[Loc, tuple[int, int]]:
        while self._loader is not None:
            root = self._root
            if index is not None and root is not None and not root[1] and root[3] > index:
                break
            if not self._step():
                self._loader.dispose()
                self._loader = None
        return self.found

    # One event; False at the end of the text (or at an error, reported elsewhere).
    def _step(self) -> bool:
        try:
            event = self._loader.get_event()
        except yaml.YAMLError:
            return False
        cls = event.__class__
        stack, positions = self._stack, self.found
        if cls is StreamEndEvent:
            return False
        if cls is SequenceEndEvent or cls is MappingEndEvent:
            stack.pop()
            if stack:
                _advance(stack[-1])
            return True
        if cls is not ScalarEvent and cls is not SequenceStartEvent and cls is not MappingStartEvent:
            return True
        mark = event.start_mark
        if not stack:
            loc: Loc | None = ()
        else:
            top = stack[-1]
            if top[1] and top[2] is _NOKEY:
                if cls is ScalarEvent:
                    name = event.value
                    if (name == "<<" and not event.style) or name in top[3]:
                        top[2] = _DROP
                    else:
                        top[3].add(name)
                        top[2] = name
                        if top[0] is not None:
                            positions[(*top[0], name)] = (mark.line + 1, mark.column + 1)
                    return True
                top[2] = _COMPLEX
                loc = None
            elif top[0] is None:
                loc = None
            elif top[1]:
                loc = None if top[2] is _DROP else (*top[0], top[2])
            else:
                loc = (*top[0], top[3])
        if loc is not None and loc not in positions:
            positions[loc] = (mark.line + 1, mark.column + 1)
        if cls is ScalarEvent:
            if stack:
                _advance(stack[-1])
        else:
            frame = [loc, True, _NOKEY, set()] if cls is MappingStartEvent else [loc, False, None, 0]
            if not stack:
                self._root = frame
            stack.append(frame)
        return True


# A value was put into a frame: a list counts it, a mapping awaits its next key.
def _advance(frame: list[Any]) -> None:
    if not frame[1]:
        frame[3] += 1
    elif frame[2] is _COMPLEX:
        frame[2] = _DROP
    else:
        frame[2] = _NOKEY


# A tag as it is written in the file: `!!binary`, not `tag:yaml.org,2002:binary`.
def _as_written(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


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
    if _SUSPECT.search(text) is None:
        return False
    found = False
    for match in _BAD_CHAR.finditer(text):
        found = True
        char = match.group()
        if problems.full():
            problems.count_more("bad_character")
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


def parse_yaml(raw: bytes, path: str, plain: bool = True) -> tuple[Loaded | None, ProblemList]:
    """Parse YAML bytes strictly (a file, or a file at a git revision) named `path`.

    `plain=False`: never the line-by-line reading (the tests compare the two)."""
    problems = ProblemList()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line, col = _byte_position(raw, err.start)
        problems.add_at(path, line, col, None, "not_utf8", {"byte": f"0x{raw[err.start]:02X}"})
        return None, problems
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        if _bad_characters(text, path, problems):
            return None, problems
    except TooMany:
        return None, problems
    records = plain_yaml.read(text) if plain else None
    if records is not None:
        return Loaded(path, records, None, text), problems
    builder = _Builder(path, problems)
    loader = _PARSER(text)
    try:
        value = builder.build(loader)
    except (_Refused, TooMany):
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
    return Loaded(path, value, None, text), problems



