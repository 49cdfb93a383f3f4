"""Search per language, findable without diacritics ("giao duc" finds "giáo dục").

After all languages are built, the merged MkDocs search index is split into one index
per language tree, and each entry gets a `folded` field (text without diacritics) that
lunr searches but the results never display.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..load.text import fold

_TAGS = re.compile(r"<[^>]+>")
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def split_index(index: dict[str, Any], languages: list[str], default: str) -> dict[str, dict[str, Any]]:
    """One index per language: entries under its prefix, locations relative to its root."""
    result: dict[str, dict[str, Any]] = {}
    prefixes = {lang: f"{lang}/" for lang in languages if lang != default}
    for lang in languages:
        docs = []
        for doc in index["docs"]:
            loc = doc["location"]
            owner = next((code for code, prefix in prefixes.items() if loc.startswith(prefix)), default)
            if owner != lang:
                continue
            relative = loc[len(prefixes[lang]) :] if lang in prefixes else loc
            plain = _TAGS.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}")
            docs.append({**doc, "location": relative, "folded": fold(plain)})
        config = dict(index["config"])
        config["lang"] = [lang]
        config["fields"] = {**config["fields"], "folded": {"boost": 1.0}}
        result[lang] = {"config": config, "docs": docs}
    return result


def write_indexes(site_dir: Path, languages: list[str], default: str) -> None:
    """Rewrite `search/search_index.json` under each language root of a built site."""
    source = site_dir / "search" / "search_index.json"
    index = json.loads(source.read_text(encoding="utf-8"))
    for lang, part in split_index(index, languages, default).items():
        target = site_dir / ("" if lang == default else lang) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(part, ensure_ascii=False, sort_keys=True), encoding="utf-8")


def scope_page_config(html: str, lang_prefix_depth: int) -> str:
    """Point a non-default-language page's search `base` at its own language root."""

    def rewrite(match: re.Match[str]) -> str:
        config = json.loads(match.group(2))
        # "../.." on en/members/ becomes "..": drop one ".." per language-prefix level.
        parts = [p for p in config["base"].split("/") if p not in ("", ".")]
        config["base"] = "/".join(parts[: max(len(parts) - lang_prefix_depth, 0)]) or "."
        return match.group(1) + json.dumps(config, sort_keys=True).replace("</", "<\\/") + match.group(3)

    return _CONFIG.sub(rewrite, html, count=1)
