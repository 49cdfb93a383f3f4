"""Issue 5, acceptance 6: `mkdocs serve` (what `make serve` runs) rebuilds and reloads
after a data file is saved; a data error is printed in the terminal and the server keeps
answering; once the error is fixed the page shows the new data."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import BIN, ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - local server
        return response.status, response.read().decode("utf-8")


def wait_for(check: Callable[[], bool], what: str, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"timed out waiting for {what}")


def test_serve_survives_data_error_and_reloads(data_copy: Path, tmp_path: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    env = {**os.environ, "SITE_DATA_DIR": str(data_copy), "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"{base}/"}
    # the same command as `make serve`, watching the copied data folder
    command = [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload",
               "--watch", str(data_copy), "--watch", "opencommittee", "--watch", "macros.py"]
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)  # noqa: S603
    try:
        output = lambda: log.read_text(encoding="utf-8", errors="replace")  # noqa: E731
        wait_for(lambda: fetch(f"{base}/members/")[0] == 200, "the first build")
        status, html = fetch(f"{base}/members/")
        assert "Tô Hùng Khoa" in html
        assert "livereload" in html  # the page polls the server and reloads on a new build

        people = data_copy / "people.yml"
        good = people.read_text(encoding="utf-8")
        people.write_text(good.replace("  name: Tô Hùng Khoa\n", "  nam: Tô Hùng Khoa\n", 1), encoding="utf-8")
        wait_for(lambda: "unknown field 'nam'" in output() or "trường 'nam'" in output(), "the data error in the terminal")
        assert "people.yml:" in output()
        assert server.poll() is None, output()
        wait_for(lambda: "last valid data" in output(), "the notice that the last valid data is served")
        status, html = fetch(f"{base}/members/")  # still serving, with the last valid data
        assert status == 200 and "Tô Hùng Khoa" in html

        people.write_text(good.replace("  name: Tô Hùng Khoa\n", "  name: Tô Hùng Khoa Mới\n", 1), encoding="utf-8")
        wait_for(lambda: "Tô Hùng Khoa Mới" in fetch(f"{base}/members/")[1], "the page to show the fixed data")
        wait_for(lambda: "Tô Hùng Khoa Mới" in fetch(f"{base}/en/members/")[1], "the English page")
        assert server.poll() is None
        assert "Reloading browsers" in output()
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
