"""Issue 13, item 1, in Chromium: every text of every chart renders at 12 CSS px or more
(computed font size times the SVG's scale, from its screen transform) at 360 and 1280 px,
on the plan pages of a 10x synthetic site and on the members page's seats timeline; a line
chart shows its narrow layout on the phone and its wide one on the laptop, never both."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import Served
from opencommittee.quality.browser import chart_text_sizes

pytestmark = pytest.mark.browser

MIN_PX = 12


def _measure(chromium: Any, urls: list[str], width: int) -> tuple[list[dict], list[str]]:
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    sizes: list[dict] = []
    both: list[str] = []
    try:
        for url in urls:
            page.goto(url, wait_until="load")
            sizes += [{**s, "url": url} for s in chart_text_sizes(page)]
            shown = page.evaluate("""() => Array.from(document.querySelectorAll('.oc-chart-line')).map(c =>
                [c.id, Array.from(c.querySelectorAll('svg')).filter(s => s.getBoundingClientRect().width > 0)
                    .map(s => s.getAttribute('class'))])""")
            both += [f"{url} #{cid}: {variants}" for cid, variants in shown
                     if variants != (["oc-chart-narrow"] if width < 600 else ["oc-chart-wide"])]
    finally:
        context.close()
    return sizes, both


@pytest.mark.parametrize("width", [360, 1280])
def test_chart_text_is_at_least_12_px(chromium: Any, synthetic10_site: Served, site: Served, width: int) -> None:
    # The plan pages with the most charts (both languages), and the seats timelines.
    plan_pages = sorted(synthetic10_site.dir.glob("**/plan/**/index.html"),
                        key=lambda p: (-p.read_text(encoding="utf-8").count('<svg role="img"'), p.as_posix()))[:12]
    urls = [synthetic10_site.url + p.parent.relative_to(synthetic10_site.dir).as_posix() + "/" for p in plan_pages]
    urls += [site.url + "members/", site.url + "en/members/"]
    sizes, both = _measure(chromium, urls, width)
    charts = {(s["url"], s["chart"]) for s in sizes}
    assert len(charts) >= 6, charts  # status, due year, progress over time, indicators, seats
    assert any("members" in u for u, _c in charts)
    smallest = min(sizes, key=lambda s: s["px"])
    print(f"\n{width} px: {len(sizes)} chart texts on {len(urls)} pages, smallest {smallest['px']} px ({smallest['text']!r} in #{smallest['chart']})")
    small = [f"{s['url']} #{s['chart']}: {s['text']!r} at {s['px']} px" for s in sizes if s["px"] < MIN_PX]
    assert not small, "\n".join(small[:30])
    assert not both, "\n".join(both[:30])
