"""HTML validity with the Nu HTML Checker (npm `vnu-jar`), every page in one JVM call."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Filter:
    pattern: re.Pattern[str]
    reason: str


def load_filters(path: Path) -> list[Filter]:
    """Entries `REGEX || reason`; a line without a reason is an error (every filter says why)."""
    filters = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        regex, sep, reason = line.partition(" || ")
        if not sep or not reason.strip():
            raise ValueError(f"{path}:{number}: a filter needs ' || reason'")
        filters.append(Filter(re.compile(regex.strip()), reason.strip()))
    return filters


def run(files: list[Path], jar: Path, java: str | None = None) -> list[dict]:
    """All messages from one vnu run over `files` (its JSON report)."""
    java = java or shutil.which("java") or "java"
    result = subprocess.run(  # noqa: S603 - fixed argv, no shell
        [java, "-Xss8m", "-jar", str(jar), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True, text=True, check=False, timeout=600,
    )
    if not result.stderr.strip():
        raise RuntimeError(f"vnu printed no report (exit {result.returncode}): {result.stdout[-500:]}")
    return list(json.loads(result.stderr)["messages"])


def errors(messages: list[dict], filters: list[Filter]) -> tuple[list[str], dict[str, int]]:
    """Unfiltered errors as `file:line: message`, and how often each filter matched."""
    found: list[str] = []
    used = {f.pattern.pattern: 0 for f in filters}
    for message in messages:
        if message.get("type") != "error" and message.get("subType") != "fatal":
            continue
        text = message.get("message", "")
        hit = next((f for f in filters if f.pattern.search(text)), None)
        if hit is not None:
            used[hit.pattern.pattern] += 1
            continue
        where = message.get("url", "").removeprefix("file:")
        found.append(f"{where}:{message.get('lastLine', '?')}: {text} [{message.get('extract', '').strip()[:80]}]")
    return found, used
