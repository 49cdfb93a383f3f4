"""What changed in `data/`, read from git history (no dates are ever made up).

`data_history(data_dir)` lists the commits that touched the data folder, oldest last, with
the records added, changed and removed in each collection; `last_changed(history, id)`
tells when a record last changed. Without usable history (no git, no repository, a
shallow clone) the result says why, and the build goes on.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

# A shallow clone's history is cut short: its oldest commit would look like it added
# every record, which is not true.
REASON_NO_GIT = "no_git"
REASON_NO_REPO = "no_repository"
REASON_SHALLOW = "shallow"
REASON_NO_COMMITS = "no_commits"


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

    def touches(self, record_id: str) -> bool:
        return any(
            record_id in c.added or record_id in c.changed or record_id in c.removed
            for c in self.collections
        )


@dataclass(frozen=True)
class History:
    """The changes (newest first), or `unavailable` with a reason code."""

    changes: tuple[Change, ...] = ()
    unavailable: str | None = None
    # The commit that identifies the data (last commit touching data/, else HEAD).
    version: str | None = None
    version_date: str | None = None
    # True when data/ differs from that commit (uncommitted edits).
    modified: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def available(self) -> bool:
        return self.unavailable is None


def last_changed(history: History, record_id: str) -> Change | None:
    """The newest commit that added or changed `record_id` (None when unknown)."""
    for change in history.changes:
        if change.touches(record_id):
            return change
    return None


# Run git read-only in `cwd`; None when git fails.
def _git(cwd: Path, *args: str) -> str | None:
    exe = shutil.which("git")
    if exe is None:
        return None
    try:
        done = subprocess.run(  # noqa: S603 (fixed argument list, no shell)
            [exe, "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
            env=_git_env(),
        )
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


# git's environment without variables that would point it at another repository.
def _git_env() -> dict[str, str]:
    import os

    keep = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    keep["GIT_OPTIONAL_LOCKS"] = "0"
    keep["LC_ALL"] = "C"
    return keep


# Records of one collection file's text, by id, as plain values (unparsable: empty).
def _records(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        return {}
    if not isinstance(value, list):
        return {}
    out: dict[str, Any] = {}
    for item in value:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            out[item["id"]] = item
    return out


def _diff(collection: str, old: dict[str, Any], new: dict[str, Any]) -> CollectionChange | None:
    added = tuple(k for k in new if k not in old)
    removed = tuple(k for k in old if k not in new)
    changed = tuple(k for k in new if k in old and old[k] != new[k])
    if not (added or removed or changed):
        return None
    return CollectionChange(collection, added, changed, removed)


def data_history(data_dir: Path | str, collections: tuple[str, ...] | None = None) -> History:
    """The git history of `data_dir` (see module docstring); cached per HEAD and state."""
    data_dir = Path(data_dir).resolve()
    if shutil.which("git") is None:
        return History(unavailable=REASON_NO_GIT)
    top = _git(data_dir, "rev-parse", "--show-toplevel")
    if top is None:
        return History(unavailable=REASON_NO_REPO)
    head = (_git(data_dir, "rev-parse", "--verify", "-q", "HEAD") or "").strip()
    status = _git(data_dir, "status", "--porcelain", "--", ".") or ""
    return _history(str(data_dir), head, status, collections)


@cache
def _history(data_dir_s: str, head: str, status: str, collections: tuple[str, ...] | None) -> History:
    data_dir = Path(data_dir_s)
    modified = bool(status.strip())
    if not head:
        return History(unavailable=REASON_NO_COMMITS, modified=modified)
    shallow = (_git(data_dir, "rev-parse", "--is-shallow-repository") or "").strip() == "true"
    if shallow:
        return History(unavailable=REASON_SHALLOW, version=head, modified=modified)
    log = _git(data_dir, "log", "--format=%H%x09%P%x09%cI%x09%s", "--", ".") or ""
    changes: list[Change] = []
    for line in log.splitlines():
        commit, parents, when, subject = (line.split("\t", 3) + ["", "", "", ""])[:4]
        parent = parents.split(" ")[0] if parents else None
        names = _git(data_dir, "diff-tree", "--no-commit-id", "--name-only", "-r", "--root",
                     *([parent] if parent else []), commit, "--", ".") or ""
        per: list[CollectionChange] = []
        for name in sorted({Path(n).name for n in names.splitlines() if n.endswith(".yml")}):
            stem = name.removesuffix(".yml")
            if collections is not None and stem not in collections:
                continue
            old = _records(_git(data_dir, "show", f"{parent}:./{name}")) if parent else {}
            new = _records(_git(data_dir, "show", f"{commit}:./{name}"))
            diff = _diff(stem, old, new)
            if diff:
                per.append(diff)
        order = {name: i for i, name in enumerate(collections or ())}
        per.sort(key=lambda c: (order.get(c.collection, len(order)), c.collection))
        changes.append(Change(commit, when, subject, tuple(per)))
    if not changes:
        return History(unavailable=REASON_NO_COMMITS, version=head, modified=modified)
    return History(
        changes=tuple(changes),
        version=changes[0].commit,
        version_date=changes[0].date,
        modified=modified,
    )
