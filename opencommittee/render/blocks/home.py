"""Blocks of the home page: what the committee is, its key facts, the latest events."""

from __future__ import annotations

from markupsafe import Markup

from ..renderer import Renderer
from .committee import head


# The home page block: what the committee is and its key facts.
def home(r: Renderer) -> Markup:
    org = r.committee
    mine = [m for m in r.dataset.memberships if m.organization_id == org.id]
    duties = r.indexes.duties(org.id)
    return r.render(
        "home.html",
        org=org,
        head=head(r),
        founding=r.rec(org.founding_document_id),
        member_count=len(mine),
        duty_count=len(duties),
        truncated=any(d.source_truncated for d in duties),
    )


# The latest few events, for the home page.
def latest_events(r: Renderer, count: int = 5) -> Markup:
    ordered = sorted(r.dataset.events, key=lambda e: e.date, reverse=True)[:count]
    return r.render("latest_events.html", events=ordered)
