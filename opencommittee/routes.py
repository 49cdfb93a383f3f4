"""Where each record lives on the site: page per collection, anchor = record id."""

from __future__ import annotations

import posixpath
from functools import lru_cache

# Page keys -> path inside a language tree (directory URLs).
PAGES: dict[str, str] = {
    "home": "",
    "committee": "committee/",
    "members": "members/",
    "documents": "documents/",
    "events": "events/",
    "plan": "plan/",
    "sources": "sources/",
    "about": "about/",
    "open-data": "open-data/",
    "changes": "changes/",
}

# Collection (or nested kind) -> the page that renders its records.
PAGE_OF_KIND: dict[str, str] = {
    "organizations": "committee",
    "mandate": "committee",
    "people": "members",
    "posts": "members",
    "memberships": "members",
    "documents": "documents",
    "events": "events",
    "agenda": "events",
    "outcomes": "events",
    "plans": "plan",
    "tasks": "plan",
    "indicators": "plan",
    "updates": "plan",
    "sources": "sources",
}


def lang_root(lang: str, default_lang: str) -> str:
    """Path prefix of a language tree: '' for the default language, 'en/' for English."""
    return "" if lang == default_lang else f"{lang}/"


def relative(from_url: str, to_url: str) -> str:
    """Relative link from one directory URL to another path under the same site root."""
    target, _, anchor = to_url.partition("#")
    path = _relative_path(from_url, target)
    if path is None:  # the same page
        return f"#{anchor}" if anchor else "./"
    return path + (f"#{anchor}" if anchor else "")


# The relative path between two pages (None for the same page); a build asks the same
# pair thousands of times, once per record link.
@lru_cache(maxsize=65536)
def _relative_path(from_url: str, target: str) -> str | None:
    base = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else ""
    if target.rstrip("/") == base.rstrip("/"):
        return None
    rel = posixpath.relpath(target or ".", base or ".")
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel
