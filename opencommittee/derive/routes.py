"""Where each page and record lives on the site.

A page is a `PageRef(kind, subject, number)`:

- the site's own pages: `home` (``), `committee/`, `members/`, `events/`, `plan/`,
  `documents/`, `sources/`, `committees/`, `years/`, `about/`, `open-data/`, `changes/`,
  `corrections/`, `search/`;
- each body's pages, `committee`, `members`, `events` and `plan` with the body's id as
  subject, at `committees/<id>/`, `committees/<id>/members/`, ... The body the site is
  about (`Router.primary`) has the site's own pages instead (`committee/`, ...), which keeps
  the addresses a single-committee site has always had;
- a page per person (`people/<id>/`), per organization (`organizations/<id>/`) and per
  year (`years/<yyyy>/`);
- page `number` > 1 of a long list: the page's path + `<number>/` (`members/2/`).

Records are anchors (`#<record id>`) on the page that lists them (see `paging`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Page kinds of the site's own pages -> path inside a language tree (directory URLs).
PAGES: dict[str, str] = {
    "home": "",
    "committee": "committee/",
    "members": "members/",
    "documents": "documents/",
    "events": "events/",
    "plan": "plan/",
    "sources": "sources/",
    "committees": "committees/",
    "years": "years/",
    "about": "about/",
    "open-data": "open-data/",
    "changes": "changes/",
    "search": "search/",
    "corrections": "corrections/",
}
# The pages every body has; their subject is the body's id (None: the site's own).
SCOPED = ("committee", "members", "events", "plan")
# Pages about one record: kind -> folder.
SUBJECT_FOLDERS = {"person": "people", "organization": "organizations", "year": "years"}
_BODY_PATH = {"committee": "", "members": "members/", "events": "events/", "plan": "plan/"}

# Collection (or nested kind) -> the page kind that lists its records.
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
    "site": "about",
    "corrections": "corrections",
}

# Pages that list records: they get a "cite this" block.
RECORD_PAGES = ("committee", "members", "documents", "events", "plan", "sources", "person", "organization", "year",
                "corrections")

ListKey = tuple[str, str | None]


@dataclass(frozen=True)
class PageRef:
    """One page: its kind, what it is about (a body, person, organization or year), and
    which page of a long list it is."""

    kind: str
    subject: str | None = None
    number: int = 1

    @property
    def key(self) -> ListKey:
        return (self.kind, self.subject)


_NUMBER = r"(?:([1-9][0-9]*)/)?"
_SUBJECT = re.compile(rf"^(people|organizations|years)/([^/]+)/{_NUMBER}$")
_BODY = re.compile(rf"^committees/([^/]+)/(members/|events/|plan/)?{_NUMBER}$")
_NUMBERED = re.compile(r"^(?P<base>.*?)(?P<number>[1-9][0-9]*)/$")


@dataclass(frozen=True)
class Router:
    """Paths of pages, for one site: `primary` is the body whose pages are the site's own."""

    primary: str | None = None

    def subject(self, kind: str, subject: str | None) -> str | None:
        """The subject a page really has (the primary body's pages are the site's own)."""
        return None if kind in SCOPED and subject == self.primary else subject

    def path(self, ref: PageRef) -> str:
        """Path of a page inside a language tree (no leading slash)."""
        subject = self.subject(ref.kind, ref.subject)
        if ref.kind in SUBJECT_FOLDERS:
            base = f"{SUBJECT_FOLDERS[ref.kind]}/{subject}/"
        elif ref.kind in SCOPED and subject is not None:
            base = f"committees/{subject}/{_BODY_PATH[ref.kind]}"
        else:
            base = PAGES[ref.kind]
        return base if ref.number <= 1 else f"{base}{ref.number}/"

    def parse(self, path: str) -> PageRef | None:
        """The page a path (without language prefix) shows, or None."""
        match = _SUBJECT.match(path)
        if match:
            kind = next(k for k, folder in SUBJECT_FOLDERS.items() if folder == match[1])
            if kind != "year" or (match[2].isdigit() and len(match[2]) == 4):
                return PageRef(kind, match[2], int(match[3] or 1))
        match = _BODY.match(path)
        if match and not match[1].isdigit():
            kind = next(k for k, p in _BODY_PATH.items() if p == (match[2] or ""))
            return PageRef(kind, match[1], int(match[3] or 1))
        for kind, base in PAGES.items():
            if base == path:
                return PageRef(kind)
        numbered = _NUMBERED.match(path)
        if numbered:
            for kind, base in PAGES.items():
                if base and base == numbered["base"]:
                    return PageRef(kind, None, int(numbered["number"]))
        return None


# Each plan's progress badge (publish.badges writes it, the plan page offers it).
BADGES_DIR = "badges"


def badge_path(plan_id: str) -> str:
    """Path of a plan's badge inside a language tree: badges/<plan-id>.svg."""
    return f"{BADGES_DIR}/{plan_id}.svg"


def lang_root(lang: str, default_lang: str) -> str:
    """Path prefix of a language tree: '' for the default language, 'en/' for English."""
    return "" if lang == default_lang else f"{lang}/"


def strip_lang(url: str, lang: str, default_lang: str) -> str:
    """A page URL without its language prefix (`en/members/` -> `members/`)."""
    root = lang_root(lang, default_lang)
    return url[len(root):] if root and url.startswith(root) else url


def page_path(key: str, number: int) -> str:
    """Path of page `number` of a site page: members/, members/2/."""
    return Router().path(PageRef(key, None, number))


def page_number(path: str, key: str) -> int:
    """The page number of the site page `key` that a path shows (1 when another page)."""
    ref = Router().parse(path)
    return ref.number if ref is not None and ref.kind == key and ref.subject is None else 1


def page_key(path: str, router: Router | None = None) -> str | None:
    """The page kind of a path without language prefix (`members/2/` is members)."""
    ref = (router or Router()).parse(path)
    return ref.kind if ref is not None else None


def is_record_page(path: str, router: Router | None = None) -> bool:
    """True for a page that lists records (a path without language prefix)."""
    return page_key(path, router) in RECORD_PAGES


def relative(from_url: str, to_url: str) -> str:
    """Relative link from one directory URL to another path under the same site root."""
    target, _, anchor = to_url.partition("#")
    path = _relative_path(from_url, target)
    if path is None:  # the same page
        return f"#{anchor}" if anchor else "./"
    return path + (f"#{anchor}" if anchor else "")


# The relative path between two pages (None for the same page); a build asks the same
# pair thousands of times, once per record link. Site paths are plain ("a/b/", "a/f.xml":
# no "." or ".." parts), so the common folders are compared directly (what
# posixpath.relpath does after making both paths absolute, at a fraction of the cost).
@lru_cache(maxsize=65536)
def _relative_path(from_url: str, target: str) -> str | None:
    base = [part for part in from_url.split("/") if part]  # a page's URL is its folder
    if target.rstrip("/") == "/".join(base):
        return None
    parts = [part for part in target.split("/") if part]
    common = 0
    for mine, theirs in zip(base, parts, strict=False):
        if mine != theirs:
            break
        common += 1
    rel = "/".join([".."] * (len(base) - common) + parts[common:]) or "."
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel
