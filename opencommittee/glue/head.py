"""Page heads (feeds, JSON-LD, Open Graph) and "cite this" blocks, for the hooks."""

from __future__ import annotations

from html import unescape
from typing import Any

from ..derive.routes import RECORD_PAGES
from ..render.blocks.cite import cite
from .build import build_of
from .settings import current_language


def head_context(context: dict[str, Any], page: Any, config: Any) -> dict[str, Any]:
    """on_page_context: `oc_head` (feeds, JSON-LD, Open Graph) for partials/oc-head.html."""
    build = build_of(config)
    url = page.url if page is not None else ""
    r = build.renderer(current_language(config), url)
    # Page titles and the site name reach us as escaped HTML text; the head template
    # escapes what it is given, so it gets plain text.
    site_name = r.site_title
    title = unescape(page.title) if page is not None and page.title else site_name
    full_title = title if title == site_name else f"{title} — {site_name}"
    key = r.ref.kind
    summary_key = f"pages.{key.replace('-', '_')}.summary" if key else None
    try:
        description = r.ui(summary_key) if summary_key else r.site_description
    except KeyError:
        description = r.site_description
    context["oc_search"] = {
        "action": r.page("search", subject=None),
        "label": r.ui("search.label"),
        "placeholder": r.ui("search.placeholder"),
        "button": r.ui("search.button"),
    }
    context["oc_head"] = build.publication.head(r.lang, url, full_title, site_name, description)
    return context


def cite_block(html: str, page: Any, config: Any) -> str:
    """on_page_content: a "cite this" block at the end of every page that lists records."""
    build = build_of(config)
    r = build.renderer(current_language(config), page.url)
    if r.ref.kind not in RECORD_PAGES:
        return html
    return html + "\n" + str(cite(r, build.publication.cite(r), title=unescape(page.title) if page.title else None))
