"""A problem found in the data: where it is, which field, what is wrong, in any language.

At most `MAX_SHOWN` problems are kept with their position and message; past that, each
further problem is only counted by its kind, so a file with a million mistakes is
answered as fast as one with a few (the count per kind is printed after the first ones).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .catalogs import messages


@dataclass(frozen=True)
class Problem:
    """One problem: file position, value path, a message code and its arguments."""

    path: str
    line: int
    column: int
    loc: tuple[Any, ...] | None
    code: str
    args: dict[str, Any] = field(default_factory=dict, compare=False)
    field_path: str | None = None

    # `file:line:col: field: message` plus an optional indented hint line, in `lang`.
    def format(self, lang: str = "en") -> str:
        catalog = messages(lang)
        entry = catalog.get(self.code) or catalog["unknown_problem"]
        names = catalog.get("type_names", {})
        args = _Args(
            {k: names.get(v, v) if k in ("expected", "got") else v for k, v in self.args.items()}
        )
        text = entry["message"].format_map(args)
        if self.args.get("suggestion"):
            text += " " + catalog["did_you_mean"]["message"].format_map(args)
        where = f"{self.path}:{self.line}:{self.column}:"
        head = f"{where} {self.field_path}: {text}" if self.field_path else f"{where} {text}"
        hint = entry.get("hint")
        return f"{head}\n    {hint.format_map(args)}" if hint else head

    # The message alone (no position, no hint), e.g. for CI annotations.
    def message(self, lang: str = "en") -> str:
        text = self.format(lang).split("\n", 1)[0]
        where = f"{self.path}:{self.line}:{self.column}: "
        return text.removeprefix(where)

    # The hint alone, or None.
    def hint(self, lang: str = "en") -> str | None:
        parts = self.format(lang).split("\n    ", 1)
        return parts[1] if len(parts) > 1 else None

    # Sort key: file, then position.
    def key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


# Values inside messages are shown quoted; lists as comma-separated quoted values.
def _show(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_show(v) for v in value)
    return f"{value}" if isinstance(value, int) else f"'{value}'" if value is not None else "—"


class _Args(dict[str, Any]):
    """Message arguments shown quoted; a placeholder with no value shows as a dash."""

    def __getitem__(self, key: str) -> str:
        if key not in self:
            return "—"
        value = super().__getitem__(key)
        # type names ("a list") read as words, not as quoted values
        return str(value) if key in ("expected", "got") else _show(value)


# Documented limits (README, CONTRIBUTING): problems printed in full; the rest are counted
# by kind, up to a total past which reading stops (so that any input is answered quickly).
MAX_SHOWN = 200
MAX_COUNTED = 100_000


class TooMany(Exception):
    """MAX_COUNTED problems were found: reading stops, the report says so."""


class ProblemList(list[Problem]):
    """Problems in the order found: the first `limit` in full, the rest counted by code;
    `TooMany` is raised when MAX_COUNTED is reached (`stopped` then stays true)."""

    def __init__(self, limit: int = MAX_SHOWN) -> None:
        super().__init__()
        self.limit = limit
        self.more: Counter[str] = Counter()
        self.counted = 0
        self.stopped = False

    # Count one more problem of a kind, not shown.
    def count_more(self, code: str, n: int = 1) -> None:
        self.more[code] += n
        self.counted += n
        if self.counted + len(self) >= MAX_COUNTED:
            self.stopped = True
            raise TooMany

    @classmethod
    def of(cls, path: str, line: int, column: int, code: str, args: dict[str, Any]) -> ProblemList:
        found = cls()
        found.add_at(path, line, column, None, code, args)
        return found

    # Whether further problems are only counted (callers then skip costly suggestions).
    def full(self) -> bool:
        return len(self) >= self.limit

    def add(self, problem: Problem) -> None:
        if self.full():
            self.count_more(problem.code)
        else:
            self.append(problem)

    def add_at(self, path: str, line: int, column: int, loc: Any, code: str, args: dict[str, Any]) -> None:
        if self.full():
            self.count_more(code)
        else:
            self.append(Problem(path, line, column, loc, code, args))

    # Take the counts of another list's problems not shown (and whether it stopped).
    def take_counts(self, other: ProblemList) -> None:
        for code, n in other.more.items():
            self.count_more(code, n)
        if other.stopped:
            self.stopped = True
            raise TooMany

    def total(self) -> int:
        return len(self) + self.counted


class DataError(Exception):
    """Raised when data is invalid; carries the problems found (and the count of the rest)."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None) -> None:
        more: Counter[str] = Counter(getattr(problems, "more", {}))
        self.stopped = bool(getattr(problems, "stopped", False))
        self.problems = sorted(problems, key=Problem.key)
        self.more = more
        self.total = len(self.problems) + sum(more.values())
        self.warnings = sorted(warnings or [], key=Problem.key)
        super().__init__(f"{self.total} problem(s) in the data")

    # All problems formatted (then the count of those not shown), a summary line, in `lang`.
    def report(self, lang: str = "en") -> str:
        catalog = messages(lang)
        lines = [p.format(lang) for p in self.problems]
        if self.more:
            kinds = ", ".join(f"{code} {count}" for code, count in sorted(self.more.items(), key=lambda kv: (-kv[1], kv[0])))
            lines.append(catalog["problems_not_shown"]["message"].format(count=sum(self.more.values()), kinds=kinds, shown=len(self.problems)))
        if self.stopped:
            lines.append(catalog["problems_stopped"]["message"].format(max=MAX_COUNTED))
        lines.extend(warning_lines(self.warnings, lang))
        summary = "summary_stopped" if self.stopped else "summary"
        lines.append(catalog[summary]["message"].format(count=self.total))
        return "\n".join(lines)


# Warnings (they never block a build), each marked as such, in `lang`.
def warning_lines(warnings: list[Problem], lang: str = "en") -> list[str]:
    mark = messages(lang)["warning_mark"]["message"]
    out = []
    for warning in sorted(warnings, key=Problem.key):
        head, _, hint = warning.format(lang).partition("\n")
        where = f"{warning.path}:{warning.line}:{warning.column}: "
        line = f"{where}{mark}: {head.removeprefix(where)}"
        out.append(f"{line}\n{hint}" if hint else line)
    return out
