"""Real-browser checks with Debian's Chromium driven by Playwright (never `playwright install`)."""

from __future__ import annotations

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


def search(page: Any, query: str, attempts: int = 20) -> list[dict]:
    """Type a query in Material's search (once its index is ready); the results shown."""
    width = page.viewport_size["width"] if page.viewport_size else 1280
    if width < 1220:
        page.click('label.md-header__button[for="__search"]')
    else:
        page.click("input.md-search__input")
    box = page.locator("input.md-search__input")
    for _ in range(attempts):
        box.fill("")
        box.press_sequentially(query, delay=10)
        page.wait_for_timeout(300)
        if page.query_selector(".md-search-result__item"):
            break
    return list(page.eval_on_selector_all(
        ".md-search-result__item a.md-search-result__link",
        "els => els.map(e => ({href: e.href, text: e.textContent, html: e.innerHTML}))"))


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
