"""The members page (one page of it): a body's seats and current members by role, its
former members; on the site's own page also every person with their positions outside
the bodies, and the seats of other organizations."""

from __future__ import annotations

from markupsafe import Markup

from ...derive import charts
from ...derive.listings import role_section, roles_in_order
from ...model.dates import date_bounds
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
        committee_id=r.body.id if r.body else None,
        bodies=[] if r.body or r.scope is not None else r.indexes.bodies[: r.list_limit],
        pager=r.pager("members"),
        show_current=any(s.startswith("current") for s in sections),
        current_continued=any(s.startswith("current") for s in continued),
        current=groups,
        show_former="former" in sections,
        former=[r.rec(e.id) for e in entries if e.section == "former" and e.id],
        people=[{"person": r.rec(e.id), "part": e.part, "others": [r.rec(i) for i in e.nested]}
                for e in entries if e.section == "people"],
        committee_roles=committee_roles,
        other_roles=other_roles,
        other_posts=[r.rec(e.id) for e in entries if e.section == "other-seats"],
        continued=continued,
    )


# Seats over time (a body's members page, first page): who held which seat, and when,
# as a timeline with a table of the same facts. At most `r.list_limit * 2` rows; the
# members list below gives every membership.
def seats_timeline(r: Renderer) -> Markup:
    org = r.body
    if org is None or r.page_number("members") > 1:
        return Markup("")
    mine = [m for m in r.dataset.memberships if r.indexes.owner.get(m.id) == org.id]
    limit = r.list_limit * 2
    rows, table = [], []
    for m in sorted(mine, key=lambda m: (m.start_date or m.as_of or "9999", m.id))[:limit]:
        label = f"{r.label(m.id).value}"
        start = date_bounds(m.start_date)[0] if m.start_date else None
        end = date_bounds(m.end_date)[1] if m.end_date else None
        as_of = date_bounds(m.as_of)[0] if m.as_of else None
        rows.append((label, start, end, as_of))
        table.append({"m": m, "label": label})
    if not rows:
        return Markup("")
    dated = sum(1 for _l, *ds in rows if any(ds))
    chart = charts.timeline("oc_timeline_" + org.id, r.ui("timeline.title", body=r.label(org.id).value),
                            r.ui("timeline.desc", count=r.num(len(rows), 0), dated=r.num(dated, 0)), rows, r.as_of)
    return r.render("seats_timeline.html", chart=r.render("chart_timeline.html", chart=chart), rows=table,
                    more=max(0, len(mine) - limit))
