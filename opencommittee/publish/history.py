"""What changed in the data, read from git: one reader for the history page and `diff`.

- `data_history(data_dir)` lists the commits that touched the data folder, newest first,
  with the records added, changed and removed in each collection. Without usable history
  (no git, no repository, a shallow clone) the result says why, and the build goes on.
- `diff(repo, old, new)` compares the data folder at two revisions, field by field.

Both read files at a revision with the same strict loader as `validate`, and match
records by `id` within each collection file. No date is ever made up: commit dates are
git's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..load.strict_yaml import parse_yaml
from ..model.records import COLLECTIONS

# A shallow clone's history is cut short: its oldest commit would look like it added
# every record, which is not true.
REASON_NO_GIT = "no_git"
REASON_NO_REPO = "no_repository"
REASON_SHALLOW = "shallow"
REASON_NO_COMMITS = "no_commits"


class GitError(Exception):
    """A git command failed (unknown revision, not a repository)."""


class Git:
    """Read-only git commands in one folder, with an environment that cannot point git
    at another repository."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd
        self.exe = shutil.which("git")

    def run(self, *args: str) -> bytes:
        """The command's output; GitError with git's message when it fails."""
        if self.exe is None:
            raise GitError("git is not installed")
        try:
            done = subprocess.run(  # noqa: S603 (fixed argument list, no shell)
                [self.exe, "-c", "core.quotepath=off", *args],
                cwd=self.cwd, capture_output=True, check=False, env=_git_env(),
            )
        except OSError as err:
            raise GitError(str(err)) from None
        if done.returncode != 0:
            raise GitError(done.stderr.decode("utf-8", "replace").strip())
        return done.stdout

    def text(self, *args: str) -> str | None:
        """The command's output as text, or None when it fails."""
        try:
            return self.run(*args).decode("utf-8", "replace")
        except GitError:
            return None

    def show(self, rev: str, path: str) -> bytes | None:
        """A file's bytes at a revision (`path` relative to the folder), None if absent."""
        try:
            return self.run("show", f"{rev}:./{path}")
        except GitError:
            return None


# git's environment without variables that would point it at another repository.
def _git_env() -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    keep["GIT_OPTIONAL_LOCKS"] = "0"
    keep["LC_ALL"] = "C"
    return keep


def records_of(content: bytes | None, shown: str) -> dict[str, Any] | None:
    """A collection file's records by id ({} when absent, None when unreadable)."""
    if content is None:
        return {}
    loaded, problems = parse_yaml(content, shown)
    if loaded is None or problems or not isinstance(loaded.value, list):
        return None
    out: dict[str, Any] = {}
    for record in loaded.value:
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            out.setdefault(record["id"], record)
    return out


def collection_files(git: Git, rev: str, collection: str, folder: str = ".") -> list[str]:
    """The files of a collection at a revision, relative to `folder` (a git path inside
    the repository, default the git object's folder): `<c>.yml` and `<c>/*.yml`."""
    base = "" if folder in (".", "") else folder.rstrip("/") + "/"
    listing = git.text("ls-tree", "-r", "--name-only", rev, "--", f"{base}{collection}.yml", f"{base}{collection}/") or ""
    names = [n[len(base):] if base and n.startswith(base) else n for n in listing.splitlines()]
    return sorted(n for n in names if n == f"{collection}.yml" or (n.startswith(f"{collection}/") and n.endswith(".yml")
                                                                     and n.count("/") == 1))


def collection_at(git: Git, rev: str, collection: str, folder: str = ".") -> dict[str, Any] | None:
    """A collection's records by id at a revision, over its file and its folder's files
    ({} when it has none, None when one is unreadable). A record moved between two files
    of the collection is not a change."""
    out: dict[str, Any] = {}
    base = "" if folder in (".", "") else folder.rstrip("/") + "/"
    for name in collection_files(git, rev, collection, folder):
        content = git.show(rev, base + name) if base else git.show(rev, name)
        records = records_of(content, f"{rev[:12]}:{base}{name}")
        if records is None:
            return None
        for rid, record in records.items():
            out.setdefault(rid, record)
    return out


# --- the history page ---------------------------------------------------------------


@dataclass(frozen=True)
class CollectionChange:
    """Record ids added, changed and removed in one collection by one commit."""

    collection: str
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Change:
    """One commit that changed data/: full hash, commit date (ISO, as git recorded it)."""

    commit: str
    date: str
    subject: str
    collections: tuple[CollectionChange, ...]

    @property
    def short(self) -> str:
        return self.commit[:12]

    @property
    def day(self) -> str:
        return self.date[:10]


