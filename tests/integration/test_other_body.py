"""Any body from its data alone (issue 12, item 1): a council of a fictional province
(tests/fixtures/council) builds a site that names it, and nothing of the embedded
committee: no "Lạng Sơn", "education", "giáo dục" or "Ban chỉ đạo" in any page or feed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FIXTURES, build_site

BANNED = re.compile(r"lạng sơn|lang son|education|giáo dục|đào tạo|ban chỉ đạo|gd&(amp;)?đt", re.I)


@pytest.fixture(scope="module")
def council_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("council") / "site"
    result = build_site(site, FIXTURES / "council", env={"SITE_AS_OF": "2025-06-30"})
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def test_no_page_or_feed_names_the_embedded_committee(council_site: Path) -> None:
    files = [p for p in council_site.rglob("*") if p.suffix in (".html", ".xml", ".ics")]
    assert len(files) > 30
    found = {p.relative_to(council_site).as_posix(): BANNED.findall(p.read_text(encoding="utf-8")) for p in files}
    assert not {k: v for k, v in found.items() if v}


@pytest.mark.parametrize(("lang", "name", "kind"), [
    ("", "Hội đồng Thẩm định giá đất", "Hội đồng"),
    ("en/", "Land Price Appraisal Council", "Council"),
])
def test_its_pages_carry_its_own_name(council_site: Path, lang: str, name: str, kind: str) -> None:
    home = (council_site / lang / "index.html").read_text(encoding="utf-8")
    assert f"<title>{name}</title>" in home
    for page in ("members", "plan", "events", "committee"):
        html = (council_site / lang / page / "index.html").read_text(encoding="utf-8")
        assert f" - {name}</title>" in html, page
    committee = (council_site / lang / "committee" / "index.html").read_text(encoding="utf-8")
    assert "<h1 id=" in committee and f">{kind}<" in committee
    # The seat's two holders, one after the other, on the timeline and the person pages.
    members = (council_site / lang / "members" / "index.html").read_text(encoding="utf-8")
    assert members.count('class="oc-tl-known"') == 1 and members.count('class="oc-tl-open"') == 1
    assert (council_site / lang / "people" / "quach-thi-hoa" / "index.html").is_file()
