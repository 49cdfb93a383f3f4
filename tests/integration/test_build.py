"""The embedded site as a whole: `<html lang>` on every page, heading slugs, and the
same site from ProperDocs. The ProperDocs build doubles as the reproducibility check: two
builds of one commit (here by the two tools, `extra.generator: false` leaving out the tag
that would name them) are byte-identical."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import Served, build_site
from opencommittee.load.text import slugify


def tree_digest(root: Path) -> dict[str, str]:
    """sha256 of every file of a built site."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def differences(a: Path, b: Path) -> list[str]:
    da, db = tree_digest(a), tree_digest(b)
    return sorted(name for name in da.keys() | db.keys() if da.get(name) != db.get(name))


@pytest.fixture(scope="module")
def properdocs_site(site: Served, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("properdocs") / "site"
    result = build_site(folder, env={"SITE_URL": site.url}, tool="properdocs")
    assert result.returncode == 0, result.stderr[-3000:]
    return folder


def test_properdocs_builds_the_same_site_byte_for_byte(site: Served, properdocs_site: Path) -> None:
    assert len(tree_digest(site.dir)) > 20
    assert differences(site.dir, properdocs_site) == []


def test_reproducibility_check_can_fail(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name / "x").mkdir(parents=True)
        (tmp_path / name / "x" / "same.html").write_bytes(b"same")
    (tmp_path / "b" / "x" / "same.html").write_bytes(b"same ")
    (tmp_path / "b" / "extra.xml").write_bytes(b"")
    assert differences(tmp_path / "a", tmp_path / "b") == ["extra.xml", "x/same.html"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_html_lang(built_site: Path, lang: str) -> None:
    root = built_site if lang == "vi" else built_site / lang
    pages = [p for p in root.rglob("index.html") if lang == "en" or p.relative_to(built_site).parts[0] != "en"]
    assert len(pages) >= 8
    for page in pages:
        assert f'<html lang="{lang}"' in page.read_text(encoding="utf-8"), page


def test_english_pages_have_no_vietnamese_theme_strings(built_site: Path) -> None:
    for page in (built_site / "en").rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        for s in ("Tìm kiếm", "chưa có thông tin", "Nguồn:"):
            assert s not in html, (page, s)


def test_heading_slugs_keep_vietnamese_letters(built_site: Path) -> None:
    assert slugify("Đào tạo") == "dao-tao"
    assert slugify("Giáo dục và Đào tạo") == "giao-duc-va-dao-tao"
    html = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    assert 'id="dinh-chinh"' in html and 'id="nguyen-tac-dan-nguon"' in html
