"""MkDocs hooks: validate before building; after building, post-process outputs."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from opencommittee import csp, search, sitemaps
from opencommittee.__main__ import default_lang
from opencommittee.locale import messages
from opencommittee.mkdocs_glue import (
    add_list_pages,
    dataset_for,
    default_language,
    is_final_pass,
    keep_last_good,
    languages,
    pin_version,
)
from opencommittee.problems import DataError
from opencommittee.publish import cite_block, head_context, publication, register_config
from opencommittee.quality import links


# Fail the build, before any page is rendered, with every data problem.
def on_config(config: Any) -> Any:
    pin_version(config)
    try:
        dataset_for(config)
    except DataError as err:
        report = err.report(default_lang())
        # `mkdocs serve` (make serve): print the problems and keep serving the last valid
        # data, so a mistake in a saved file never stops the server. `mkdocs build` fails.
        if _COMMAND["name"] == "serve" and keep_last_good(config):
            notice = messages(default_lang())["serve_last_good"]["message"]
            print(f"\n{report}\n{notice}", file=sys.stderr, flush=True)
        else:
            raise Abort("\n" + report) from None
    # Site settings for the generated files (downloads, feeds, citations, head metadata).
    register_config(config)
    return config


# Feed links, schema.org JSON-LD and Open Graph for partials/oc-head.html.
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    return head_context(context, page, config)


# A "cite this" block (permalink, data version, date) at the end of every record page;
# an id defined twice on a page (a record id equal to a heading anchor) fails --strict.
def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    for value in links.duplicate_ids(html):
        _log.warning(
            "%s: id '%s' is used twice on this page (a record id in data/ equal to a heading "
            "anchor or to another record); rename the record id", page.file.src_uri, value,
        )
    return cite_block(html, page, config)


_log = logging.getLogger("mkdocs.hooks.opencommittee")
# `mkdocs serve` (its live-reload script is inline) and OC_NO_CSP=1 leave the CSP out.
_COMMAND = {"name": "build"}


def on_startup(command: str, dirty: bool) -> None:
    _COMMAND["name"] = command


def with_csp(output: str, where: str) -> str:
    """The published page with its CSP <meta>; an unknown inline script fails --strict."""
    if _COMMAND["name"] == "serve" or os.environ.get("OC_NO_CSP"):
        return output
    output, unknown = csp.add_meta(output)
    for body in unknown:
        _log.warning("%s: inline script not from the theme, blocked by the CSP: %.80r", where, body)
    return output


# Pages of a non-default language search their own language's index; every page gets a CSP.
def on_post_page(output: str, page: Any, config: Any) -> str:
    lang = config["theme"]["language"]
    if lang != default_language(config):
        output = search.scope_page_config(output, lang_prefix_depth=1)
    return with_csp(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    return with_csp(output_content, template_name) if template_name.endswith(".html") else output_content


# `make bench` only (OC_DUMP_MARKDOWN=dir): keep each page's Markdown as the macros
# rendered it, to time the same pages built without the data layer.
@event_priority(-200)
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    target = os.environ.get("OC_DUMP_MARKDOWN")
    if target:
        from opencommittee.bench import dump_markdown

        dump_markdown(Path(target), markdown, page, config)
    return markdown


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
    # en/sitemap.xml: Material fetches one beside each rel=alternate link (feeds included).
    sitemaps.write_language_sitemaps(site_dir, config.get("site_url") or "", languages(config), default_language(config))
    # Downloads (JSON, schema, CSV, Popolo), Atom feeds and calendars of every language.
    publication(dataset_for(config)).write(site_dir)
