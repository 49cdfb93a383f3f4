"""Content-Security-Policy for the published pages, as a `<meta>` in each page's head.

Only the site's own script files run, plus the theme's few inline scripts. Those are
recognised by matching them against the theme's own templates (Material's
`partials/javascripts/*.html`, found by the glue, where a `{{ ... }}` expression may only stand for a URL
such as `../..`), and only then hashed. An inline script that matches no template (for
instance one that came from data) is reported and is never hashed, so the browser blocks it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

# A script element: attributes and body (HTML does not allow nesting).
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_JINJA_EXPR = re.compile(r"\{\{.*?\}\}", re.S)
_JINJA_BLOCK = re.compile(r"\{%.*?%\}", re.S)
# What a template expression inside a theme script may become: a URL without quotes,
# parentheses, spaces or angle brackets (e.g. ".", "../..", "/oc/", "https://host/oc/").
_URLISH = r"[A-Za-z0-9._~/:%+-]*"
# Script types that are data, not code (CSP does not apply to them).
_DATA_TYPES = {"application/json", "application/ld+json", "application/geo+json"}
_META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'
_HEAD_META = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.I)

DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self' {hashes}",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def patterns_from_template(source: str) -> list[re.Pattern[str]]:
    """Each inline `<script>` of a Jinja template, as a regex of its possible output."""
    source = _JINJA_COMMENT.sub("", source)
    result = []
    for match in _SCRIPT.finditer(source):
        body = match.group(2)
        if _JINJA_BLOCK.search(body):
            continue  # control flow inside a script: not a known, fixed shape
        parts = _JINJA_EXPR.split(body)
        result.append(re.compile(_URLISH.join(re.escape(p) for p in parts)))
    return result


def patterns_from_folders(folders: tuple[Path, ...]) -> tuple[re.Pattern[str], ...]:
    """Regexes of every inline script the theme's templates in `folders` can produce."""
    found: list[re.Pattern[str]] = []
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.glob("*.html")):
                found.extend(patterns_from_template(path.read_text(encoding="utf-8")))
    return tuple(found)


def is_code(attrs: str) -> bool:
    """True for a script element the browser executes (not a data block)."""
    kind = re.search(r"\btype\s*=\s*[\"']?([^\"'\s>]+)", attrs, re.I)
    return kind is None or kind.group(1).lower() not in _DATA_TYPES


def inline_scripts(html: str) -> list[str]:
    """Bodies of the inline scripts that would execute (no `src`, code type)."""
    return [
        m.group(2)
        for m in _SCRIPT.finditer(html)
        if not re.search(r"\bsrc\s*=", m.group(1), re.I) and is_code(m.group(1))
    ]


def sha256(body: str) -> str:
    """A CSP hash source for a script body."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@dataclass(frozen=True)
class ScriptPolicy:
    """The inline scripts a page may run: exactly those the theme's templates produce.

    The glue builds one from the theme's template folders (`ScriptPolicy.of(folders)`).
    """

    patterns: tuple[re.Pattern[str], ...]

    @classmethod
    def of(cls, folders: tuple[Path, ...]) -> ScriptPolicy:
        return cls(patterns_from_folders(folders))

    def is_known(self, body: str) -> bool:
        """True when the script is exactly one the theme templates produce."""
        return any(p.fullmatch(body) for p in self.patterns)

    def policy_for(self, html: str) -> tuple[str, list[str]]:
        """The page's policy and the inline scripts left out of it (unknown, so blocked)."""
        hashes: list[str] = []
        unknown: list[str] = []
        for body in inline_scripts(html):
            if self.is_known(body):
                if sha256(body) not in hashes:
                    hashes.append(sha256(body))
            else:
                unknown.append(body)
        policy = "; ".join(DIRECTIVES).replace("{hashes}", " ".join(hashes)).replace("  ", " ")
        return policy, unknown

    def add_meta(self, html: str) -> tuple[str, list[str]]:
        """Insert the CSP `<meta>` right after `<meta charset>` (before any script)."""
        policy, unknown = self.policy_for(html)
        # The policy holds only directive names, 'self' and base64 hashes: nothing to escape.
        meta = _META.replace("{policy}", escape(policy, quote=False))
        match = _HEAD_META.search(html)
        if match is None:
            head = re.search(r"<head\b[^>]*>", html, re.I)
            if head is None:
                return html, unknown
            match = head
        return html[: match.end()] + meta + html[match.end() :], unknown
