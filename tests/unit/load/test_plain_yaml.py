"""The line-by-line reading of data files (`load.plain_yaml`) against the YAML parser.

Its promise: whatever it accepts is valid YAML in which `strict_yaml` finds no problem,
with the same value (types and key order included); anything else it leaves to the
parser. Texts are generated line by line from pieces chosen to sit on the edges of the
plain form: quoting, indicators, comments, numbers, indentation, nesting, tabs."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from opencommittee.devtools.synthetic import generate
from opencommittee.load import plain_yaml
from opencommittee.load.strict_yaml import parse_yaml

ROOT = Path(__file__).resolve().parents[3]

_KEYS = ["id", "vi", "en", "title", "a", "x_1", "true", "null", "_", "'q'", "\"d\"", "a b", "é", "?", "-", "k" * 120]
_VALUES = [
    "", "word", "two words", "Đã báo cáo tiến độ.", "'quoted'", "'it''s'", "'a' ", "'unclosed", "\"dq\"", "\"a\\\"b\"",
    "\"a\\nb\"", "'a' # c", "0", "12", "-5", "+3", "1.5", "-0.25", "1e3", "012", "99999999999999999999", "9007199254740993",
    "null", "~", "true", "false", "True", "NO", "yes", "a: b", "a:b", "a:", ":a", "a #c", "a#c", "#c", "[a, b]", "a [b]",
    "{a: 1}", "&x v", "*x", "!t v", "!!str 1", "|", ">", "|-", "-", "- x", "-x", "-.5", "?x", "? x", "%x", "@x", "`x",
    "http://x.y/z", "2014-07-02", "'2014'", "a  ", "\ufeffa", "\u00a0a", "a\tb", ",a", "a,b", "]", "---", "...", "a ... b",
    # over several lines, and escapes, as YAML writers fold and escape long texts
    "a\n      b", "a\n      b c", "a\n\n      b", "a\n      # c", "a\n      b: c", "a\n      - b", "12\n      34",
    "'a\n      b'", "'a\n\n      b'", "'a\n  b'", "'a''\n      b'", "'a\n'", "'\n      a'", "'a  \n      b  '",
    "\"a\\\n      b\"", "\"a \\\n      b\"", "\"a\\ \n      b\"", "\"a\\\\\n      b\"", "\"a\n\n      b\"",
    "\"\\u0110\\xE3 \\u1EBF\"", "\"\\U0001F600\\x41\"", "\"\\t\\n\\\\\\\"\\/\\_\\N\\L\\P\\0\\e\\ \"", "\"\\q\"",
    "\"\\uD800\"", "\"\\x4\"", "\"a\\\n\n      b\"", "\"a\n      b\" c", "\"a\n---\"", "'a\n- b'",
]
_LINE = st.tuples(
    st.sampled_from([0, 0, 2, 2, 4, 4, 6, 1, 3]),
    st.sampled_from(["", "", "- ", "-  ", "-", "- - "]),
    st.one_of(st.none(), st.sampled_from(_KEYS)),
    st.sampled_from([": ", ":", ":  ", " :", ":\t"]),
    st.sampled_from(_VALUES),
    st.sampled_from(["", "", "", " # note", "\t"]),
)
_SPECIAL_LINES = ["", "# comment", "  # indented comment", "---", "...", "%YAML 1.1", "\t- x", "- &a x", "- *a", "\ufeff- a: 1"]


def _line(parts: tuple[int, str, str | None, str, str, str]) -> str:
    indent, dash, key, colon, value, tail = parts
    body = f"{key}{colon}{value}" if key is not None else value
    return " " * indent + dash + body + tail


# Lines from anywhere in the pieces above.
_TEXT = st.lists(st.one_of(_LINE.map(_line), st.sampled_from(_SPECIAL_LINES)), min_size=1, max_size=14).map(
    lambda lines: "\n".join(lines))

# Lists of records in the plain form, written in its several styles, then edited a little:
# a line moved in or out, doubled, dropped, or given a piece it should not have.
_PLAIN = ["", "word", "two words", "Đã báo cáo tiến độ.", "'quoted'", "'it''s'", "\"dq\"", "0", "12", "-5", "+3",
          "1.5", "-0.25", "1e3", "012", "9007199254740991", "null", "~", "true", "false", "True", "NO", "a:b", "a#c",
          "a [b]", "http://x.y/z", "2014-07-02", "'2014'", "\u00a0a", "a,b", "a ... b", "\ufeffa", "-.5", "'a: b # c'"]
_SCALAR = st.one_of(st.sampled_from(_PLAIN), st.sampled_from(_VALUES))
_VALUE = st.recursive(
    _SCALAR,
    lambda inner: st.one_of(
        st.dictionaries(st.sampled_from(_KEYS[:9]), inner, min_size=1, max_size=3),
        st.lists(inner, min_size=1, max_size=3),
    ),
    max_leaves=8,
)
_RECORD = st.dictionaries(st.sampled_from(_KEYS[:9]), _VALUE, min_size=1, max_size=4)
_STYLE = st.fixed_dictionaries({
    "dash": st.sampled_from(["- ", "- ", "-  "]),
    "step": st.sampled_from([2, 2, 4]),
    "compact": st.booleans(),  # lists at their key's own indentation
    "comments": st.booleans(),
})


def _write(value: object, indent: int, style: dict[str, object], out: list[str], first: str = "") -> None:
    """`value` (a mapping or a list) as lines; `first`: the text that starts its first line."""
    pad, step, dash = " " * indent, int(style["step"]), str(style["dash"])  # type: ignore[call-overload]
    if isinstance(value, dict):
        for i, (key, item) in enumerate(value.items()):
            lead = first if i == 0 and first else pad
            if isinstance(item, dict | list) and item:
                out.append(f"{lead}{key}:")
                inner = indent if isinstance(item, list) and style["compact"] else indent + step
                _write(item, inner, style, out)
            else:
                out.append(f"{lead}{key}: {item}" if not isinstance(item, dict | list) else f"{lead}{key}:")
            if style["comments"] and i == 0:
                out.append(pad + "# a comment")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and item:
                _write(item, indent + len(dash), style, out, first=pad + dash)
            elif isinstance(item, list) and item:
                out.append(f"{pad}{dash}{item[0]!s}" if not isinstance(item[0], dict | list) else pad + dash + "x")
            else:
                out.append(f"{pad}{dash}{item if not isinstance(item, dict | list) else 'x'}")


def _records_text(records: list[dict[str, object]], style: dict[str, object]) -> str:
    out: list[str] = []
    _write(records, 0, style, out)
    return "\n".join(out) + "\n"


_EDIT = st.tuples(st.sampled_from(["indent", "outdent", "double", "drop", "tail", "insert"]), st.integers(0, 50),
                  st.sampled_from(_VALUES + _SPECIAL_LINES))


def _edited(text: str, edits: list[tuple[str, int, str]]) -> str:
    lines = text.split("\n")
    for kind, at, piece in edits:
        i = at % len(lines)
        if kind == "indent":
            lines[i] = " " + lines[i]
        elif kind == "outdent":
            lines[i] = lines[i][1:] if lines[i].startswith(" ") else lines[i]
        elif kind == "double":
            lines.insert(i, lines[i])
        elif kind == "drop" and len(lines) > 1:
            del lines[i]
        elif kind == "tail":
            lines[i] = lines[i] + piece
        elif kind == "insert":
            lines.insert(i, piece)
    return "\n".join(lines)


_RECORDS = st.builds(_records_text, st.lists(_RECORD, min_size=1, max_size=4), _STYLE)
_NEAR_RECORDS = st.builds(_edited, _RECORDS, st.lists(_EDIT, min_size=1, max_size=2))


def _strictly(text: str) -> tuple[str | None, list[str]]:
    loaded, problems = parse_yaml(text.encode("utf-8"), "f.yml", plain=False)
    return (repr(loaded.value) if loaded is not None else None), [p.code for p in problems]


def _same_as_the_parser(text: str) -> bool:
    """Whether the line-by-line reading accepted `text`; fails when it accepted it with
    another value than the parser's, or where the parser finds a problem."""
    quick = plain_yaml.read(text, quiet=False)
    if quick is None:
        return False
    value, problems = _strictly(text)
    assert problems == [], (text, problems)
    assert value == repr(quick), (text, value, repr(quick))
    return True


