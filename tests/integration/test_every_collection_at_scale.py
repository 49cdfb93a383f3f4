"""Issue 10, item 1, as a real build: a folder in which every collection is at 100x its
scale-1 size, all of it on one body (the worst shape for that body's pages), built with
`mkdocs build --strict` like the public site. No HTML page is over 1 MB, no page's JSON-LD
is over 200 KB, and every record's permalink, in each language, names a page that carries
the record's anchor (every link to a record is made by the same `Renderer.permalink` /
`locate`; every link and anchor of a whole built site is checked on the 10x site by
tests/quality/test_scale_gates.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import build_site, make_context
from opencommittee.derive.context import BuildContext
from opencommittee.devtools import synthetic
from opencommittee.devtools.synthetic_spec import SCALE_1, Spec
from opencommittee.quality.pages import html_pages
from opencommittee.render.renderer import Renderer

pytestmark = pytest.mark.slow

SCALE = 100
PAGE_LIMIT = 1024 * 1024
JSONLD_LIMIT = 200 * 1024
# The address the site is built for (nothing is served: the files are read).
SITE_URL = "http://127.0.0.1:8000/every/"
# The ids of a page, read with a regex rather than quality.links.parse (HTMLParser): the
# whole link check, which parses every page that way, took 165 s on this site's 10,823
# pages; the templates write every id attribute double-quoted.
ID = re.compile(r'\sid="([^"]+)"')
GROWN = ("sources", "organizations", "people", "documents", "memberships", "mandate", "events",
         "plans", "tasks", "indicators", "updates")
JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def hundredfold() -> dict[str, float]:
    """Per-collection factors that bring every collection to 100x its scale-1 count."""
    spec = Spec(SCALE, committees=1)
    return {name: SCALE * SCALE_1[name] / spec.count(name) for name in ("organizations", "plans", "mandate")}


@pytest.fixture(scope="module")
def every(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildContext]:
    root = tmp_path_factory.mktemp("every100-built")
    data = root / "data"
    counts = synthetic.write(data, scale=SCALE, committees=1, scales=hundredfold())
    for name in GROWN:
        assert counts[name] >= SCALE * SCALE_1[name] * 0.95, (name, counts[name], SCALE * SCALE_1[name])
    site = root / "site"
    result = build_site(site, data, env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr[-3000:]
    # The same data and settings as the build (as of its SOURCE_DATE_EPOCH), for permalinks.
    return site, make_context(data, site_url=SITE_URL)


def test_no_html_page_is_over_1_mb(every: tuple[Path, BuildContext]) -> None:
    site, _ = every
    pages = html_pages(site)
    assert len(pages) > 2000, len(pages)
    sizes = sorted((page.stat().st_size, page.relative_to(site).as_posix()) for page in pages)
    assert sizes[-1][0] <= PAGE_LIMIT, sizes[-5:]
    # The lists that grew are paged, not one long page: continuation pages exist for each.
    for folder in ("plan", "committee", "documents", "sources", "members", "events"):
        assert (site / folder / "2" / "index.html").is_file(), folder


def test_json_ld_is_bounded_on_every_page(every: tuple[Path, BuildContext]) -> None:
    site, _ = every
    largest = (0, "")
    for page in html_pages(site):
        for block in JSONLD.findall(page.read_text(encoding="utf-8")):
            largest = max(largest, (len(block.encode("utf-8")), page.relative_to(site).as_posix()))
    assert 0 < largest[0] <= JSONLD_LIMIT, largest


def test_every_record_permalink_lands_on_its_anchor(every: tuple[Path, BuildContext]) -> None:
    site, context = every
    ids_of: dict[Path, set[str]] = {}
    checked, broken = 0, []
    for lang in context.settings.languages:
        r = Renderer(context, lang)
        for record_id, (kind, _) in context.dataset.index.items():
            if kind == "site":
                continue  # the site's own settings: no page of its own
            url = r.permalink(record_id)
            assert url.startswith(SITE_URL), url
            path, _, anchor = url[len(SITE_URL):].partition("#")
            page = site / path / "index.html"
            if page not in ids_of:
                ids_of[page] = set(ID.findall(page.read_text(encoding="utf-8"))) if page.is_file() else set()
            if not page.is_file() or (anchor and anchor not in ids_of[page]):
                broken.append(url)
            checked += 1
    assert checked >= 2 * 30_000, checked
    assert not broken, broken[:40]
