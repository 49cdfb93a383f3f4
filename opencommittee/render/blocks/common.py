"""Blocks used on several pages: the "data as of" line and interface prose."""

from __future__ import annotations

from markupsafe import Markup

from ..renderer import Renderer


# The "data as of" line.
def as_of(r: Renderer) -> Markup:
    return r.render("asof.html")


# Paragraphs of interface prose (about page sections) from the language catalog.
def prose(r: Renderer, key: str) -> Markup:
    paragraphs = r.ui(key).split("\n\n") if isinstance(r.ui(key), str) else []
    return r.render("prose.html", paragraphs=[p.strip() for p in paragraphs if p.strip()])
