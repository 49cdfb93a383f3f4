"""Issue 5: the editors' commands: validate --format github, translations, diff."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, ROOT


def run(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "opencommittee", *args],
        cwd=cwd, capture_output=True, text=True, check=False, env={**os.environ, **(env or {})},
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- validate ----------------------------------------------------------------------


def test_validate_default_language_follows_locale(data_copy: Path) -> None:
    edit(data_copy / "people.yml", "  name: Tô Hùng Khoa\n", "  nam: Tô Hùng Khoa\n")
    vi = run("validate", str(data_copy), env={"LC_ALL": "vi_VN.UTF-8", "LANG": ""})
    en = run("validate", str(data_copy), env={"LC_ALL": "", "LANG": "C.UTF-8"})
    assert "trường 'nam' không tồn tại (có phải ý bạn là 'name'?)" in vi.stderr
    assert "unknown field 'nam' (did you mean 'name'?)" in en.stderr
    assert vi.stderr.rstrip().endswith("chưa có gì được xuất bản.")
    assert en.stderr.rstrip().endswith("nothing was published.")


def test_validate_github_annotations(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    edit(data / "memberships.yml", "  role: standing_deputy_head\n", "  role: deputyhead\n")
    edit(data / "events.yml", "date: 2014-08-25", "date: 2014-02-30")
    result = run("validate", "--format", "github", "--lang", "en", "data", cwd=tmp_path)
    assert result.returncode == 1
    notes = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(notes) == 2, result.stdout
    line = next(i for i, t in enumerate((data / "events.yml").read_text().splitlines(), 1) if "2014-02-30" in t)
    assert notes[0] == (
        f"::error file=data/events.yml,line={line},col=3,title=validate::"
        "hoi-nghi-trien-khai-2014-08-25.date: '2014-02-30' does not exist on the calendar%0A"
        "Check the day and the month (April, June, September and November have 30 days; "
        "February 28, or 29 in leap years)."
    )
    assert notes[1].startswith("::error file=data/memberships.yml,line=")
    assert "(did you mean 'deputy_head'?)" in notes[1]
    # the plain report still goes to the log
    assert "2 problem(s) found" in result.stderr


def test_github_escaping() -> None:
    from opencommittee.cli.main import _gh_escape

    assert _gh_escape("a%b\nc") == "a%25b%0Ac"
    assert _gh_escape("x:y,z", prop=True) == "x%3Ay%2Cz"


def test_validate_ok() -> None:
    result = run("validate", "data")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data: OK")


# --- translations ------------------------------------------------------------------


def test_translations_lists_texts_without_english(data_copy: Path) -> None:
    clean = run("translations", str(data_copy))
    assert clean.returncode == 0
    assert clean.stdout.startswith("0 text(s) without 'en'")
    mandate = data_copy / "mandate.yml"
    lines = mandate.read_text(encoding="utf-8").splitlines()
    en_line = next(i for i, t in enumerate(lines) if t.strip().startswith("en:"))
    text_line = en_line  # the text mapping starts at its key, one or more lines above
    while not lines[text_line - 1].rstrip().endswith(":"):
        text_line -= 1
    del lines[en_line]
    mandate.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("translations", str(data_copy))
    assert result.returncode == 0
    out = result.stdout.splitlines()
    assert len(out) == 2, result.stdout
    assert out[0].startswith(f"{data_copy}/mandate.yml:{text_line}:")
    assert ".text: no 'en' text (vi: " in out[0]
    assert out[1].startswith("1 text(s) without 'en'.")
    assert run("translations", "--strict", str(data_copy)).returncode == 1


def test_translations_reports_invalid_data(data_copy: Path) -> None:
    edit(data_copy / "people.yml", "  name: Tô Hùng Khoa\n", "  name: [x\n")
    assert run("translations", str(data_copy)).returncode == 1


# --- diff --------------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=True, env=env).stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose second commit adds, changes and removes known records."""
    repo = tmp_path / "repo"
    shutil.copytree(DATA, repo / "data")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "data")
    git(repo, "commit", "-q", "-m", "first")
    git(repo, "tag", "v1")
    data = repo / "data"
    # people: one added; memberships: one changed (two fields), one removed
    with (data / "people.yml").open("a", encoding="utf-8") as out:
        out.write("- id: vi-du-nguoi-moi\n  name: Nguyễn Văn Ví Dụ\n  sources:\n"
                  "    - bao-lang-son-thanh-lap-ban-chi-dao\n")
    edit(data / "memberships.yml", "  role: vice_chairman\n  as_of: 2014-08-25\n",
         "  role: vice_chairman\n  as_of: 2014-08-25\n  end_date: 2015\n  end_reason:\n    vi: Ví dụ\n")
    text = (data / "memberships.yml").read_text(encoding="utf-8")
    start = text.index("- id: to-hung-khoa-uy-vien-ban-thuong-vu")
    end = text.find("\n- id:", start)
    (data / "memberships.yml").write_text(text[:start] + (text[end + 1:] if end != -1 else ""), encoding="utf-8")
    # events: a nested agenda item changed
    edit(data / "events.yml", "kind: announcement", "kind: report")
    git(repo, "commit", "-q", "-am", "second")
    return repo


def test_diff_prints_exactly_the_changes(repo: Path) -> None:
    result = run("diff", "v1", "HEAD", "--repo", str(repo))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "Data changes between v1 and HEAD:\n"
        "people: 1 added, 0 changed, 0 removed\n"
        "  + added vi-du-nguoi-moi\n"
        "memberships: 0 added, 1 changed, 1 removed\n"
        "  ~ changed to-hung-khoa-pho-chu-tich-ubnd (end_date, end_reason)\n"
        "  - removed to-hung-khoa-uy-vien-ban-thuong-vu\n"
        "events: 0 added, 1 changed, 0 removed\n"
        "  ~ changed hoi-nghi-trien-khai-2014-08-25 (agenda)\n"
    )


def test_diff_markdown_and_no_change(repo: Path) -> None:
    md = run("diff", "v1", "HEAD", "--repo", str(repo), "--format", "markdown").stdout
    assert "| people | 1 | 0 | 0 |" in md
    assert "| memberships | 0 | 1 | 1 |" in md
    assert "- changed `to-hung-khoa-pho-chu-tich-ubnd`: `end_date`, `end_reason`" in md
    same = run("diff", "v1", "v1", "--repo", str(repo))
    assert same.stdout == "No data changes between v1 and v1.\n"


def test_diff_unknown_revision(repo: Path) -> None:
    result = run("diff", "v1", "no-such-rev", "--repo", str(repo))
    assert result.returncode == 2
    assert result.stderr.startswith("git: ")
