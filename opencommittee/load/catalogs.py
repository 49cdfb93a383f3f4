"""Interface strings and validation messages per language, from `locales/<lang>.yml`.

A third language is added by writing `locales/<code>.yml` with the same keys (a test
checks every catalog has every key of the default one) and listing it in `mkdocs.yml`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

# The catalogs are data files of the package (opencommittee/locales/<lang>.yml).
LOCALES = Path(__file__).resolve().parent.parent / "locales"


@cache
def catalog(lang: str) -> dict[str, Any]:
    """The whole catalog of a language (English when the language has none)."""
    file = LOCALES / f"{lang}.yml"
    if not file.exists():
        file = LOCALES / "en.yml"
    # The package's own files, trusted: libyaml's safe loader when installed (a fifth of
    # a second less per process than PyYAML's, twice per build).
    with file.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def messages(lang: str) -> dict[str, dict[str, str]]:
    """Validation messages of a language."""
    return catalog(lang)["validation"]


def ui(lang: str) -> dict[str, Any]:
    """Interface strings of a language."""
    return catalog(lang)["ui"]


@cache
def ui_strings(lang: str) -> dict[str, str]:
    """Interface strings of a language by dotted key ("paging.and_more"), the leaves of
    `ui` (a page asks for some hundred of them)."""
    found: dict[str, str] = {}

    def walk(tree: dict[str, Any], prefix: str) -> None:
        for key, value in tree.items():
            if isinstance(value, dict):
                walk(value, f"{prefix}{key}.")
            else:
                found[f"{prefix}{key}"] = str(value)

    walk(ui(lang), "")
    return found


def available() -> list[str]:
    """Language codes that have a catalog."""
    return sorted(p.stem for p in LOCALES.glob("*.yml"))


def flat_keys(tree: dict[str, Any], prefix: str = "") -> set[str]:
    """Every dotted key in a nested catalog (used to compare languages)."""
    keys: set[str] = set()
    for key, value in tree.items():
        path = f"{prefix}{key}"
        keys |= flat_keys(value, path + ".") if isinstance(value, dict) else {path}
    return keys


def message_language(environ: Mapping[str, str] | None = None) -> str:
    """Messages in Vietnamese when LC_ALL/LANG starts with "vi", else in English."""
    env = os.environ if environ is None else environ
    value = env.get("LC_ALL") or env.get("LANG") or ""
    return "vi" if value.lower().startswith("vi") else "en"
