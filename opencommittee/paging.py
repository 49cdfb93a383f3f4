"""Paginated list pages: which page of a section each record is on, computed once a build.

Records are anchors (`id="<record id>"`) on list pages. A section whose list is longer
than the page size is split into numbered pages kept out of the navigation:
`members/` (page 1, the Markdown page in `docs/`), `members/2/`, `members/3/`, ... The
extra pages are copies of the section's Markdown page, added by the hook `on_files`
(after mkdocs-static-i18n, once per language); a macro knows which slice to show from
the URL of the page it is rendered on (`Renderer.page_number(key)`).

API (for any page block, e.g. the plan's task and update lists):

- Register a listing for a page key of `routes.PAGES` with the decorator
  `@listing("plan")` on a function `(dataset, as_of) -> list[Entry]`. The list is the
  display order of the whole section; `Entry(id, section, nested)`: `id` is the record
  anchored at the top of the entry (None for a placeholder such as "none yet"),
  `section` names the heading it sits under (an anchor too, see below), and `nested` are
  ids anchored inside the entry (agenda items of an event, a person's other positions).
  The module that registers must be imported by `opencommittee.site` (directly or not).
- In the block function: `entries = r.page_entries("plan")` gives this page's slice,
  `r.pager("plan")` the prev/next navigation (HTML, autoescaped template `pager.html`).
- `r.link(id)` / `r.permalink(id)` then point at the right page for every listed id
  (nested ids included) and `r.section_link("plan", "overdue")` at the page where a
  section starts. Ids not in any listing keep the page of their kind
  (`routes.PAGE_OF_KIND`).

The page size is `SITE_PAGE_SIZE` (environment), else `extra.page_size` in mkdocs.yml,
else `DEFAULT_PAGE_SIZE` entries. A layout is computed once per (dataset, as-of date,
page size) and cached: no page walks the whole dataset again.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .routes import PAGES

DEFAULT_PAGE_SIZE = 50


@dataclass(frozen=True)
class Entry:
    """One item of a paginated list: a record id (or None), its section, nested ids."""

    id: str | None
    section: str = ""
    nested: tuple[str, ...] = ()


Listing = Callable[[Any, date], list[Entry]]
LISTINGS: dict[str, Listing] = {}


def listing(key: str) -> Callable[[Listing], Listing]:
    """Decorator: register the display order of the page `key` (a key of routes.PAGES)."""

    def register(function: Listing) -> Listing:
        LISTINGS[key] = function
        return function

    return register


@dataclass
class Layout:
    """Every listing split into pages, and where each id and section landed."""

    page_size: int
    pages: dict[str, list[list[Entry]]] = field(default_factory=dict)
    where: dict[str, tuple[str, int]] = field(default_factory=dict)
    sections: dict[tuple[str, str], int] = field(default_factory=dict)

    def add(self, key: str, entries: list[Entry]) -> None:
        size = self.page_size
        chunks = [entries[i : i + size] for i in range(0, len(entries), size)] or [[]]
        self.pages[key] = chunks
        for number, chunk in enumerate(chunks, 1):
            for entry in chunk:
                for rid in (entry.id, *entry.nested):
                    if rid and rid not in self.where:
                        self.where[rid] = (key, number)
                self.sections.setdefault((key, entry.section), number)

    # (page key, page number) of a record id, or None when no listing holds it.
    def locate(self, record_id: str) -> tuple[str, int] | None:
        return self.where.get(record_id)

    # Number of pages of a key (1 when it is not paginated).
    def count(self, key: str) -> int:
        return len(self.pages.get(key, [[]]))

    # Entries on page `number` (1-based) of `key`.
    def entries(self, key: str, number: int) -> list[Entry]:
        chunks = self.pages.get(key)
        if not chunks or not 1 <= number <= len(chunks):
            return []
        return chunks[number - 1]

    # Offset of the first entry of a page in the whole list.
    def offset(self, key: str, number: int) -> int:
        return (number - 1) * self.page_size


_MEMO: dict[tuple[Any, ...], Any] = {}


def memo(dataset: Any, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
    """Cache a value derived from one dataset (indexes, groupings) for the whole build.

    Entries for any other dataset are dropped, so one build holds one dataset's values.
    """
    full = (id(dataset), *key)
    if full not in _MEMO:
        stale = [k for k, (owner, _v) in _MEMO.items() if owner is not dataset]
        for k in stale:
            del _MEMO[k]
        _MEMO[full] = (dataset, compute())
    return _MEMO[full][1]


def layout(dataset: Any, as_of: date, page_size: int = DEFAULT_PAGE_SIZE) -> Layout:
    """The paging of every registered listing (computed once per dataset, date, size)."""
    from . import site  # noqa: F401  (registers the listings)

    def compute() -> Layout:
        result = Layout(max(1, int(page_size)))
        for key, function in LISTINGS.items():
            result.add(key, function(dataset, as_of))
        return result

    return memo(dataset, ("layout", as_of, page_size), compute)


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


def page_size_from(config: Any) -> int:
    """The configured page size: SITE_PAGE_SIZE, else extra.page_size, else the default."""
    import os

    value = os.environ.get("SITE_PAGE_SIZE") or (config.get("extra") or {}).get("page_size")
    return max(1, int(value)) if value else DEFAULT_PAGE_SIZE


def window(current: int, total: int, radius: int = 2) -> list[int | None]:
    """Page numbers for a pager: first, last and a window around the current one (None = gap)."""
    shown = sorted({1, total, *range(max(1, current - radius), min(total, current + radius) + 1)})
    result: list[int | None] = []
    for number in shown:
        if result and result[-1] is not None and number - result[-1] > 1:
            result.append(None)
        result.append(number)
    return result


def pages_needed(count: int, page_size: int) -> int:
    return max(1, math.ceil(count / max(1, page_size)))
