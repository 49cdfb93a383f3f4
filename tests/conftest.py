"""Shared helpers and fixtures.

- Unit tests (`tests/unit/<layer>/`) build a `BuildContext` from a data folder with
  `make_context` and render pages with `render_page`, which runs the macro calls of a
  `docs/*.md` page through the page blocks exactly as mkdocs-macros does, with no MkDocs.
- Full builds are few and shared per session: `site` (the embedded data, served under a
  sub-path), `xss_site` (markup and template syntax in every text), `synthetic10_site`.
  `tests/integration/` adds the paging, ProperDocs and French builds.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
import pytest
import yaml

from opencommittee.cli.main import main
from opencommittee.derive.context import BuildContext, Settings
from opencommittee.derive.routes import SUBJECT_FOLDERS, PageRef, lang_root
from opencommittee.model.loader import load_dataset
from opencommittee.publish.publication import Publication
from opencommittee.render.blocks import MACROS
from opencommittee.render.renderer import Renderer

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
BIN = Path(sys.executable).parent
FIXTURES = ROOT / "tests" / "fixtures"
# Every build in the suite is stamped 2025-11-27 (SOURCE_DATE_EPOCH).
SOURCE_DATE_EPOCH = "1764201600"
EPOCH = datetime.fromtimestamp(int(SOURCE_DATE_EPOCH), UTC)
EPOCH_DAY = EPOCH.date()
# The site address unit tests render for (absolute permalinks, feeds).
UNIT_SITE_URL = "https://example.org/oc/"


def alias_bomb_yaml() -> str:
    """A YAML "billion laughs": nine levels of nine aliases (refused before expansion)."""
    lines = ["- id: bomb", '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    for level in "bcdefghi":
        lines.append(f"  {level}: &{level} [" + ",".join([f"*{prev}"] * 9) + "]")
        prev = level
    return "\n".join(lines) + "\n"


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first occurrence of `old` in a data file (which must hold it)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    """1-based line number of the n-th line containing `needle`."""
    hits = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m opencommittee ARGS` run in this process (the same `main`), with its exit
    code and output; tests/editors/test_cli.py also runs the real command line."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit_:
            code = int(exit_.code or 0)
    return subprocess.CompletedProcess(["opencommittee", *args], code, out.getvalue(), err.getvalue())


def validate(data: Path, lang: str = "en") -> subprocess.CompletedProcess[str]:
    """`python -m opencommittee validate --lang LANG DATA`, as editors and CI run it."""
    return run_cli("validate", "--lang", lang, str(data))


def overlay(fixture: str, target: Path) -> Path:
    """A copy of data/ with a fixture of tests/fixtures/progress laid over it."""
    shutil.copytree(DATA, target)
    for file in sorted((FIXTURES / "progress" / fixture).glob("*.yml")):
        dest = target / file.name
        text = file.read_text(encoding="utf-8")
        if yaml.safe_load(text) == [] or yaml.safe_load(dest.read_text(encoding="utf-8")) in ([], None):
            dest.write_text(text, encoding="utf-8")
        else:
            dest.write_text(dest.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")
    return target


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the embedded data folder."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


# --- unit tests: a context and pages without MkDocs ----------------------------------


def make_context(data_dir: Path = DATA, *, as_of: date = EPOCH_DAY, page_size: int = 50,
                 languages: tuple[str, ...] = ("vi", "en"), site_url: str = UNIT_SITE_URL,
                 stale_after_days: int = 180) -> BuildContext:
    """The build context of a data folder, with its publication attached (as the glue does)."""
    settings = Settings(as_of=as_of, default_lang="vi", languages=languages, site_url=site_url,
                        page_size=page_size, stale_after_days=stale_after_days)
    context = BuildContext(load_dataset(data_dir), settings)
    context.published = Publication(context, data_dir, EPOCH)
    return context


def docs_page(key: str) -> Path:
    """The Markdown page in docs/ of a page kind (pages about one subject: its template)."""
    if key in SUBJECT_FOLDERS:
        return ROOT / "docs" / "_templates" / f"{key}.md"
    return ROOT / "docs" / f"{'index' if key == 'home' else key}.md"


def render_page(context: BuildContext, lang: str, key: str, number: int = 1, subject: str | None = None) -> str:
    """A page with its macro calls rendered through the page blocks (its Markdown with
    the blocks' HTML in it), for page `number` of a paged list; `subject` is the body,
    person, organization or year the page is about."""
    url = lang_root(lang, context.settings.default_lang) + context.router.path(PageRef(key, subject, number))
    r = Renderer(context, lang, url)
    macros: dict[str, Any] = {name: partial(block, r) for name, block in MACROS.items()}
    macros["ui"] = r.ui
    template = jinja2.Environment(undefined=jinja2.StrictUndefined).from_string(docs_page(key).read_text(encoding="utf-8"))
    return template.render(**macros)


@pytest.fixture(scope="session")
def embedded() -> BuildContext:
    """The embedded data's build context (as of the suite's epoch)."""
    return make_context()


# --- full builds -----------------------------------------------------------------------


def build_site(site_dir: Path, data_dir: Path | None = None, env: dict[str, str] | None = None, tool: str = "mkdocs") -> subprocess.CompletedProcess[str]:
    """Run a strict build of the repository's site into `site_dir` (optionally other data)."""
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    environ.pop("SITE_AS_OF", None)
    if data_dir is not None:
        environ["SITE_DATA_DIR"] = str(data_dir)
    environ.update(env or {})
    return subprocess.run(
        [str(BIN / tool), "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=environ, capture_output=True, text=True, check=False,
    )


XSS_TOKEN = "Zqxjv"
XSS_PAYLOAD = "<script>alert(1)</script> <img src=x onerror=alert(1)> {{ 7*7 }} {% include 'x' %}"


@dataclass
class Served:
    """A built site served on 127.0.0.1 under its site_url path."""

    dir: Path
    url: str  # site_url, e.g. http://127.0.0.1:PORT/oc-test/
    origin: str
    prefix: str


def _serve_build(factory: pytest.TempPathFactory, name: str, data_dir: Path | None = None,
                 env: dict[str, str] | None = None) -> Iterator[Served]:
    from opencommittee.quality.serve import SiteServer, free_port

    port = free_port()
    prefix = f"/{name}/"
    url = f"http://127.0.0.1:{port}{prefix}"
    site = factory.mktemp(name) / "site"
    result = build_site(site, data_dir, env={"SITE_URL": url, **(env or {})})
    assert result.returncode == 0, result.stderr[-3000:]
    with SiteServer(site, port, prefix):
        yield Served(site, url, f"http://127.0.0.1:{port}", prefix)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The embedded site, built once with SITE_URL under a sub-path, served on a free port."""
    yield from _serve_build(tmp_path_factory, "oc-test")


@pytest.fixture(scope="session")
def built_site(site: Served) -> Path:
    """The folder of the embedded site build."""
    return site.dir


@pytest.fixture(scope="session")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The site built from a copy of data/ where every human text (each `vi:`/`en:` value,
    names, titles, publishers, authors) carries markup and template syntax."""
    data = tmp_path_factory.mktemp("xss-data") / "data"
    shutil.copytree(DATA, data)
    field = re.compile(r"^(\s+(?:- )?(?:vi|en|name|title|publisher|author)): ([^'\"|>\n].*)$", re.M)
    injected = 0
    for file in sorted(data.glob("*.yml")):
        text, count = field.subn(
            lambda m: f"{m.group(1)}: '{m.group(2).replace(chr(39), chr(39) * 2)} {XSS_TOKEN} {XSS_PAYLOAD.replace(chr(39), chr(39) * 2)}'",
            file.read_text(encoding="utf-8"),
        )
        injected += count
        file.write_text(text, encoding="utf-8")
    assert injected >= 50, injected
    yield from _serve_build(tmp_path_factory, "oc-xss", data)


@pytest.fixture(scope="session")
def synthetic10_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """A 10x synthetic committee (devtools.synthetic), built and served like the real site."""
    from opencommittee.devtools.synthetic import write

    data = tmp_path_factory.mktemp("synthetic10") / "data"
    write(data, scale=10, seed=1)
    yield from _serve_build(tmp_path_factory, "oc-10x", data, env={"SITE_AS_OF": "2025-06-30"})


# --- the browser -----------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Debian Chromium (CHROME_PATH) for the whole session."""
    from playwright.sync_api import sync_playwright

    from opencommittee.quality.browser import chrome_path, launch

    if not Path(chrome_path()).exists():
        pytest.fail(f"Chromium not found at {chrome_path()}: run  sudo apt-get install -y chromium  (or set CHROME_PATH)")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


def page_urls(served: Served) -> list[str]:
    """The URL of every HTML page of a served site."""
    from opencommittee.quality.pages import html_pages, url_path

    return [served.origin + url_path(served.dir, page, served.prefix) for page in html_pages(served.dir)]


@pytest.fixture(scope="session")
def page_sweep(chromium: Any, site: Served) -> list[Any]:
    """Every page loaded once in Chromium, axe-core run at 1280 and 360 px (JS on, CSP on)."""
    from opencommittee.quality.browser import axe_source, sweep

    return sweep(chromium, page_urls(site), site.origin, axe_source(ROOT))
