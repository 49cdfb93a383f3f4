"""MkDocs hooks: validate before building; after building, post-process outputs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from opencommittee import search
from opencommittee.__main__ import default_lang
from opencommittee.mkdocs_glue import (
    add_list_pages,
    dataset_for,
    default_language,
    is_final_pass,
    languages,
)
from opencommittee.problems import DataError


# Fail the build, before any page is rendered, with every data problem.
def on_config(config: Any) -> Any:
    try:
        dataset_for(config)
    except DataError as err:
        raise Abort("\n" + err.report(default_lang())) from None
    return config


# Pages of a non-default language search their own language's index.
def on_post_page(output: str, page: Any, config: Any) -> str:
    lang = config["theme"]["language"]
    if lang == default_language(config):
        return output
    return search.scope_page_config(output, lang_prefix_depth=1)


# Numbered pages of long lists (members/2/, ...), after mkdocs-static-i18n (priority -100).
@event_priority(-150)
def on_files(files: Any, config: Any) -> Any:
    return add_list_pages(files, config)


# After every language is built (i18n's outer pass): per-language folded search indexes.
@event_priority(-200)
def on_post_build(config: Any) -> None:
    if not is_final_pass(config):
        return
    site_dir = Path(config["site_dir"])
    search.write_indexes(site_dir, languages(config), default_language(config))
