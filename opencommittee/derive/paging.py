"""Paginated list pages: which page of a section each record is on.

Records are anchors (`id="<record id>"`) on list pages. A section whose list is longer
than the page size is split into numbered pages kept out of the navigation:
`members/` (page 1, the Markdown page in `docs/`), `members/2/`, `members/3/`, ... The
glue adds the extra pages as copies of the section's Markdown page; a block knows which
slice to show from the URL of the page it is rendered on (`Renderer.page_number(key)`).

- `listings.LISTINGS` gives, per page key of `routes.PAGES`, a function
  `(dataset, indexes) -> list[Entry]`: the display order of the whole section.
  `Entry(id, section, nested)`: `id` is the record anchored at the top of the entry
  (None for a placeholder such as "none yet"), `section` names the heading it sits
  under (an anchor too), and `nested` are ids anchored inside the entry (agenda items of
  an event, a person's other positions).
- `Layout` cuts every listing into pages once per build (`BuildContext.layout`), and
  answers where each id and section landed: `Renderer.link(id)` / `permalink(id)` then
  point at the right page for every listed id (nested ids included). Ids in no listing
  keep the page of their kind (`routes.PAGE_OF_KIND`).

The page size is `SITE_PAGE_SIZE` (environment), else `extra.page_size` in mkdocs.yml,
else `DEFAULT_PAGE_SIZE` entries (read by the glue).
"""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_PAGE_SIZE = 50


@dataclass(frozen=True)
class Entry:
    """One item of a paginated list: a record id (or None), its section, nested ids."""

    id: str | None
    section: str = ""
    nested: tuple[str, ...] = ()


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


def window(current: int, total: int, radius: int = 2) -> list[int | None]:
    """Page numbers for a pager: first, last and a window around the current one (None = gap)."""
    shown = sorted({1, total, *range(max(1, current - radius), min(total, current + radius) + 1)})
    result: list[int | None] = []
    for number in shown:
        if result and result[-1] is not None and number - result[-1] > 1:
            result.append(None)
        result.append(number)
    return result
