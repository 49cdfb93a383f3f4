"""Issue 4, acceptance 4: a throw-away git repository with three commits changing data/
gives a "What changed" page listing the three changes with their dates and records; the
same data without .git says that history is unavailable. One git reader (publish.history)
serves the page and `diff`; the page is rendered through its block (no MkDocs build)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from htmlkit import links

from conftest import DATA, make_context, render_page
from opencommittee.model.records import COLLECTIONS
from opencommittee.publish.history import data_history, diff
from opencommittee.render.blocks.cite import cite
from opencommittee.render.renderer import Renderer

GIT = shutil.which("git")
NEW_PERSON = """- id: nguyen-van-a
  name: Nguyễn Văn A
  sources:
    - bao-lang-son-thanh-lap-ban-chi-dao
"""
# (commit date, message) of the three commits.
COMMITS = [
    ("2024-01-10T09:00:00+00:00", "Initial data"),
    ("2024-02-20T10:30:00+00:00", "Add Nguyễn Văn A"),
    ("2024-03-30T08:15:00+00:00", "Rename the conference; remove Nguyễn Văn A"),
]


def git(repo: Path, *args: str, when: str | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update({"GIT_CONFIG_NOSYSTEM": "1", "HOME": str(repo.parent)})
    if when:
        env.update({"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when})
    assert GIT is not None
    done = subprocess.run(  # noqa: S603 (fixed arguments)
        [GIT, "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=repo, env=env, capture_output=True, text=True, check=True,
    )
    return done.stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if GIT is None:
        pytest.skip("git is not installed")
    root = tmp_path_factory.mktemp("history") / "repo"
    shutil.copytree(DATA, root / "data")
    git(root, "init", "-q", "-b", "main")
    (when, message) = COMMITS[0]
    git(root, "add", "data")
    git(root, "commit", "-q", "-m", message, when=when)
    with (root / "data" / "people.yml").open("a", encoding="utf-8") as out:
        out.write(NEW_PERSON)
    git(root, "commit", "-q", "-am", COMMITS[1][1], when=COMMITS[1][0])
    people = root / "data" / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace(NEW_PERSON, ""), encoding="utf-8")
    edit(root / "data" / "events.yml", "    en: Conference to put into effect", "    en: Conference that put into effect")
    git(root, "commit", "-q", "-am", COMMITS[2][1], when=COMMITS[2][0])
    return root


def test_history_function_lists_changes_and_last_change_of_a_record(repo: Path) -> None:
    history = data_history(repo / "data")
    assert history.available and not history.modified
    assert [c.subject for c in history.changes] == [m for _, m in reversed(COMMITS)]
    assert [c.date for c in history.changes] == [d for d, _ in reversed(COMMITS)]
    newest, middle, first = history.changes
    assert history.version == newest.commit and len(newest.commit) == 40
    assert {c.collection for c in first.collections} == set(COLLECTIONS) - {"indicators", "updates", "corrections"}
    assert [(c.collection, c.added) for c in middle.collections] == [("people", ("nguyen-van-a",))]
    by_name = {c.collection: c for c in newest.collections}
    assert by_name["people"].removed == ("nguyen-van-a",)
    assert by_name["events"].changed == ("hoi-nghi-trien-khai-2014-08-25",)
    last = history.last_changes()
    assert last["hoi-nghi-trien-khai-2014-08-25"] == newest
    assert last["to-hung-khoa"] == first
    assert "no-such-record" not in last


def cite_html(data: Path, lang: str, key: str) -> str:
    """The "cite this" block of a record page of a data folder."""
    context = make_context(data)
    r = Renderer(context, lang, ("en/" if lang == "en" else "") + f"{key}/")
    assert context.published is not None
    return str(cite(r, context.published.cite(r)))


@pytest.mark.parametrize(("lang", "added", "changed", "removed"), [
    ("vi", "thêm", "sửa", "xóa"),
    ("en", "added", "changed", "removed"),
])
def test_what_changed_page_lists_the_three_commits(repo: Path, lang: str, added: str, changed: str, removed: str) -> None:
    html = render_page(make_context(repo / "data"), lang, "changes")
    log = git(repo, "log", "--format=%H").split()
    entries = html.split('<li class="oc-change"')[1:]
    assert len(entries) == 3
    for entry, commit, (when, message) in zip(entries, log, reversed(COMMITS), strict=True):
        assert f'id="commit-{commit[:12]}"' in entry
        assert f'<time datetime="{when}">' in entry
        assert message in entry
    newest, middle, first = entries
    assert f'{changed} (1): <a href="../' in newest.split('data-collection="events"')[1] or f"{changed} (1)" in newest
    assert "hoi-nghi-trien-khai-2014-08-25" in newest.split('data-collection="events"')[1]
    assert f"{removed} (1): <code>nguyen-van-a</code>" in newest  # removed: no link
    assert f"{added} (1): <code>nguyen-van-a</code>" in middle  # gone now: no link either
    assert f"{added} (6)" in first.split('data-collection="organizations"')[1]
    # Links in the list resolve; each record's last change is listed.
    parsed = links(html)
    assert 'data-record="to-hung-khoa"' in html
    row = html.split('data-record="hoi-nghi-trien-khai-2014-08-25"')[1].split("</tr>")[0]
    assert f"#commit-{log[0][:12]}" in row
    for href, _ in parsed.links:
        if href.startswith("#commit-"):
            assert href[1:] in parsed.ids
    # The cite block carries the data version: the newest commit that touched data/.
    assert f'data-commit="{log[0]}"' in cite_html(repo / "data", lang, "members")


def test_without_git_history_the_page_says_so(tmp_path: Path) -> None:
    data = tmp_path / "plain" / "data"
    shutil.copytree(DATA, data)
    context = make_context(data)
    for lang, words in (("vi", "Không có lịch sử thay đổi"), ("en", "Change history is not available")):
        html = render_page(context, lang, "changes")
        assert 'id="history-unavailable"' in html and words in html
        assert 'class="oc-change"' not in html
        assert "data-commit=" not in cite_html(data, lang, "members")
    assert data_history(data).unavailable == "no_repository"


def test_shallow_clone_is_unavailable_not_invented(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    history = data_history(clone / "data")
    assert history.unavailable == "shallow" and not history.changes


def test_collection_folders_are_read_whole_at_each_revision(tmp_path: Path) -> None:
    """Moving a collection's records into a folder of files is no change; an edit inside
    one of its files is, for the history page and for `diff` alike."""
    if GIT is None:
        pytest.skip("git is not installed")
    root = tmp_path / "repo"
    shutil.copytree(DATA, root / "data")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "data")
    git(root, "commit", "-q", "-m", "one file", when=COMMITS[0][0])
    people = (root / "data" / "people.yml").read_text(encoding="utf-8")
    (root / "data" / "people.yml").unlink()
    (root / "data" / "people").mkdir()
    (root / "data" / "people" / "a.yml").write_text(people + NEW_PERSON, encoding="utf-8")
    git(root, "add", "-A", "data")
    git(root, "commit", "-q", "-m", "split into a folder, add one", when=COMMITS[1][0])
    edit(root / "data" / "people" / "a.yml", "name: Nguyễn Văn A", "name: Nguyễn Văn B")
    git(root, "commit", "-q", "-am", "rename inside the folder", when=COMMITS[2][0])
    history = data_history(root / "data")
    assert [[(c.collection, c.added, c.changed, c.removed) for c in ch.collections] for ch in history.changes[:2]] == [
        [("people", (), ("nguyen-van-a",), ())],
        [("people", ("nguyen-van-a",), (), ())],
    ]
    log = git(root, "log", "--format=%H").split()
    changes = {c.collection: c for c in diff(root, log[2], log[0])}
    assert list(changes) == ["people"] and changes["people"].added == ["nguyen-van-a"]
    assert not changes["people"].removed and not changes["people"].changed
