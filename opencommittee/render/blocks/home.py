"""Blocks of the home page: what the site is about (the body it presents, with its key
facts), every body of the site, and the latest events."""

from __future__ import annotations

from markupsafe import Markup

from ..renderer import Renderer
from .committee import head
from .committees import committee_list


# The home page block: the body the site is about and its key facts (when there is
# one), then the bodies of the site.
def home(r: Renderer) -> Markup:
    org = r.indexes.primary
    facts = Markup("")
    if org is not None:
        duties = r.indexes.in_scope("mandate", None)
        facts = r.render(
            "home.html",
            org=org,
            head=head(r, org.id),
            founding=r.rec(org.founding_document_id),
            member_count=len(r.indexes.memberships_of.get(org.id, [])),
            duty_count=len(duties),
            truncated=any(d.source_truncated for d in duties),
        )
    return facts + r.render("home_bodies.html", bodies=committee_list(r), count=len(r.indexes.bodies),
                            description=r.site_description if org is None else None)


# The latest few events of the whole site, for the home page.
def latest_events(r: Renderer, count: int = 5) -> Markup:
    ordered = sorted(r.dataset.events, key=lambda e: e.date, reverse=True)[:count]
    return r.render("latest_events.html", events=ordered)
