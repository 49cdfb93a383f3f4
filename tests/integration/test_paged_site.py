"""Paging: records are anchors on numbered list pages, and every link finds its record."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from conftest import Served, build_site
from opencommittee.devtools.synthetic import write
from opencommittee.model.loader import load_dataset

LANG_ROOTS = {"vi": "/", "en": "/en/"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(str(values["id"]))
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))


# url path (/en/members/2/) -> parsed page, for every HTML file of a built site.
def _pages(site: Path) -> dict[str, _Page]:
    pages = {}
    for file in site.rglob("*.html"):
        rel = file.relative_to(site).as_posix()
        url = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        page = _Page()
        page.feed(file.read_text(encoding="utf-8"))
        pages[url] = page
    return pages


def _lang_of(url: str) -> str:
    return "en" if url.startswith("/en/") else "vi"


def _broken_links(site: Path, pages: dict[str, _Page]) -> list[tuple[str, str]]:
    broken = []
    for url, page in pages.items():
        for href in page.links:
            target = urlparse(urljoin(f"http://site{url}", href))
            if target.netloc != "site":
                continue
            path = unquote(target.path)
            found = pages.get(path)
            if found is None:
                if not (site / path.lstrip("/")).exists():
                    broken.append((url, href))
                continue
            if target.fragment and unquote(target.fragment) not in found.ids:
                broken.append((url, href))
    return broken


# --- a built site ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("paging")
    write(base / "data", scale=1)
    site = base / "site"
    result = build_site(site, base / "data", env={"SITE_PAGE_SIZE": "4", "SITE_AS_OF": "2025-06-30"})
    assert result.returncode == 0, result.stderr[-3000:]
    return site, base / "data"


def test_every_record_is_on_exactly_one_page_per_language(small_site: tuple[Path, Path]) -> None:
    site, data = small_site
    dataset = load_dataset(data)
    pages = _pages(site)
    numbered = [u for u in pages if re.search(r"/(members|documents|events|sources)/\d+/$", u)]
    assert any(u.startswith("/members/") for u in numbered) and any(u.startswith("/en/") for u in numbered)
    for lang in LANG_ROOTS:
        counts = Counter(i for url, page in pages.items() if _lang_of(url) == lang for i in page.ids)
        missing = [rid for rid in dataset.index if counts[rid] == 0]
        repeated = [rid for rid in dataset.index if counts[rid] > 1]
        assert not missing, (lang, missing[:10])
        assert not repeated, (lang, repeated[:10])


def test_every_internal_link_and_anchor_resolves(small_site: tuple[Path, Path]) -> None:
    site, _data = small_site
    pages = _pages(site)
    assert _broken_links(site, pages) == []


def test_numbered_pages_have_a_pager_and_stay_out_of_the_nav(small_site: tuple[Path, Path]) -> None:
    site, _data = small_site
    page2 = (site / "members" / "2" / "index.html").read_text(encoding="utf-8")
    assert 'class="oc-pager"' in page2 and 'rel="prev"' in page2
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "members/2/" not in home
    # The language switcher of a numbered page lands on the same numbered page.
    en2 = (site / "en" / "members" / "2" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'hreflang="vi"[^>]*href="[^"]*members/2/"|href="[^"]*members/2/"[^>]*hreflang="vi"', en2)


def test_10x_site_builds_strict_with_no_page_over_1_mb(synthetic10_site: Served) -> None:
    site = synthetic10_site.dir
    sizes = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html")}
    assert len(sizes) > 50
    too_big = {k: v for k, v in sizes.items() if v > 1024 * 1024}
    assert not too_big
