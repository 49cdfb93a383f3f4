"""Blocks of the committee page: key facts, mandate, drafts, related organizations."""

from __future__ import annotations

from markupsafe import Markup

from ...model.vocab import Role
from ..renderer import Renderer


# Who heads the committee: a named person, or the ex officio seat with the name unknown.
def head(r: Renderer) -> Markup:
    org = r.committee
    for m in r.dataset.memberships:
        if m.organization_id == org.id and m.role == Role.head:
            return r.render("head.html", m=m)
    return r.render("head.html", m=None)


# The key facts of the committee.
def committee_facts(r: Renderer) -> Markup:
    return r.render("committee.html", org=r.committee, head=head(r))


# The mandate, with a note when the source's list is cut short.
def mandate(r: Renderer) -> Markup:
    duties = r.indexes.duties(r.committee.id)
    return r.render("mandate.html", duties=duties, truncated=any(d.source_truncated for d in duties))


# Drafts discussed at the committee's meetings, with their (often unknown) outcome.
def drafts(r: Renderer) -> Markup:
    items = [(e, a) for e in r.dataset.events for a in e.agenda if a.kind.value == "draft_discussion"]
    return r.render("drafts.html", items=items)


# Every organization other than the committee, with the roles it plays.
def organizations(r: Renderer) -> Markup:
    org = r.committee
    roles: dict[str, list[str]] = {}
    if org.standing_agency_id:
        roles.setdefault(org.standing_agency_id, []).append(r.ui("committee.is_standing_agency"))
    for doc in r.dataset.documents:
        if doc.issuer_id and r.dataset.kind(doc.issuer_id) == "organizations":
            roles.setdefault(doc.issuer_id, []).append(
                r.ui("committee.issuer_of", doc=r.label(doc.id).value)
            )
    others = [o for o in r.dataset.organizations if o.id != org.id]
    return r.render("organizations.html", orgs=others, roles=roles)
