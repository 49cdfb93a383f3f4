"""Pages about one subject: a person, an organization, a year. Their lists are references
to records anchored on the site's list pages (never anchors themselves), paged like every
other list.

- A person: every membership, in every body and organization, current then former;
  the meetings they chaired; the documents they signed.
- An organization: its seats, its memberships, the documents it (or one of its seats)
  issued.
- A year (`years/<yyyy>/`, for each year with a dated record), one line per record: the
  memberships in force at its end (the members page's `is_active` rule, from the first date the membership is
  known), the meetings held, the documents issued, the tasks assigned, the tasks due
  (their state at the end of the year is computed from the updates dated up to then),
  and the updates published.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from ..model.dataset import Dataset
from ..model.dates import date_bounds
from ..model.records import Membership
from .indexes import Indexes
from .paging import LINE, Entry, Key


# References to records anchored elsewhere: shown in full (a membership on a person's
# page: seat, dates, status, document, sources) or in one line (`LINE`).
def _refs(section: str, ids: list[str], cost: float = 1) -> list[Entry]:
    return [Entry(i, section, anchor=False, cost=cost) for i in ids]


def person(ds: Dataset, ix: Indexes, as_of: date, person_id: str) -> list[Entry]:
    mine = ix.memberships_by_person.get(person_id, [])
    current = [m.id for m in mine if m.is_active(as_of)]
    former = [m.id for m in mine if not m.is_active(as_of)]
    entries = _refs("current", current) + _refs("former", former)
    entries += _refs("chaired", [e.id for e in ix.chaired_by.get(person_id, [])], LINE)
    entries += _refs("signed", [d.id for d in ix.signed_by.get(person_id, [])], LINE)
    return entries


def organization(ds: Dataset, ix: Indexes, as_of: date, org_id: str) -> list[Entry]:
    entries = _refs("posts", [p.id for p in ix.posts_of.get(org_id, [])], LINE)
    entries += _refs("members", [m.id for m in ix.memberships_of.get(org_id, [])])
    entries += _refs("issued", [d.id for d in ix.issued_by.get(org_id, [])], LINE)
    return entries


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value else None


@dataclass
class Years:
    """Which records each year holds (by their own dates, never the build's)."""

    ds: Dataset
    ix: Indexes
    as_of: date

    @cached_property
    def dated(self) -> dict[int, dict[str, list[str]]]:
        """year -> section -> record ids, for every year with a dated record."""
        found: dict[int, dict[str, list[str]]] = {}

        def add(value: str | None, section: str, record_id: str) -> None:
            year = _year(value)
            if year is not None:
                found.setdefault(year, {}).setdefault(section, []).append(record_id)

        for e in sorted(self.ds.events, key=lambda e: e.date):
            add(e.date, "meetings", e.id)
        for d in sorted(self.ds.documents, key=lambda d: d.issue_date or ""):
            add(d.issue_date, "documents", d.id)
        for t in self.ds.tasks:
            add(t.assigned_date, "assigned", t.id)
            add(t.due_date, "due", t.id)
        for u in sorted(self.ds.updates, key=lambda u: u.date):
            add(u.date, "updates", u.id)
        for m in self.ds.memberships:
            for value in {m.start_date, m.end_date, m.as_of} - {None}:
                add(value, "membership_dates", m.id)
        for o in self.ds.organizations:
            for value in {o.founding_date, o.dissolution_date} - {None}:
                add(value, "organization_dates", o.id)
        return found

    @cached_property
    def years(self) -> list[int]:
        """Years that have a page: each year with a dated record, up to the as-of year."""
        return sorted(y for y in self.dated if y <= self.as_of.year)

    @cached_property
    def span(self) -> tuple[int, int] | None:
        """The years of the index: from the earliest dated record to the as-of year."""
        return (min(self.years), self.as_of.year) if self.years else None

    # The first day a membership is known to be in force (its start, its as-of date, or
    # the founding of its body), None when nothing dates it.
    def known_from(self, m: Membership) -> date | None:
        for value in (m.start_date, m.as_of):
            if value:
                return date_bounds(value)[0]
        return self.ix.founded.get(m.organization_id)

    def serving(self, year: int) -> list[str]:
        end = date(year, 12, 31)
        return [m.id for m in self.ds.memberships
                if m.is_active(end) and (known := self.known_from(m)) is not None and known <= end]

    def listing(self, year: int) -> list[Entry]:
        sections = self.dated.get(year, {})
        entries = _refs("serving", self.serving(year), LINE)
        for section in ("meetings", "documents", "assigned", "due", "updates"):
            entries += _refs(section, sections.get(section, []), LINE)
        return entries


def subject_listings(ds: Dataset, ix: Indexes, as_of: date, years: Years) -> Iterator[tuple[Key, list[Entry]]]:
    """The lists of every person, organization and year page."""
    for p in ds.people:
        yield ("person", p.id), person(ds, ix, as_of, p.id)
    for o in ds.organizations:
        yield ("organization", o.id), organization(ds, ix, as_of, o.id)
    for year in years.years:
        yield ("year", str(year)), years.listing(year)
