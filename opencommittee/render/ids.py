"""Ids defined twice in one built page (a record id equal to a heading anchor, say)."""

from __future__ import annotations

import re

_ID_ATTR = re.compile(r"""<[a-zA-Z][^<>]*?\sid=(?:"([^"]+)"|'([^']+)')""")


def duplicate_ids(html: str) -> list[str]:
    """Ids defined more than once in a page (a record id equal to a heading anchor, say)."""
    seen: set[str] = set()
    twice: list[str] = []
    for match in _ID_ATTR.finditer(html):
        value = match.group(1) or match.group(2)
        if value in seen and value not in twice:
            twice.append(value)
        seen.add(value)
    return twice
