"""mkdocs-macros entry point: registers the page-block macros; no logic lives here."""

from opencommittee.glue.macros import register


def define_env(env):
    register(env)
