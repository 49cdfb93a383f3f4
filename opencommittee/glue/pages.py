"""The numbered pages of long lists (members/2/, ...), added to MkDocs' files."""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, InclusionLevel

from ..derive.routes import PAGES, lang_root, page_path
from .build import build_of
from .settings import current_language, default_language, languages


def add_list_pages(files: Any, config: Any) -> Any:
    """Add the numbered pages of long lists for the language being built.

    Run after mkdocs-static-i18n's on_files: each page is a copy of the list's Markdown
    page (its macros pick their slice from the URL), not in the navigation, with the
    language alternates the i18n plugin gives its own files (language switcher, sitemap).
    """
    current = current_language(config)
    default = default_language(config)
    langs = languages(config)
    layout = build_of(config).context.layout
    by_url = {f.url: f for f in files.documentation_pages()}
    plugin = config["plugins"].get("i18n")
    added = []
    for key in sorted(layout.pages):
        source = by_url.get(lang_root(current, default) + PAGES[key]) if PAGES[key] else None
        if source is None:
            continue
        content = source.content_string
        for number in range(2, layout.count(key) + 1):
            stem = page_path(key, number).rstrip("/")
            made = {
                lang: File.generated(config, f"{lang_root(lang, default)}{stem}.md", content=content, inclusion=InclusionLevel.NOT_IN_NAV)
                for lang in langs
            }
            file = made[current]
            # The attributes mkdocs-static-i18n gives the files it handles.
            for name, value in (("locale", current), ("localization", None), ("locale_alternate_of", current),
                                ("norm_src_uri", f"{stem}.md"), ("alternates", made)):
                setattr(file, name, value)
            files.append(file)
            added.append(file)
    if plugin is not None and hasattr(plugin, "i18n_files_per_language"):
        plugin.i18n_files_per_language.setdefault(current, []).extend(added)
    return files
