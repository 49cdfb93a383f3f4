"""The pages MkDocs does not find in docs/: each body's pages (`committees/<id>/...`), a
page per person, organization and year, and the numbered pages of long lists.

Each is a copy of a Markdown page of macro calls (a docs/ page, or one of
`docs/_templates/`, which the build excludes), kept out of the navigation; its macros
know from its URL which body, subject and slice of the list to show.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, InclusionLevel

from ..derive.routes import PAGES, SCOPED, SUBJECT_FOLDERS, PageRef, Router, lang_root
from .build import build_of
from .settings import current_language, default_language, languages

TEMPLATES = "_templates"


def pages_to_add(layout: Any, router: Router) -> list[PageRef]:
    """Every page the build adds: all pages of the bodies and subjects, and the pages
    after the first of the site's own long lists."""
    found = []
    for (kind, subject), chunks in layout.pages.items():
        subject = router.subject(kind, subject) if kind in SCOPED else subject
        first = 1 if subject is not None else 2
        found += [PageRef(kind, subject, number) for number in range(first, len(chunks) + 1)]
    return sorted(found, key=lambda ref: (ref.kind, ref.subject or "", ref.number))


def add_pages(files: Any, config: Any) -> Any:
    """Add the generated pages for the language being built.

    Run after mkdocs-static-i18n's on_files: each page carries the language alternates
    the i18n plugin gives its own files (language switcher, sitemap).
    """
    current = current_language(config)
    default = default_language(config)
    langs = languages(config)
    context = build_of(config).context
    router = context.router
    by_url = {f.url: f for f in files.documentation_pages()}
    templates = Path(config["docs_dir"]) / TEMPLATES
    sources: dict[str, str | None] = {}
    plugin = config["plugins"].get("i18n")
    added = []
    for ref in pages_to_add(context.layout, router):
        if ref.kind not in sources:
            sources[ref.kind] = _source(ref.kind, by_url, lang_root(current, default), templates)
        content = sources[ref.kind]
        if content is None:
            continue
        stem = router.path(ref).rstrip("/")
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


# The Markdown a page kind is made from: its docs/ page, or its template.
def _source(kind: str, by_url: dict[str, Any], root: str, templates: Path) -> str | None:
    if kind in SUBJECT_FOLDERS:
        template = templates / f"{kind}.md"
        return template.read_text(encoding="utf-8") if template.is_file() else None
    base = PAGES.get(kind)
    page = by_url.get(root + base) if base else None
    return page.content_string if page is not None else None
