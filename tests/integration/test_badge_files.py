"""Issue 13, item 6: the post-build hook writes each plan's badge in both languages."""

from __future__ import annotations

from pathlib import Path


def test_embedded_build_writes_badges(built_site: Path) -> None:
    svg = (built_site / "en" / "badges" / "ke-hoach-thuc-hien-chuong-trinh-100.svg").read_text(encoding="utf-8")
    assert "not reported · November 27, 2025" in svg
    assert (built_site / "badges" / "ke-hoach-thuc-hien-chuong-trinh-100.svg").is_file()
    assert (built_site / "en" / "badges" / "ke-hoach-thuc-hien-chuong-trinh-100.svg").is_file()
