"""No event-handler attribute, `javascript:` URL, unexpected inline script or other-host
resource in the built HTML; in a published build, a CSP `<meta>` that hashes exactly the
theme's known inline scripts."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from ..glue.build import theme_script_dirs
from ..publish import csp
from .pages import html_pages

# Attributes that take a URL (a `javascript:` URL in any of them runs code).
_URL_ATTRS = {"href", "src", "action", "formaction", "data", "poster", "xlink:href", "srcset", "content"}
# Elements that make the page load something on its own.
_LOADS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src", "embed": "src", "object": "data"}
_CONTROL = re.compile(r"[\x00-\x20]+")
_CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', re.I)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append((line, f"<{tag} {name}=...> event-handler attribute"))
            if value is None:
                continue
            if name in _URL_ATTRS and _CONTROL.sub("", value).lower().startswith(("javascript:", "vbscript:")):
                self.problems.append((line, f"<{tag} {name}={value!r}> script URL"))
        values = dict(attrs)
        loads = values.get(_LOADS.get(tag, ""))
        if tag == "link" and "stylesheet" in (values.get("rel") or "").split() or tag == "link" and "preload" in (values.get("rel") or "").split():
            loads = values.get("href")
        if loads and urlsplit(loads.strip()).netloc:
            self.problems.append((line, f"<{tag}> loads {loads!r} by absolute URL (another host?)"))

    handle_startendtag = handle_starttag


def theme_policy() -> csp.ScriptPolicy:
    """The inline scripts the theme may run (as the build computes them)."""
    return csp.ScriptPolicy.of(theme_script_dirs())


def scan_html(html: str, require_csp: bool = True, policy: csp.ScriptPolicy | None = None) -> list[tuple[int, str]]:
    """(line, message) for every unsafe construct in one page."""
    policy = policy or theme_policy()
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    problems = list(scanner.problems)
    for body in csp.inline_scripts(html):
        if not policy.is_known(body):
            line = html[: html.find(body)].count("\n") + 1
            problems.append((line, f"unexpected inline script {body[:60]!r}"))
    metas = _CSP_META.findall(html)
    if require_csp:
        if len(metas) != 1:
            problems.append((1, f"{len(metas)} Content-Security-Policy <meta> (want 1)"))
        else:
            expected, _unknown = policy.policy_for(html)
            if metas[0] != expected:
                problems.append((1, "Content-Security-Policy does not hash exactly the theme's inline scripts"))
            if "'unsafe-inline'" in metas[0] or "'unsafe-eval'" in metas[0]:
                problems.append((1, "Content-Security-Policy allows unsafe inline code"))
            head_end = html.lower().find("<script")
            if head_end != -1 and html.find(metas[0]) > head_end:
                problems.append((1, "Content-Security-Policy <meta> comes after a script"))
    return problems


def check_site(site_dir: Path, require_csp: bool = True) -> list[str]:
    """Problems as `page:line: message` over every HTML page of a built site."""
    problems = []
    policy = theme_policy()
    for page in html_pages(site_dir):
        name = page.relative_to(site_dir).as_posix()
        for line, message in scan_html(page.read_text(encoding="utf-8"), require_csp, policy):
            problems.append(f"{name}:{line}: {message}")
    return problems
