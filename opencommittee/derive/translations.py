"""Which texts have no translation: a list for editors, a coverage table for the site.

A text is a mapping of language codes that holds the default language (`vi:`). Texts are
found in the records as written (nested agenda items and outcomes included), with the
line and column where each starts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..load.strict_yaml import Loc
from ..model.dataset import Dataset, field_path
from ..model.records import COLLECTIONS, DEFAULT_LANG, LANG_RE


@dataclass(frozen=True)
class Missing:
    """A text with no value in a language: where it is and what it says by default."""

    path: str
    line: int
    column: int
    field: str
    default_text: str


@dataclass(frozen=True)
class Coverage:
    """How many texts a collection has, and how many have a value in a language."""

    collection: str
    texts: int
    translated: int

    @property
    def percent(self) -> float | None:
        return 100.0 * self.translated / self.texts if self.texts else None


# A mapping is a text when it holds the default language and only language codes.
def is_text(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and DEFAULT_LANG in value
        and all(isinstance(k, str) and LANG_RE.match(k) for k in value)
    )


# Every (loc, text mapping) inside a raw value.
def _texts(value: Any, loc: Loc) -> Iterator[tuple[Loc, dict[str, Any]]]:
    if is_text(value):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, (*loc, i))


def _has(text: dict[str, Any], lang: str) -> bool:
    value = text.get(lang)
    return isinstance(value, str) and bool(value.strip())


def missing(dataset: Dataset, lang: str = "en") -> list[Missing]:
    """Every text with no value in `lang`, in file order."""
    out = []
    for name in COLLECTIONS:
        records = dataset.raw.get(name)
        loaded = dataset.files.get(name)
        if not records or loaded is None:
            continue
        for loc, text in _texts(records, ()):
            if not _has(text, lang):
                part, inner = loaded.locate(loc)  # the file of the record, in a collection folder
                line, col = part.position(inner)
                out.append(Missing(part.path, line, col, field_path(inner, part.value), str(text[DEFAULT_LANG])))
    return out


def coverage(dataset: Dataset, lang: str = "en") -> list[Coverage]:
    """Texts and translated texts per collection (collections with no text left out)."""
    out = []
    for name in COLLECTIONS:
        found = [text for _loc, text in _texts(dataset.raw.get(name) or [], ())]
        if found:
            out.append(Coverage(name, len(found), sum(_has(t, lang) for t in found)))
    return out
