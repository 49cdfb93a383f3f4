"""The What changed page, from the git history of the data folder (see publish.history)."""

from __future__ import annotations

from markupsafe import Markup

from ...model.records import COLLECTIONS
from ..renderer import Renderer


def changes(r: Renderer) -> Markup:
    if r.context.published is None:
        raise LookupError("the publication of this build is not known yet")
    history = r.context.published.history
    records = []
    if history.available:
        latest = history.last_changes()
        records = [
            {"id": rec.id, "change": latest.get(rec.id)}
            for name in COLLECTIONS
            for rec in r.dataset.collections.get(name, [])
        ]
    return r.render("changes.html", history=history, records=records)
