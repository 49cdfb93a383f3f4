"""The members page: committee seats and current members by role, former members,
people with their other positions, seats in other organizations (one page of them)."""

from __future__ import annotations

from markupsafe import Markup

from ...derive.listings import role_section, roles_in_order
from ..renderer import Renderer


def members(r: Renderer) -> Markup:
    entries = r.page_entries("members")
    sections = [e.section for e in entries]
    groups = []
    for role in roles_in_order():
        section = role_section(role)
        here = [e.id for e in entries if e.section == section and e.id]
        if here:
            groups.append({
                "title": r.ui(f"vocab.role.{role.value}"),
                "section": section,
                "posts": [r.rec(i) for i in here if r.dataset.kind(i) == "posts"],
                "memberships": [r.rec(i) for i in here if r.dataset.kind(i) == "memberships"],
            })
    committee_roles, other_roles = r.indexes.person_roles
    continued = r.continued("members", entries)
    return r.render(
        "members.html",
        committee_id=r.committee.id,
        pager=r.pager("members"),
        show_current=any(s.startswith("current") for s in sections),
        current_continued=any(s.startswith("current") for s in continued),
        current=groups,
        show_former="former" in sections,
        former=[r.rec(e.id) for e in entries if e.section == "former" and e.id],
        people=[r.rec(e.id) for e in entries if e.section == "people"],
        committee_roles=committee_roles,
        other_roles=other_roles,
        other_posts=[r.rec(e.id) for e in entries if e.section == "other-seats"],
        continued=continued,
    )
