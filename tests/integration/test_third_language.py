"""The design lets a third language be added by configuration and data alone:
a config that only adds `fr` to the i18n languages builds a French tree whose data
texts fall back to Vietnamese with the marker, and whose search index is its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

FRENCH = """        - locale: fr
          name: Français
          build: true
"""


def test_french_added_by_configuration(tmp_path: Path) -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    anchor = "  - macros:"
    assert anchor in config
    config = config.replace(anchor, FRENCH.rstrip("\n") + "\n" + anchor, 1)
    # The config must sit beside mkdocs.yml: relative paths (docs, data, hooks) resolve from it.
    path = ROOT / f".test-third-language-{os.getpid()}.yml"
    path.write_text(config, encoding="utf-8")
    site = tmp_path / "site"
    try:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764201600"}
        result = subprocess.run(
            [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-f", str(path), "-d", str(site)],
            cwd=ROOT, env=env, capture_output=True, text=True, check=False,
        )
    finally:
        path.unlink()
    assert result.returncode == 0, result.stderr
    html = (site / "fr" / "committee" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in html
    # No French in data/: every data text falls back to Vietnamese, marked and tagged.
    assert '<span lang="vi">Giúp Chủ tịch UBND tỉnh chỉ đạo' in html
    assert 'class="oc-untranslated"' in html
    # Dates are formatted for French by Babel.
    members = (site / "fr" / "members" / "index.html").read_text(encoding="utf-8")
    assert "25 août 2014" in members
    # Its own search index: addresses inside the French tree, texts in French where known.
    index = site / "fr" / "search" / "index"
    manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    entries = [e for chunk in sorted(index.glob("d/*.json")) for e in json.loads(chunk.read_text(encoding="utf-8"))]
    assert len(entries) == manifest["count"] > 0
    assert not any(url.startswith(("fr/", "en/", "/")) for _, url, _, _ in entries)
