"""Issue 13, item 8, in Chromium: while the data is invalid, every page `mkdocs serve` (what
`make serve` runs) serves shows a banner with the problems (file:line:column: field:
message) in the page's language, over the last valid data; the banner goes once the data
is fixed."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from test_serve import fetch, free_port, wait_for

from conftest import BIN, ROOT

pytestmark = pytest.mark.browser


def test_preview_shows_data_problems_until_fixed(chromium: Any, data_copy: Path, tmp_path: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    env = {**os.environ, "SITE_DATA_DIR": str(data_copy), "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"{base}/"}
    command = [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload",
               "--watch", str(data_copy)]
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)  # noqa: S603
    page = chromium.new_page()
    try:
        wait_for(lambda: fetch(f"{base}/members/")[0] == 200, "the first build")
        assert "oc-serve-problems" not in fetch(f"{base}/members/")[1]

        output = lambda: log.read_text(encoding="utf-8", errors="replace")  # noqa: E731
        reloads = lambda: output().count("Reloading browsers")  # noqa: E731
        people = data_copy / "people.yml"
        good = people.read_text(encoding="utf-8")
        before = reloads()
        people.write_text(good.replace("  name: Tô Hùng Khoa\n", "  nam: Tô Hùng Khoa\n", 1), encoding="utf-8")
        # The rebuild is over (both languages written) when the server reloads the browsers.
        wait_for(lambda: reloads() > before, "the rebuild", timeout=120)
        for path in ("members/", "en/members/", "en/plan/", ""):
            assert "oc-serve-problems" in fetch(f"{base}/{path}")[1], path
        for path, words in (("members/", ("Dữ liệu có 1 lỗi", "people.yml:", "nam")),
                            ("en/members/", ("The data has 1 problem(s)", "people.yml:", "unknown field 'nam'")),
                            ("en/plan/", ("The data has 1 problem(s)",)), ("", ("Dữ liệu có 1 lỗi",))):
            page.goto(f"{base}/{path}", wait_until="domcontentloaded")
            banner = page.locator("#oc-serve-problems")
            assert banner.is_visible(), path
            text = banner.inner_text()
            for word in words:
                assert word in text, (path, word, text)
            assert "to-hung-khoa.nam" in text or "nam" in text
        # The last valid data is still shown under the banner.
        page.goto(f"{base}/members/", wait_until="domcontentloaded")
        assert "Tô Hùng Khoa" in page.inner_text("main")

        before = reloads()
        people.write_text(good, encoding="utf-8")
        wait_for(lambda: reloads() > before, "the rebuild after the fix", timeout=120)
        assert "oc-serve-problems" not in fetch(f"{base}/members/")[1]
        page.goto(f"{base}/en/members/", wait_until="domcontentloaded")
        assert page.locator("#oc-serve-problems").count() == 0
        assert server.poll() is None
    finally:
        page.close()
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
