"""The display order of every paged page, as `Entry` lists (see `paging`).

Each function takes the dataset, its indexes, the as-of date, the page size and the
page's subject (the body a page is about, None for the site's own pages) and returns
the whole list in order. `listings_of` gives every listing of a dataset by page key;
pages about one person, organization or year are in `subject_listings`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..model.dataset import Dataset
from ..model.vocab import AgendaKind, DocType, Role
from . import progress
from .indexes import Indexes
from .paging import Entry, Key, chunked

ROLE_ORDER = [Role.head, Role.standing_deputy_head, Role.deputy_head, Role.member, Role.secretary]


def roles_in_order() -> list[Role]:
    """Roles in display order: the usual hierarchy first, then any other."""
    return ROLE_ORDER + [x for x in Role if x not in ROLE_ORDER]


def role_section(role: Role) -> str:
    """The anchor of the heading of current members in one role."""
    return f"current-{role.value.replace('_', '-')}"


def doc_type_section(doc_type: DocType) -> str:
    """The anchor of the heading of one document type in the register."""
    return f"type-{doc_type.value.replace('_', '-')}"


def _body_owned(ix: Indexes, records: list, scope: str | None) -> list:
    """The records of a scope that belong to a body (the scope's body's seats and terms)."""
    return [r for r in records if ix.scope_of(r.id) == scope and ix.owner.get(r.id)]


# The members page: a body's seats and current members by role, former members; on the
# site's own page also every person (with their positions outside the bodies nested) and
# the seats of other organizations.
def members(ds: Dataset, ix: Indexes, as_of: date, size: int, scope: str | None) -> list[Entry]:
    mine = _body_owned(ix, ds.memberships, scope)
    current = [m for m in mine if m.is_active(as_of)]
    former = sorted((m for m in mine if not m.is_active(as_of)), key=lambda m: m.end_date or "")
    posts = _body_owned(ix, ds.posts, scope)
    entries: list[Entry] = []
    for role in roles_in_order():
        section = role_section(role)
        entries += [Entry(p.id, section) for p in posts if p.role == role]
        entries += [Entry(m.id, section) for m in current if m.role == role]
    if not entries:
        entries.append(Entry(None, "current"))
    entries += [Entry(m.id, "former") for m in former] or [Entry(None, "former")]
    if scope is not None:
        return entries
    other_roles = ix.person_roles[1]
    for p in sorted(ds.people, key=lambda p: p.name):
        entries += chunked(p.id, "people", tuple(m.id for m in other_roles.get(p.id, [])), size - 1)
    entries += [Entry(p.id, "other-seats") for p in ds.posts if not ix.owner.get(p.id)]
    return entries


# The committee page: the body's mandate, the drafts discussed at its meetings, and, on
# the site's own page, every organization that is not a body (each has its own page too).
def committee(ds: Dataset, ix: Indexes, as_of: date, size: int, scope: str | None) -> list[Entry]:
    entries = [Entry(d.id, "mandate") for d in ix.in_scope("mandate", scope)]
    for event in ix.in_scope("events", scope):
        entries += [Entry(a.id, "drafts", anchor=False) for a in event.agenda if a.kind == AgendaKind.draft_discussion]
    if scope is None:
        entries += [Entry(o.id, "organizations") for o in ds.organizations if o.id not in ix.body_ids]
    return entries


# Documents in register order: grouped by type, newest first within a type.
def documents(ds: Dataset, ix: Indexes, as_of: date, size: int, scope: str | None) -> list[Entry]:
    entries: list[Entry] = []
    for doc_type in sorted({d.type for d in ds.documents}, key=list(DocType).index):
        docs = sorted((d for d in ds.documents if d.type == doc_type), key=lambda d: d.issue_date or "", reverse=True)
        entries += [Entry(d.id, doc_type_section(doc_type)) for d in docs]
    return entries


# Events newest first; each carries its agenda items and outcomes as nested anchors (in
# parts when they do not fit one page).
def events(ds: Dataset, ix: Indexes, as_of: date, size: int, scope: str | None) -> list[Entry]:
    ordered = sorted(ix.in_scope("events", scope), key=lambda e: e.date, reverse=True)
    entries: list[Entry] = []
    for e in ordered:
        entries += chunked(e.id, "events", tuple([a.id for a in e.agenda] + [o.id for o in e.outcomes]), size - 1)
    return entries


def sources(ds: Dataset, ix: Indexes, as_of: date, size: int, scope: str | None) -> list[Entry]:
    return [Entry(s.id, "sources") for s in ds.sources]


# The bodies of the site (each links to its own pages).
def committees(ds: Dataset, ix: Indexes, as_of: date, size: int, scope: str | None) -> list[Entry]:
    return [Entry(o.id, "committees", anchor=False) for o in ix.bodies]


# The plan page's records: plans, indicators, then tasks depth-first (a task, then its
# subtasks), each with its updates anchored inside it. Independent of the as-of date, so
# changing it never moves a record to another page.
def plan(ds: Dataset, ix: Indexes, as_of: date, size: int, scope: str | None) -> list[Entry]:
    updates: dict[str, list[str]] = {}
    for update in progress.order_updates(ds.updates):
        updates.setdefault(update.task_id or update.indicator_id or "", []).append(update.id)
    entries = [Entry(p.id, "oc_plan_records", cost=10) for p in ix.in_scope("plans", scope)]
    for ind in ix.in_scope("indicators", scope):
        entries += chunked(ind.id, "oc_indicators", tuple(updates.get(ind.id, [])), size - 1)
    tasks = ix.in_scope("tasks", scope)
    for tid in progress.tree_order(tasks):
        entries += chunked(tid, "oc_tasks", tuple(updates.get(tid, [])), size - 1)
    return entries


# The corrections log, newest first.
def corrections(ds: Dataset, ix: Indexes, as_of: date, size: int, scope: str | None) -> list[Entry]:
    found = sorted(ds.corrections, key=lambda c: (progress.day_of(c.date), c.id), reverse=True)
    return [Entry(c.id, "corrections") for c in found]


SCOPED_LISTINGS = {"members": members, "committee": committee, "events": events, "plan": plan}
SITE_LISTINGS = {"documents": documents, "sources": sources, "committees": committees, "corrections": corrections}


def listings_of(ds: Dataset, ix: Indexes, as_of: date, size: int) -> Iterator[tuple[Key, list[Entry]]]:
    """Every paged list of the site's and the bodies' pages, in the order that decides
    where a record is anchored (the first listing that anchors it)."""
    for kind, listing in SCOPED_LISTINGS.items():
        for scope in ix.scopes:
            yield (kind, scope), listing(ds, ix, as_of, size, scope)
    for kind, site_listing in SITE_LISTINGS.items():
        yield (kind, None), site_listing(ds, ix, as_of, size, None)
