"""Vietnamese-aware text folding: search without diacritics and readable heading slugs."""

from __future__ import annotations

import re
import unicodedata

_EXTRA = str.maketrans({"đ": "d", "Đ": "D", "ơ": "o", "Ơ": "O", "ư": "u", "Ư": "U"})


_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def fold(text: str) -> str:
    """Remove diacritics (đ → d) so that "giao duc" matches "giáo dục"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA))
    return unicodedata.normalize("NFC", _MARKS.sub("", decomposed))


def slugify(value: str, separator: str = "-") -> str:
    """Heading anchors: `Đào tạo` → `dao-tao` (used as markdown toc.slugify)."""
    words = re.findall(r"[a-z0-9]+", fold(value).lower())
    return separator.join(words)
