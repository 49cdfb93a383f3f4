"""Page blocks of the Open data and What changed pages, and the "cite this" block."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from . import exports
from .models import COLLECTIONS
from .publish import page_key, publication
from .render import Renderer
from .routes import relative


def language_name(code: str, in_lang: str) -> str:
    """A language's name in another language ("English", "tiếng Anh"), from Babel."""
    from babel import Locale

    try:
        return Locale.parse(code).get_display_name(in_lang) or code
    except (ValueError, LookupError):
        return code


def _size(r: Renderer, size: int) -> str:
    if size < 1000:
        return r.ui("opendata.size_b", n=r.num(size, 0))
    return r.ui("opendata.size_kb", n=r.num(size / 1000, 1))


def type_label(r: Renderer, field: exports.DictField) -> str:
    """A field's type in words (with the collections an id refers to, or the vocabulary)."""
    kind = field.type
    args: dict[str, Any] = {}
    if kind.kind in ("id", "ids") and kind.targets:
        args["targets"] = ", ".join(kind.targets)
        return r.ui(f"opendata.types.{kind.kind}_of", **args)
    if kind.kind == "enum":
        return r.ui("opendata.types.enum", values=", ".join(kind.enum))
    if kind.kind == "models" and kind.model is not None:
        return r.ui("opendata.types.models")
    return r.ui(f"opendata.types.{kind.kind}")


# The Open data page: downloads, feeds, CSV rule, Popolo notes, data dictionary.
def open_data(r: Renderer) -> Markup:
    pub = publication(r.dataset)
    rows = []
    for d in pub.downloads():
        label = r.ui(f"opendata.files.{d.label_key}", **d.label_args)
        if d.lang:
            label += " " + r.ui("opendata.in_language", lang=language_name(d.lang, r.lang))
        rows.append({
            "href": relative(r.page_url, d.path),
            "name": d.path.rsplit("/", 1)[-1],
            "label": label,
            "format": d.format,
            "media_type": d.media_type,
            "size": _size(r, d.size),
            "bytes": d.size,
            "kind": d.kind,
            "lang": d.lang,
        })
    dictionary = [
        {
            "collection": name,
            "anchor": f"dict-{name}",
            "rows": [
                {
                    "path": f.path,
                    "type": type_label(r, f),
                    "description": _describe(r, name, f.path),
                    "required": f.required,
                }
                for f in exports.dictionary(name)
            ],
            "count": len(r.dataset.raw.get(name, [])),
        }
        for name in COLLECTIONS
    ]
    return r.render(
        "opendata.html",
        rows=[x for x in rows if x["kind"] not in ("atom", "ics")],
        follow=[x for x in rows if x["kind"] in ("atom", "ics")],
        dictionary=dictionary,
        version=pub.history.version,
        licence_url=exports.LICENCE_URL,
        separator=exports.LIST_SEPARATOR.strip(),
        format_version=exports.FORMAT_VERSION,
    )


def _describe(r: Renderer, collection: str, path: str) -> str:
    from .publish import describe

    return describe(r.lang, collection, path)


# The What changed page, from the git history of data/.
def changes(r: Renderer) -> Markup:
    pub = publication(r.dataset)
    history = pub.history
    records = []
    if history.available:
        # When each record last changed: the newest commit that added or changed it
        # (the same answer as history.last_changed, computed in one pass).
        latest: dict[str, Any] = {}
        for change in reversed(history.changes):
            for c in change.collections:
                latest.update(dict.fromkeys(c.added + c.changed, change))
        records = [
            {"id": rec.id, "change": latest.get(rec.id)}
            for name in COLLECTIONS
            for rec in r.dataset.collections.get(name, [])
        ]
    return r.render("changes.html", history=history, records=records)


# "Cite this page": permalink, data version (commit) and date, in the page's language.
def cite(r: Renderer, title: str | None = None) -> Markup:
    pub = publication(r.dataset)
    info = pub.cite(r)
    if title is None:
        key = page_key(r.page_url, r.lang, r.default_lang)
        title = r.ui(f"pages.{key.replace('-', '_')}.title") if key else info["site"]
    return r.render("cite.html", c=info, title=title)
