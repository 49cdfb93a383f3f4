"""The plain form of a data file, read line by line: a quick first reading.

Data files are almost always written in a small part of YAML: a list, at column 0, of
records, each a block mapping of simple keys (`title:`) whose values are one-line plain,
'single-quoted' or "double-quoted" (without escapes) scalars, or block mappings and lists
of the same. `read` reads exactly that part, a line at a time, several times faster than
building values from the YAML parser's events, and gives up (None) at the first line it
does not know: a tag, an anchor or alias, a flow list, a block or multi-line scalar, a
comment after a value, a tab, a duplicate key, a number too large, an indentation it
does not expect. `strict_yaml` then reads the file with the YAML parser, and reports.

What `read` accepts is valid YAML in which `strict_yaml` finds no problem, and it gives
the same value: `tests/unit/load/test_plain_yaml.py` checks both on generated texts.
"""

from __future__ import annotations

import re
from typing import Any

from .scalars import NUMERIC, SPECIAL, TOO_LARGE, number

# Each line: its indentation, a list item's dash, a simple key, and what follows.
_LINES = re.compile(r"^( *)(- +)?(?:([A-Za-z_][A-Za-z0-9_]{0,99}):(?: +|$))?(.*)$", re.M)
_SINGLE = re.compile(r"'(?:[^']|'')*'")
_DOUBLE = re.compile(r'"[^"\\]*"')
# Characters a plain scalar cannot start with (YAML's indicators). A `-` may start a
# number (`-5`), never `- ` or a lone `-`.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@` ")
_AFTER_MINUS = frozenset("0123456789.")
# Deeper nesting is left to the YAML parser, which reports it past its limit.
_MAX_DEPTH = 20


class _GiveUp(Exception):
    """A line outside the plain form."""


def read(text: str) -> list[Any] | None:
    """The value of `text` when it is a list of records in the plain form, else None."""
    if "\t" in text:
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n")  # every carriage return is before a newline here
    try:
        return _read(_LINES.findall(text))
    except _GiveUp:
        return None


# Frames, innermost last: [indent, container, is_mapping, pending key], where a pending
# key is a mapping's key on its own line, whose value is on the lines that follow.
def _read(lines: list[tuple[str, str, str, str]]) -> list[Any] | None:
    root: list[Any] | None = None
    frames: list[list[Any]] = []
    for indent_text, dash, key, rest in lines:
        if rest and rest[-1] == " ":
            rest = rest.rstrip(" ")
        indent = len(indent_text)
        if key and not dash:
            top = frames[-1] if frames else None
            if top is None or top[0] != indent or not top[2] or top[3] is not None:
                if root is None:
                    raise _GiveUp  # a file that is not a list
                _enter(frames, indent, True)
                top = frames[-1]
            mapping = top[1]
            if key in mapping:
                raise _GiveUp  # a duplicate key, reported by strict_yaml
            if rest:
                mapping[key] = _scalar(rest)
            else:
                mapping[key] = None  # keeps the key's place in the mapping
                top[3] = key
        elif dash:
            if root is None:
                if indent:
                    raise _GiveUp
                root = []
                frames.append([0, root, False, None])
            items = _enter(frames, indent, False)
            if key:  # `- key: ...`: a mapping, at the key's column
                record: dict[str, Any] = {}
                items.append(record)
                _push(frames, [indent + len(dash), record, True, None])
                if rest:
                    record[key] = _scalar(rest)
                else:
                    record[key] = None
                    frames[-1][3] = key
            elif rest:
                items.append(_scalar(rest))
            else:
                raise _GiveUp  # a dash alone: its value is on the next lines
        elif rest and rest[0] != "#":
            raise _GiveUp  # text that continues a scalar, or a file that is not a list
        # else a blank line or a comment
    if root is None:
        return None
    for frame in frames:
        _settle(frame)
    return root


# Make frames[-1] the container a line at `indent` goes into (a mapping for a key, a
# list for a dash) and return it: deeper frames are closed, and a pending key gets the
# new container that starts here.
def _enter(frames: list[list[Any]], indent: int, is_mapping: bool) -> Any:
    while frames[-1][0] > indent or (is_mapping and not frames[-1][2] and frames[-1][0] == indent
                                     and len(frames) > 1 and frames[-2][0] == indent):
        # (a list written at its key's own indentation ends at the next key)
        _settle(frames.pop())
    top = frames[-1]
    pending = top[3]
    if pending is not None:
        # more indented, or a list at the key's own indentation: the key's value
        if indent > top[0] or (indent == top[0] and not is_mapping):
            value: Any = {} if is_mapping else []
            top[1][pending] = value
            top[3] = None
            _push(frames, [indent, value, is_mapping, None])
            return value
        if indent == top[0] and is_mapping:
            _settle(top)  # the next key: the pending one is null
            return top[1]
        raise _GiveUp
    if top[0] == indent and top[2] == is_mapping:
        return top[1]
    raise _GiveUp


def _push(frames: list[list[Any]], frame: list[Any]) -> None:
    if len(frames) >= _MAX_DEPTH:
        raise _GiveUp
    frames.append(frame)


# A pending key with nothing under it: null.
def _settle(frame: list[Any]) -> None:
    if frame[3] is not None:
        frame[1][frame[3]] = None
        frame[3] = None


# A one-line scalar, read as strict_yaml reads it.
def _scalar(text: str) -> Any:
    first = text[0]
    if first == "'":
        if _SINGLE.fullmatch(text):
            return text[1:-1].replace("''", "'")
        raise _GiveUp
    if first == '"':
        if _DOUBLE.fullmatch(text):
            return text[1:-1]
        raise _GiveUp
    if first in _INDICATORS and not (first == "-" and text[1:2] in _AFTER_MINUS and len(text) > 1):
        raise _GiveUp
    if ": " in text or text[-1] == ":" or " #" in text:
        raise _GiveUp
    if text in SPECIAL:
        return SPECIAL[text]
    if first in NUMERIC:
        value = number(text)
        if value is TOO_LARGE:
            raise _GiveUp
        return value
    return text
