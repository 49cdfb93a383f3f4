"""Blocks of a body's profile page (`committee/` for the body the site is about,
`committees/<id>/` for the others): key facts, mandate, drafts discussed at its meetings,
and, on the site's own page, the other organizations involved. Each list is paged."""

from __future__ import annotations

from markupsafe import Markup

from ...derive.routes import relative
from ...model.vocab import Role
from ..renderer import Renderer
from .committees import committee_rows


# Who heads a body: a named person, or the ex officio seat with the name unknown.
def head(r: Renderer, org_id: str) -> Markup:
    for m in r.indexes.memberships_of.get(org_id, []):
        if m.role == Role.head:
            return r.render("head.html", m=m)
    return r.render("head.html", m=None)


# The key facts of the body (a site of several bodies with none chosen lists them).
def committee_facts(r: Renderer) -> Markup:
    if r.body is None:
        return r.render("committees.html", rows=committee_rows(r, r.indexes.bodies[: r.list_limit]),
                        more=max(0, len(r.indexes.bodies) - r.list_limit), pager=Markup(""))
    if r.page_number("committee") > 1:
        return Markup("")
    feed = relative(r.page_url, r.feed_path("organization", r.body.id))
    return r.render("committee.html", org=r.body, head=head(r, r.body.id), feed=feed)


def _section(r: Renderer, section: str) -> list[str]:
    return [e.id for e in r.page_entries("committee") if e.section == section and e.id]


# The mandate, with a note when the source's list is cut short.
def mandate(r: Renderer) -> Markup:
    if r.body is None:
        return Markup("")
    duties = [r.rec(i) for i in _section(r, "mandate")]
    truncated = any(d.source_truncated for d in r.indexes.in_scope("mandate", r.scope))
    return r.render("mandate.html", duties=duties, truncated=truncated, pager=r.pager("committee"),
                    continued="mandate" in r.continued("committee", r.page_entries("committee")))


# Drafts discussed at the body's meetings, with their (often unknown) outcome.
def drafts(r: Renderer) -> Markup:
    if r.body is None:
        return Markup("")
    event_of = {a.id: e for e in r.dataset.events for a in e.agenda}
    items = [(event_of[i], r.rec(i)) for i in _section(r, "drafts")]
    return r.render("drafts.html", items=items)


# Every organization that is not a body, with the roles it plays (the site's own page).
def organizations(r: Renderer) -> Markup:
    if r.scope is not None:
        return Markup("")
    org = r.body
    roles: dict[str, list[str]] = {}
    if org is not None and org.standing_agency_id:
        roles.setdefault(org.standing_agency_id, []).append(r.ui("committee.is_standing_agency", body=r.label(org.id).value))
    orgs = [r.rec(i) for i in _section(r, "organizations")]
    shown = {o.id for o in orgs}
    for o in orgs:
        for doc in r.indexes.issued_by.get(o.id, [])[: r.list_limit]:
            if doc.issuer_id in shown:
                roles.setdefault(o.id, []).append(r.ui("committee.issuer_of", doc=r.label(doc.id).value))
    return r.render("organizations.html", orgs=orgs, roles=roles, pager=r.pager("committee"))
