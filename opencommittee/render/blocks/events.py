"""The events page (one page of it): newest first, with agenda, outcomes and the tasks
that track them. An event whose agenda and outcomes do not fit one page continues on
the next pages (its anchor stays on the page of its first part)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ...derive.paging import Entry
from ..renderer import Renderer


# One part of an event: the event, the agenda items and outcomes this part holds, and
# whether it is the last part (notes and sources close the record).
def _part(r: Renderer, entry: Entry) -> dict[str, Any]:
    event = r.rec(entry.id)
    nested = [*event.agenda, *event.outcomes]
    here = set(entry.nested)
    last = not nested or (bool(entry.nested) and entry.nested[-1] == nested[-1].id)
    return {"event": event, "part": entry.part, "last": last,
            "agenda": [a for a in event.agenda if a.id in here], "outcomes": [o for o in event.outcomes if o.id in here]}


def events(r: Renderer) -> Markup:
    entries = r.page_entries("events")
    total = len(r.indexes.in_scope("events", r.scope))
    start = total - r.layout().offset(r.key("events"), r.page_number("events"))
    return r.render("events.html", events=[_part(r, e) for e in entries], tasks_by_origin=r.indexes.tasks_by_origin,
                    start=start, pager=r.pager("events"))
