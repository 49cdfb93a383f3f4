"""The plain form of a data file, read line by line: a quick first reading.

Data files are almost always written in a small part of YAML: a list, at column 0, of
records, each a block mapping of simple keys (`title:`) whose values are plain,
'single-quoted' or "double-quoted" scalars (folded over several lines, as YAML writers
do with long texts, or not), or block mappings and lists of the same. `read` reads
exactly that part, a line at a time, two to three times faster than building values from the
YAML parser's events, and gives up (None) at the first line it does not know: a tag, an
anchor or alias, a flow list, a block scalar (`|`, `>`), a comment after a value, a tab,
a duplicate key, a number too large, an indentation it does not expect. `strict_yaml`
then reads the file with the YAML parser, and reports.

What `read` accepts is valid YAML in which `strict_yaml` finds no problem, and it gives
the same value: `tests/unit/load/test_plain_yaml.py` checks both on generated texts.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .scalars import NUMERIC, SPECIAL, TOO_LARGE, number

# Each line: its indentation, a list item's dash, a simple key, and what follows.
_LINES = re.compile(r"^( *)(- +)?(?:([A-Za-z_][A-Za-z0-9_]{0,99}):(?: +|$))?(.*)$", re.M)
# A quoted scalar, closed (possessive: a doubled quote or an escape is never split).
_SINGLE = re.compile(r"'(?:[^']|'')*+'")
_DOUBLE = re.compile(r'"(?:[^"\\]|\\.)*+"', re.S)
_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S)
_JSON = json.JSONDecoder(strict=False)  # strict=False: newlines (from blank lines) may be in the text
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_ESCAPED = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r", "e": "\x1b",
            " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"}
# Characters a plain scalar cannot start with (YAML's indicators). A `-` may start a
# number (`-5`), never `- ` or a lone `-`.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@` ")
_AFTER_MINUS = frozenset("0123456789.")
# Deeper nesting is left to the YAML parser, which reports it past its limit.
_MAX_DEPTH = 20


class _GiveUp(Exception):
    """A line outside the plain form."""


def read(text: str, quiet: bool = True) -> list[Any] | None:
    """The value of `text` when it is a list of records in the plain form, else None.

    Should this reading ever fail in a way it does not foresee, the parser reads the file
    (`quiet=False`, for the tests: the failure is raised)."""
    if "\t" in text:
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n")  # every carriage return is before a newline here
    try:
        return _read(_LINES.findall(text))
    except _GiveUp:
        return None
    except Exception:
        if not quiet:
            raise
        return None


# Frames, innermost last: [indent, container, is_mapping, pending key], where a pending
# key is a mapping's key on its own line, whose value is on the lines that follow.
def _read(lines: list[tuple[str, str, str, str]]) -> list[Any] | None:
    root: list[Any] | None = None
    frames: list[list[Any]] = []
    # the plain scalar last read, which more indented lines continue: where it is (its
    # container, key or index, and the container's indentation), its first line, its
    # lines when there are more, and whether a blank line came after it
    at: Any = None
    at_key: Any = None
    at_indent = 0
    at_text = ""
    at_lines: list[str] | None = None
    at_blank = False
    rows = iter(lines)
    for indent_text, dash, key, rest in rows:
        indent = len(indent_text)
        if at is not None:
            if not dash and not key and not rest:
                at_blank = True  # a blank line: a newline, if the scalar goes on
                continue
            if indent > at_indent:
                if key:
                    raise _GiveUp  # `key: ...` in a plain scalar (a ": " or a ":" at the end)
                text = (dash + rest).rstrip(" ")
                if text[0] == "#":
                    at = None  # a comment ends the scalar
                    continue
                if at_blank or ": " in text or text[-1] == ":" or " #" in text:
                    raise _GiveUp
                at_lines = [at_text, text] if at_lines is None else [*at_lines, text]
                at[at_key] = _resolved(" ".join(at_lines))
                continue
            at = None
        written = rest  # a quoted scalar's spaces at the end of the line may be escaped
        if rest and rest[-1] == " ":
            rest = rest.rstrip(" ")
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
            if not rest:
                mapping[key] = None  # keeps the key's place in the mapping
                top[3] = key
            elif rest[0] == "'" or rest[0] == '"':
                mapping[key] = _quoted(written, rows, top[0])
            else:
                mapping[key] = _scalar(rest)
                at, at_key, at_indent, at_text, at_lines, at_blank = mapping, key, top[0], rest, None, False
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
                column = indent + len(dash)
                _push(frames, [column, record, True, None])
                if not rest:
                    record[key] = None
                    frames[-1][3] = key
                elif rest[0] == "'" or rest[0] == '"':
                    record[key] = _quoted(written, rows, column)
                else:
                    record[key] = _scalar(rest)
                    at, at_key, at_indent, at_text, at_lines, at_blank = record, key, column, rest, None, False
            elif not rest:
                raise _GiveUp  # a dash alone: its value is on the next lines
            elif rest[0] == "'" or rest[0] == '"':
                items.append(_quoted(written, rows, indent))
            else:
                items.append(_scalar(rest))
                at, at_key, at_indent, at_text, at_lines, at_blank = items, len(items) - 1, indent, rest, None, False
        elif rest and rest[0] != "#":
            raise _GiveUp  # text that continues nothing, or a file that is not a list
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


# The first line of a plain scalar, read as strict_yaml reads it.
def _scalar(text: str) -> Any:
    first = text[0]
    if first in _INDICATORS and not (first == "-" and text[1:2] in _AFTER_MINUS and len(text) > 1):
        raise _GiveUp
    if ": " in text or text[-1] == ":" or " #" in text:
        raise _GiveUp
    return _resolved(text)


# A plain scalar's value: null, a boolean, a number, or the text (`scalars`).
def _resolved(text: str) -> Any:
    if text in SPECIAL:
        return SPECIAL[text]
    if text[0] in NUMERIC:
        value = number(text)
        if value is TOO_LARGE:
            raise _GiveUp
        return value
    return text


# A quoted scalar that starts `text`, read on over the next rows until it is closed
# (more indented than `indent`, the column of its container); nothing may follow it.
def _quoted(text: str, rows: Any, indent: int) -> str:
    closed = _SINGLE if text[0] == "'" else _DOUBLE
    if closed.fullmatch(text):  # on one line, the common case
        inner = text[1:-1]
        if text[0] == "'":
            return inner.replace("''", "'") if "''" in inner else inner
        return _unescape(inner) if "\\" in inner else inner
    while (match := closed.match(text)) is None:
        row: tuple[str, str, str, str] | None = next(rows, None)
        if row is None:
            raise _GiveUp  # never closed
        indent_text, dash, key, rest = row
        if key:
            raise _GiveUp  # a line that reads as `key: ...`: its spaces after the colon are not kept
        if (dash or rest.strip(" ")) and len(indent_text) <= indent:
            raise _GiveUp
        text += "\n" + indent_text + dash + rest
    if text[match.end():].strip(" "):
        raise _GiveUp
    inner = text[1:match.end() - 1]
    if text[0] == "'":
        return (_folded(inner, False) if "\n" in inner else inner).replace("''", "'")
    if "\n" in inner:
        inner = _folded(inner, True)
    return _unescape(inner) if "\\" in inner else inner


# YAML's folding of a quoted scalar's lines: leading and trailing spaces go; one line
# break is a space, each blank line a newline; in double quotes, a backslash at the end
# of a line joins the next one directly.
def _folded(inner: str, double: bool) -> str:
    lines = inner.split("\n")
    last = len(lines) - 1
    out: list[str] = []
    blank = 0
    glue = " "
    for j, line in enumerate(lines):
        if j:
            line = line.lstrip(" ")
        escaped = False
        if j < last:
            if double and _ends_escaped(line):
                line, escaped = line[:-1], True
            else:
                trimmed = line.rstrip(" ")
                if double and trimmed != line and _ends_escaped(trimmed):
                    raise _GiveUp  # an escaped space, then spaces: left to the parser
                line = trimmed
            if j and not line:
                if not glue:
                    raise _GiveUp  # a blank line after an escaped line break
                blank += 1
                continue
        if j:
            out.append(glue if not glue or not blank else "\n" * blank)
        out.append(line)
        blank = 0
        glue = "" if escaped else " "
    return "".join(out)


def _ends_escaped(line: str) -> bool:
    return (len(line) - len(line.rstrip("\\"))) % 2 == 1


# The escapes of a double-quoted scalar. Those JSON shares with YAML (\\uXXXX, \\n, \\", ...,
# and \\xXX written as \\u00XX), which are what YAML writers use for non-ASCII text, are
# read by json's C decoder at once; a text with others, or an escaped backslash, one
# escape at a time.
def _unescape(inner: str) -> str:
    if "\\\\" not in inner and not _SURROGATE.search(inner):
        try:
            return _JSON.decode('"' + inner.replace("\\x", "\\u00") + '"')
        except ValueError:
            pass
    return _ESCAPE.sub(_unescaped, inner)


def _unescaped(match: re.Match[str]) -> str:
    code = match.group(1) or match.group(2) or match.group(3)
    if code is None:
        char = _ESCAPED.get(match.group(4))
        if char is None:
            raise _GiveUp  # not an escape YAML knows: reported by the parser
        return char
    value = int(code, 16)
    if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
        raise _GiveUp
    return chr(value)
