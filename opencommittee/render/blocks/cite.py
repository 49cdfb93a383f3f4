"""The "cite this page" block at the end of every page that lists records."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..renderer import Renderer
from .common import page_title


# Permalink, data version (commit) and date, in the page's language; `info` comes from
# the publication (publish.publication.Publication.cite).
def cite(r: Renderer, info: dict[str, Any], title: str | None = None) -> Markup:
    if title is None:
        title = page_title(r)
    return r.render("cite.html", c=info, title=title)
