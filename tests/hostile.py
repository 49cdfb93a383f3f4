"""Hostile and accidental inputs of issue 11, each applied to a copy of a data folder, with
what `validate` must answer: exit 1, and a line `file:line:col: [field: ]message` matching
`expect` (English) and holding `vi` (Vietnamese). Shared by the model tests (the report)
and the glue tests (the build fails with the same report)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Cause:
    name: str
    mutate: Callable[[Path], None]
    file: str  # the file the message names, relative to the data folder
    expect: str  # a regex for the rest of the line after `file:`
    vi: str  # a part of the Vietnamese message


def _write(name: str, text: str | bytes) -> Callable[[Path], None]:
    def mutate(data: Path) -> None:
        target = data / name
        if target.is_symlink() or target.is_file():
            target.unlink()
        (target.write_bytes if isinstance(text, bytes) else target.write_text)(text)  # type: ignore[operator]
    return mutate


def _edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    def mutate(data: Path) -> None:
        target = data / name
        text = target.read_text(encoding="utf-8")
        assert old in text, (name, old)
        target.write_bytes(text.replace(old, new, 1).encode("utf-8"))
    return mutate


def _folder_named_file(data: Path) -> None:
    (data / "people.yml").unlink()
    (data / "people.yml").mkdir()


def _broken_link(data: Path) -> None:
    (data / "people.yml").unlink()
    os.symlink(data / "missing.yml", data / "people.yml")


def _link_loop(data: Path) -> None:
    (data / "people.yml").unlink()
    os.symlink("people.yml", data / "people.yml")


def _empty(data: Path) -> None:
    for file in data.iterdir():
        file.unlink()


NAME = "  name: Tô Hùng Khoa"
DATE = "issue_date: 2014-07-02"

CAUSES = [
    Cause("deep-flow", _write("tasks.yml", "- id: x\n  title: " + "[" * 500 + "]" * 500 + "\n"), "tasks.yml",
          r"2:\d+: \[0\]\.title\[0\]: lists and mappings are nested more than 50 levels deep here", "lồng nhau quá 50 cấp"),
    Cause("deep-flow-past-libyaml", _write("tasks.yml", "- id: x\n  title: " + "[" * 5000 + "]" * 5000 + "\n"), "tasks.yml",
          r"2:\d+: ", "YAML"),
    Cause("deep-block", _write("tasks.yml", "".join("  " * i + "-\n" for i in range(400))), "tasks.yml",
          r"\d+:\d+: .*nested more than 50 levels", "lồng nhau quá 50 cấp"),
    Cause("deep-compact", _write("tasks.yml", "- " * 20000 + "x\n"), "tasks.yml",
          r"1:\d+: .*nested more than 50 levels", "lồng nhau quá 50 cấp"),
    Cause("folder-named-file", _folder_named_file, "people.yml", r"1:1: 'people.yml' is a folder, not a file", "là một thư mục"),
    Cause("broken-link", _broken_link, "people.yml", r"1:1: 'people.yml' is a link, not a plain file", "là một liên kết"),
    Cause("link-loop", _link_loop, "people.yml", r"1:1: 'people.yml' is a link", "là một liên kết"),
    Cause("top-level-mapping", _write("organizations.yml", "id: x\nname: y\n"), "organizations.yml",
          r"1:1: the file must hold a list of records", "phải chứa một danh sách"),
    Cause("top-level-mapping-tasks", _write("tasks.yml", "id: x\ntitle: y\n"), "tasks.yml", r"1:1: the file must hold a list", "danh sách"),
    Cause("id-list", _edit("tasks.yml", "- id: ", "- id: [a]\n  x_id: "), "tasks.yml", r"\d+:3: \[0\]\.id: expected text here, found a list", "nhưng gặp"),
    Cause("id-mapping", _edit("organizations.yml", "- id: ", "- id:\n    a: 1\n  x_id: "), "organizations.yml", r"\d+:3: \[0\]\.id: expected text here, found a mapping", "nhưng gặp"),
    Cause("id-list-membership", _edit("memberships.yml", "- id: ", "- id: [a]\n  x_id: "), "memberships.yml", r"\d+:3: \[0\]\.id: expected text", "nhưng gặp"),
    Cause("integer-5000-digits", _edit("people.yml", NAME, "  name: " + "9" * 5000), "people.yml",
          r"3:9: to-hung-khoa\.name: this number is too large to keep exactly \(at most 9007199254740991\)", "quá lớn"),
    Cause("number-past-float", _edit("people.yml", NAME, "  name: 1" + "0" * 400 + ".5"), "people.yml", r"3:9: .*too large", "quá lớn"),
    Cause("year-0000", _edit("documents.yml", DATE, "issue_date: '0000'"), "documents.yml", r"10:3: qd-1027-qd-ubnd\.issue_date: '0000' does not exist", "không có trên lịch"),
    Cause("month-00", _edit("documents.yml", DATE, "issue_date: 2014-00"), "documents.yml", r"10:3: .*'2014-00' does not exist", "không có trên lịch"),
    Cause("day-00", _edit("documents.yml", DATE, "issue_date: 2014-00-00"), "documents.yml", r"10:3: .*'2014-00-00' does not exist", "không có trên lịch"),
    Cause("empty-folder", _empty, "organizations.yml", r"1:1: there is no committee", "không có cơ quan nào"),
    Cause("nul", _edit("people.yml", "Tô Hùng Khoa", "Tô Hùng\x00 Khoa"), "people.yml", r"3:16: the character 'U\+0000' is not allowed", "không được phép"),
    Cause("control", _edit("people.yml", "Tô Hùng Khoa", "Tô Hùng\x07 Khoa"), "people.yml", r"3:16: the character 'U\+0007'", "không được phép"),
    Cause("line-separator", _edit("people.yml", "Tô Hùng Khoa", "Tô Hùng\u2028 Khoa"), "people.yml", r"3:16: the character 'U\+2028' breaks the line", "ngắt dòng"),
    Cause("paragraph-separator", _edit("people.yml", "Tô Hùng Khoa", "Tô Hùng\u2029 Khoa"), "people.yml", r"3:16: the character 'U\+2029'", "ngắt dòng"),
    Cause("lone-cr", _edit("people.yml", "Tô Hùng Khoa\n", "Tô Hùng Khoa\r"), "people.yml", r"3:21: the character 'U\+000D'", "ngắt dòng"),
    Cause("capital-key", _edit("organizations.yml", "  classification: department", "  Classification: department"), "organizations.yml",
          r"\d+:3: so-gddt\.Classification: unknown field 'Classification' \(did you mean 'classification'\?\)", "'Classification'"),
    Cause("tag-binary", _edit("people.yml", NAME, "  name: !!binary aGVsbG8="), "people.yml", r"3:9: to-hung-khoa\.name: YAML tags such as '!!binary'", "thẻ YAML"),
    Cause("tag-set", _edit("people.yml", NAME, "  name: !!set {a, b}"), "people.yml", r"3:9: .*'!!set'", "thẻ YAML"),
    Cause("tag-python", _edit("people.yml", NAME, "  name: !!python/object:os.system x"), "people.yml", r"3:9: .*'!!python/object:os.system'", "thẻ YAML"),
    Cause("tag-local", _edit("people.yml", NAME, "  name: !secret x"), "people.yml", r"3:9: .*'!secret'", "thẻ YAML"),
    Cause("two-documents", _edit("people.yml", NAME, NAME + "\n---\n- id: b"), "people.yml", r"\d+:\d+: YAML syntax error: .*single document", "YAML"),
    Cause("too-large", _write("updates.yml", b"[]\n" + b"#" * 21_000_000), "updates.yml", r"1:1: 'updates.yml' is larger than the limit of 20 MB", "lớn hơn giới hạn"),
]
