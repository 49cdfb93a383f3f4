"""Real-browser checks with Debian's Chromium driven by Playwright (never `playwright install`)."""

from __future__ import annotations

import gzip
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROME_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The WCAG 2.0/2.1/2.2 A and AA rule tags of axe-core.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def chrome_path() -> str:
    return os.environ.get("CHROME_PATH") or "/usr/bin/chromium"


def launch(playwright: Any) -> Any:
    """Chromium from CHROME_PATH (default /usr/bin/chromium), headless."""
    return playwright.chromium.launch(executable_path=chrome_path(), headless=True, args=CHROME_ARGS)


@dataclass
class Watch:
    """Everything a page did that a clean page must not do."""

    origin: str
    problems: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> Any:
        page.on("console", self._console)
        page.on("pageerror", lambda err: self.problems.append(f"page error: {err}"))
        page.on("requestfailed", lambda req: self.problems.append(f"failed request: {req.url} ({req.failure})"))
        page.on("response", self._response)
        page.on("request", self._request)
        page.on("dialog", self._dialog)
        return page

    def _console(self, msg: Any) -> None:
        if msg.type == "error":
            self.problems.append(f"console error: {msg.text}")

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def _request(self, request: Any) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.problems.append(f"request to another host: {request.url}")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def take(self) -> list[str]:
        found, self.problems = self.problems, []
        return found


def axe_source(root: Path) -> str:
    return (root / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


def run_axe(page: Any, source: str, tags: list[str] | None = None) -> list[dict]:
    """axe-core's violations on the loaded page for the WCAG A/AA tags (no rule filtered).

    The script is evaluated through the DevTools protocol, so the page's own CSP stays on.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(source)
    return list(
        page.evaluate(
            """async (tags) => {
                const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
                return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.join(' '), summary: n.failureSummary}))}));
            }""",
            tags or WCAG_TAGS,
        )
    )


def format_violations(where: str, violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        for node in v["nodes"]:
            lines.append(f"{where}: {v['id']} ({v['impact']}): {node['target']}: {node['summary'].splitlines()[-1].strip()}")
    return lines


def horizontal_overflow(page: Any) -> int:
    """How many CSS pixels the page scrolls sideways (0 when nothing does)."""
    return int(page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"))


@dataclass
class PageResult:
    """What one page did and showed in the sweep."""

    url: str
    problems: list[str] = field(default_factory=list)
    violations: dict[int, list[dict]] = field(default_factory=dict)
    overflow: int = 0
    lang: str = ""
    alternates: dict[str, str] = field(default_factory=dict)
    text_length: int = 0


WIDTHS = {1280: 800, 360: 640}


def sweep(browser: Any, urls: list[str], origin: str, axe: str | None, javascript: bool = True) -> list[PageResult]:
    """Load every URL in one page of one context: problems, axe at each width, layout.

    Each page is loaded once at 1280 px and then narrowed to 360x640 (axe runs at both
    widths); with `javascript=False` the pages are read with scripts off.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 800}, java_script_enabled=javascript)
    page = context.new_page()
    watch = Watch(origin)
    watch.attach(page)
    results = []
    try:
        for url in urls:
            result = PageResult(url)
            page.set_viewport_size({"width": 1280, "height": 800})
            response = page.goto(url, wait_until="load")
            if response is None or response.status != 200:
                result.problems.append(f"HTTP {response.status if response else '?'}")
            if javascript:
                page.wait_for_load_state("networkidle")
            result.lang = page.evaluate("() => document.documentElement.lang")
            result.alternates = dict(page.eval_on_selector_all(
                "a.md-select__link[hreflang]", "els => els.map(e => [e.hreflang, e.href])"))
            result.text_length = len(page.inner_text("main") if page.query_selector("main") else "")
            for width, height in WIDTHS.items():
                if width != 1280:
                    page.set_viewport_size({"width": width, "height": height})
                    page.wait_for_timeout(50)
                    result.overflow = horizontal_overflow(page)
                if axe is not None:
                    result.violations[width] = run_axe(page, axe)
            result.problems.extend(watch.take())
            result.problems.extend(f"dialog: {d}" for d in watch.dialogs)
            watch.dialogs.clear()
            results.append(result)
    finally:
        context.close()
    return results


