"""A problem found in the data: where it is, which field, what is wrong, in any language."""

from __future__ import annotations

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


class DataError(Exception):
    """Raised when data is invalid; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the data")
        self.problems = sorted(problems, key=Problem.key)

    # All problems formatted, with a summary line, in `lang`.
    def report(self, lang: str = "en") -> str:
        lines = [p.format(lang) for p in self.problems]
        lines.append(messages(lang)["summary"]["message"].format(count=len(self.problems)))
        return "\n".join(lines)