@dataclass(frozen=True)
class History:
    """The changes (newest first), or `unavailable` with a reason code."""

    changes: tuple[Change, ...] = ()
    unavailable: str | None = None
    # The commit that identifies the data (last commit touching data/, else HEAD).
    version: str | None = None
    # True when data/ differs from that commit (uncommitted edits).
    modified: bool = False

    @property
    def available(self) -> bool:
        return self.unavailable is None

    def last_changes(self) -> dict[str, Change]:
        """The newest commit that added or changed each record id."""
        latest: dict[str, Change] = {}
        for change in reversed(self.changes):
            for c in change.collections:
                latest.update(dict.fromkeys(c.added + c.changed, change))
        return latest


def _compare(collection: str, old: dict[str, Any], new: dict[str, Any]) -> CollectionChange | None:
    added = tuple(k for k in new if k not in old)
    removed = tuple(k for k in old if k not in new)
    changed = tuple(k for k in new if k in old and old[k] != new[k])
    if not (added or removed or changed):
        return None
    return CollectionChange(collection, added, changed, removed)


def data_history(data_dir: Path | str) -> History:
    """The git history of `data_dir` (see the module docstring)."""
    folder = Path(data_dir).resolve()
    git = Git(folder)
    if git.exe is None:
        return History(unavailable=REASON_NO_GIT)
    if git.text("rev-parse", "--show-toplevel") is None:
        return History(unavailable=REASON_NO_REPO)
    head = (git.text("rev-parse", "--verify", "-q", "HEAD") or "").strip()
    modified = bool((git.text("status", "--porcelain", "--", ".") or "").strip())
    if not head:
        return History(unavailable=REASON_NO_COMMITS, modified=modified)
    if (git.text("rev-parse", "--is-shallow-repository") or "").strip() == "true":
        return History(unavailable=REASON_SHALLOW, version=head, modified=modified)
    changes = [_change(git, line) for line in (git.text("log", "--format=%H%x09%P%x09%cI%x09%s", "--", ".") or "").splitlines()]
    if not changes:
        return History(unavailable=REASON_NO_COMMITS, version=head, modified=modified)
    return History(changes=tuple(changes), version=changes[0].commit, modified=modified)


# One line of `git log`: the commit and what it did to each collection file.
def _change(git: Git, line: str) -> Change:
    commit, parents, when, subject = (line.split("\t", 3) + ["", "", "", ""])[:4]
    parent = parents.split(" ")[0] if parents else None
    names = git.text("diff-tree", "--no-commit-id", "--name-only", "-r", "--root",
                     *([parent] if parent else []), commit, "--", ".") or ""
    per: list[CollectionChange] = []
    # diff-tree names paths from the top of the repository; the collection is the first
    # part below data/ (`people.yml`, or `updates/2015.yml` in a collection folder).
    prefix = (git.text("rev-parse", "--show-prefix") or "").strip()
    touched = set()
    for name in names.splitlines():
        inside = name[len(prefix):] if name.startswith(prefix) else name
        if inside.endswith(".yml"):
            touched.add(inside.split("/", 1)[0].removesuffix(".yml"))
    for stem in sorted(touched):
        if stem not in COLLECTIONS:
            continue
        old = collection_at(git, parent, stem) if parent else {}
        new = collection_at(git, commit, stem)
        found = _compare(stem, old or {}, new or {})
        if found:
            per.append(found)
    order = {name: i for i, name in enumerate(COLLECTIONS)}
    per.sort(key=lambda c: (order.get(c.collection, len(order)), c.collection))
    return Change(commit, when, subject, tuple(per))


# --- `diff REV1 REV2` -------------------------------------------------------------------


@dataclass
class FieldChanges:
    """Changes in one collection between two revisions, by record id."""

    collection: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.unreadable)


def diff(repo: Path | str, old: str, new: str, data: str = "data") -> list[FieldChanges]:
    """Changes per collection (in model order) from revision `old` to revision `new`;
    a changed record lists the top-level fields whose value differs."""
    git = Git(Path(repo))
    old_commit = git.run("rev-parse", "--verify", "--quiet", f"{old}^{{commit}}").decode().strip()
    new_commit = git.run("rev-parse", "--verify", "--quiet", f"{new}^{{commit}}").decode().strip()
    changes = []
    for name in COLLECTIONS:
        change = FieldChanges(name)
        a = collection_at(git, old_commit, name, data)
        b = collection_at(git, new_commit, name, data)
        if a is None or b is None:
            change.unreadable = [rev for rev, recs in ((old, a), (new, b)) if recs is None]
            changes.append(change)
            continue
        change.added = [rid for rid in b if rid not in a]
        change.removed = [rid for rid in a if rid not in b]
        for rid in b:
            if rid in a and a[rid] != b[rid]:
                keys = list(dict.fromkeys([*a[rid], *b[rid]]))
                change.changed[rid] = [k for k in keys if a[rid].get(k) != b[rid].get(k)]
        if not change.empty():
            changes.append(change)
    return changes
