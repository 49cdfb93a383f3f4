"""The sources page (one page of it) and the records that cite each source."""

from __future__ import annotations

from markupsafe import Markup

from ..renderer import Renderer

# At most this many "cited by" links per source; the rest are counted.
CITED_BY_LIMIT = 20


def sources(r: Renderer) -> Markup:
    shown = [r.rec(e.id) for e in r.page_entries("sources")]
    return r.render("sources.html", sources=shown, cited_by=r.indexes.cited_by, limit=CITED_BY_LIMIT,
                    pager=r.pager("sources"))
