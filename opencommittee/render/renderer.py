"""Render typed records to HTML through autoescaped Jinja templates (no MkDocs here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..derive.context import BuildContext
from ..derive.indexes import Indexes
from ..derive.paging import Entry, Layout, window
from ..derive.routes import PAGE_OF_KIND, lang_root, page_number, page_path, relative, strip_lang
from ..load.catalogs import ui
from ..model.dataset import Dataset
from ..model.records import Organization, Text
from . import fmt

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
    """Everything a template needs for one page in one language (`r` in templates)."""

    context: BuildContext
    lang: str
    page_url: str = ""

    @property
    def dataset(self) -> Dataset:
        return self.context.dataset

    @property
    def indexes(self) -> Indexes:
        return self.context.indexes

    @property
    def as_of(self) -> date:
        return self.context.settings.as_of

    @property
    def default_lang(self) -> str:
        return self.context.settings.default_lang

    @property
    def site_url(self) -> str:
        return self.context.settings.site_url

    @property
    def committee(self) -> Organization:
        """The committee the site is about."""
        org = self.indexes.committee
        if org is None:
            raise LookupError("the data holds no committee")
        return org

    # A renderer for another page or language of the same build.
    def at(self, page_url: str, lang: str | None = None) -> Renderer:
        return Renderer(self.context, lang or self.lang, page_url)

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
        return self.context.layout

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
        return page_number(strip_lang(self.page_url, self.lang, self.default_lang), key)

    # The page URL without its language prefix.
    @property
    def path(self) -> str:
        return strip_lang(self.page_url, self.lang, self.default_lang)

    # Sections of a paginated list that began on an earlier page (headings say "continued").
    def continued(self, key: str, entries: list[Entry]) -> set[str]:
        starts = self.layout().sections
        here = self.page_number(key)
        return {e.section for e in entries if starts.get((key, e.section), here) < here}

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
