"""Where each page and record lives on the site: page per collection, anchor = record id."""

from __future__ import annotations

import posixpath
import re
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

# Pages that list records (first or later page of a paginated list): they get a
# "cite this" block.
RECORD_PAGES = ("committee", "members", "documents", "events", "plan", "sources")


def lang_root(lang: str, default_lang: str) -> str:
    """Path prefix of a language tree: '' for the default language, 'en/' for English."""
    return "" if lang == default_lang else f"{lang}/"


def strip_lang(url: str, lang: str, default_lang: str) -> str:
    """A page URL without its language prefix (`en/members/` -> `members/`)."""
    root = lang_root(lang, default_lang)
    return url[len(root):] if root and url.startswith(root) else url


def page_path(key: str, number: int) -> str:
    """Path of page `number` of `key` inside a language tree: members/, members/2/."""
    base = PAGES[key]
    return base if number <= 1 else f"{base}{number}/"


_NUMBERED = re.compile(r"^(?P<base>.*?)(?P<number>[1-9][0-9]*)/$")


def page_number(path: str, key: str) -> int:
    """The page number of `key` that a page path (without language prefix) shows."""
    match = _NUMBERED.match(path)
    if match and match["base"] == PAGES[key]:
        return int(match["number"])
    return 1


def page_key(path: str) -> str | None:
    """The PAGES key of a path without language prefix (`members/2/` is members)."""
    for key, value in PAGES.items():
        if value == path:
            return key
    for key, value in PAGES.items():
        rest = path[len(value):] if value and path.startswith(value) else None
        if rest and rest.endswith("/") and rest[:-1].isdigit():
            return key
    return None


def is_record_page(path: str) -> bool:
    """True for a page that lists records (a path without language prefix)."""
    return page_key(path) in RECORD_PAGES


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
