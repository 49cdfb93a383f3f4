"""Sitemaps that stay small: each `sitemap.xml` is a sitemap index, and the pages are
listed in parts of at most `PER_PART` URLs under `sitemaps/`.

Material's script fetches `sitemap.xml` next to every `<link rel="alternate">` of a page
(the language links, and also the Atom and iCalendar links), on every page load. With
every page listed in it, that file grew with the data (150 KB gzip at 100x, fetched twice
per page). A sitemap index holds no `<url>`, so the script finds nothing to map and the
language switcher keeps its own links; crawlers follow the index to the parts.

The root index lists every language's parts; `<lang>/sitemap.xml` lists its own (the
script asks for it on that language's pages). The parts keep MkDocs' entries as written,
`hreflang` alternates included.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

PER_PART = 1000
PARTS_DIR = "sitemaps"
_URL = re.compile(r"[ \t]*<url>.*?</url>\n?", re.S)
_LOC = re.compile(r"<loc>([^<]*)</loc>")
_LASTMOD = re.compile(r"<lastmod>([^<]*)</lastmod>")
_INDEX = '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'


def _index(entries: list[tuple[str, str]]) -> str:
    body = "".join(f"  <sitemap>\n    <loc>{escape(loc)}</loc>\n" + (f"    <lastmod>{escape(mod)}</lastmod>\n" if mod else "")
                   + "  </sitemap>\n" for loc, mod in entries)
    return _INDEX + body + "</sitemapindex>\n"


def split_sitemaps(site_dir: Path, site_url: str, languages: list[str], default: str) -> dict[str, str]:
    """The sitemap files (path from the site root -> text) made from MkDocs' sitemap.xml."""
    source = site_dir / "sitemap.xml"
    if not source.is_file():
        return {}
    text = source.read_text(encoding="utf-8")
    entries = _URL.findall(text)
    if not entries:
        return {}
    head = text[: text.find(entries[0])]
    base = site_url if site_url.endswith("/") else site_url + "/"
    roots = {lang: ("" if lang == default else f"{lang}/") for lang in languages}
    owner: dict[str, list[str]] = {lang: [] for lang in languages}
    for entry in entries:
        loc = (m.group(1) if (m := _LOC.search(entry)) else "")
        lang = next((code for code, root in roots.items() if root and loc.startswith(base + root)), default)
        owner[lang].append(entry)
    files: dict[str, str] = {}
    listed: dict[str, list[tuple[str, str]]] = {}
    for lang in languages:
        listed[lang] = []
        for number, start in enumerate(range(0, len(owner[lang]), PER_PART), 1):
            part = owner[lang][start : start + PER_PART]
            path = f"{roots[lang]}{PARTS_DIR}/{number}.xml"
            files[path] = head + "".join(part) + "</urlset>\n"
            dates = sorted(m.group(1) for e in part if (m := _LASTMOD.search(e)))
            listed[lang].append((base + path, dates[-1] if dates else ""))
    files["sitemap.xml"] = _index([item for lang in languages for item in listed[lang]])
    for lang in languages:
        if roots[lang]:
            files[f"{roots[lang]}sitemap.xml"] = _index(listed[lang])
    return files


def write_sitemaps(site_dir: Path, site_url: str, languages: list[str], default: str) -> None:
    """Replace MkDocs' sitemap.xml (and its .gz) by the index and its parts."""
    files = split_sitemaps(site_dir, site_url, languages, default)
    for path, text in files.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    if files:
        (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)


def page_urls(site_dir: Path, site_url: str, lang_root: str = "") -> list[str]:
    """Every page URL that a language's sitemap index leads to (for tests and checks)."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    index = (site_dir / lang_root / "sitemap.xml").read_text(encoding="utf-8")
    urls: list[str] = []
    for loc in _LOC.findall(index):
        urls.extend(_LOC.findall((site_dir / loc.removeprefix(base)).read_text(encoding="utf-8")))
    return urls
