"""publish/sitemaps.py: small sitemap indexes, pages in bounded parts, per language."""

from __future__ import annotations

from pathlib import Path

from opencommittee.publish import sitemaps

BASE = "https://example.org/site/"


def _mkdocs_sitemap(site: Path, paths: list[str]) -> None:
    urls = "".join(f"    <url>\n         <loc>{BASE}{p}</loc>\n         <lastmod>2026-01-0{1 + i % 5}</lastmod>\n    </url>\n"
                   for i, p in enumerate(paths))
    site.mkdir(parents=True, exist_ok=True)
    (site / "sitemap.xml").write_text('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="x">\n' + urls + "</urlset>\n",
                                      encoding="utf-8")
    (site / "sitemap.xml.gz").write_bytes(b"old")


def test_indexes_stay_small_and_lead_to_every_page(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(sitemaps, "PER_PART", 10)
    vi = [f"people/p{i}/" for i in range(35)]
    en = [f"en/people/p{i}/" for i in range(12)]
    _mkdocs_sitemap(tmp_path, ["", *vi, "en/", *en])
    sitemaps.write_sitemaps(tmp_path, BASE, ["vi", "en"], "vi")
    root = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    assert "<url>" not in root and root.count("<sitemap>") == 4 + 2
    assert "<lastmod>2026-01-05</lastmod>" in root
    assert not (tmp_path / "sitemap.xml.gz").exists()
    assert sorted(sitemaps.page_urls(tmp_path, BASE)) == sorted(BASE + p for p in ["", *vi, "en/", *en])
    assert sorted(sitemaps.page_urls(tmp_path, BASE, "en/")) == sorted(BASE + p for p in ["en/", *en])
    assert all(len((tmp_path / "sitemaps" / f"{n}.xml").read_text().split("<url>")) - 1 <= 10 for n in range(1, 5))


def test_a_site_without_sitemap_is_left_alone(tmp_path: Path) -> None:
    sitemaps.write_sitemaps(tmp_path, BASE, ["vi", "en"], "vi")
    assert list(tmp_path.iterdir()) == []
