"""The bodies of the site: the committees index (`committees/`, paged) and the list on
the home page. Each row gives the body's kind, founding document, head, number of known
members and plan progress, and links to its pages."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ...model.records import Organization
from ...model.vocab import Role
from ..renderer import Renderer


def _head(r: Renderer, org_id: str) -> Any:
    return next((m for m in r.indexes.memberships_of.get(org_id, []) if m.role == Role.head), None)


def committee_rows(r: Renderer, bodies: list[Organization]) -> list[dict[str, Any]]:
    """What the lists of bodies show for each body."""
    rows = []
    for org in bodies:
        plans = {pl.id for pl in r.dataset.plans if r.indexes.owner.get(pl.id) == org.id}
        rows.append({
            "org": org,
            "href": r.page("committee", subject=org.id),
            "members_href": r.page("members", subject=org.id),
            "plan_href": r.page("plan", subject=org.id),
            "head": _head(r, org.id),
            "members": len(r.indexes.memberships_of.get(org.id, [])),
            "plans": len(plans),
            "progress": r.context.progress.overall_of(plans).value if plans else None,
        })
    return rows


# The committees index (one page of it).
def committees(r: Renderer) -> Markup:
    bodies = [r.rec(e.id) for e in r.page_entries("committees")]
    return r.render("committees.html", rows=committee_rows(r, bodies), more=0, pager=r.pager("committees"))


# The first bodies, for the home page, with a link to the index when there are more.
def committee_list(r: Renderer) -> Markup:
    bodies = r.indexes.bodies
    return r.render("committees.html", rows=committee_rows(r, bodies[: r.list_limit]),
                    more=max(0, len(bodies) - r.list_limit), pager=Markup(""))
