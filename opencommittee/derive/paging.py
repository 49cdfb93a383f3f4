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
    """One item of a paginated list: a record id (or None), its section, nested ids.

    `part` > 0 marks the continuation of a record whose nested items did not fit one
    page (an event with hundreds of agenda items): the record is anchored on the page of
    its first part. `anchor` False marks a reference to a record anchored elsewhere (a
    person's memberships on their page, a year's meetings): it never decides where the
    record lives.
    """

    id: str | None
    section: str = ""
    nested: tuple[str, ...] = ()
    part: int = 0
    anchor: bool = True
    # What the record itself costs on a page, in entries (a plan with its weights table
    # and chart is heavier than a membership; a one-line reference, LINE, is lighter).
    cost: float = 1

    @property
    def weight(self) -> float:
        """What the entry costs on a page: itself and each nested item."""
        return self.cost + len(self.nested)


def chunked(record_id: str, section: str, nested: tuple[str, ...], size: int, anchor: bool = True) -> list[Entry]:
    """One entry per record, or several parts when its nested items exceed `size`."""
    if len(nested) <= size:
        return [Entry(record_id, section, nested, 0, anchor)]
    return [Entry(record_id, section, nested[i: i + size], i // size, anchor) for i in range(0, len(nested), size)]


Key = tuple[str, str | None]
# A one-line reference (a date and a link: a year's meetings, a person's signed
# documents) weighs a quarter of a record shown in full.
LINE = 0.25


@dataclass
class Layout:
    """Every listing split into pages, and where each id and section landed.

    Pages are filled up to `page_size` weight units (an entry and its nested items), so
    that no page grows with the shape of the data.
    """

    page_size: int
    pages: dict[Key, list[list[Entry]]] = field(default_factory=dict)
    where: dict[str, tuple[Key, int]] = field(default_factory=dict)
    sections: dict[tuple[Key, str], int] = field(default_factory=dict)
    # Entries (parts of one record count once) before each page, per key.
    offsets: dict[Key, list[int]] = field(default_factory=dict)

    def add(self, key: Key, entries: list[Entry]) -> None:
        chunks: list[list[Entry]] = [[]]
        weight = 0.0
        for entry in entries:
            if chunks[-1] and weight + entry.weight > self.page_size:
                chunks.append([])
                weight = 0.0
            chunks[-1].append(entry)
            weight += entry.weight
        self.pages[key] = chunks
        offsets, before = [], 0
        for number, chunk in enumerate(chunks, 1):
            offsets.append(before)
            before += sum(1 for e in chunk if e.part == 0)
            for entry in chunk:
                self.sections.setdefault((key, entry.section), number)
                if not entry.anchor:
                    continue
                for rid in (entry.id, *entry.nested):
                    if rid and rid not in self.where:
                        self.where[rid] = (key, number)
        self.offsets[key] = offsets

    # (page key, page number) of a record id, or None when no listing holds it.
    def locate(self, record_id: str) -> tuple[Key, int] | None:
        return self.where.get(record_id)

    # Number of pages of a key (1 when it is not paginated).
    def count(self, key: Key) -> int:
        return len(self.pages.get(key, [[]]))

    # Entries on page `number` (1-based) of `key`.
    def entries(self, key: Key, number: int) -> list[Entry]:
        chunks = self.pages.get(key)
        if not chunks or not 1 <= number <= len(chunks):
            return []
        return chunks[number - 1]

    # How many records come before page `number` of `key`.
    def offset(self, key: Key, number: int) -> int:
        found = self.offsets.get(key, [0])
        return found[number - 1] if 1 <= number <= len(found) else 0


def window(current: int, total: int, radius: int = 2) -> list[int | None]:
    """Page numbers for a pager: first, last and a window around the current one (None = gap)."""
    shown = sorted({1, total, *range(max(1, current - radius), min(total, current + radius) + 1)})
    result: list[int | None] = []
    for number in shown:
        if result and result[-1] is not None and number - result[-1] > 1:
            result.append(None)
        result.append(number)
    return result
