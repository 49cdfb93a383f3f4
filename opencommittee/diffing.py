"""What changed in the data between two git revisions: records added, changed, removed.

Records are matched by `id` within each collection file. A changed record lists the
top-level fields whose value differs (nested agenda items and outcomes count as a change
of `agenda` or `outcomes`). Files are read with the same strict loader as `validate`; a
file that cannot be read at a revision is reported, not guessed.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .models import COLLECTIONS
from .yamlload import load_yaml

GIT = "git"


@dataclass
class CollectionChange:
    """Changes in one collection, by record id."""

    collection: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)

    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.unreadable)


class GitError(Exception):
    """A git command failed (unknown revision, not a repository)."""


def _git(repo: Path, *args: str) -> bytes:
    result = subprocess.run([GIT, "-C", str(repo), *args], capture_output=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise GitError(result.stderr.decode("utf-8", "replace").strip())
    return result.stdout


# The data files at a revision: {collection: bytes}.
def _files_at(repo: Path, rev: str, data: str) -> dict[str, bytes]:
    commit = _git(repo, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip()
    listing = _git(repo, "ls-tree", "--name-only", commit, f"{data.rstrip('/')}/").decode("utf-8")
    out = {}
    for line in listing.splitlines():
        name = Path(line).name
        if name.endswith(".yml") and name[:-4] in COLLECTIONS:
            out[name[:-4]] = _git(repo, "show", f"{commit}:{line}")
    return out


# Records of one file as {id: record}, or None when the file cannot be read.
def _records(content: bytes | None, shown: str) -> dict[str, Any] | None:
    if content is None:
        return {}
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / "data.yml"
        file.write_bytes(content)
        loaded, problems = load_yaml(file, shown)
    if loaded is None or problems or not isinstance(loaded.value, list):
        return None
    out: dict[str, Any] = {}
    for record in loaded.value:
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            out.setdefault(record["id"], record)
    return out


def diff(repo: Path | str, old: str, new: str, data: str = "data") -> list[CollectionChange]:
    """Changes per collection (in model order) from revision `old` to revision `new`."""
    repo = Path(repo)
    before, after = _files_at(repo, old, data), _files_at(repo, new, data)
    changes = []
    for name in COLLECTIONS:
        change = CollectionChange(name)
        a = _records(before.get(name), f"{old}:{data}/{name}.yml")
        b = _records(after.get(name), f"{new}:{data}/{name}.yml")
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


# Plain-language text for a terminal.
def format_text(changes: list[CollectionChange], old: str, new: str) -> str:
    if not changes:
        return f"No data changes between {old} and {new}."
    lines = [f"Data changes between {old} and {new}:"]
    for c in changes:
        if c.unreadable:
            lines.append(f"{c.collection}: could not be read at {', '.join(c.unreadable)}")
            continue
        lines.append(f"{c.collection}: {_counts(c)}")
        lines += [f"  + added {rid}" for rid in c.added]
        lines += [f"  ~ changed {rid} ({', '.join(fields)})" for rid, fields in c.changed.items()]
        lines += [f"  - removed {rid}" for rid in c.removed]
    return "\n".join(lines)


def _counts(c: CollectionChange) -> str:
    return f"{len(c.added)} added, {len(c.changed)} changed, {len(c.removed)} removed"


# Markdown for a GitHub job summary: a table of counts, then the records by id.
def format_markdown(changes: list[CollectionChange], old: str, new: str) -> str:
    lines = ["## Data changes", ""]
    if not changes:
        return "\n".join([*lines, f"No data changes between `{old}` and `{new}`.", ""])
    lines += [
        "| Collection | Added | Changed | Removed |",
        "| --- | ---: | ---: | ---: |",
    ]
    for c in changes:
        if c.unreadable:
            lines.append(f"| {c.collection} | could not be read | | |")
        else:
            lines.append(f"| {c.collection} | {len(c.added)} | {len(c.changed)} | {len(c.removed)} |")
    lines.append("")
    for c in changes:
        if c.empty() or c.unreadable:
            continue
        lines.append(f"**{c.collection}**")
        lines.append("")
        lines += [f"- added {_code(rid)}" for rid in c.added]
        lines += [f"- changed {_code(rid)}: {', '.join(_code(f) for f in fields)}" for rid, fields in c.changed.items()]
        lines += [f"- removed {_code(rid)}" for rid in c.removed]
        lines.append("")
    return "\n".join(lines)


# An id or field name as inline code; characters that could break out of it are dropped.
def _code(value: str) -> str:
    cleaned = "".join(ch for ch in str(value) if ch not in "`|\r\n")
    return f"`{cleaned}`"
