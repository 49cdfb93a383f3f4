"""Validation in the model layer: each bad edit is reported with its file, line, column and
field, in both languages, and two independent mistakes give two messages (issue 2); every
plan and progress rule (issue 3). `load_dataset` is called directly; the CLI and the build
print the same report (tests/editors, tests/integration)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DATA, alias_bomb_yaml, edit, line_of, overlay
from opencommittee.load import plain_yaml
from opencommittee.load.problems import DataError
from opencommittee.model.loader import load_dataset


def report(data: Path, lang: str = "en") -> str:
    """The validation report of a data folder (what `validate` prints), or '' when valid."""
    try:
        load_dataset(data, shown_as=str(data))
    except DataError as err:
        return err.report(lang)
    return ""


# (case id, file, old, new, expected field path, needle for the expected line, occurrence)
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
    found = report(data_copy)
    line = line_of(target, needle, occurrence)
    pattern = rf"^{re.escape(str(data_copy))}/{re.escape(file)}:{line}:\d+: {re.escape(field)}: "
    assert re.search(pattern, found, re.M), found


# Dates: the form (digits 0-9 only, as JSON Schema's pattern reads them) and the calendar.
@pytest.mark.parametrize(("written", "verdict"), [
    ("2014", None), ("2014-12", None), ("2016-02-29", None), ("'2014-07-02'", None),
    ("0000", "does not exist on the calendar"), ("2014-00", "does not exist on the calendar"),
    ("2014-13", "does not exist on the calendar"), ("2015-02-29", "does not exist on the calendar"),
    ("2014-04-31", "does not exist on the calendar"), ("0000-01-01", "does not exist on the calendar"),
    ("'٢٠١٤'", "is not a date in the form"), ("'２０１４-07'", "is not a date in the form"),
    ("'2014-07-0٢'", "is not a date in the form"), ("2014-7", "is not a date in the form"),
    ("20140702", "is not a date in the form"), ("2014-W27", "is not a date in the form"),
])
def test_dates_are_checked_for_form_and_calendar(data_copy: Path, written: str, verdict: str | None) -> None:
    edit(data_copy / "documents.yml", "issue_date: 2014-07-02", f"issue_date: {written}")
    found = report(data_copy)
    if verdict is None:
        assert found == ""
    else:
        assert re.search(rf"documents.yml:\d+:\d+: qd-1027-qd-ubnd.issue_date: .*{verdict}", found), found


def test_yaml_syntax_error(data_copy: Path) -> None:
    (data_copy / "plans.yml").write_text("- id: x\n  title: [unclosed\n", encoding="utf-8")
    # the parser stops at the end of the text: named as the end of the last line, never as
    # a line 3 the file does not have
    assert re.search(rf"{re.escape(str(data_copy))}/plans.yml:2:19: YAML syntax error", report(data_copy))


def test_bytes_not_utf8(data_copy: Path) -> None:
    (data_copy / "updates.yml").write_bytes(b"- id: a\n  text:\n    vi: \"\xff\xfe\"\n")
    found = report(data_copy)
    assert f"{data_copy}/updates.yml:3:10: " in found and "UTF-8" in found


def test_alias_bomb_refused_without_expanding(data_copy: Path) -> None:
    (data_copy / "indicators.yml").write_text(alias_bomb_yaml(), encoding="utf-8")
    found = report(data_copy)
    assert f"{data_copy}/indicators.yml:3:" in found and "alias" in found


def test_two_mistakes_two_messages(data_copy: Path) -> None:
    edit(data_copy / "documents.yml", "issue_date: 2014-07-02", "issue_date: 2014-02-30")
    edit(data_copy / "people.yml", "- id: to-hung-khoa", "- id: To_Hung_Khoa")
    problems = [line for line in report(data_copy).splitlines() if re.match(r"^\S+:\d+:\d+: ", line)]
    assert any("documents.yml" in p and "issue_date" in p for p in problems)
    assert any("people.yml" in p and "To_Hung_Khoa" in p for p in problems)


def test_messages_in_vietnamese(data_copy: Path) -> None:
    edit(data_copy / "organizations.yml", "  classification: department", "  clasification: department")
    found = report(data_copy, lang="vi")
    assert "trường 'clasification' không tồn tại" in found
    assert "có phải ý bạn là 'classification'" in found


def test_misspelt_id_gets_a_suggestion(data_copy: Path) -> None:
    edit(data_copy / "memberships.yml", "  person_id: to-hung-khoa\n  post_id", "  person_id: to-hung-khao\n  post_id")
    assert "(did you mean 'to-hung-khoa'?)" in report(data_copy)


def test_markup_in_text_is_valid_data(data_copy: Path) -> None:
    edit(data_copy / "people.yml", "    en: Comrade", "    en: <script>alert(1)</script> {{ 7*7 }} {% include 'x' %}")
    assert report(data_copy) == ""


def test_valid_data_passes() -> None:
    assert report(DATA) == ""


def test_reading_line_by_line_gives_the_same_dataset_and_problems(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Data files in the plain form are read line by line (`load.plain_yaml`), the others
    # with the YAML parser: the same records, and the same problems in the same order (a
    # file refused, a YAML error, a field error, a missing reference, a duplicate key, a
    # tag), as when every file is read with the parser.
    quick = load_dataset(DATA)
    edit(data_copy / "documents.yml", "issue_date: 2014-07-02", "issue_date: 2014-02-30")
    edit(data_copy / "memberships.yml", "  person_id: to-hung-khoa\n  post_id", "  person_id: to-hung-khao\n  post_id")
    edit(data_copy / "people.yml", "  name: Tô Hùng Khoa\n", "  name: Tô Hùng Khoa\n  name: Tô Hùng Khoa\n")
    edit(data_copy / "sources.yml", "  author: MH\n", "  author: !!str MH\n")
    (data_copy / "plans.yml").write_text("- id: x\n  title: [unclosed\n", encoding="utf-8")
    (data_copy / "updates.yml").write_bytes(b"- id: a\n  text:\n    vi: \"\xff\xfe\"\n")
    reports = []
    for plain in (True, False):
        if not plain:
            monkeypatch.setattr(plain_yaml, "read", lambda text: None)
        with pytest.raises(DataError) as err:
            load_dataset(data_copy, shown_as="data")
        reports.append(err.value.report("en"))
    parsed = load_dataset(DATA)
    assert quick.raw == parsed.raw and quick.collections == parsed.collections
    assert [list(r) for rs in quick.raw.values() for r in rs] == [list(r) for rs in parsed.raw.values() for r in rs]
    assert quick.file_of("to-hung-khoa") == parsed.file_of("to-hung-khoa")
    assert reports[0] == reports[1]
    assert all(name in reports[1] for name in ("plans.yml:2:", "updates.yml:3:", "documents.yml", "to-hung-khao",
                                                "to-hung-khoa.name", "!!str"))


# (case, file, old, new, field path, needle for the line, words in the en / vi message)
PLAN_CASES = [
    ("percent-range", "updates.yml", "  percent: 50\n", "  percent: 150\n", "cn-b-2016.percent", "percent: 150", ("0–100",), ("0–100",)),
    ("status-vocabulary", "updates.yml", "  status: in_progress\n  percent: 50\n", "  status: stopped\n  percent: 50\n", "cn-b-2016.status", "status: stopped",
     ("stopped", "not_started", "in_progress", "completed", "stalled", "cancelled"), ("stopped", "not_started")),
    ("unknown-task", "updates.yml", "  task_id: nv-a\n", "  task_id: nv-khong-co\n", "cn-a-2016.task_id", "nv-khong-co", ("nv-khong-co",), ("nv-khong-co",)),
    ("parent-cycle", "tasks.yml", "- id: nv-cha\n", "- id: nv-cha\n  parent_id: nv-c\n", "nv-cha.parent_id", "parent_id: nv-c", ("cycle",), ("vòng",)),
    ("negative-weight", "tasks.yml", "  weight: 2\n", "  weight: -2\n", "nv-c.weight", "weight: -2", ("-2", "negative"), ("-2",)),
    ("due-before-start", "tasks.yml", "  due_date: 2020-12-31\n", "  due_date: 2014-12-31\n", "nv-cha.due_date", "due_date: 2014-12-31", ("2014-12-31",), ("2014-12-31",)),
    ("completed-below-100", "updates.yml", "  status: completed\n  percent: 100\n  sources:\n    - nguon-thu-nghiem\n- id: cn-cap-5\n",
     "  status: completed\n  percent: 90\n  sources:\n    - nguon-thu-nghiem\n- id: cn-cap-5\n", "cn-xong-2.percent", "percent: 90", ("completed", "90"), ("90",)),
    ("value-unit", "updates.yml", "  value: 82.5\n", "  value: 182.5\n", "cn-ty-le-2018.value", "value: 182.5", ("182.5", "percent"), ("182.5",)),
]




@pytest.mark.parametrize("case", PLAN_CASES, ids=[c[0] for c in PLAN_CASES])
def test_plan_rule_is_named_in_both_languages(tmp_path: Path, case: tuple) -> None:
    _name, file, old, new, field, needle, words_en, words_vi = case
    data = overlay("rich", tmp_path / "data")
    edit(data / file, old, new)
    line = line_of(data / file, needle)
    for lang, words in (("en", words_en), ("vi", words_vi)):
        expected = f"{data / file}:{line}:"
        hits = [ln for ln in report(data, lang).splitlines() if ln.startswith(expected)]
        assert hits, (expected, lang)
        assert any(f" {field}: " in h for h in hits), (field, hits)
        assert all(any(w in h for h in hits) for w in words), (words, hits)
