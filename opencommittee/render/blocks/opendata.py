"""The Open data page: downloads, feeds, the CSV rule, Popolo notes, the data dictionary.

The files themselves are made by the publishing layer; the glue puts what it computed in
`BuildContext.published` before the pages render.
"""

from __future__ import annotations

from typing import Any

from babel import Locale
from markupsafe import Markup

from ...derive.routes import relative
from ...model.fields import DictField, describe, dictionary
from ...model.formats import FORMAT_VERSION, LICENCE_URL, LIST_SEPARATOR
from ...model.records import COLLECTIONS
from ..renderer import Renderer


def language_name(code: str, in_lang: str) -> str:
    """A language's name in another language ("English", "tiếng Anh"), from Babel."""
    try:
        return Locale.parse(code).get_display_name(in_lang) or code
    except (ValueError, LookupError):
        return code


def _size(r: Renderer, size: int) -> str:
    if size < 1000:
        return r.ui("opendata.size_b", n=r.num(size, 0))
    return r.ui("opendata.size_kb", n=r.num(size / 1000, 1))


def type_label(r: Renderer, field: DictField) -> str:
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


def _published(r: Renderer) -> Any:
    if r.context.published is None:
        raise LookupError("the publication of this build is not known yet")
    return r.context.published


def open_data(r: Renderer) -> Markup:
    pub = _published(r)
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
    dictionary_rows = [
        {
            "collection": name,
            "anchor": f"dict-{name}",
            "rows": [
                {
                    "path": f.path,
                    "type": type_label(r, f),
                    "description": describe(r.lang, name, f.path),
                    "required": f.required,
                }
                for f in dictionary(name)
            ],
            "count": len(r.dataset.raw.get(name, [])),
        }
        for name in COLLECTIONS
    ]
    return r.render(
        "opendata.html",
        rows=[x for x in rows if x["kind"] not in ("atom", "ics")],
        follow=[x for x in rows if x["kind"] in ("atom", "ics")],
        dictionary=dictionary_rows,
        version=pub.history.version,
        licence_url=LICENCE_URL,
        separator=LIST_SEPARATOR.strip(),
        format_version=FORMAT_VERSION,
    )
