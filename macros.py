"""mkdocs-macros entry point: registers page-block macros; no logic lives here."""

from functools import wraps

from opencommittee.mkdocs_glue import renderer_for
from opencommittee.site import MACROS


def define_env(env):
    # Each block macro gets a renderer for the current page and language.
    def bind(function):
        @wraps(function)
        def macro(*args, **kwargs):
            return function(renderer_for(env), *args, **kwargs)

        return macro

    for name, function in MACROS.items():
        env.macro(bind(function), name)
    # Interface strings for headings: {{ ui("pages.members.title") }}.
    env.macro(lambda key, **args: renderer_for(env).ui(key, **args), "ui")
