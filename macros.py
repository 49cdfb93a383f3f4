"""mkdocs-macros entry point: registers the page-block macros; no logic lives here."""

from opencommittee.glue.macros import register, reuse_page_templates


def define_env(env):
    register(env)


def on_pre_page_macros(env):
    reuse_page_templates(env)
