"""Site settings read from the MkDocs config (and the environment that overrides it)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..derive.context import Settings
from ..derive.paging import DEFAULT_PAGE_SIZE
from ..derive.progress import STALE_AFTER_DAYS
from ..load.clock import resolve_as_of
from ..model.records import DEFAULT_LANG


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


def default_language(config: Any) -> str:
    """The default language: the i18n plugin's default, else the data model's."""
    plugin = config["plugins"].get("i18n") if "plugins" in config else None
    return getattr(plugin, "default_language", None) or DEFAULT_LANG


def languages(config: Any) -> list[str]:
    """Languages built, default first (from the i18n plugin; the default alone without it)."""
    plugin = config["plugins"].get("i18n")
    if plugin is None:
        return [default_language(config)]
    built = [lang.locale for lang in plugin.config.languages if lang.build]
    default = default_language(config)
    return [default] + [lang for lang in built if lang != default]


def current_language(config: Any) -> str:
    """The language being built (mkdocs-static-i18n sets the theme's language per pass)."""
    return str(config["theme"]["language"])


def is_final_pass(config: Any) -> bool:
    """True in the outer build once every language has been built (i18n runs nested builds)."""
    plugin = config["plugins"].get("i18n")
    return plugin is None or not getattr(plugin, "building", False)


def page_size_from(config: Any) -> int:
    """The configured page size: SITE_PAGE_SIZE, else extra.page_size, else the default."""
    value = os.environ.get("SITE_PAGE_SIZE") or (config.get("extra") or {}).get("page_size")
    return max(1, int(value)) if value else DEFAULT_PAGE_SIZE


def settings_from(config: Any) -> Settings:
    """Everything a build context needs from the config: date, languages, address, paging."""
    extra = dict(config.get("extra") or {})
    return Settings(
        as_of=resolve_as_of(),
        default_lang=default_language(config),
        languages=tuple(languages(config)),
        site_url=config.get("site_url") or "",
        page_size=page_size_from(config),
        stale_after_days=int(extra.get("stale_after_days", STALE_AFTER_DAYS)),
        extra=extra,
    )