@settings(max_examples=3000, deadline=None)
@given(_TEXT)
@example("- id: a\n  sources:\n  - s\n  title: t\n")  # a list at its key's indentation, then a key
@example("- id: a\n  sources:\n- id: b\n")  # a key with nothing under it: null
@example("- id: a\n  text:\n    vi: v\n    en: e\n  b: 1\n")
@example("- id: a\n  id: b\n")  # a duplicate key
@example("- a\n  b\n")  # a scalar on two lines
@example("- id: a\n  title: t\n    more\n")
@example("- id: a\n\n  # comment\n  b: 'x # y'\n")
@example("-   id: a\n    b: c\n")
@example("- id: a\r\n  b: c\r\n")
def test_what_it_reads_the_parser_reads_the_same(text: str) -> None:
    _same_as_the_parser(text)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(_RECORDS, _NEAR_RECORDS))
def test_records_and_records_edited_a_little(text: str) -> None:
    _same_as_the_parser(text)


@pytest.mark.parametrize("width", [20, 80, 1000])
@pytest.mark.parametrize("allow_unicode", [True, False])
def test_files_as_yaml_writers_write_them(allow_unicode: bool, width: int) -> None:
    # PyYAML's own output, with long texts folded over lines and, without allow_unicode,
    # every Vietnamese text in escapes ("\u0110\xE3 b\xE1o c\xE1o"): read line by line
    synthetic = [records for name, records in sorted(generate(scale=1, seed=7).items()) if records]
    ours = [yaml.safe_load(Path(name).read_text(encoding="utf-8")) for name in sorted(glob.glob(str(ROOT / "data" / "*.yml")))]
    for records in [*synthetic, *(r for r in ours if r)]:
        text = yaml.safe_dump(records, allow_unicode=allow_unicode, width=width, sort_keys=False)
        assert _same_as_the_parser(text), text[:300]


def test_the_projects_data_files_are_read_as_the_parser_reads_them() -> None:
    # most are in the plain form (an editor may write one otherwise: then the parser reads it)
    read, files = 0, 0
    for name in sorted(glob.glob(str(ROOT / "data" / "*.yml"))):
        text = Path(name).read_text(encoding="utf-8")
        if _strictly(text)[0] == "[]":
            continue  # an empty list, written `[]`: left to the parser
        files += 1
        read += _same_as_the_parser(text)
    assert files and read >= files / 2, (read, files)


def test_it_gives_up_on_what_is_not_the_plain_form() -> None:
    for text in ["[]", "a: 1\n", "  - a\n", "- a\n\t- b\n", "- !x a\n", "- &a x\n- *a\n", "- |\n  x\n",
                 "- id: a\n  id: b\n", "- a: 99999999999999999999\n", "---\n- a\n", "- a # c\n", "-\n  a: 1\n",
                 "- [a, b]\n", "- a:\n" + "".join("  " * i + "  b:\n" for i in range(1, 30))]:
        assert plain_yaml.read(text, quiet=False) is None, text
