"""Issue 2, acceptance 4: each bad edit makes `validate` exit 1 and the build fail,
naming file, line (and field); two independent mistakes give two messages."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, alias_bomb_yaml, build_site


def edit(path: Path, old: str, new: str) -> None:
    """Replace exactly one occurrence of `old` in a data file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def validate(data: Path, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "opencommittee", "validate", "--lang", lang, str(data)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the n-th line containing `needle`."""
    hits = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


# (case id, file, old, new, expected field path or None, needle for the expected line, occurrence)
CASES = [
    ("duplicate-key", "people.yml", "  name: Tô Hùng Khoa\n", "  name: Tô Hùng Khoa\n  name: Tô Hùng Khoa\n", "to-hung-khoa.name", "name: Tô Hùng Khoa", 2),
    ("duplicate-id", "posts.yml", "- id: pho-truong-ban-thuong-truc", "- id: chu-tich-ubnd-tinh", "chu-tich-ubnd-tinh.id", "- id: chu-tich-ubnd-tinh", 2),
    ("missing-reference", "memberships.yml", "  person_id: to-hung-khoa\n  post_id", "  person_id: to-hung-khao\n  post_id", "to-hung-khoa-pho-truong-ban-thuong-truc.person_id", "to-hung-khao", 1),
    ("impossible-date", "documents.yml", "issue_date: 2014-07-02", "issue_date: 2014-02-30", "qd-1027-qd-ubnd.issue_date", "2014-02-30", 1),
    ("end-before-start", "memberships.yml", "  role: vice_chairman\n  as_of: 2014-08-25\n", "  role: vice_chairman\n  start_date: 2014-08-25\n  end_date: 2014-01-01\n", "to-hung-khoa-pho-chu-tich-ubnd.end_date", "end_date: 2014-01-01", 1),
    ("misspelt-field", "organizations.yml", "  classification: department", "  clasification: department", "so-gddt.clasification", "clasification", 1),
    ("missing-vi-text", "mandate.yml", "    vi: Giúp Chủ tịch UBND tỉnh chỉ đạo", "    fr: Giúp Chủ tịch UBND tỉnh chỉ đạo", "nhiem-vu-giup-chu-tich-chi-dao.text.vi", "  text:", 1),
    ("list-for-string", "sources.yml", "  author: MH\n", "  author:\n    - MH\n", "bao-lang-son-thanh-lap-ban-chi-dao.author", "  author:", 1),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_edit_is_named(data_copy: Path, case: tuple) -> None:
    _name, file, old, new, field, needle, occurrence = case
    target = data_copy / file
    edit(target, old, new)
    result = validate(data_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    line = line_of(target, needle, occurrence)
    pattern = rf"^{re.escape(str(data_copy))}/{re.escape(file)}:{line}:\d+: {re.escape(field)}: "
    assert re.search(pattern, result.stderr, re.M), result.stderr


# The three file-level breakages, as (file, bytes) writers shared with the build test.
FILE_BREAKS = {
    "yaml-syntax": ("plans.yml", b"- id: x\n  title: [unclosed\n"),
    "not-utf8": ("updates.yml", b"- id: a\n  text:\n    vi: \"\xff\xfe\"\n"),
    "alias-bomb": ("indicators.yml", alias_bomb_yaml().encode()),
}


@pytest.mark.parametrize("case", [c[0] for c in CASES] + list(FILE_BREAKS))
def test_every_bad_edit_fails_the_build(data_copy: Path, tmp_path: Path, case: str) -> None:
    if case in FILE_BREAKS:
        file, content = FILE_BREAKS[case]
        (data_copy / file).write_bytes(content)
        where = f"{file}:"
    else:
        _name, file, old, new, field, _needle, _occ = next(c for c in CASES if c[0] == case)
        edit(data_copy / file, old, new)
        where = f"{file}:"
    result = build_site(tmp_path / "site", data_dir=data_copy)
    assert result.returncode != 0, case
    assert re.search(rf"/{re.escape(where)}\d+:\d+: ", result.stdout + result.stderr), result.stderr[-2000:]
    assert not (tmp_path / "site" / "index.html").exists()


def test_yaml_syntax_error(data_copy: Path) -> None:
    (data_copy / "plans.yml").write_text("- id: x\n  title: [unclosed\n", encoding="utf-8")
    result = validate(data_copy)
    assert result.returncode == 1
    assert re.search(rf"{re.escape(str(data_copy))}/plans.yml:3:1: YAML syntax error", result.stderr), result.stderr


def test_bytes_not_utf8(data_copy: Path) -> None:
    (data_copy / "updates.yml").write_bytes(b"- id: a\n  text:\n    vi: \"\xff\xfe\"\n")
    result = validate(data_copy)
    assert result.returncode == 1
    assert f"{data_copy}/updates.yml:3:10: " in result.stderr and "UTF-8" in result.stderr


def test_alias_bomb_refused_without_expanding(data_copy: Path) -> None:
    (data_copy / "indicators.yml").write_text(alias_bomb_yaml(), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "opencommittee", "validate", "--lang", "en", str(data_copy)],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=20,
    )
    assert result.returncode == 1
    assert f"{data_copy}/indicators.yml:3:" in result.stderr and "alias" in result.stderr


def test_two_mistakes_two_messages(data_copy: Path) -> None:
    edit(data_copy / "documents.yml", "issue_date: 2014-07-02", "issue_date: 2014-02-30")
    edit(data_copy / "people.yml", "- id: to-hung-khoa", "- id: To_Hung_Khoa")
    result = validate(data_copy)
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if re.match(r"^\S+:\d+:\d+: ", line)]
    assert any("documents.yml" in p and "issue_date" in p for p in problems)
    assert any("people.yml" in p and "To_Hung_Khoa" in p for p in problems)


def test_messages_in_vietnamese(data_copy: Path) -> None:
    edit(data_copy / "organizations.yml", "  classification: department", "  clasification: department")
    result = validate(data_copy, lang="vi")
    assert result.returncode == 1
    assert "trường 'clasification' không tồn tại" in result.stderr
    assert "có phải ý bạn là 'classification'" in result.stderr


def test_misspelt_id_gets_a_suggestion(data_copy: Path) -> None:
    edit(data_copy / "memberships.yml", "  person_id: to-hung-khoa\n  post_id", "  person_id: to-hung-khao\n  post_id")
    result = validate(data_copy)
    assert "(did you mean 'to-hung-khoa'?)" in result.stderr


def test_markup_in_text_is_valid_data(data_copy: Path) -> None:
    edit(data_copy / "people.yml", "    en: Comrade", "    en: <script>alert(1)</script> {{ 7*7 }} {% include 'x' %}")
    assert validate(data_copy).returncode == 0


def test_valid_data_passes() -> None:
    result = validate(ROOT / "data")
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout


def test_build_fails_with_the_same_messages(data_copy: Path, tmp_path: Path) -> None:
    edit(data_copy / "documents.yml", "issue_date: 2014-07-02", "issue_date: 2014-02-30")
    edit(data_copy / "people.yml", "  name: Tô Hùng Khoa\n", "  name: Tô Hùng Khoa\n  name: X\n")
    result = build_site(tmp_path / "site", data_dir=data_copy, env={"LANG": "C.UTF-8", "LC_ALL": ""})
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert re.search(r"documents\.yml:10:3: qd-1027-qd-ubnd\.issue_date: .*2014-02-30", output), output
    assert re.search(r"people\.yml:4:3: to-hung-khoa\.name: .*'name'", output), output
    assert not (tmp_path / "site" / "index.html").exists()


def test_record_id_equal_to_a_heading_anchor_fails_the_build(data_copy: Path, tmp_path: Path) -> None:
    # "Nhiệm vụ" (the mandate heading on the committee page) slugs to `nhiem-vu`.
    edit(data_copy / "mandate.yml", "- id: nhiem-vu-tham-muu-de-xuat", "- id: nhiem-vu")
    result = build_site(tmp_path / "site", data_dir=data_copy)
    assert result.returncode != 0
    assert "id 'nhiem-vu' is used twice on this page" in result.stdout + result.stderr
