"""Indexes over a dataset, each computed once per build (see `BuildContext.indexes`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from ..model.dataset import Dataset
from ..model.dates import date_bounds
from ..model.records import Document, Event, Membership, Organization, Post, Task
from ..model.vocab import BODY_KINDS, DocType
from .progress import tasks_plan


def bodies_of(dataset: Dataset) -> list[Organization]:
    """The bodies the site publishes (councils, commissions, steering committees, ...)."""
    return [o for o in dataset.organizations if o.classification in BODY_KINDS]


def primary_of(dataset: Dataset) -> Organization | None:
    """The body the site is about: the one `data/site.yml` names, else the only body of
    the data, else none (a site of several bodies)."""
    bodies = bodies_of(dataset)
    chosen = next((s.committee_id for s in dataset.site if s.committee_id), None)
    if chosen:
        return next((o for o in bodies if o.id == chosen), None)
    return bodies[0] if len(bodies) == 1 else None


@dataclass(frozen=True)
class DocumentIndex:
    """Counts of the register by type and status, and which documents implement each."""

    types: list[tuple[DocType, int]]
    statuses: list[tuple[str, int]]
    implemented_by: dict[str, list[str]]


class Indexes:
    """Lookups that several pages share; each is computed on first use."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        # collection -> scope -> its records (`in_scope`), filled on first use
        self._scoped: dict[str, dict[str | None, list[Any]]] = {}

    @cached_property
    def bodies(self) -> list[Organization]:
        return bodies_of(self.dataset)

    @cached_property
    def primary(self) -> Organization | None:
        return primary_of(self.dataset)

    @property
    def committee(self) -> Organization | None:
        """The body the site is about (see `primary_of`)."""
        return self.primary

    @cached_property
    def body_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.bodies)

    @cached_property
    def body_of_org(self) -> dict[str, str | None]:
        """Each organization's body: itself if it is one, else its nearest ancestor that is
        one (an assistance team of a committee belongs to the committee), else None."""
        parents = {o.id: o.parent_id for o in self.dataset.organizations}
        found: dict[str, str | None] = {}
        for org_id in parents:
            current: str | None = org_id
            seen: set[str] = set()
            while current is not None and current not in self.body_ids and current not in seen:
                seen.add(current)
                current = parents.get(current)
            found[org_id] = current if current in self.body_ids else None
        return found

    @cached_property
    def owner(self) -> dict[str, str | None]:
        """The body each record belongs to (None: to no body), by record id."""
        body = self.body_of_org
        ds = self.dataset
        owner: dict[str, str | None] = {}
        for records in (ds.posts, ds.memberships, ds.mandate, ds.plans):
            for r in records:
                owner[r.id] = body.get(r.organization_id)
        for event in ds.events:
            owner[event.id] = body.get(event.organization_id)
            for nested in (*event.agenda, *event.outcomes):
                owner[nested.id] = owner[event.id]
        plan_of = tasks_plan(ds.tasks)
        by_id = {t.id: t for t in ds.tasks}
        for task in ds.tasks:
            plan = plan_of.get(task.id)
            owner[task.id] = owner.get(plan) if plan else self._loose_owner(task, by_id, owner)
        for ind in ds.indicators:
            owner[ind.id] = owner.get(ind.plan_id)
        for upd in ds.updates:
            owner[upd.id] = owner.get(upd.task_id or upd.indicator_id or "")
        return owner

    # A task in no plan belongs to the body that assigned it (through its top ancestor).
    def _loose_owner(self, task: Task, by_id: dict[str, Task], owner: dict[str, str | None]) -> str | None:
        seen: set[str] = set()
        while task.parent_id in by_id and task.id not in seen:
            seen.add(task.id)
            task = by_id[task.parent_id]
        return owner.get(task.assigned_by_id or "")

    def scope_of(self, record_id: str) -> str | None:
        """Whose pages list a record: a body's id, or None for the site's own pages (the
        primary body's records and those of no body)."""
        found = self.owner.get(record_id)
        return None if self.primary is not None and found == self.primary.id else found

    def in_scope(self, collection: str, scope: str | None) -> list[Any]:
        """The records of a collection (`"tasks"`, ...) that the pages of `scope` show, in
        data order. Each collection is grouped by scope once: every page of a plan asks."""
        groups = self._scoped.get(collection)
        if groups is None:
            groups = {}
            for record in getattr(self.dataset, collection):
                groups.setdefault(self.scope_of(record.id), []).append(record)
            self._scoped[collection] = groups
        return groups.get(scope, [])

    @cached_property
    def scopes(self) -> list[str | None]:
        """The site's own pages (None), then each other body's."""
        primary = self.primary.id if self.primary else None
        return [None] + [o.id for o in self.bodies if o.id != primary]

    @cached_property
    def person_roles(self) -> tuple[dict[str, list[Membership]], dict[str, list[Membership]]]:
        """Each person's memberships in bodies, and elsewhere (other organizations)."""
        committee_roles: dict[str, list[Membership]] = {}
        other_roles: dict[str, list[Membership]] = {}
        for m in self.dataset.memberships:
            if m.person_id:
                target = committee_roles if self.owner.get(m.id) else other_roles
                target.setdefault(m.person_id, []).append(m)
        return committee_roles, other_roles

    @cached_property
    def memberships_by_person(self) -> dict[str, list[Membership]]:
        """Every membership of each person, in data order."""
        found: dict[str, list[Membership]] = {}
        for m in self.dataset.memberships:
            if m.person_id:
                found.setdefault(m.person_id, []).append(m)
        return found

    @cached_property
    def documents(self) -> DocumentIndex:
        by_type: dict[DocType, int] = {}
        by_status: dict[str, int] = {}
        implemented_by: dict[str, list[str]] = {}
        for doc in self.dataset.documents:
            by_type[doc.type] = by_type.get(doc.type, 0) + 1
            key = doc.status.value if doc.status else "unknown"
            by_status[key] = by_status.get(key, 0) + 1
            for target in doc.implements:
                implemented_by.setdefault(target, []).append(doc.id)
        types = sorted(by_type, key=list(DocType).index)
        return DocumentIndex([(t, by_type[t]) for t in types], sorted(by_status.items()), implemented_by)

    @cached_property
    def tasks_by_origin(self) -> dict[str, list[Task]]:
        """Tasks by the outcome, event or document that assigned them."""
        result: dict[str, list[Task]] = {}
        for task in self.dataset.tasks:
            if task.assigned_by_id:
                result.setdefault(task.assigned_by_id, []).append(task)
        return result

    @cached_property
    def cited_by(self) -> dict[str, list[str]]:
        """Records citing each source, in dataset order."""
        result: dict[str, list[str]] = {}
        for rid, (_kind, record) in self.dataset.index.items():
            for sid in getattr(record, "sources", []) or []:
                result.setdefault(sid, []).append(rid)
        return result

    @cached_property
    def chaired_by(self) -> dict[str, list[Event]]:
        return _group(self.dataset.events, "chair_id")

    @cached_property
    def signed_by(self) -> dict[str, list[Document]]:
        return _group(self.dataset.documents, "signer_id")

    @cached_property
    def posts_of(self) -> dict[str, list[Post]]:
        return _group(self.dataset.posts, "organization_id")

    @cached_property
    def memberships_of(self) -> dict[str, list[Membership]]:
        return _group(self.dataset.memberships, "organization_id")

    @cached_property
    def issued_by(self) -> dict[str, list[Document]]:
        """Documents by the organization that issued them, itself or through one of its seats."""
        post_org = {p.id: p.organization_id for p in self.dataset.posts}
        found: dict[str, list[Document]] = {}
        for doc in self.dataset.documents:
            org = post_org.get(doc.issuer_id or "", doc.issuer_id)
            if org:
                found.setdefault(org, []).append(doc)
        return found

    @cached_property
    def founded(self) -> dict[str, date]:
        """The first day each organization is known to exist: its founding date, else the
        issue date of its founding document."""
        docs = {d.id: d for d in self.dataset.documents}
        found: dict[str, date] = {}
        for org in self.dataset.organizations:
            document = docs.get(org.founding_document_id or "")
            value = org.founding_date or (document.issue_date if document else None)
            if value:
                found[org.id] = date_bounds(value)[0]
        return found

    def duties(self, org_id: str) -> list[Any]:
        """The mandate of one body, in the source's order."""
        return [d for d in self.dataset.mandate if d.organization_id == org_id]


def _group(records: list[Any], field: str) -> dict[str, list[Any]]:
    """Records by the value of one of their fields (records without it left out)."""
    found: dict[str, list[Any]] = {}
    for record in records:
        value = getattr(record, field)
        if value:
            found.setdefault(value, []).append(record)
    return found
