"""HTML readers for the tests: element text and links by id, page structure, heads."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Elements(HTMLParser):
    """Collects, per element id, the element's inner HTML text and all its hrefs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.text: dict[str, list[str]] = {}
        self.hrefs: dict[str, list[str]] = {}
        self.attrs_of: dict[str, dict[str, str | None]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("br", "img", "meta", "link", "input", "hr"):
            if a.get("href"):
                self._href(a["href"])
            return
        self.stack.append((tag, a.get("id")))
        if a.get("id"):
            self.text.setdefault(a["id"], [])
            self.hrefs.setdefault(a["id"], [])
            self.attrs_of[a["id"]] = a
        if a.get("href"):
            self._href(a["href"])

    def _href(self, href: str) -> None:
        for _tag, eid in self.stack:
            if eid:
                self.hrefs[eid].append(href)

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        for _tag, eid in self.stack:
            if eid:
                self.text[eid].append(data)


class Page(HTMLParser):
    """Element ids with their text, the page text without as-of-dependent parts, SVGs."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = []
        self.text: dict[str, list[str]] = {}
        self.ids: list[str] = []
        self.stable: list[str] = []
        self.svgs: list[dict[str, str | None]] = []
        self.tables = 0
        self.feed(html)

    def _skipping(self) -> bool:
        return any(skip for _t, _i, skip in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "svg" and a.get("role") == "img":
            self.svgs.append(a)
        if tag == "table":
            self.tables += 1
        if a.get("id"):
            self.ids.append(a["id"])
            self.text.setdefault(a["id"], [])
        skip = "data-asof" in a or "oc-asof-banner" in (a.get("class") or "")
        if not self._skipping() and not skip:
            self.stable.append(f"<{tag} {sorted(attrs)}>")
        if tag not in VOID:
            self.stack.append((tag, a.get("id"), skip))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._skipping():
            self.stable.append(f"<{tag} {sorted(attrs)}/>")
        if dict(attrs).get("id"):
            self.ids.append(dict(attrs)["id"] or "")

    def handle_endtag(self, tag: str) -> None:
        skipped = self._skipping()
        while self.stack:
            t, _i, _s = self.stack.pop()
            if t == tag:
                break
        if not skipped:
            self.stable.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        for _t, eid, _s in self.stack:
            if eid:
                self.text[eid].append(data)
        if not self._skipping() and data.strip():
            self.stable.append(" ".join(data.split()))

    def of(self, element_id: str) -> str:
        """Text inside an element, whitespace collapsed."""
        return " ".join(" ".join(self.text[element_id]).split())


class Links(HTMLParser):
    """Collects <a href>, ids, and <script type=application/ld+json> bodies."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, dict[str, str]]] = []
        self.ids: set[str] = set()
        self.jsonld: list[str] = []
        self.meta: list[dict[str, str]] = []
        self.head_links: list[dict[str, str]] = []
        self._in_ld = False
        self._classes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append((a["href"], {**a, "_within": " ".join(self._classes)}))
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_ld = True
            self.jsonld.append("")
        if tag == "meta":
            self.meta.append(a)
        if tag == "link":
            self.head_links.append(a)
        if tag in ("table", "section", "div", "aside"):
            self._classes.append(a.get("class", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_ld = False
        if tag in ("table", "section", "div", "aside") and self._classes:
            self._classes.pop()

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.jsonld[-1] += data




def elements(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser


def links(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


def links_of(path: Path) -> Links:
    return links(path.read_text(encoding="utf-8"))
