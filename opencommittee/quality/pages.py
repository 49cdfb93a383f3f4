"""The pages of a built site and their public URLs."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit


def html_pages(site_dir: Path) -> list[Path]:
    """Every HTML file of a built site, in a stable order."""
    return sorted(site_dir.rglob("*.html"))


def url_path(site_dir: Path, page: Path, base_path: str) -> str:
    """The URL path a page is served at (`base_path` is site_url's path, e.g. `/oc/`)."""
    rel = page.relative_to(site_dir).as_posix()
    if rel == "index.html":
        rel = ""
    elif rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    return base_path + rel


def base_path(site_url: str) -> str:
    """The path part of site_url, always with a trailing slash."""
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"
