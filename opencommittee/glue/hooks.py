"""MkDocs hooks (`hooks:` in mkdocs.yml): validate before building; after building,
write everything besides the pages.

MkDocs loads this module once per process and treats it as a plugin, so `PREVIEW`, the
last valid dataset of `mkdocs serve`, lives as long as the server. Everything else is
the `Build` kept on the config object (see `build.py`).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from opencommittee.glue import build as builds
from opencommittee.glue.dump import dump_markdown
from opencommittee.glue.head import cite_block, head_context
from opencommittee.glue.pages import add_pages
from opencommittee.glue.settings import current_language, default_language, is_final_pass, languages
from opencommittee.load.catalogs import message_language, messages
from opencommittee.load.problems import DataError
from opencommittee.publish import sitemaps
from opencommittee.render.blocks.common import page_title, serve_problems
from opencommittee.render.ids import duplicate_ids

_log = logging.getLogger("mkdocs.hooks.opencommittee")
PREVIEW = builds.Preview()
# `mkdocs serve` (its live-reload script is inline) and OC_NO_CSP=1 leave the CSP out.
_COMMAND = {"name": "build"}


def on_startup(command: str, dirty: bool) -> None:
    _COMMAND["name"] = command


# Fail the build, before any page is rendered, with every data problem; then name the
# site from its data, in the language being built (after mkdocs-static-i18n, -100, has
# set up that language).
@event_priority(-110)
def on_config(config: Any) -> Any:
    try:
        PREVIEW.remember(builds.start(config))
    except DataError as err:
        report = err.report(message_language())
        # `mkdocs serve` (make serve): print the problems and keep serving the last valid
        # data, so a mistake in a saved file never stops the server. `mkdocs build` fails.
        last = PREVIEW.fallback(config) if _COMMAND["name"] == "serve" else None
        if last is None:
            raise Abort("\n" + report) from None
        builds.start(config, fallback=last).problems = list(err.problems)
        notice = messages(message_language())["serve_last_good"]["message"]
        print(f"\n{report}\n{notice}", file=sys.stderr, flush=True)
    builds.name_site(config)
    return config


# Every language pass gets a new theme environment: its templates are compiled once a build.
def on_env(env: Any, config: Any, files: Any) -> Any:
    env.bytecode_cache = builds.build_of(config).theme_codes
    return env


# Feed links, schema.org JSON-LD and Open Graph for partials/oc-head.html.
def on_page_context(context: Any, page: Any, config: Any, nav: Any) -> Any:
    return head_context(context, page, config)


# A "cite this" block (permalink, data version, date) at the end of every record page
# (and, in a preview whose data is invalid, the problems at the top of every page);
# an id defined twice on a page (a record id equal to a heading anchor) fails --strict.
def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    build = builds.build_of(config)
    html = build.fill(current_language(config), page.url, html)
    if build.problems:  # `mkdocs serve` with invalid data: say so at the top of every page
        r = build.renderer(current_language(config), page.url)
        html = str(serve_problems(r, build.problems)) + "\n" + html
    for value in duplicate_ids(html):
        _log.warning(
            "%s: id '%s' is used twice on this page (a record id in data/ equal to a heading "
            "anchor or to another record); rename the record id", page.file.src_uri, value,
        )
    return cite_block(html, page, config)


def with_csp(output: str, where: str, config: Any) -> str:
    """The published page with its CSP <meta>; an unknown inline script fails --strict."""
    if _COMMAND["name"] == "serve" or os.environ.get("OC_NO_CSP"):
        return output
    output, unknown = builds.build_of(config).policy.add_meta(output)
    for body in unknown:
        _log.warning("%s: inline script not from the theme, blocked by the CSP: %.80r", where, body)
    return output


# Every page gets a CSP. Once its output is made, the page's Markdown and HTML are
# dropped: MkDocs keeps every page object until the end of the build (for the anchor
# checks, which use the ids collected earlier), and at 100x those texts were most of
# the build's memory.
def on_post_page(output: str, page: Any, config: Any) -> str:
    page.markdown = None
    page.content = None
    return with_csp(output, page.file.src_uri, config)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    return with_csp(output_content, template_name, config) if template_name.endswith(".html") else output_content


# After the macros: the page's title (its <title>, header and switcher) is set from the
# data as escaped text (Markup, so that a theme's `|e` does not escape it twice), since
# themes print it as it is. `make bench` only
# (OC_DUMP_MARKDOWN=dir): keep each page's Markdown as rendered.
@event_priority(-200)
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    page.meta["title"] = escape(page_title(builds.build_of(config).renderer(current_language(config), page.url)))
    target = os.environ.get("OC_DUMP_MARKDOWN")
    if target:
        filled = builds.build_of(config).fill(current_language(config), page.url, markdown, keep=True)
        dump_markdown(Path(target), filled, page, config)
    return markdown


# Body, person, organization and year pages, and the numbered pages of long lists,
# after mkdocs-static-i18n (priority -100).
@event_priority(-150)
def on_files(files: Any, config: Any) -> Any:
    return add_pages(files, config)


# After every language is built (i18n's outer pass): language sitemaps, downloads, feeds
# and the search indexes.
@event_priority(-200)
def on_post_build(config: Any) -> None:
    if not is_final_pass(config):
        return
    site_dir = Path(config["site_dir"])
    # Sitemap indexes (Material fetches one beside each rel=alternate link) and their parts.
    sitemaps.write_sitemaps(site_dir, config.get("site_url") or "", languages(config), default_language(config))
    builds.build_of(config).publication.write(site_dir)
