"""`make bench` only (OC_DUMP_MARKDOWN=dir): keep each page's Markdown as the macros
rendered it, so the benchmark can time the same pages built without the data layer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..derive.routes import strip_lang
from .settings import current_language, default_language


def dump_markdown(target: Path, markdown: str, page: Any, config: Any) -> None:
    """Write a page's rendered Markdown where the i18n suffix layout expects it."""
    lang = current_language(config)
    default = default_language(config)
    stem = strip_lang(page.url, lang, default).rstrip("/") or "index"
    name = f"{stem}.md" if lang == default else f"{stem}.{lang}.md"
    path = target / name
    path.parent.mkdir(parents=True, exist_ok=True)
    front = ""
    if page.meta:
        front = "---\n" + yaml.safe_dump({k: str(v) if isinstance(v, str) else v for k, v in page.meta.items()}, allow_unicode=True) + "---\n\n"
    path.write_text(front + markdown, encoding="utf-8")
