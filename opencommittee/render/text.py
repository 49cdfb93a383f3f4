"""Text that goes into Markdown (page titles, headings) rather than into HTML blocks."""

from __future__ import annotations

import re
from html import escape

# The characters Python-Markdown lets a backslash escape.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def markdown_text(value: str) -> str:
    """Plain text as Markdown that renders to exactly that text: HTML characters become
    entities and Markdown punctuation is escaped, so no text can become a tag or a link."""
    return _MARKDOWN.sub(r"\\\1", escape(value, quote=False))
