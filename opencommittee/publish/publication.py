"""Everything written besides the pages: downloads, feeds, calendar, change history,
citations and head metadata, computed once per build from the build context.

The glue makes one `Publication` per build and hands it to the pages that describe it
(Open data, What changed) through `BuildContext.published`. Every output is a pure
function of the context, git history and the build's timestamp, so the sizes shown on
the Open data page are those of the files the post-build hook writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from ..derive.context import BuildContext
from ..derive.routes import PageRef, lang_root, relative
from ..model.fields import describe, dictionary
from ..model.formats import (
    CALENDAR_FILE,
    DATASET_FILE,
    DOWNLOADS_DIR,
    FEED_FILE,
    POPOLO_FILE,
    SCHEMA_FILE,
)
from ..model.records import COLLECTIONS
from ..model.schema import dataset_schema
from ..render.renderer import Renderer
from . import badges, exports, feeds, jsonld, popolo, search
from .history import History, data_history

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


class Publication:
    """The generated files and page metadata of one build."""

    def __init__(self, context: BuildContext, data_dir: Path, stamp: datetime) -> None:
        self.context = context
        self.data_dir = Path(data_dir)
        self.stamp = stamp
        settings = context.settings
        self.site_url = settings.site_url
        self.languages = list(settings.languages)
        self.default_lang = settings.default_lang

    # --- helpers ------------------------------------------------------------------------

    def renderer(self, lang: str, page_url: str = "") -> Renderer:
        return Renderer(self.context, lang, page_url)

    def url(self, path: str) -> str:
        """Absolute URL of a path from the site root."""
        return f"{self.site_url.rstrip('/')}/{path}"

    def lang_path(self, lang: str, path: str) -> str:
        return lang_root(lang, self.default_lang) + path

    @cached_property
    def history(self) -> History:
        return data_history(self.data_dir)

    def descriptions(self, lang: str) -> dict[str, dict[str, str]]:
        return {c: {row.path: describe(lang, c, row.path) for row in dictionary(c)} for c in COLLECTIONS}

    # --- files --------------------------------------------------------------------------

    @cached_property
    def _made(self) -> tuple[dict[str, bytes], list[Download]]:
        files: dict[str, bytes] = {}
        downloads: list[Download] = []

        def add(path: str, kind: str, label: str, data: bytes, lang: str | None = None, **args: str) -> None:
            files[path] = data
            downloads.append(Download(path, kind, label, args, len(data), lang))

        dataset, d = self.context.dataset, DOWNLOADS_DIR
        doc = exports.dataset_document(dataset, self.history.version)
        add(f"{d}/{DATASET_FILE}", "json", "dataset", exports.to_json_bytes(doc))
        add(f"{d}/{SCHEMA_FILE}", "schema", "schema", exports.to_json_bytes(dataset_schema(self.descriptions("en"))))
        for name in COLLECTIONS:
            add(f"{d}/{name}.csv", "csv", "csv", exports.collection_csv(dataset, name, self.languages), collection=name)
        default = self.renderer(self.default_lang)
        pop = popolo.popolo_document(dataset, self.default_lang, default.permalink)
        add(f"{d}/{POPOLO_FILE}", "popolo", "popolo", exports.to_json_bytes(pop))
        for lang in self.languages:
            r = self.renderer(lang)
            every = feeds.items(r)
            feed_path = self.lang_path(lang, FEED_FILE)
            made: dict[tuple[str, str], feeds.Entry] = {}
            atom = feeds.atom_feed(
                r, title=r.site_title, feed_url=self.url(feed_path),
                home_url=self.url(self.lang_path(lang, "")), updated=self.stamp, entries=every, made=made,
            )
            add(feed_path, "atom", "feed", atom, lang=lang)
            files.update(self._subject_feeds(r, every, made))
            cal_path = self.lang_path(lang, CALENDAR_FILE)
            add(cal_path, "ics", "calendar", feeds.icalendar_file(r, name=r.site_title, stamp=self.stamp), lang=lang)
            index = self.lang_path(lang, search.INDEX_DIR)
            files.update({f"{index}/{name}": data for name, data in search.index_files(search.entries(r)).items()})
        # Progress badges, one per plan and language (offered on the plan page, not listed).
        files.update(badges.badge_files({lang: self.renderer(lang) for lang in self.languages}))
        return files, downloads

    # One Atom feed per person and per organization ("what changed for this person or
    # body"), linked from their pages; not listed among the downloads.
    def _subject_feeds(self, r: Renderer, every: list[feeds.Item],
                       made: dict[tuple[str, str], feeds.Entry]) -> dict[str, bytes]:
        by_subject = feeds.subject_items(r, every)
        out: dict[str, bytes] = {}
        for kind, records in (("person", self.context.dataset.people), ("organization", self.context.dataset.organizations)):
            for record in records:
                page = r.absolute(PageRef(kind, record.id))
                title = r.ui("feeds.subject_title", name=r.label(record.id).value, site=r.site_title)
                path = r.feed_path(kind, record.id)
                out[path] = feeds.atom_feed(r, title=title, feed_url=self.url(path), home_url=page, updated=self.stamp,
                                            entries=by_subject.get((kind, record.id), []), key=(kind, record.id),
                                            made=made)
        return out

    def files(self) -> dict[str, bytes]:
        """Every generated file by path from the site root."""
        return self._made[0]

    def downloads(self) -> list[Download]:
        return self._made[1]

    def write(self, site_dir: Path) -> None:
        """Write every generated file under the built site."""
        made: set[Path] = set()
        for path, data in self.files().items():
            target = site_dir / path
            if target.parent not in made:  # thousands of files in a few hundred folders
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
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
            "site": r.site_title,
        }

    # --- head metadata --------------------------------------------------------------------

    def head(self, lang: str, page_url: str, title: str, site_name: str, description: str) -> dict[str, Any]:
        """Feed links, JSON-LD and Open Graph properties of one page."""
        r = self.renderer(lang, page_url)
        key = r.ref.kind
        abs_url = self.url(page_url if page_url not in ("", ".") else "")
        home = self.url(self.lang_path(lang, ""))
        files = [
            {"url": self.url(d.path), "media_type": d.media_type, "name": d.path.rsplit("/", 1)[-1]}
            for d in self.downloads() if d.lang in (None, lang)
        ] if key == "open-data" else None
        graph = jsonld.graph(r, page_url=abs_url, title=title, site_name=site_name, home_url=home, dataset_files=files)
        feed_links = [
            {
                "href": relative(page_url, self.lang_path(lang, FEED_FILE)),
                "type": "application/atom+xml",
                "title": r.ui("feeds.link_title"),
            },
            {
                "href": relative(page_url, self.lang_path(lang, CALENDAR_FILE)),
                "type": "text/calendar",
                "title": r.ui("feeds.calendar_title"),
            },
        ]
        og = jsonld.open_graph(r, title=title, description=description, url=abs_url, site_name=site_name, languages=self.languages)
        return {"feeds": feed_links, "jsonld": jsonld.script_json(graph), "og": og}
