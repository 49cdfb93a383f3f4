"""Issue 13, item 3, in Chromium: every table on every page of the embedded site (and on
the 16 pages with the most tables of a 10x synthetic site) has the same style (collapsed borders,
cell borders and padding, header background) and fits a 360 px screen: no table is wider
than its column, nothing scrolls sideways."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import Served, page_urls
from opencommittee.quality.pages import html_pages, url_path

pytestmark = pytest.mark.browser

_TABLES = """() => Array.from(document.querySelectorAll('main table')).map(t => {
    const cell = t.querySelector('td, th'), head = t.querySelector('thead th');
    const s = getComputedStyle(t), c = getComputedStyle(cell);
    return {cls: t.className, wide: Math.round(t.getBoundingClientRect().width - t.parentElement.getBoundingClientRect().width),
            style: [s.display, s.borderCollapse, c.borderTopStyle, c.borderTopWidth, c.paddingLeft, c.textAlign,
                    head ? getComputedStyle(head).backgroundColor : 'no-head']};
})"""


def _tables(chromium: Any, urls: list[str]) -> list[dict]:
    context = chromium.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    found: list[dict] = []
    try:
        for url in urls:
            page.goto(url, wait_until="load")
            # Tables in closed <details> have no layout: open them all first.
            page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
            overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
            found += [{**t, "url": url, "overflow": overflow} for t in page.evaluate(_TABLES)]
    finally:
        context.close()
    return found


def test_one_table_style_that_fits_360(chromium: Any, site: Served, synthetic10_site: Served) -> None:
    urls = page_urls(site)
    # The synthetic pages with the most tables (plan dashboards and records, members...).
    pages = sorted(html_pages(synthetic10_site.dir), key=lambda p: (-p.read_text(encoding="utf-8").count("<table"), p.as_posix()))
    urls += [synthetic10_site.origin + url_path(synthetic10_site.dir, p, synthetic10_site.prefix) for p in pages[:16]]
    tables = _tables(chromium, urls)
    assert len({t["cls"] for t in tables}) >= 5, {t["cls"] for t in tables}  # counts, weights, members, downloads...
    styles = {tuple(t["style"]) for t in tables if t["style"][-1] != "no-head"}
    assert len(styles) == 1, styles
    assert {tuple(t["style"][:-1]) for t in tables} == {next(iter(styles))[:-1]}
    wide = [f"{t['url']}: table.{t['cls']} {t['wide']} px too wide" for t in tables if t["wide"] > 0]
    wide += sorted({f"{t['url']}: page scrolls {t['overflow']} px sideways" for t in tables if t["overflow"] > 0})
    assert not wide, "\n".join(wide[:30])
