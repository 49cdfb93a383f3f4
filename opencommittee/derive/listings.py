"""The display order of every paginated page, as `Entry` lists (see `paging`).

Each function takes the dataset, its indexes and the as-of date and returns the whole
section in order; `LISTINGS` maps the page keys of `routes.PAGES` to them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ..model.dataset import Dataset
from ..model.vocab import DocType, Role
from . import progress
from .indexes import Indexes
from .paging import Entry

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


# The members page in order: committee seats and current members by role, former
# members, people (with their other positions nested), seats in other organizations.
def members(dataset: Dataset, ix: Indexes, as_of: date) -> list[Entry]:
    org = ix.committee
    org_id = org.id if org else None
    mine = [m for m in dataset.memberships if m.organization_id == org_id]
    current = [m for m in mine if m.is_active(as_of)]
    former = sorted((m for m in mine if not m.is_active(as_of)), key=lambda m: m.end_date or "")
    posts = [p for p in dataset.posts if p.organization_id == org_id]
    entries: list[Entry] = []
    for role in roles_in_order():
        section = role_section(role)
        entries += [Entry(p.id, section) for p in posts if p.role == role]
        entries += [Entry(m.id, section) for m in current if m.role == role]
    if not entries:
        entries.append(Entry(None, "current"))
    entries += [Entry(m.id, "former") for m in former] or [Entry(None, "former")]
    other_roles = ix.person_roles[1]
    entries += [
        Entry(p.id, "people", tuple(m.id for m in other_roles.get(p.id, [])))
        for p in sorted(dataset.people, key=lambda p: p.name)
    ]
    entries += [Entry(p.id, "other-seats") for p in dataset.posts if p.organization_id != org_id]
    return entries


# Documents in register order: grouped by type, newest first within a type.
def documents(dataset: Dataset, ix: Indexes, as_of: date) -> list[Entry]:
    entries: list[Entry] = []
    for doc_type in sorted({d.type for d in dataset.documents}, key=list(DocType).index):
        docs = sorted((d for d in dataset.documents if d.type == doc_type), key=lambda d: d.issue_date or "", reverse=True)
        entries += [Entry(d.id, doc_type_section(doc_type)) for d in docs]
    return entries


# Events newest first; each carries its agenda items and outcomes as nested anchors.
def events(dataset: Dataset, ix: Indexes, as_of: date) -> list[Entry]:
    ordered = sorted(dataset.events, key=lambda e: e.date, reverse=True)
    return [Entry(e.id, "events", tuple([a.id for a in e.agenda] + [o.id for o in e.outcomes])) for e in ordered]


def sources(dataset: Dataset, ix: Indexes, as_of: date) -> list[Entry]:
    return [Entry(s.id, "sources") for s in dataset.sources]


# The plan page's records, in display order: indicators, then tasks depth-first (a task,
# then its subtasks), each with its updates anchored inside it. Independent of the as-of
# date, so changing it never moves a record to another page.
def plan(dataset: Dataset, ix: Indexes, as_of: date) -> list[Entry]:
    updates: dict[str, list[str]] = {}
    for update in progress.order_updates(dataset.updates):
        updates.setdefault(update.task_id or update.indicator_id or "", []).append(update.id)
    entries = [Entry(ind.id, "oc_indicators", tuple(updates.get(ind.id, []))) for ind in dataset.indicators]
    entries += [Entry(tid, "oc_tasks", tuple(updates.get(tid, []))) for tid in progress.tree_order(dataset.tasks)]
    return entries


Listing = Callable[[Dataset, Indexes, date], list[Entry]]
# Page key -> its listing, in the order the old registry ran them (the first listing
# that holds an id decides its page).
LISTINGS: dict[str, Listing] = {
    "members": members,
    "documents": documents,
    "events": events,
    "sources": sources,
    "plan": plan,
}
