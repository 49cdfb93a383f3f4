"""The corrections log: every published correction, newest first (corrections.yml), paged."""

from __future__ import annotations

from markupsafe import Markup

from ..renderer import Renderer


# One page of the log (paged like every list: see derive/listings.py).
def corrections(r: Renderer) -> Markup:
    shown = [r.rec(e.id) for e in r.page_entries("corrections")]
    return r.render("corrections.html", corrections=shown, pager=r.pager("corrections"))
