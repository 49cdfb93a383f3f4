"""Blocks of the About page: translation coverage (policies are `common.prose`)."""

from __future__ import annotations

from markupsafe import Markup

from ...derive.translations import coverage
from ...load.catalogs import available
from ..renderer import Renderer


# Translation coverage per collection, for every language that has a catalog.
def translation_coverage(r: Renderer) -> Markup:
    languages = [lang for lang in available() if lang != r.default_lang]
    names = {lang: r.ui(f"translation.language_names.{lang}") for lang in languages}
    by_lang = {lang: {c.collection: c for c in coverage(r.dataset, lang)} for lang in languages}
    rows = []
    for name, first in by_lang[languages[0]].items() if languages else ():
        rows.append({"collection": name, "label": _collection_label(r, name), "texts": first.texts,
                     "by_lang": {lang: by_lang[lang][name] for lang in languages}})
    return r.render("translation_coverage.html", rows=rows, languages=languages, names=names)


# A collection's name in the reader's language (the file name when the catalog has none).
def _collection_label(r: Renderer, name: str) -> str:
    try:
        return r.ui(f"translation.collections.{name}")
    except KeyError:
        return name


# The site's own settings (data/site.yml), anchored as a record: which body it presents.
def site_setting(r: Renderer) -> Markup:
    return r.render("site_setting.html", setting=r.setting, body=r.indexes.primary, count=len(r.indexes.bodies))
