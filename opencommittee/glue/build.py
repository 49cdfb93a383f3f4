"""The one `Build` of a `mkdocs build`: dataset, context, publication, CSP policy.

MkDocs (and mkdocs-static-i18n, once per language) passes one config object through a
whole build, so the build is kept on that object: it is made in `on_config`, reused by
every language pass and macro call, and gone with the config. `mkdocs serve` loads a new
config for every rebuild, so a change of data always gets a new build. The only state
that outlives a build is the preview's last valid dataset (`Preview`).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.metadata import version as package_version
from pathlib import Path
from typing import Any

import jinja2
import material
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from markupsafe import Markup, escape

from ..derive.context import BuildContext
from ..load.clock import build_time
from ..load.problems import Problem
from ..model.dataset import Dataset
from ..model.loader import load_dataset
from ..publish.csp import ScriptPolicy
from ..publish.publication import Publication
from ..render import renderer
from ..render.renderer import Renderer, keep_compiled
from .settings import current_language, data_dir, settings_from, shown_data_dir

_ATTRIBUTE = "oc_build"
# A block's placeholder in a page's Markdown: an HTML comment Markdown keeps as it is.
_SLOT = "<!--oc-slot-{}-->"
_SLOT_RE = re.compile(r"<!--oc-slot-(\d+)-->")
# The data folder's version: its path and the names and modification times of its files
# (collection folders included).
Version = tuple[str, tuple[tuple[str, float], ...]]


def version_of(config: Any) -> Version:
    folder = data_dir(config)
    # files in collection folders too (data/updates/*.yml); lstat: a broken link is named, not followed
    stamp = tuple(sorted((p.relative_to(folder).as_posix(), p.lstat().st_mtime) for p in folder.rglob("*"))) if folder.is_dir() else ()
    return str(folder), stamp


def theme_script_dirs() -> tuple[Path, ...]:
    """Where the theme's inline-script templates live (Material's, then ours)."""
    own = Path(__file__).resolve().parent.parent / "overrides" / "partials" / "javascripts"
    return (Path(material.__file__).parent / "templates" / "partials" / "javascripts", own)


class TemplateCodes(BytecodeCache):
    """Compiled templates, kept for the build and, given a folder, between builds.

    mkdocs-static-i18n builds each language with a new Jinja environment, which would
    compile every template of the theme again; and every process would compile the
    package's own templates again (a third of a second: most of a small site's build).
    Jinja keys each entry on the template's name and file and checks it against a
    checksum of the source, so an edited template is compiled anew. The folder's name
    carries the versions that shape the compiled code (see `template_folder`); an entry
    that cannot be read or written is compiled as if there were no folder."""

    def __init__(self, folder: Path | None = None) -> None:
        self.codes: dict[str, bytes] = {}
        self.folder = folder

    def _file(self, key: str) -> Path | None:
        return self.folder / f"{key}.jinja" if self.folder is not None else None

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.codes.get(bucket.key)
        file = self._file(bucket.key)
        if code is None and file is not None:
            try:
                code = file.read_bytes()
            except OSError:
                code = None
        if code is not None:
            try:
                bucket.bytecode_from_string(code)
            except Exception:  # a damaged entry (unpickling and unmarshalling raise any kind): compile again
                bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = self.codes[bucket.key] = bucket.bytecode_to_string()
        file = self._file(bucket.key)
        if file is None:
            return
        try:
            file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            part = file.with_name(f"{file.name}.{os.getpid()}.part")
            part.write_bytes(code)
            os.replace(part, file)  # whole or not at all, even with builds side by side
        except OSError:
            self.folder = None  # not writable here: keep them for this build only


def template_folder(environ: Mapping[str, str] | None = None) -> Path | None:
    """Where compiled templates are kept between builds: OC_TEMPLATE_CACHE (a folder, or
    0 for none), else the user's cache folder. Its name is a digest of the Python, Jinja,
    MkDocs and Material versions and of this package's Jinja setup."""
    env = os.environ if environ is None else environ
    setting = env.get("OC_TEMPLATE_CACHE", "")
    if setting.lower() in ("0", "off", "no", "false"):
        return None
    try:
        base = Path(setting) if setting else Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "opencommittee"
    except (KeyError, RuntimeError):  # no home folder
        return None
    shape = "|".join((sys.version, jinja2.__version__, package_version("mkdocs"), package_version("mkdocs-material"),
                      Path(renderer.__file__).read_text(encoding="utf-8")))
    return base / ("templates-" + hashlib.sha256(shape.encode("utf-8")).hexdigest()[:16])


