"""Shared fixtures: the repository root, a copy of data/, and site builds."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
BIN = Path(sys.executable).parent


def alias_bomb_yaml() -> str:
    """A YAML "billion laughs": nine levels of nine aliases (refused before expansion)."""
    lines = ["- id: bomb", '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    for level in "bcdefghi":
        lines.append(f"  {level}: &{level} [" + ",".join([f"*{prev}"] * 9) + "]")
        prev = level
    return "\n".join(lines) + "\n"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the embedded data folder."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def build_site(site_dir: Path, data_dir: Path | None = None, env: dict[str, str] | None = None, tool: str = "mkdocs") -> subprocess.CompletedProcess[str]:
    """Run a strict build of the repository's site into `site_dir` (optionally other data)."""
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764201600"}
    environ.pop("SITE_AS_OF", None)
    if data_dir is not None:
        environ["SITE_DATA_DIR"] = str(data_dir)
    environ.update(env or {})
    return subprocess.run(
        [str(BIN / tool), "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=environ, capture_output=True, text=True, check=False,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The embedded site, built once per test session."""
    site = tmp_path_factory.mktemp("site") / "site"
    result = build_site(site)
    assert result.returncode == 0, result.stderr
    return site


# --- Quality gates (issue 6): sites built under a sub-path and served on a free port ---

XSS_TOKEN = "Zqxjv"
XSS_PAYLOAD = "<script>alert(1)</script> <img src=x onerror=alert(1)> {{ 7*7 }}"


@dataclass
class Served:
    """A built site served on 127.0.0.1 under its site_url path."""

    dir: Path
    url: str  # site_url, e.g. http://127.0.0.1:PORT/oc-test/
    origin: str
    prefix: str


def _serve_build(factory: pytest.TempPathFactory, name: str, data_dir: Path | None = None) -> Iterator[Served]:
    from opencommittee.quality.serve import SiteServer, free_port

    port = free_port()
    prefix = f"/{name}/"
    url = f"http://127.0.0.1:{port}{prefix}"
    site = factory.mktemp(name) / "site"
    result = build_site(site, data_dir, env={"SITE_URL": url})
    assert result.returncode == 0, result.stderr[-3000:]
    with SiteServer(site, port, prefix):
        yield Served(site, url, f"http://127.0.0.1:{port}", prefix)


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The embedded site built with SITE_URL under a sub-path, served on a free port."""
    yield from _serve_build(tmp_path_factory, "oc-test")


@pytest.fixture(scope="session")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The site built from a copy of data/ where every human text (each `vi:`/`en:` value,
    names, titles, publishers, authors) carries markup and Jinja syntax."""
    data = tmp_path_factory.mktemp("xss-data") / "data"
    shutil.copytree(DATA, data)
    field = re.compile(r"^(\s+(?:- )?(?:vi|en|name|title|publisher|author)): ([^'\"|>\n].*)$", re.M)
    injected = 0
    for file in sorted(data.glob("*.yml")):
        text, count = field.subn(
            lambda m: f"{m.group(1)}: '{m.group(2).replace(chr(39), chr(39) * 2)} {XSS_TOKEN} {XSS_PAYLOAD}'",
            file.read_text(encoding="utf-8"),
        )
        injected += count
        file.write_text(text, encoding="utf-8")
    assert injected >= 50, injected
    yield from _serve_build(tmp_path_factory, "oc-xss", data)


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
def page_sweep(chromium: Any, served_site: Served) -> list[Any]:
    """Every page loaded once in Chromium, axe-core run at 1280 and 360 px (JS on, CSP on)."""
    from opencommittee.quality.browser import axe_source, sweep

    return sweep(chromium, page_urls(served_site), served_site.origin, axe_source(ROOT))


@pytest.fixture(scope="session")
def synthetic10_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """A 10x synthetic committee (opencommittee.synthetic), built and served like the real site."""
    from opencommittee.synthetic import write

    data = tmp_path_factory.mktemp("synthetic10") / "data"
    write(data, scale=10, seed=1)
    yield from _serve_build(tmp_path_factory, "oc-10x", data)