def search(page: Any, query: str, timeout: float = 10_000) -> list[dict]:
    """Type a query in the search box under the header and submit it; the results shown
    on the search page once the script has answered (results, or "nothing found")."""
    page.fill("#oc-searchbar-q", query)
    page.press("#oc-searchbar-q", "Enter")
    page.wait_for_selector("#oc-search .oc-search__status", state="attached", timeout=timeout)
    page.wait_for_function(
        "() => { const s = document.querySelector('#oc-search .oc-search__status');"
        " const box = document.getElementById('oc-search');"
        " return s && s.textContent && s.textContent !== box.dataset.loading"
        " && (document.querySelector('.oc-search__results li') || s.textContent === box.dataset.none"
        " || s.textContent === box.dataset.error); }",
        timeout=timeout,
    )
    return list(page.eval_on_selector_all(
        "#oc-search .oc-search__results li a",
        "els => els.map(e => ({href: e.href, text: e.closest('li').textContent, html: e.closest('li').innerHTML}))"))


@dataclass
class Weight:
    """What a phone downloads to open a page and run one search (gzip-equivalent bytes:
    each response body as gzip -6 would send it, which is what GitHub Pages serves)."""

    page: int
    search: int
    early: list[str]  # search-related URLs fetched before anyone searched
    results: int

    @property
    def total(self) -> int:
        return self.page + self.search


def _gzip_size(body: bytes) -> int:
    return len(gzip.compress(body, 6, mtime=0))


def weigh_search(browser: Any, url: str, query: str, width: int = 360) -> Weight:
    """Open `url` in a fresh context (empty cache) at phone width, then search for `query`
    from the box under the header; sum the bytes of every response in each phase. A
    response served from the browser's cache (the server allows reuse for 10 minutes, as
    GitHub Pages does) costs nothing."""
    context = browser.new_context(viewport={"width": width, "height": 740})
    sizes: list[tuple[str, int]] = []

    def record(request: Any) -> None:
        response = request.response()
        if response is None or request.sizes()["responseBodySize"] <= 0:
            sizes.append((request.url, 0))  # from the cache, or no body (a redirect)
            return
        try:
            sizes.append((request.url, _gzip_size(response.body())))
        except Exception:  # a body the browser no longer holds
            sizes.append((request.url, 0))

    try:
        page = context.new_page()
        page.on("requestfinished", record)
        page.goto(url, wait_until="networkidle")
        opened = list(sizes)
        sizes.clear()
        found = search(page, query)
        page.wait_for_load_state("networkidle")
        early = [u for u, _ in opened if "/search/" in u or "search.js" in u]
        return Weight(sum(s for _, s in opened), sum(s for _, s in sizes), early, len(found))
    finally:
        context.close()


# Every visible <text> of every inline SVG in the page's content: its rendered size in CSS
# px, i.e. the computed font size times the SVG's scale (the text's screen transform, so
# viewBox scaling and transforms both count).
_CHART_TEXTS = """() => Array.from(document.querySelectorAll('main svg text')).filter(t => {
    const box = t.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && t.textContent.trim();
}).map(t => {
    const m = t.getScreenCTM();
    const scale = m ? Math.hypot(m.a, m.b) : 1;
    const svg = t.closest('svg');
    return {chart: (svg.closest('[id]') || svg).id || '', text: t.textContent.trim().slice(0, 40),
            px: Math.round(parseFloat(getComputedStyle(t).fontSize) * scale * 100) / 100};
})"""


def chart_text_sizes(page: Any) -> list[dict]:
    """Rendered size (CSS px) of every visible chart text on the loaded page."""
    return list(page.evaluate(_CHART_TEXTS))


def page_height(page: Any) -> int:
    """The page's full height in CSS px at the current viewport."""
    return int(page.evaluate("() => document.documentElement.scrollHeight"))
