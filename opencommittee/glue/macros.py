"""mkdocs-macros: register every page block, bound to the renderer of the page built."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from markupsafe import Markup

from ..render.blocks import MACROS
from ..render.renderer import Renderer
from .build import build_of
from .settings import current_language


def _renderer(env: Any) -> Renderer:
    page = env.page
    return build_of(env.conf).renderer(current_language(env.conf), page.url if page is not None else "")


def register(env: Any) -> None:
    """Called by `define_env` in the root `macros.py`, once per language pass."""

    def bind(function: Callable[..., Markup]) -> Callable[..., Markup]:
        @wraps(function)
        def macro(*args: Any, **kwargs: Any) -> Markup:
            return function(_renderer(env), *args, **kwargs)

        return macro

    for name, function in MACROS.items():
        env.macro(bind(function), name)
    # Interface strings for headings: {{ ui("pages.members.title") }}.
    env.macro(lambda key, **args: _renderer(env).ui(key, **args), "ui")
