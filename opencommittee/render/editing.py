"""Links for readers who correct: "Report an error" (a new GitHub issue prefilled with the
record's id and permalink) and "Edit" (the record's data file in GitHub's editor).

Both appear only when `extra.repository` (owner/name) is set in mkdocs.yml; they are plain
links, so nothing is requested when a page loads. URLs are built with urllib, never by
pasting text into HTML: the templates escape them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote, urlencode

from ..model.dataset import Dataset

REPOSITORY_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$")
# Nested records live in their parent's file.
_FILE_OF_KIND = {"agenda": "events", "outcomes": "events"}


@dataclass(frozen=True)
class Repository:
    """Where the data lives on GitHub: owner/name, branch, data folder in the repository."""

    name: str
    branch: str = "main"
    data_dir: str = "data"

    @classmethod
    def from_extra(cls, extra: dict) -> Repository | None:
        """`extra.repository` (and `extra.repository_branch`, `extra.data_dir`), or None
        when no valid owner/name is set."""
        name = extra.get("repository")
        if not isinstance(name, str) or not REPOSITORY_RE.match(name.strip()):
            return None
        branch = str(extra.get("repository_branch") or "main")
        return cls(name.strip(), branch, str(extra.get("data_dir") or "data").strip("/"))


def data_file_of(dataset: Dataset, record_id: str) -> str | None:
    """The data file that holds a record, inside the data folder: `people.yml`, or
    `updates/2015.yml` for a collection kept as a folder of files (`Dataset.file_of`)."""
    kind = dataset.kind(record_id)
    if kind is None:
        return None
    collection = _FILE_OF_KIND.get(kind, kind)
    shown = dataset.file_of(record_id)
    if shown:
        parts = PurePosixPath(shown.replace("\\", "/")).parts
        for i in range(len(parts) - 1, -1, -1):
            if parts[i] in (collection, f"{collection}.yml"):
                return "/".join(parts[i:])
    return f"{collection}.yml"


def report_url(repo: Repository, title: str, body: str) -> str:
    """A new-issue URL of the repository, prefilled with a title and a body."""
    query = urlencode({"title": title, "body": body}, quote_via=quote)
    return f"https://github.com/{repo.name}/issues/new?{query}"


def edit_url(repo: Repository, file: str) -> str:
    """The GitHub editor for one data file on the repository's branch."""
    path = quote(f"{repo.data_dir}/{file}")
    return f"https://github.com/{repo.name}/edit/{quote(repo.branch, safe='')}/{path}"
