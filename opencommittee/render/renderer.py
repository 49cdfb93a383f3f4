"""Render typed records to HTML through autoescaped Jinja templates (no MkDocs here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..derive.context import BuildContext
from ..derive.indexes import Indexes
from ..derive.paging import Entry, Key, Layout, window
from ..derive.routes import (
    PAGE_OF_KIND,
    SCOPED,
    SUBJECT_FOLDERS,
    PageRef,
    badge_path,
    lang_root,
    relative,
    strip_lang,
)
from ..load.catalogs import ui, ui_strings
from ..load.text import slugify
from ..model.dataset import Dataset
from ..model.records import Organization, Text
from . import editing, fmt

TEMPLATES = Path(__file__).parent / "templates"
# `Renderer.page(..., subject=KEEP)`: the same subject as the current page.
KEEP: Any = object()


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
        # The templates are the package's own files, not the data: no check of their
        # modification time on every include and import (tens of thousands per build).
        auto_reload=False,
    )
    return env


def keep_compiled(codes: BytecodeCache | None) -> None:
    """Where the environment keeps the templates it compiles (the glue gives a cache that
    outlives the process; tests give none)."""
    jinja_env().bytecode_cache = codes


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
    # Lists inside one record (its sources, the documents it implements, ...) show this
    # many items, then "and N more".
    list_limit: int = 20

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
        """The body a page is about (see `body`); a page that needs one has one."""
        org = self.body
        if org is None:
            raise LookupError("this page is about no body")
        return org

    # --- the site's own name, from the data ---------------------------------------------

    @property
    def setting(self) -> Any:
        """The site setting record (data/site.yml), or None."""
        found = self.dataset.site
        return found[0] if found else None

    @property
    def site_title(self) -> str:
        """The site's name: the setting's, else the short name (or name) of the body the
        site is about, else a generic name."""
        setting, org = self.setting, self.indexes.primary
        for text in (setting.name if setting else None, org.short_name if org else None, org.name if org else None):
            if text is not None:
                return self._plain(text)
        return self.ui("site.title")

    @property
    def site_description(self) -> str:
        """The site's description: the setting's, else its body's, else a generic one."""
        setting, org = self.setting, self.indexes.primary
        for text in (setting.description if setting else None, org.description if org else None):
            if text is not None:
                return self._plain(text)
        return self.ui("site.description")

    def _plain(self, text: Text) -> str:
        shown = self.tx(text)
        return shown.value if shown is not None else ""

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
        text = ui_strings(self.lang).get(key)
        if text is None:  # a group of strings, or no such key (KeyError)
            node: Any = ui(self.lang)
            for part in key.split("."):
                node = node[part]
            text = str(node)
        return text.format(**args) if args else text

    # The anchor a heading gets from its text (as Markdown headings do: `Đào tạo` -> dao-tao).
    def heading_id(self, key: str) -> str:
        return slugify(self.ui(key))

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

    # --- pages and links --------------------------------------------------------------

    @cached_property
    def ref(self) -> PageRef:
        """The page being rendered (home when its path is not a known page)."""
        return self.context.router.parse(self.path) or PageRef("home")

    @property
    def path(self) -> str:
        """The page URL without its language prefix."""
        return strip_lang(self.page_url, self.lang, self.default_lang)

    @property
    def scope(self) -> str | None:
        """The body whose pages these are (None: the site's own pages)."""
        return self.context.router.subject(self.ref.kind, self.ref.subject) if self.ref.kind in SCOPED else None

    @property
    def body(self) -> Organization | None:
        """The body a page is about: the page's own body, else the one the site is about."""
        return self.rec(self.scope) if self.scope else self.indexes.primary

    # The subject a link to a page of `kind` keeps: the same body (or person, organization,
    # year) as the current page when the kinds go together, else none.
    def _subject_for(self, kind: str) -> str | None:
        here = self.ref
        if kind == here.kind or (kind in SCOPED and here.kind in SCOPED):
            return self.scope if kind in SCOPED else here.subject
        return None

    def key(self, kind: str) -> Key:
        """The list key of a page kind, for the current page's subject."""
        return (kind, self._subject_for(kind))

    def url_of(self, ref: PageRef, anchor: str = "") -> str:
        """Path of a page from the site root, in this language."""
        path = lang_root(self.lang, self.default_lang) + self.context.router.path(ref)
        return path + (f"#{anchor}" if anchor else "")

    # Relative URL of a page (its kind, page number; the subject stays the current page's
    # when the kinds go together, see `_subject_for`) from the current page.
    def page(self, kind: str, anchor: str = "", number: int = 1, subject: Any = KEEP) -> str:
        ref = PageRef(kind, self._subject_for(kind) if subject is KEEP else subject, number)
        return relative(self.page_url, self.url_of(ref, anchor))

    # The paging of every list (computed once per build, see paging.py).
    def layout(self) -> Layout:
        return self.context.layout

    # The page that holds a record: a person's or organization's own page, else the list
    # page that anchors it, else the page of its kind for its body.
    def locate(self, record_id: str) -> PageRef:
        ref: PageRef | None = self.context.locations.get(record_id)
        if ref is None:
            ref = self.context.locations[record_id] = self._locate(record_id)
        return ref

    def _locate(self, record_id: str) -> PageRef:
        kind = self.dataset.kind(record_id)
        if kind == "people":
            return PageRef("person", record_id)
        if kind == "organizations":
            return PageRef("organization", record_id)
        found = self.layout().locate(record_id)
        if found:
            (page_kind, subject), number = found
            return PageRef(page_kind, subject, number)
        page_kind = PAGE_OF_KIND[kind] if kind else "home"
        return PageRef(page_kind, self.indexes.scope_of(record_id) if page_kind in SCOPED else None)

    # Relative permalink of any record by id (pages of their own need no anchor).
    def link(self, record_id: str) -> str:
        ref = self.locate(record_id)
        anchor = "" if ref.kind in ("person", "organization") else record_id
        return relative(self.page_url, self.url_of(ref, anchor))

    # Absolute permalink of a record (for citations and feeds).
    def permalink(self, record_id: str) -> str:
        ref = self.locate(record_id)
        anchor = "" if ref.kind in ("person", "organization") else record_id
        return f"{self.site_url.rstrip('/')}/{self.url_of(ref, anchor)}"

    # The Atom feed of the person or organization a page is about (see publish.feeds).
    def subject_feed(self, kind: str) -> str:
        return relative(self.page_url, self.feed_path(kind, self.ref.subject or ""))

    def feed_path(self, kind: str, subject: str) -> str:
        """Path from the site root of a person's or organization's feed, in this language."""
        return lang_root(self.lang, self.default_lang) + f"{SUBJECT_FOLDERS[kind]}/{subject}/feed.xml"

    # A plan's progress badge in this language (see publish.badges): its absolute URL (for
    # other sites) and its URL from the current page.
    def badge_url(self, plan_id: str, absolute: bool = True) -> str:
        path = lang_root(self.lang, self.default_lang) + badge_path(plan_id)
        return f"{self.site_url.rstrip('/')}/{path}" if absolute else relative(self.page_url, path)

    # Absolute URL of a page.
    def absolute(self, ref: PageRef) -> str:
        return f"{self.site_url.rstrip('/')}/{self.url_of(ref)}"

    # Link to the page where a section of a paginated list starts, at its heading.
    def section_link(self, kind: str, section: str) -> str:
        key = self.key(kind)
        return self.page(kind, section, self.layout().sections.get((key, section), 1), subject=key[1])

    # Which page of a paginated list the current page shows (1 for the Markdown page).
    def page_number(self, kind: str) -> int:
        return self.ref.number if self.ref.kind == kind else 1

    # Sections of a paginated list that began on an earlier page (headings say "continued").
    def continued(self, kind: str, entries: list[Entry]) -> set[str]:
        starts = self.layout().sections
        here = self.page_number(kind)
        key = self.key(kind)
        return {e.section for e in entries if starts.get((key, e.section), here) < here}

    # The entries of a paginated list shown on the current page.
    def page_entries(self, kind: str) -> list[Entry]:
        return self.layout().entries(self.key(kind), self.page_number(kind))

    # Prev/next navigation of a paginated list ('' when it fits on one page).
    def pager(self, kind: str) -> Markup:
        total = self.layout().count(self.key(kind))
        if total <= 1:
            return Markup("")
        current = self.page_number(kind)
        return self.render("pager.html", key=kind, current=current, total=total, numbers=window(current, total))

    # --- corrections -------------------------------------------------------------------

    @cached_property
    def repository(self) -> editing.Repository | None:
        return editing.Repository.from_extra(self.context.settings.extra)

    # The corrections published about a record, oldest first.
    def corrections_of(self, record_id: str) -> list[Any]:
        return self.context.corrections_of.get(record_id, [])

    # "Report an error" and "Edit" URLs of a record, or None without `extra.repository`.
    def record_links(self, record_id: str) -> tuple[str, str | None] | None:
        repo = self.repository
        if repo is None:
            return None
        permalink = self.permalink(record_id)
        report = editing.report_url(repo, self.ui("corrections.issue_title", id=record_id),
                                    self.ui("corrections.issue_body", id=record_id, permalink=permalink))
        file = editing.data_file_of(self.dataset, record_id)
        return report, editing.edit_url(repo, file) if file else None

    # The record with this id.
    def rec(self, record_id: str | None) -> Any:
        return self.dataset.get(record_id)

    # A short display name of any record, as a Shown text.
    def label(self, record_id: str) -> Shown:
        key = (self.lang, record_id)
        shown: Shown | None = self.context.labels.get(key)
        if shown is None:
            shown = self.context.labels[key] = self._label(record_id)
        return shown

    def _label(self, record_id: str) -> Shown:
        record = self.dataset.get(record_id)
        kind = self.dataset.kind(record_id)
        if kind == "people":
            return Shown(record.name, self.default_lang, False)
        if kind == "sources":
            return Shown(record.title, record.language, False)
        if kind == "documents" and record.number:
            return Shown(record.number, self.default_lang, False)
        if kind == "memberships":
            holder = self.label(record.person_id).value if record.person_id else self.ui("members.name_unknown")
            seat = self.label(record.post_id) if record.post_id else None
            what = seat.value if seat is not None else self.ui("vocab.role." + record.role.value)
            return Shown(f"{holder} — {what}", self.lang, bool(seat and seat.fallback))
        for attr in ("short_name", "short_title", "name", "label", "title", "text"):
            value = record.field(attr)
            if isinstance(value, Text):
                shown = self.tx(value)
                assert shown is not None
                return shown
        return Shown(record_id, self.default_lang, False)

    # Render a template with this renderer as `r`; returns safe HTML.
    def render(self, template: str, **context: Any) -> Markup:
        html = jinja_env().get_template(template).render(r=self, **context)
        return Markup(html.strip())
