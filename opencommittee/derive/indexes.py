"""Indexes over a dataset, each computed once per build (see `BuildContext.indexes`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..model.dataset import Dataset
from ..model.records import Membership, Organization, Task
from ..model.vocab import DocType, OrgClass


def committee_of(dataset: Dataset) -> Organization | None:
    """The committee a site is about: the first steering committee of the data."""
    return next((o for o in dataset.organizations if o.classification == OrgClass.steering_committee), None)


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

    @cached_property
    def committee(self) -> Organization | None:
        return committee_of(self.dataset)

    @cached_property
    def person_roles(self) -> tuple[dict[str, list[Membership]], dict[str, list[Membership]]]:
        """Each person's memberships in the committee, and elsewhere."""
        org_id = self.committee.id if self.committee else None
        committee_roles: dict[str, list[Membership]] = {}
        other_roles: dict[str, list[Membership]] = {}
        for m in self.dataset.memberships:
            if m.person_id:
                target = committee_roles if m.organization_id == org_id else other_roles
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

    def duties(self, org_id: str) -> list[Any]:
        """The mandate of one body, in the source's order."""
        return [d for d in self.dataset.mandate if d.organization_id == org_id]
