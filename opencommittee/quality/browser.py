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
