"""Every internal link, resource and `#anchor` of a built site resolves to a file or an id."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .pages import base_path, html_pages, url_path

# Attributes holding a URL that the page links to or loads.
URL_ATTRS = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "source": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "form": ("action",),
    "object": ("data",),
}


@dataclass
class PageLinks:
    """What one page links to and which fragment targets it defines."""

    urls: list[tuple[int, str]] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.result = PageLinks()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.result.ids.add(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.result.ids.add(values["name"] or "")
        for name in URL_ATTRS.get(tag, ()):
            value = values.get(name)
            if value is not None:
                self.result.urls.append((self.getpos()[0], value.strip()))
        if tag in ("img", "source") and values.get("srcset"):
            for candidate in (values["srcset"] or "").split(","):
                if candidate.strip():
                    self.result.urls.append((self.getpos()[0], candidate.split()[0]))

    handle_startendtag = handle_starttag


def parse(html: str) -> PageLinks:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.result


def target_file(site_dir: Path, rel_path: str) -> Path | None:
    """The file a site-relative URL path is served from, if any."""
    candidate = site_dir / rel_path
    if rel_path == "" or rel_path.endswith("/"):
        candidate = candidate / "index.html"
    elif candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def check_site(site_dir: Path, site_url: str) -> list[str]:
    """Problems as `page:line: message`, for every internal link or anchor that does not resolve."""
    prefix = base_path(site_url)
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_url))
    pages = {page: parse(page.read_text(encoding="utf-8")) for page in html_pages(site_dir)}
    ids_by_file = {page.resolve(): links.ids for page, links in pages.items()}
    problems: list[str] = []
    for page, links in pages.items():
        name = page.relative_to(site_dir).as_posix()
        page_url = origin + url_path(site_dir, page, prefix)
        for line, raw in links.urls:
            url = urljoin(page_url, raw)
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or f"{parts.scheme}://{parts.netloc}" != origin:
                continue  # mailto:, data:, other hosts: not internal (the safety gate checks hosts)
            path = unquote(parts.path)
            path = prefix if path + "/" == prefix else path
            if not path.startswith(prefix):
                problems.append(f"{name}:{line}: {raw} is outside the site ({prefix})")
                continue
            target = target_file(site_dir, path[len(prefix) :])
            if target is None:
                problems.append(f"{name}:{line}: {raw} does not exist")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html":
                ids = ids_by_file.get(target.resolve())
                if ids is None:
                    ids = parse(target.read_text(encoding="utf-8")).ids
                if fragment not in ids:
                    problems.append(f"{name}:{line}: {raw}: no element with id {fragment!r}")
    return problems
