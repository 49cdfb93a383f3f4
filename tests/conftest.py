"""Shared fixtures: the repository root, a copy of data/, and site builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
BIN = Path(sys.executable).parent


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
