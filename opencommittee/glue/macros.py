"""mkdocs-macros: register every page block, bound to the renderer of the page built."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from markupsafe import Markup

from ..render.blocks import MACROS
from ..render.renderer import Renderer
from ..render.text import markdown_text
from .build import build_of
from .settings import current_language


def _renderer(env: Any) -> Renderer:
    page = env.page
    return build_of(env.conf).renderer(current_language(env.conf), page.url if page is not None else "")


# A block's HTML goes into the page after Markdown (see Build.hold); text (titles,
# interface strings) stays in the Markdown, escaped so that a name from the data is never
# markup or Markdown (no tag, no link, no emphasis).
def _placed(env: Any, r: Renderer, result: Markup | str) -> Markup | str:
    if isinstance(result, Markup):
        return build_of(env.conf).hold(r.lang, r.page_url, result)
    return markdown_text(result)


def reuse_page_templates(env: Any) -> None:
    """mkdocs-macros compiles each page's Markdown as a new Jinja template; the pages this
    build adds share one source per kind (every person page, every numbered page), so each
    source is compiled once per build and its template reused. The cache lives on the
    macros plugin's environment, which each build (and language pass) makes anew."""
    jinja = env.env
    if getattr(jinja, "oc_compiled", None) is not None:
        return
    compiled: dict[str, Any] = {}
    original = jinja.from_string

    def from_string(source: Any, globals: Any = None, template_class: Any = None) -> Any:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return original(source, globals, template_class)
        if source not in compiled:
            compiled[source] = original(source)
        return compiled[source]

    jinja.from_string = from_string
    jinja.oc_compiled = compiled


def register(env: Any) -> None:
    """Called by `define_env` in the root `macros.py`, once per language pass."""

    def bind(function: Callable[..., Markup | str]) -> Callable[..., Markup | str]:
        @wraps(function)
        def macro(*args: Any, **kwargs: Any) -> Markup | str:
            r = _renderer(env)
            return _placed(env, r, function(r, *args, **kwargs))

        return macro

    for name, function in MACROS.items():
        env.macro(bind(function), name)
    # Interface strings for headings: {{ ui("pages.members.title") }}.
    env.macro(lambda key, **args: markdown_text(_renderer(env).ui(key, **args)), "ui")
