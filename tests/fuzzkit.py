"""Random mistakes for property tests of `validate` (issue 11): Hypothesis strategies that
mutate a copy of a data folder at the text level (characters, lines, indentation, nesting,
truncation, growth), at the structure level (records and values of a file, re-written as
YAML) and at the file level (a file removed, emptied, renamed, made a folder or a link,
a collection split into a folder), and the check every mutated folder must pass:

- no traceback, and an exit code of 0 or 1;
- every message names a file of the folder, at a line that exists in that file;
- at most 5 s of CPU for an input of up to 5 MB.

Shared by tests/unit/model/test_validate_properties.py (`make test`, bounded) and
`make fuzz` (10,000 examples, with a summary of outcomes).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from opencommittee.cli.main import main

# Characters editors paste by accident, and YAML's own syntax.
SPECIAL = [
    "\x00", "\x07", "\x1b", "\t", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\ufeff", "\u200b",
    ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "#", "&a ", "*a", "!", "!!binary ", "!!set ",
    "!!python/object:os.system ", "'", '"', "|", ">", "%", "@", "`", "?", "<<: ", "~", "---\n",
    "\n", "  ", "é", "Đ", "0000", "2014-00", "2014-00-00", "2014-13-01", "1e400", "9" * 5000,
    "1" + "0" * 400 + ".5", "null", "true", "NO", "id", "id: ", "- id: ", "\\",
]
# How large a file may grow by repetition: 5 MB in `make fuzz`, less in `make test`.
MAX_GROWTH = int(os.environ.get("OC_FUZZ_GROWTH", "300000"))
LEAVES: list[Any] = [None, True, 0, -1, 1.5, 10**30, "", "x", "Đà Lạt", "2014-00", "0000",
                     [], {}, ["x"], {"vi": "x"}, {"a": {"b": [1]}}]


@dataclass(frozen=True)
class Mutation:
    """One change to a data folder, drawn from integers so that Hypothesis can shrink it."""

    kind: str
    file: int
    at: float = 0.0
    size: int = 1
    pick: int = 0

    def apply(self, folder: Path) -> None:
        files = sorted(p for p in folder.rglob("*.yml") if p.is_file() and not p.is_symlink())
        if not files:
            return
        target = files[self.file % len(files)]
        getattr(self, f"_{self.kind}")(folder, target)

    # --- text level -------------------------------------------------------------------

    def _text(self, target: Path) -> str:
        return target.read_bytes().decode("utf-8", "replace")

    def _at(self, text: str) -> int:
        return min(int(self.at * len(text)), len(text))

    def _insert(self, _folder: Path, target: Path) -> None:
        text, i = self._text(target), self._at(self._text(target))
        target.write_text(text[:i] + SPECIAL[self.pick % len(SPECIAL)] * self.size + text[i:], encoding="utf-8", newline="")

    def _delete(self, _folder: Path, target: Path) -> None:
        text = self._text(target)
        i = self._at(text)
        target.write_text(text[:i] + text[i + self.size:], encoding="utf-8", newline="")

    def _truncate(self, _folder: Path, target: Path) -> None:
        text = self._text(target)
        target.write_text(text[: self._at(text)], encoding="utf-8", newline="")

    def _indent(self, _folder: Path, target: Path) -> None:
        lines = self._text(target).split("\n")
        i = self._at(lines)  # type: ignore[arg-type]
        if i < len(lines):
            lines[i] = (" " * (self.size % 7) + lines[i].lstrip(" ")) if self.pick % 2 else lines[i][self.size % 4:]
        target.write_text("\n".join(lines), encoding="utf-8", newline="")

    def _swap_lines(self, _folder: Path, target: Path) -> None:
        lines = self._text(target).split("\n")
        i, j = self._at(lines), (self._at(lines) + self.size) % max(len(lines), 1)  # type: ignore[arg-type]
        if i < len(lines):
            lines[i], lines[j] = lines[j], lines[i]
        target.write_text("\n".join(lines), encoding="utf-8", newline="")

    def _repeat(self, _folder: Path, target: Path) -> None:
        # grow a file by repeating a part of it, up to about 5 MB
        text = self._text(target)
        i = self._at(text)
        part = text[i:i + 200] or "- id: x\n"
        times = min([1, 30, 1000, 25_000][self.size % 4], MAX_GROWTH // max(len(part), 1))
        target.write_text(text[:i] + part * times + text[i:], encoding="utf-8", newline="")

    def _nest(self, _folder: Path, target: Path) -> None:
        depth = [3, 49, 51, 300, 5000][self.pick % 5]
        text = self._text(target)
        i = self._at(text)
        inner = ("[" * depth + "]" * depth) if self.size % 2 else ("- " * depth + "x")
        target.write_text(text[:i] + inner + text[i:], encoding="utf-8", newline="")

    # --- structure level --------------------------------------------------------------

    def _value(self, _folder: Path, target: Path) -> None:
        try:
            records = yaml.safe_load(target.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError, ValueError, RecursionError):  # the harness, not validate
            return
        try:
            paths = list(_paths(records, ()))
        except RecursionError:  # the harness's own walk of a deeply nested value
            return
        if not paths:
            return
        path = paths[int(self.at * len(paths)) % len(paths)]
        leaf = LEAVES[self.pick % len(LEAVES)]
        op = self.size % 4
        try:
            text = yaml.safe_dump(_change(records, path, leaf, op), allow_unicode=True, sort_keys=False)
        except RecursionError:
            return
        target.write_text(text, encoding="utf-8")

    # --- file level -------------------------------------------------------------------

    def _file_op(self, folder: Path, target: Path) -> None:
        op = self.pick % 7
        if op == 0:
            target.unlink()
        elif op == 1:
            target.write_text("", encoding="utf-8")
        elif op == 2:
            target.rename(target.with_name(target.stem + "s.yml"))
        elif op == 3:
            target.unlink()
            target.mkdir()
        elif op == 4:
            target.unlink()
            os.symlink(folder / "missing.yml" if self.size % 2 else target.name, target)
        elif op == 5 and target.parent == folder:
            # the collection as a folder of two files
            text = target.read_text(encoding="utf-8", errors="replace")
            parts = re.split(r"(?m)^(?=- id: )", text)
            half = max(1, len(parts) // 2)
            sub = folder / target.stem
            sub.mkdir(exist_ok=True)
            (sub / "a.yml").write_text("".join(parts[:half]), encoding="utf-8")
            (sub / "b.yml").write_text("".join(parts[half:]) or "[]\n", encoding="utf-8")
            if not self.size % 3:
                return  # keep both the file and the folder
            target.unlink()
        else:
            target.with_suffix(".yaml").write_bytes(target.read_bytes())


def _paths(value: Any, loc: tuple[Any, ...]) -> Any:
    yield loc
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, (*loc, i))


# A copy of `value` with the value at `path` replaced (0), removed (1), duplicated (2) or
# wrapped in a list (3).
def _change(value: Any, path: tuple[Any, ...], leaf: Any, op: int) -> Any:
    if not path:
        return [value] if op == 3 else leaf
    head, rest = path[0], path[1:]
    if isinstance(value, dict) and head in value:
        out = dict(value)
        if not rest and op == 1:
            del out[head]
        elif not rest and op == 2:
            out[f"{head}_"] = out[head]
        else:
            out[head] = _change(value[head], rest, leaf, op)
        return out
    if isinstance(value, list) and isinstance(head, int) and head < len(value):
        out_list = list(value)
        if not rest and op == 1:
            del out_list[head]
        elif not rest and op == 2:
            out_list.insert(head, value[head])
        else:
            out_list[head] = _change(value[head], rest, leaf, op)
        return out_list
    return value


# --- gentle mutations: the folder most often stays valid (for "valid means buildable") ---


@dataclass(frozen=True)
class Gentle:
    """A change an editor makes on purpose: new prose, records reordered, a comment, a
    collection split into a folder."""

    kind: str
    file: int
    at: float = 0.0
    prose: str = "x"

    def apply(self, folder: Path) -> None:
        files = sorted(p for p in folder.glob("*.yml") if p.is_file())
        target = files[self.file % len(files)]
        text = target.read_text(encoding="utf-8")
        if self.kind == "prose":
            # every Vietnamese/English text and note gets the new prose
            quoted = "'" + self.prose.replace("'", "''") + "'"
            text = re.sub(r"(?m)^(\s+(?:vi|en|note): ).+$", lambda m: m.group(1) + quoted, text)
        elif self.kind == "reorder":
            head, *records = re.split(r"(?m)^(?=- id: )", text)
            text = head + "".join(reversed([r if r.endswith("\n") else r + "\n" for r in records]))
        elif self.kind == "comment":
            lines = text.split("\n")
            i = int(self.at * len(lines))
            lines.insert(i, "# " + self.prose.replace("\n", " "))
            text = "\n".join(lines)
        elif self.kind == "split":
            head, *records = re.split(r"(?m)^(?=- id: )", text)
            if len(records) < 2:
                return
            half = len(records) // 2
            sub = folder / target.stem
            sub.mkdir()
            (sub / "1.yml").write_text(head + "".join(records[:half]), encoding="utf-8")
            (sub / "2.yml").write_text("".join(records[half:]), encoding="utf-8")
            target.unlink()
            return
        target.write_text(text, encoding="utf-8")


PROSE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufeff\x85"), min_size=1, max_size=40).filter(lambda t: t.strip() != "")
gentle = st.builds(Gentle, kind=st.sampled_from(["prose", "reorder", "comment", "split"]), file=st.integers(0, 30), at=st.floats(0, 1), prose=PROSE)


KINDS = ["insert", "delete", "truncate", "indent", "swap_lines", "repeat", "nest", "value", "value", "file_op"]

mutations = st.builds(
    Mutation,
    kind=st.sampled_from(KINDS),
    file=st.integers(0, 30),
    at=st.floats(0, 1),
    size=st.integers(1, 40),
    pick=st.integers(0, 200),
)


@dataclass
class Outcome:
    code: int
    seconds: float
    kind: str  # "valid", or the first problem's message code family
    output: str


_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): ", re.M)


def check(folder: Path, lang: str = "en") -> Outcome:
    """Validate a folder in-process and assert the properties; the outcome, for counts."""
    out, err = io.StringIO(), io.StringIO()
    start = time.process_time()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["validate", "--lang", lang, str(folder)])
    seconds = time.process_time() - start
    output = err.getvalue()
    assert code in (0, 1), output
    assert "Traceback" not in output
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    if size <= 5_000_000:
        assert seconds < 5, f"{seconds:.1f} s for {size} bytes"
    lines = list(_LINE.finditer(output))
    if code == 1:
        assert lines, output
    for match in lines:
        path = Path(match["path"])
        assert path == folder or folder in path.parents, match.group(0)
        if path.is_file() and not path.is_symlink():
            count = path.read_bytes().count(b"\n") + 1
            assert int(match["line"]) <= count, (match.group(0), count)
    kind = "valid" if code == 0 else _kind(output)
    return Outcome(code, seconds, kind, output)


# The outcome's kind, for the summary: the first message, without its values.
def _kind(output: str) -> str:
    first = _LINE.sub("", output.split("\n", 1)[0], count=1)
    field = re.match(r"^[^\s']+: ", first)  # a field path (no spaces), not "YAML syntax error: "
    first = first[field.end():] if field else first
    return re.sub(r"'[^']*'|\d+", "…", first)[:70]


def copy_base(base: Path, target: Path) -> Path:
    shutil.copytree(base, target, symlinks=True)
    return target


class Tally:
    """Counts of outcomes over a run, printed as the fuzz summary."""

    def __init__(self) -> None:
        self.outcomes: Counter[str] = Counter()
        self.kinds: Counter[str] = Counter()
        self.slowest = 0.0
        self.built = Counter[str]()

    def add(self, outcome: Outcome) -> None:
        self.outcomes["valid (exit 0)" if outcome.code == 0 else "refused (exit 1)"] += 1
        if outcome.code:
            self.kinds[outcome.kind] += 1
        self.slowest = max(self.slowest, outcome.seconds)

    def summary(self) -> str:
        total = sum(self.outcomes.values())
        lines = [f"fuzz summary: {total} examples, slowest validate {self.slowest:.2f} s of CPU"]
        lines += [f"  {name}: {count}" for name, count in sorted(self.outcomes.items())]
        # asserted on every example by `check` (a failure stops the run and is shrunk)
        lines.append("  tracebacks: 0, other exit codes: 0, messages naming no file of the folder or a line past its end: 0")
        lines.append("  most frequent first messages of refused folders:")
        lines += [f"    {count:6d}  {kind}" for kind, count in self.kinds.most_common(15)]
        if self.built:
            lines.append("  valid folders built with mkdocs build --strict: " + ", ".join(f"{k} {v}" for k, v in sorted(self.built.items())))
        return "\n".join(lines)
