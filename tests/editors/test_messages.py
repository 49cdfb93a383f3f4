"""Issue 5, acceptance 1: every bad input is explained by `validate` in Vietnamese and
English with file, line, column, field and a fix (acceptance 2, template syntax shown
literally, is checked on the xss site in tests/quality/test_static_gates.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import alias_bomb_yaml, edit, validate


def _append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as out:
        out.write(text)


# Each case: how to break a copy of data/, the file, the expected (line, column), the field
# path (None where there is none) and text each language's message must contain.
def _dup_key(d: Path) -> None:
    edit(d / "people.yml", "  name: Tô Hùng Khoa\n", "  name: Tô Hùng Khoa\n  name: Tô Hùng Khoa\n")


def _dup_id(d: Path) -> None:
    _append(d / "people.yml", "- id: to-hung-khoa\n  name: X\n  sources:\n    - bao-lang-son-thanh-lap-ban-chi-dao\n")


def _missing_ref(d: Path) -> None:
    edit(d / "memberships.yml", "  person_id: to-hung-khoa\n  post_id", "  person_id: to-hung-khao\n  post_id")


def _bad_date(d: Path) -> None:
    edit(d / "documents.yml", "issue_date: 2014-07-02", "issue_date: 2014-02-30")


def _end_before_start(d: Path) -> None:
    edit(d / "memberships.yml", "  role: vice_chairman\n", "  role: vice_chairman\n  start_date: 2015-01-01\n  end_date: 2014-12-31\n")


def _misspelt_field(d: Path) -> None:
    edit(d / "organizations.yml", "  classification: department", "  clasification: department")


def _missing_vi(d: Path) -> None:
    edit(d / "people.yml", "    vi: Đồng chí\n", "")


def _list_for_string(d: Path) -> None:
    edit(d / "sources.yml", "  author: MH\n", "  author:\n    - MH\n")


def _syntax(d: Path) -> None:
    edit(d / "people.yml", "  name: Tô Hùng Khoa\n", "  name: Tô Hùng: Khoa\n")


def _not_utf8(d: Path) -> None:
    path = d / "people.yml"
    path.write_bytes(path.read_bytes().replace("Tô Hùng".encode(), b"T\xf4 H\xf9ng", 1))


def _alias_bomb(d: Path) -> None:
    (d / "indicators.yml").write_text(alias_bomb_yaml(), encoding="utf-8")


def _pos(d: Path, file: str, needle: str, occurrence: int = 1, column: int = 3) -> tuple[int, int]:
    raw = (d / file).read_bytes().decode("utf-8", "replace")
    hits = [i for i, line in enumerate(raw.splitlines(), 1) if needle in line]
    return hits[occurrence - 1], column


CASES = [
    ("duplicate-key", _dup_key, "people.yml", lambda d: _pos(d, "people.yml", "name: Tô Hùng Khoa", 2), "to-hung-khoa.name",
     {"en": "key 'name' appears twice", "vi": "khóa 'name' xuất hiện hai lần"}),
    ("duplicate-id", _dup_id, "people.yml", lambda d: _pos(d, "people.yml", "- id: to-hung-khoa", 2), "to-hung-khoa.id",
     {"en": "id 'to-hung-khoa' is already used at", "vi": "id 'to-hung-khoa' đã được dùng tại"}),
    ("missing-reference", _missing_ref, "memberships.yml", lambda d: _pos(d, "memberships.yml", "to-hung-khao"),
     "to-hung-khoa-pho-truong-ban-thuong-truc.person_id",
     {"en": "(did you mean 'to-hung-khoa'?)", "vi": "(có phải ý bạn là 'to-hung-khoa'?)"}),
    ("impossible-date", _bad_date, "documents.yml", lambda d: _pos(d, "documents.yml", "2014-02-30"), "qd-1027-qd-ubnd.issue_date",
     {"en": "'2014-02-30' does not exist on the calendar", "vi": "ngày '2014-02-30' không có trên lịch"}),
    ("end-before-start", _end_before_start, "memberships.yml", lambda d: _pos(d, "memberships.yml", "end_date: 2014-12-31"),
     "to-hung-khoa-pho-chu-tich-ubnd.end_date",
     {"en": "the end date '2014-12-31' is before the start date", "vi": "ngày kết thúc '2014-12-31' trước ngày bắt đầu"}),
    ("misspelt-field", _misspelt_field, "organizations.yml", lambda d: _pos(d, "organizations.yml", "clasification"),
     "so-gddt.clasification",
     {"en": "unknown field 'clasification' (did you mean 'classification'?)",
      "vi": "trường 'clasification' không tồn tại (có phải ý bạn là 'classification'?)"}),
    ("missing-vi-text", _missing_vi, "people.yml", lambda d: _pos(d, "people.yml", "honorific:"), "to-hung-khoa.honorific.vi",
     {"en": "the Vietnamese text ('vi') is missing", "vi": "thiếu văn bản tiếng Việt ('vi')"}),
    ("list-for-string", _list_for_string, "sources.yml", lambda d: _pos(d, "sources.yml", "  author:"),
     "bao-lang-son-thanh-lap-ban-chi-dao.author",
     {"en": "expected text here, found a list", "vi": "cần văn bản ở đây, nhưng gặp danh sách"}),
    ("yaml-syntax", _syntax, "people.yml", lambda d: _pos(d, "people.yml", "Tô Hùng: Khoa", column=16), None,
     {"en": "YAML syntax error", "vi": "lỗi cú pháp YAML"}),
    ("not-utf8", _not_utf8, "people.yml", lambda d: _pos(d, "people.yml", "name: T", column=10), None,
     {"en": "the file is not UTF-8 text (byte '0xF4' here)", "vi": "tệp không phải văn bản UTF-8 (byte '0xF4' tại đây)"}),
    ("alias-bomb", _alias_bomb, "indicators.yml", lambda d: _pos(d, "indicators.yml", "  b: &b", column=10), None,
     {"en": "YAML aliases (*name) are not allowed", "vi": "không được dùng bí danh YAML"}),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_message_names_place_field_and_fix_in_both_languages(data_copy: Path, case: tuple) -> None:
    _name, breaker, file, where, field, expected = case
    breaker(data_copy)
    line, col = where(data_copy)
    outputs = {}
    for lang in ("vi", "en"):
        result = validate(data_copy, lang)
        assert result.returncode == 1
        lines = result.stderr.splitlines()
        # exactly one problem: one message line, one indented hint, the summary
        assert len(lines) == 3, result.stderr
        head, hint, summary = lines
        prefix = f"{data_copy}/{file}:{line}:{col}: "
        assert head.startswith(prefix), (lang, head, prefix)
        rest = head[len(prefix):]
        if field:
            assert rest.startswith(f"{field}: "), (lang, head)
        else:
            assert not re.match(r"^[\w.\[\]-]+: ", rest), (lang, head)
        assert expected[lang] in head, (lang, head)
        assert hint.startswith("    ") and len(hint.strip()) > 10, (lang, hint)
        assert summary in ("1 problem(s) found; nothing was published.", "Tìm thấy 1 lỗi; chưa có gì được xuất bản.")
        outputs[lang] = (head, hint)
    # the two languages really differ (message and hint)
    assert outputs["vi"][0] != outputs["en"][0] and outputs["vi"][1] != outputs["en"][1]


def test_every_message_has_a_hint_in_both_languages() -> None:
    from opencommittee.load.catalogs import messages

    exempt = {"did_you_mean", "summary", "unknown_problem", "type_names", "no_data_dir", "serve_last_good", "warning_mark", "summary_stopped", "problems_stopped"}
    for lang in ("vi", "en"):
        for code, entry in messages(lang).items():
            if code not in exempt:
                assert entry.get("hint"), (lang, code)
