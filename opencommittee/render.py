"""Render typed records to HTML through autoescaped Jinja templates (no MkDocs here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import fmt
from .dataset import Dataset
from .locale import ui
from .models import DEFAULT_LANG, Text
from .paging import DEFAULT_PAGE_SIZE, Entry, Layout, layout, page_number, page_path, window
from .routes import PAGE_OF_KIND, lang_root, relative

TEMPLATES = Path(__file__).parent / "templates"


@cache
def jinja_env() -> Environment:
    """One autoescaping, strict Jinja environment for every data template."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    return env


@dataclass(frozen=True)
class Shown:
    """A text chosen for a language: the value, its language, and whether it fell back."""

    value: str
    lang: str
    fallback: bool


@dataclass
class Renderer:
    """Everything a template needs for one page in one language."""

    dataset: Dataset
    lang: str
    as_of: date
    page_url: str = ""
    default_lang: str = DEFAULT_LANG
    site_url: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    # Entries per list page (see paging.py); records link to the page that holds them.
    page_size: int = DEFAULT_PAGE_SIZE

    # A text in this language, or the default language marked as a fallback.
    def tx(self, text: Text | None) -> Shown | None:
        if text is None:
            return None
        value = text.get(self.lang)
        if value:
            return Shown(value, self.lang, False)
        return Shown(text.root[self.default_lang], self.default_lang, True)

    # An interface string by dotted key; a missing key fails the build.
    def ui(self, key: str, **args: Any) -> str:
        node: Any = ui(self.lang)
        for part in key.split("."):
            node = node[part]
        return str(node).format(**args) if args else str(node)

    # A partial date in this language, or None when unknown.
    def date(self, value: str | None) -> str | None:
        return fmt.partial_date(value, self.lang)

    # The as-of date of the build in this language.
    def as_of_label(self) -> str:
        return fmt.full_date(self.as_of, self.lang)

    # A number or percentage in this language.
    def num(self, value: float | int, digits: int = 1) -> str:
        return fmt.number(value, self.lang, digits)

    def pct(self, value: float | None) -> str | None:
        return fmt.percent(value, self.lang)

    # Relative URL of a page (by key, page number for paginated lists) from the current page.
    def page(self, key: str, anchor: str = "", number: int = 1) -> str:
        target = lang_root(self.lang, self.default_lang) + page_path(key, number)
        return relative(self.page_url, target + (f"#{anchor}" if anchor else ""))

    # The paging of every list (computed once per build, see paging.py).
    def layout(self) -> Layout:
        return layout(self.dataset, self.as_of, self.page_size)

    # (page key, page number) that holds a record.
    def locate(self, record_id: str) -> tuple[str, int]:
        found = self.layout().locate(record_id)
        if found:
            return found
        kind = self.dataset.kind(record_id)
        return (PAGE_OF_KIND[kind] if kind else "home"), 1

    # Relative permalink of any record by id.
    def link(self, record_id: str) -> str:
        key, number = self.locate(record_id)
        return self.page(key, record_id, number)

    # Absolute permalink of a record (for citations and feeds).
    def permalink(self, record_id: str) -> str:
        key, number = self.locate(record_id)
        path = page_path(key, number)
        return f"{self.site_url.rstrip('/')}/{lang_root(self.lang, self.default_lang)}{path}#{record_id}"

    # Link to the page where a section of a paginated list starts, at its heading.
    def section_link(self, key: str, section: str) -> str:
        return self.page(key, section, self.layout().sections.get((key, section), 1))

    # Which page of a paginated list the current page shows (1 for the Markdown page).
    def page_number(self, key: str) -> int:
        root = lang_root(self.lang, self.default_lang)
        path = self.page_url[len(root):] if root and self.page_url.startswith(root) else self.page_url
        return page_number(path, key)

    # The entries of a paginated list shown on the current page.
    def page_entries(self, key: str) -> list[Entry]:
        return self.layout().entries(key, self.page_number(key))

    # Prev/next navigation of a paginated list ('' when it fits on one page).
    def pager(self, key: str) -> Markup:
        total = self.layout().count(key)
        if total <= 1:
            return Markup("")
        current = self.page_number(key)
        return self.render("pager.html", key=key, current=current, total=total, numbers=window(current, total))

    # The record with this id.
    def rec(self, record_id: str | None) -> Any:
        return self.dataset.get(record_id)

    # A short display name of any record, as a Shown text.
    def label(self, record_id: str) -> Shown:
        record = self.dataset.get(record_id)
        kind = self.dataset.kind(record_id)
        if kind == "people":
            return Shown(record.name, self.default_lang, False)
        if kind == "sources":
            return Shown(record.title, record.language, False)
        if kind == "documents" and record.number:
            return Shown(record.number, self.default_lang, False)
        if kind == "memberships":
            holder = self.label(record.person_id or record.post_id)
            return Shown(f"{holder.value} — {self.ui('vocab.role.' + record.role.value)}", self.lang, holder.fallback)
        for attr in ("short_name", "short_title", "name", "label", "title", "text"):
            value = getattr(record, attr, None)
            if isinstance(value, Text):
                shown = self.tx(value)
                assert shown is not None
                return shown
        return Shown(record_id, self.default_lang, False)

    # Render a template with this renderer as `r`; returns safe HTML.
    def render(self, template: str, **context: Any) -> Markup:
        html = jinja_env().get_template(template).render(r=self, **context)
        return Markup(html.strip())
