"""Permalinks are forever (issue 12, item 2): every page and record anchor the embedded
site published before the site could hold several bodies (tests/fixtures/permalinks.txt,
taken from a build of main at 7ede3d0) still resolves, in both languages."""

from __future__ import annotations

from pathlib import Path

from htmlkit import links_of

from conftest import FIXTURES


def published() -> list[str]:
    lines = (FIXTURES / "permalinks.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def test_every_published_permalink_still_resolves(built_site: Path) -> None:
    permalinks = published()
    assert len(permalinks) > 80 and sum("#" in p for p in permalinks) > 60
    broken = []
    ids: dict[str, set[str]] = {}
    for permalink in permalinks:
        path, _, anchor = permalink.partition("#")
        page = built_site / ("" if path == "./" else path) / "index.html"
        if not page.is_file():
            broken.append(permalink)
            continue
        if anchor:
            found = ids.setdefault(path, links_of(page).ids)
            if anchor not in found:
                broken.append(permalink)
    assert not broken, broken
