"""A sitemap.xml under each non-default language root.

Material's script fetches `sitemap.xml` next to every `<link rel="alternate">` of a page
(the language links it expects, and also the Atom feed links); mkdocs-static-i18n writes
one sitemap for the whole site, so every English page logged 404s for `en/sitemap.xml`.
Each language's sitemap lists that language's pages, taken from the site's sitemap.
"""

from __future__ import annotations

import re
from pathlib import Path

_URL = re.compile(r"[ \t]*<url>.*?</url>\n?", re.S)
_LOC = re.compile(r"<loc>([^<]*)</loc>")


def write_language_sitemaps(site_dir: Path, site_url: str, languages: list[str], default: str) -> None:
    source = site_dir / "sitemap.xml"
    if not source.is_file():
        return
    text = source.read_text(encoding="utf-8")
    entries = _URL.findall(text)
    head = text[: text.find(entries[0])] if entries else text.split("</urlset>")[0]
    base = site_url if site_url.endswith("/") else site_url + "/"
    for lang in languages:
        if lang == default:
            continue
        root = f"{base}{lang}/"
        mine = [e for e in entries if (m := _LOC.search(e)) and m.group(1).startswith(root)]
        target = site_dir / lang / "sitemap.xml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(head + "".join(mine) + "</urlset>\n", encoding="utf-8")
