"""The events page (one page of it): newest first, with agenda, outcomes and the tasks
that track them."""

from __future__ import annotations

from markupsafe import Markup

from ..renderer import Renderer


def events(r: Renderer) -> Markup:
    entries = r.page_entries("events")
    total = len(r.dataset.events)
    start = total - r.layout().offset("events", r.page_number("events"))
    return r.render("events.html", events=[r.rec(e.id) for e in entries], tasks_by_origin=r.indexes.tasks_by_origin,
                    start=start, pager=r.pager("events"))
