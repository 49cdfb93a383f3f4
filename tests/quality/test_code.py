"""Static checks run by the suite (as in CI and pre-commit): ruff and mypy are clean, and
the import-linter contracts in pyproject.toml (layers, only the glue imports MkDocs, no
import cycle) are kept; a deliberate violation in a copy of the package is caught."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

BIN = Path(sys.executable).parent


def run(*argv: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*argv], cwd=cwd, capture_output=True, text=True, check=False, env={**os.environ, **(env or {})})


def test_ruff_is_clean() -> None:
    result = run(str(BIN / "ruff"), "check", "opencommittee", "tests", "macros.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = run(str(BIN / "mypy"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contracts_are_kept() -> None:
    result = run(str(BIN / "lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_import_contracts_catch_a_violation(tmp_path: Path) -> None:
    """A render module importing the glue (upwards, and so MkDocs) and a cycle between
    two model modules break all three contracts."""
    shutil.copytree(ROOT / "opencommittee", tmp_path / "opencommittee", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    with (tmp_path / "opencommittee" / "render" / "fmt.py").open("a", encoding="utf-8") as out:
        out.write("\nfrom ..glue import hooks  # noqa\nimport mkdocs  # noqa\n")
    with (tmp_path / "opencommittee" / "model" / "dates.py").open("a", encoding="utf-8") as out:
        out.write("\nfrom . import records  # noqa\n")
    result = run(str(BIN / "lint-imports"), "--no-cache", cwd=tmp_path, env={"PYTHONPATH": str(tmp_path)})
    assert result.returncode == 1, result.stdout
    assert "Contracts: 0 kept, 3 broken." in result.stdout, result.stdout
    assert "opencommittee.render.fmt -> opencommittee.glue.hooks" in result.stdout
    assert "opencommittee.render.fmt -> mkdocs" in result.stdout


def test_test_files_have_unique_names() -> None:
    """pytest imports test modules by file name: two files of one name would clash."""
    names = [p.name for p in (ROOT / "tests").rglob("test_*.py")]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
