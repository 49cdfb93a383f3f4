"""The only module that knows MkDocs: data folder, cached dataset, per-page renderer."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .asof import resolve_as_of
from .dataset import Dataset, load_dataset
from .models import DEFAULT_LANG
from .paging import layout, page_path, page_size_from
from .render import Renderer
from .routes import PAGES, lang_root

_CACHE: dict[tuple[str, tuple[tuple[str, float], ...]], Dataset] = {}


def data_dir(config: Any) -> Path:
    """The data folder: `extra.data_dir` in mkdocs.yml (SITE_DATA_DIR overrides it)."""
    configured = os.environ.get("SITE_DATA_DIR") or config["extra"].get("data_dir", "data")
    path = Path(configured)
    return path if path.is_absolute() else Path(config["config_file_path"]).parent / path


def shown_data_dir(config: Any) -> str:
    """The data folder as editors know it (relative to mkdocs.yml when inside it)."""
    path = data_dir(config)
    try:
        return str(path.relative_to(Path(config["config_file_path"]).parent))
    except ValueError:
        return str(path)


# The last dataset that validated, per data folder (kept while `mkdocs serve` runs).
_LAST_GOOD: dict[str, Dataset] = {}


# Cache key: the data folder and the names and modification times of its files.
def _version(config: Any) -> tuple[str, tuple[tuple[str, float], ...]]:
    folder = data_dir(config)
    stamp = tuple(sorted((p.name, p.stat().st_mtime) for p in folder.glob("*"))) if folder.is_dir() else ()
    return str(folder), stamp


# The data folder's version pinned for the config object of the build under way
# (set by the on_config hook), so that each of a build's many macro calls does not
# stat every data file again.
_PINNED: dict[int, tuple[str, tuple[tuple[str, float], ...]]] = {}


def pin_version(config: Any) -> None:
    """Read the data folder's version once for this build (on_config)."""
    _PINNED.clear()
    _PINNED[id(config)] = _version(config)


def dataset_for(config: Any) -> Dataset:
    """Load (once per content version) and validate the dataset; raises DataError."""
    key = _PINNED.get(id(config)) or _version(config)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = load_dataset(data_dir(config), shown_as=shown_data_dir(config))
        _LAST_GOOD[key[0]] = _CACHE[key]
    return _CACHE[key]


def keep_last_good(config: Any) -> bool:
    """While serving: use the last valid data for the current, invalid, version of the
    folder, so the server keeps running. False when no version of it was ever valid."""
    key = _version(config)
    last = _LAST_GOOD.get(key[0])
    if last is None:
        return False
    _CACHE.clear()
    _CACHE[key] = last
    return True


def default_language(config: Any) -> str:
    """The default language: the i18n plugin's default, else the data model's."""
    plugin = config["plugins"].get("i18n") if "plugins" in config else None
    return getattr(plugin, "default_language", None) or DEFAULT_LANG


def renderer_for(env: Any) -> Renderer:
    """A renderer for the page being built by mkdocs-macros (language from the theme)."""
    config = env.conf
    page = env.page
    return Renderer(
        dataset=dataset_for(config),
        lang=config["theme"]["language"],
        as_of=resolve_as_of(),
        page_url=page.url if page is not None else "",
        default_lang=default_language(config),
        site_url=config.get("site_url") or "",
        page_size=page_size_from(config),
        extra=dict(config.get("extra") or {}),
    )


def add_list_pages(files: Any, config: Any) -> Any:
    """Add the numbered pages of long lists (members/2/, ...) for the language being built.

    Run after mkdocs-static-i18n's on_files: each page is a copy of the list's Markdown
    page (its macros pick their slice from the URL), not in the navigation, with the
    language alternates the i18n plugin gives its own files (language switcher, sitemap).
    """
    from mkdocs.structure.files import File, InclusionLevel

    current = config["theme"]["language"]
    default = default_language(config)
    langs = languages(config)
    pages = layout(dataset_for(config), resolve_as_of(), page_size_from(config))
    by_url = {f.url: f for f in files.documentation_pages()}
    plugin = config["plugins"].get("i18n")
    added = []
    for key in sorted(pages.pages):
        source = by_url.get(lang_root(current, default) + PAGES[key]) if PAGES[key] else None
        if source is None:
            continue
        content = source.content_string
        for number in range(2, pages.count(key) + 1):
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


def languages(config: Any) -> list[str]:
    """Languages built, default first (from the i18n plugin; the default alone without it)."""
    plugin = config["plugins"].get("i18n")
    if plugin is None:
        return [default_language(config)]
    built = [lang.locale for lang in plugin.config.languages if lang.build]
    default = default_language(config)
    return [default] + [lang for lang in built if lang != default]


def is_final_pass(config: Any) -> bool:
    """True in the outer build once every language has been built (i18n runs nested builds)."""
    plugin = config["plugins"].get("i18n")
    return plugin is None or not getattr(plugin, "building", False)
