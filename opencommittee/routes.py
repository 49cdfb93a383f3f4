"""Where each record lives on the site: page per collection, anchor = record id."""

from __future__ import annotations

import posixpath

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
    base = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else ""
    target, _, anchor = to_url.partition("#")
    if target.rstrip("/") == base.rstrip("/"):
        return f"#{anchor}" if anchor else "./"
    rel = posixpath.relpath(target or ".", base or ".") if target else posixpath.relpath(".", base or ".")
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    if rel == "./":
        rel = "./"
    return rel + (f"#{anchor}" if anchor else "")
