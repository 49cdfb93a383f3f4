"""Everything written besides the pages: downloads, feeds, calendar, change history,
citations and head metadata, computed once per build from the dataset and site settings.

`register(config)` (called by the MkDocs hook `on_config`) records the site settings for
the dataset being built, so that page macros, which only get a Renderer, find them
through `publication(r.dataset)`. Every output is a pure function of the dataset, the
settings, git history and `build_time()`, so sizes shown on the Open data page are those
of the files the post-build hook writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from . import exports, feeds, history, jsonld, popolo
from .asof import build_time, resolve_as_of
from .dataset import Dataset
from .locale import ui
from .models import COLLECTIONS
from .render import Renderer
from .routes import PAGES, lang_root

MEDIA = {
    "json": ("JSON", "application/json"),
    "schema": ("JSON Schema", "application/schema+json"),
    "csv": ("CSV (UTF-8 BOM)", "text/csv"),
    "popolo": ("Popolo JSON", "application/json"),
    "atom": ("Atom", "application/atom+xml"),
    "ics": ("iCalendar", "text/calendar"),
}


@dataclass
class Download:
    """One generated file as listed on the Open data page."""

    path: str  # from the site root, e.g. downloads/people.csv or en/feed.xml
    kind: str  # a MEDIA key
    label_key: str  # ui key under opendata.files
    label_args: dict[str, str]
    size: int
    lang: str | None = None

    @property
    def format(self) -> str:
        return MEDIA[self.kind][0]

    @property
    def media_type(self) -> str:
        return MEDIA[self.kind][1]


@dataclass
class Publication:
    """Site settings + dataset; computes every generated file once."""

    dataset: Dataset
    data_dir: Path
    site_url: str
    languages: list[str]
    default_lang: str
    stamp: datetime
    template: Renderer | None = None
    _files: dict[str, bytes] | None = None
    _downloads: list[Download] = field(default_factory=list)
    _history: history.History | None = None

    # --- helpers ------------------------------------------------------------------------

    def renderer(self, lang: str, page_url: str = "") -> Renderer:
        if self.template is not None:
            return replace(self.template, lang=lang, page_url=page_url)
        return Renderer(
            dataset=self.dataset, lang=lang, as_of=resolve_as_of(), page_url=page_url,
            default_lang=self.default_lang, site_url=self.site_url,
        )

    def url(self, path: str) -> str:
        """Absolute URL of a path from the site root."""
        return f"{self.site_url.rstrip('/')}/{path}"

    def lang_path(self, lang: str, path: str) -> str:
        return lang_root(lang, self.default_lang) + path

    @property
    def history(self) -> history.History:
        if self._history is None:
            self._history = history.data_history(self.data_dir, tuple(COLLECTIONS))
        return self._history

    def descriptions(self, lang: str) -> dict[str, dict[str, str]]:
        return {c: {row.path: describe(lang, c, row.path) for row in exports.dictionary(c)} for c in COLLECTIONS}

    # --- files --------------------------------------------------------------------------

    def files(self) -> dict[str, bytes]:
        """Every generated file by path from the site root (cached)."""
        if self._files is not None:
            return self._files
        files: dict[str, bytes] = {}
        downloads: list[Download] = []

        def add(path: str, kind: str, label: str, data: bytes, lang: str | None = None, **args: str) -> None:
            files[path] = data
            downloads.append(Download(path, kind, label, args, len(data), lang))

        d = exports.DOWNLOADS_DIR
        doc = exports.dataset_document(self.dataset, self.history.version)
        add(f"{d}/{exports.DATASET_FILE}", "json", "dataset", exports.to_json_bytes(doc))
        schema = exports.dataset_schema(self.descriptions("en"))
        add(f"{d}/{exports.SCHEMA_FILE}", "schema", "schema", exports.to_json_bytes(schema))
        for name in COLLECTIONS:
            add(f"{d}/{name}.csv", "csv", "csv", exports.collection_csv(self.dataset, name, self.languages), collection=name)
        default = self.renderer(self.default_lang)
        pop = popolo.popolo_document(self.dataset, self.default_lang, default.permalink)
        add(f"{d}/{exports.POPOLO_FILE}", "popolo", "popolo", exports.to_json_bytes(pop))
        for lang in self.languages:
            r = self.renderer(lang)
            feed_path = self.lang_path(lang, feeds.FEED_FILE)
            atom = feeds.atom_feed(
                r, title=r.ui("pages.home.title"), feed_url=self.url(feed_path),
                home_url=self.url(self.lang_path(lang, "")), updated=self.stamp,
            )
            add(feed_path, "atom", "feed", atom, lang=lang)
            cal_path = self.lang_path(lang, feeds.CALENDAR_FILE)
            add(cal_path, "ics", "calendar", feeds.icalendar_file(r, name=r.ui("pages.home.title"), stamp=self.stamp), lang=lang)
        self._files, self._downloads = files, downloads
        return files

    def downloads(self) -> list[Download]:
        self.files()
        return self._downloads

    def write(self, site_dir: Path) -> None:
        """Write every generated file under the built site."""
        for path, data in self.files().items():
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

    # --- citation -----------------------------------------------------------------------

    def cite(self, r: Renderer) -> dict[str, Any]:
        """What a "cite this" block shows: permalink, data version (commit), date."""
        h = self.history
        return {
            "permalink": self.url(r.page_url),
            "version": h.version,
            "short": h.version[:12] if h.version else None,
            "modified": h.modified,
            "date": self.stamp.date().isoformat(),
            "site": r.ui("pages.home.title"),
        }

    # --- head metadata --------------------------------------------------------------------

    def head(self, lang: str, page_url: str, title: str, site_name: str, description: str) -> dict[str, Any]:
        """Feed links, JSON-LD and Open Graph properties of one page."""
        r = self.renderer(lang, page_url)
        key = page_key(page_url, lang, self.default_lang)
        abs_url = self.url(page_url if page_url not in ("", ".") else "")
        home = self.url(self.lang_path(lang, ""))
        files = [
            {"url": self.url(d.path), "media_type": d.media_type, "name": d.path.rsplit("/", 1)[-1]}
            for d in self.downloads() if d.lang in (None, lang)
        ] if key == "open-data" else None
        graph = jsonld.graph(r, key, page_url=abs_url, title=title, site_name=site_name, home_url=home, dataset_files=files)
        feed_links = [
            {
                "href": _rel(page_url, self.lang_path(lang, feeds.FEED_FILE)),
                "type": "application/atom+xml",
                "title": r.ui("feeds.link_title"),
            },
            {
                "href": _rel(page_url, self.lang_path(lang, feeds.CALENDAR_FILE)),
                "type": "text/calendar",
                "title": r.ui("feeds.calendar_title"),
            },
        ]
        og = jsonld.open_graph(r, title=title, description=description, url=abs_url, site_name=site_name, languages=self.languages)
        return {"feeds": feed_links, "jsonld": jsonld.script_json(graph), "og": og}


def _rel(page_url: str, target: str) -> str:
    from .routes import relative

    return relative(page_url, target)


def page_key(page_url: str, lang: str, default_lang: str) -> str | None:
    """The PAGES key of a page URL (language prefix removed; `members/2/` is members)."""
    prefix = lang_root(lang, default_lang)
    path = page_url[len(prefix):] if prefix and page_url.startswith(prefix) else page_url
    for key, value in PAGES.items():
        if value == path:
            return key
    for key, value in PAGES.items():
        rest = path[len(value):] if value and path.startswith(value) else None
        if rest and rest.endswith("/") and rest[:-1].isdigit():
            return key
    return None


def describe(lang: str, collection: str, path: str) -> str:
    """Data-dictionary description of a field: per collection first, then by field name."""
    catalog = ui(lang)["opendata"]
    node: Any = catalog.get("field_in", {}).get(collection, {})
    for part in path.replace("[]", "").split("."):
        node = node.get(part) if isinstance(node, dict) else None
    if isinstance(node, str):
        return node
    name = path.rsplit(".", 1)[-1]
    return str(catalog["field"].get(name, ""))


# --- registration (site settings per dataset) -----------------------------------------------

_REGISTRY: dict[int, Publication] = {}


def register(template: Renderer, data_dir: Path, languages: list[str]) -> Publication:
    """Record the site being built for `template.dataset`.

    `template` is a renderer made the way page macros get theirs (same site URL, paging
    and settings); renderers for other languages and pages are copies of it.
    """
    dataset = template.dataset
    stamp = build_time()
    known = _REGISTRY.get(id(dataset))
    if (
        known is not None
        and known.dataset is dataset
        and (known.site_url, known.languages, known.stamp) == (template.site_url, languages, stamp)
    ):
        return known
    _REGISTRY.clear()
    pub = Publication(
        dataset, Path(data_dir), template.site_url or "", list(languages), template.default_lang, stamp,
        template=template,
    )
    _REGISTRY[id(dataset)] = pub
    return pub


def register_config(config: Any) -> Publication:
    """`register` for an MkDocs config (called by the on_config hook)."""
    from types import SimpleNamespace

    from .mkdocs_glue import data_dir, dataset_for, languages, renderer_for

    template = renderer_for(SimpleNamespace(conf=config, page=None))
    assert template.dataset is dataset_for(config)
    return register(template, data_dir(config), languages(config))


def publication(dataset: Dataset) -> Publication:
    """The publication registered for this dataset (the build registers it in on_config)."""
    pub = _REGISTRY.get(id(dataset))
    if pub is None or pub.dataset is not dataset:
        raise LookupError("no site settings registered for this dataset (on_config hook not run)")
    return pub


# --- MkDocs hook helpers (called from mkdocs_hooks.py) ----------------------------------------

_RECORD_PAGES = ("committee", "members", "documents", "events", "plan", "sources")


def _page_renderer(config: Any, page: Any) -> Renderer:
    from types import SimpleNamespace

    from .mkdocs_glue import renderer_for

    return renderer_for(SimpleNamespace(conf=config, page=page))


def is_record_page(page_url: str, lang: str, default_lang: str) -> bool:
    """True for a page that lists records (first or later page of a paginated list)."""
    prefix = lang_root(lang, default_lang)
    path = page_url[len(prefix):] if prefix and page_url.startswith(prefix) else page_url
    for key in _RECORD_PAGES:
        base = PAGES[key]
        rest = path[len(base):] if path.startswith(base) else None
        if rest is not None and (rest == "" or (rest.endswith("/") and rest[:-1].isdigit())):
            return True
    return False


def head_context(context: dict[str, Any], page: Any, config: Any) -> dict[str, Any]:
    """on_page_context: `oc_head` (feeds, JSON-LD, Open Graph) for partials/oc-head.html."""
    r = _page_renderer(config, page)
    pub = publication(r.dataset)
    url = page.url if page is not None else ""
    title = page.title if page is not None and page.title else config["site_name"]
    full_title = title if title == config["site_name"] else f"{title} — {config['site_name']}"
    key = page_key(url, r.lang, r.default_lang)
    summary_key = f"pages.{key.replace('-', '_')}.summary" if key else None
    try:
        description = r.ui(summary_key) if summary_key else (config.get("site_description") or "")
    except KeyError:
        description = config.get("site_description") or ""
    context["oc_head"] = pub.head(r.lang, url, full_title, config["site_name"], description)
    return context


def cite_block(html: str, page: Any, config: Any) -> str:
    """on_page_content: a "cite this" block at the end of every page that lists records."""
    r = _page_renderer(config, page)
    if not is_record_page(page.url, r.lang, r.default_lang):
        return html
    from .opendata import cite

    return html + "\n" + str(cite(r, title=page.title))
