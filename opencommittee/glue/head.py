"""Page heads (feeds, JSON-LD, Open Graph) and "cite this" blocks, for the hooks."""

from __future__ import annotations

from typing import Any

from ..derive.routes import is_record_page, page_key
from ..render.blocks.cite import cite
from .build import build_of
from .settings import current_language


def head_context(context: dict[str, Any], page: Any, config: Any) -> dict[str, Any]:
    """on_page_context: `oc_head` (feeds, JSON-LD, Open Graph) for partials/oc-head.html."""
    build = build_of(config)
    url = page.url if page is not None else ""
    r = build.renderer(current_language(config), url)
    title = page.title if page is not None and page.title else config["site_name"]
    full_title = title if title == config["site_name"] else f"{title} — {config['site_name']}"
    key = page_key(r.path)
    summary_key = f"pages.{key.replace('-', '_')}.summary" if key else None
    try:
        description = r.ui(summary_key) if summary_key else (config.get("site_description") or "")
    except KeyError:
        description = config.get("site_description") or ""
    context["oc_head"] = build.publication.head(r.lang, url, full_title, config["site_name"], description)
    return context


def cite_block(html: str, page: Any, config: Any) -> str:
    """on_page_content: a "cite this" block at the end of every page that lists records."""
    build = build_of(config)
    r = build.renderer(current_language(config), page.url)
    if not is_record_page(r.path):
        return html
    return html + "\n" + str(cite(r, build.publication.cite(r), title=page.title))
