"""The search page: a form that works as a link without JavaScript, and the script that
queries the bounded index (publish/search.py) once someone searches."""

from __future__ import annotations

from markupsafe import Markup

from ...derive.routes import PageRef, relative
from ..renderer import Renderer

SCRIPT = "assets/js/search.js"
INDEX = "search/index/"
# Lists a reader without JavaScript can browse instead.
BROWSE = ("members", "committees", "documents", "events", "plan", "years", "sources")


def search_page(r: Renderer) -> Markup:
    """The search form, the results region and, for readers without JavaScript, the lists."""
    home = r.url_of(PageRef("home"))
    return r.render(
        "search.html",
        index=relative(r.page_url, home + INDEX),
        root=relative(r.page_url, home) or "./",
        script=relative(r.page_url, SCRIPT),
        browse=[(r.page(kind, subject=None), r.ui(f"pages.{kind}.title")) for kind in BROWSE],
    )