@dataclass
class Build:
    """What one build derived from its data, shared by every language and page."""

    version: Version
    context: BuildContext
    publication: Publication
    policy: ScriptPolicy
    # The renderer of the page being built: every macro of a page reuses it.
    _page: tuple[str, str, Renderer] | None = field(default=None, repr=False)
    # The HTML of each page's blocks, by (language, URL), until it is put in the page.
    slots: dict[tuple[str, str], list[Markup]] = field(default_factory=dict, repr=False)
    # `mkdocs serve` with invalid data: the problems, shown on every page of the preview
    # (which is built from the last valid dataset).
    problems: list[Problem] = field(default_factory=list, repr=False)
    theme_codes: TemplateCodes = field(default_factory=TemplateCodes, repr=False)  # ours too

    def renderer(self, lang: str, page_url: str) -> Renderer:
        if self._page is None or self._page[:2] != (lang, page_url):
            self._page = (lang, page_url, Renderer(self.context, lang, page_url))
        return self._page[2]

    def hold(self, lang: str, page_url: str, html: Markup) -> Markup:
        """Keep a block's HTML out of Markdown (which would parse it again): the page gets
        a placeholder, replaced by `fill` once Markdown is done."""
        slots = self.slots.setdefault((lang, page_url), [])
        slots.append(html)
        return Markup(_SLOT.format(len(slots) - 1))

    def fill(self, lang: str, page_url: str, html: str, keep: bool = False) -> str:
        """A page's HTML with its blocks in place of their placeholders."""
        slots = self.slots.get((lang, page_url), []) if keep else self.slots.pop((lang, page_url), [])
        return _SLOT_RE.sub(lambda m: str(slots[int(m.group(1))]) if int(m.group(1)) < len(slots) else m.group(0), html)


def make_build(config: Any, dataset: Dataset, version: Version) -> Build:
    context = BuildContext(dataset, settings_from(config))
    publication = Publication(context, data_dir(config), build_time())
    context.published = publication
    codes = TemplateCodes(template_folder())
    keep_compiled(codes)  # the package's own templates, compiled once a machine
    return Build(version, context, publication, ScriptPolicy.of(theme_script_dirs()), theme_codes=codes)


def load(config: Any) -> Dataset:
    """Load and validate the data folder of this config; raises DataError."""
    return load_dataset(data_dir(config), shown_as=shown_data_dir(config))


def start(config: Any, fallback: Dataset | None = None) -> Build:
    """The build of this config: the one already made for its data version, else a new one
    (from `fallback` instead of the folder, for a preview whose data is invalid)."""
    version = version_of(config)
    current: Build | None = getattr(config, _ATTRIBUTE, None)
    if current is None or current.version != version:
        dataset = fallback if fallback is not None else load(config)
        current = make_build(config, dataset, version)
        setattr(config, _ATTRIBUTE, current)
    return current


def build_of(config: Any) -> Build:
    """The build made by `start` for this config (on_config runs first)."""
    current: Build | None = getattr(config, _ATTRIBUTE, None)
    if current is None:
        raise LookupError("no build for this config: the on_config hook has not run")
    return current


def name_site(config: Any) -> None:
    """The site's name and description come from the data, in the language being built
    (mkdocs.yml holds only placeholders). MkDocs themes print them without escaping, so
    they are handed over as escaped HTML text; our own templates use the plain texts
    (`Renderer.site_title`, `site_description`) and escape them themselves."""
    r = build_of(config).renderer(current_language(config), "")
    config["site_name"] = escape(r.site_title)
    config["site_description"] = escape(r.site_description)


@dataclass
class Preview:
    """`mkdocs serve`: the last dataset that validated, per data folder, so that an
    editor's mistake keeps the last valid site on screen instead of stopping the server."""

    last_good: dict[str, Dataset] = field(default_factory=dict)

    def remember(self, build: Build) -> None:
        self.last_good[build.version[0]] = build.context.dataset

    def fallback(self, config: Any) -> Dataset | None:
        return self.last_good.get(str(data_dir(config)))
