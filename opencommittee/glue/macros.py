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
