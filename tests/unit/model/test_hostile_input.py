"""Hostile and accidental input (issue 11): every cause found by fuzzing `validate` gets a
`file:line:col: field: message` answer in both languages, never a traceback; positions are
those of the offending character and never lie past the end of the file; the problems
printed are capped, the rest counted by kind; warnings do not block."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
import yaml

from conftest import DATA, run_cli, validate
from hostile import CAUSES, Cause
from opencommittee.load import strict_yaml
from opencommittee.load.problems import MAX_COUNTED, MAX_SHOWN, DataError
from opencommittee.model.loader import load_dataset


@pytest.mark.parametrize("cause", CAUSES, ids=[c.name for c in CAUSES])
def test_each_cause_is_named_in_both_languages(data_copy: Path, cause: Cause) -> None:
    cause.mutate(data_copy)
    result = validate(data_copy)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    pattern = rf"^{re.escape(f'{data_copy}/{cause.file}')}:{cause.expect}"
    assert re.search(pattern, result.stderr, re.M), result.stderr[:2000]
    vi = validate(data_copy, "vi")
    assert vi.returncode == 1 and cause.vi in vi.stderr, vi.stderr[:2000]
    assert re.search(rf"^{re.escape(f'{data_copy}/{cause.file}')}:\d+:\d+: ", vi.stderr, re.M)


@pytest.mark.parametrize("cause", [c for c in CAUSES if c.name.startswith("deep")], ids=lambda c: c.name)
def test_deep_nesting_without_libyaml(data_copy: Path, cause: Cause, monkeypatch: pytest.MonkeyPatch) -> None:
    # PyYAML's own parser (used when libyaml is not installed) is a loop too.
    monkeypatch.setattr(strict_yaml, "_PARSER", yaml.SafeLoader)
    cause.mutate(data_copy)
    result = validate(data_copy)
    assert result.returncode == 1 and f"{data_copy}/{cause.file}:" in result.stderr, result.stderr[:2000]


def test_no_line_past_the_end_of_the_file(data_copy: Path) -> None:
    for text in ("- id: x\n  title: [unclosed\n", "- id: x\n  title: 'open\n\n\n", "- id: x\n  a: b: c"):
        (data_copy / "plans.yml").write_text(text, encoding="utf-8")
        found = validate(data_copy).stderr
        lines = [int(m) for m in re.findall(r"plans\.yml:(\d+):", found)]
        assert lines and max(lines) <= len(text.splitlines()), (text, found)


def test_problems_past_the_cap_are_counted_by_kind(data_copy: Path) -> None:
    # 30,000 records, each with a misspelt field and two missing ones
    lines = [f"- id: r{i}\n  nmae: x\n" for i in range(30_000)]
    (data_copy / "sources.yml").write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    err = caught.value
    assert len(err.problems) == MAX_SHOWN and not err.stopped
    assert err.total >= 90_000
    report = err.report("en")
    shown = [line for line in report.splitlines() if re.match(r"^\S+:\d+:\d+: ", line)]
    assert len(shown) == MAX_SHOWN
    more = re.search(r"… and (\d+) more problem\(s\) not shown \(the first 200 are above\), by kind: (.*)", report)
    assert more, report[-500:]
    assert int(more.group(1)) == err.total - MAX_SHOWN
    kinds = dict(re.findall(r"(\w+) (\d+)", more.group(2)))
    assert int(kinds["unknown_field"]) > 29_000 and int(kinds["missing_field"]) > 58_000
    assert report.endswith(f"{err.total} problem(s) found; nothing was published.")
    assert "theo loại" in err.report("vi")


def test_reading_stops_after_the_counting_limit(data_copy: Path) -> None:
    # 5 MB of records that each break several rules: answered after MAX_COUNTED
    (data_copy / "sources.yml").write_text("- id: a\n" * 625_000, encoding="utf-8")
    start = time.process_time()
    result = validate(data_copy)
    seconds = time.process_time() - start
    assert result.returncode == 1
    assert f"Reading stopped after {MAX_COUNTED} problems" in result.stderr
    assert result.stderr.rstrip().endswith(f"At least {MAX_COUNTED} problem(s) found; nothing was published.")
    assert "Đã ngừng đọc sau" in validate(data_copy, "vi").stderr
    print(f"5 MB, {MAX_COUNTED}+ problems: {seconds:.2f} s of CPU")


def test_a_body_without_founding_document_is_a_warning(data_copy: Path) -> None:
    text = (data_copy / "organizations.yml").read_text(encoding="utf-8")
    body = text.split("- id: ban-chi-dao-doi-moi-gddt", 1)[1].split("\n- id:", 1)[0]
    stripped = "\n".join(line for line in body.splitlines() if not line.startswith(("  founding_document_id:", "  founding_date:")))
    assert stripped != body
    (data_copy / "organizations.yml").write_text(text.replace(body, stripped), encoding="utf-8")
    result = validate(data_copy)
    assert result.returncode == 0, result.stderr
    assert re.search(rf"^{re.escape(str(data_copy))}/organizations\.yml:\d+:\d+: warning: ban-chi-dao-doi-moi-gddt\.id: the body 'ban-chi-dao-doi-moi-gddt' has no founding document or date$", result.stderr, re.M), result.stderr
    assert ": cảnh báo: " in validate(data_copy, "vi").stderr
    github = run_cli("validate", "--format", "github", "--lang", "en", str(data_copy))
    assert github.returncode == 0 and github.stdout.startswith(f"::warning file={data_copy}/organizations.yml,line="), github.stdout
    # a warning comes with problems too, apart from them, and is not counted as one
    (data_copy / "people.yml").write_text((data_copy / "people.yml").read_text(encoding="utf-8").replace("  name:", "  nmae:"), encoding="utf-8")
    failed = validate(data_copy)
    assert failed.returncode == 1 and "warning: ban-chi-dao" in failed.stderr
    assert failed.stderr.rstrip().endswith("1 problem(s) found; nothing was published.")  # the warning is not one


def test_embedded_data_has_no_warning() -> None:
    assert load_dataset(DATA).warnings == []


def test_a_symlink_in_place_of_a_collection_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "updates.yml").unlink()
    (data / "updates").symlink_to(tmp_path)
    result = validate(data)
    assert result.returncode == 1 and f"{data}/updates:1:1: 'updates' is a link" in result.stderr
