"""Blocks used on several pages: the "data as of" line and interface prose."""

from __future__ import annotations

from markupsafe import Markup

from ...load.problems import Problem
from ..renderer import Renderer


# `make serve` with invalid data: the banner listing every problem in the page's language.
def serve_problems(r: Renderer, problems: list[Problem]) -> Markup:
    shown = [(p.format(r.lang).split("\n", 1)[0], p.hint(r.lang)) for p in problems]
    return r.render("serve_problems.html", problems=shown)


# The "data as of" line.
def as_of(r: Renderer) -> Markup:
    return r.render("asof.html")


# Paragraphs of interface prose (about page sections) from the language catalog.
def prose(r: Renderer, key: str) -> Markup:
    paragraphs = r.ui(key).split("\n\n") if isinstance(r.ui(key), str) else []
    return r.render("prose.html", paragraphs=[p.strip() for p in paragraphs if p.strip()])


# The title of the page being rendered (its first heading, and so its <title>): the
# site's name on the home page, a body's, person's or organization's name on their
# pages, the page's name elsewhere (with the body's short name on a body's pages).
def page_title(r: Renderer) -> str:
    ref = r.ref
    if ref.kind == "home":
        return r.site_title
    if ref.kind in ("person", "organization") and ref.subject:
        return r.label(ref.subject).value
    if ref.kind == "year":
        return r.ui("years.title", year=ref.subject)
    body = r.body
    if ref.kind == "committee":
        if r.scope is not None and body is not None:
            return r.label(body.id).value
        return r.ui(f"vocab.org_class_title.{body.classification.value}") if body else r.ui("pages.committee.title")
    title = r.ui(f"pages.{ref.kind.replace('-', '_')}.title")
    if r.scope is not None and body is not None:
        return r.ui("pages.of_body", page=title, body=r.label(body.id).value)
    return title
