"""JSON Schemas for the data files, generated from the models (the one source of truth).

Each `data/<collection>.yml` starts with
`# yaml-language-server: $schema=../opencommittee/schemas/<collection>.schema.json`, so
editors that understand that comment (VS Code with the YAML extension, and others using
yaml-language-server) complete field names and flag mistakes while typing. The schemas are
committed; `python -m opencommittee schemas` regenerates them and a test fails when they
are stale. The validator (`validate`) stays the authority: it also checks what a schema
cannot (ids unique across files, references, calendar dates, end after start).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .dataset import REFERENCES
from .models import COLLECTIONS, DEFAULT_LANG, LANG_RE, PartialDate

SCHEMAS = Path(__file__).parent / "schemas"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


# The comment every data file must start with, pointing at its schema.
def modeline(collection: str) -> str:
    return f"# yaml-language-server: $schema=../opencommittee/schemas/{collection}.schema.json"


def file_name(collection: str) -> str:
    return f"{collection}.schema.json"


# A partial date as editors should see it: an ISO string, or a bare year written unquoted.
def _date_schema(examples: list[str]) -> dict[str, Any]:
    return {
        "anyOf": [
            {"type": "string", "pattern": DATE_PATTERN},
            {"type": "integer", "minimum": 1000, "maximum": 9999},
        ],
        "description": "Date: YYYY, YYYY-MM or YYYY-MM-DD (a day that exists on the calendar).",
        "examples": examples,
    }


# Human text: a mapping of language codes, the default language required.
def _text_schema(original: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "title": "Text",
        "description": (
            f"Text with one line per language: '{DEFAULT_LANG}:' is required, 'en:' is the "
            "English translation (optional)."
        ),
        "properties": {
            DEFAULT_LANG: {"type": "string", "minLength": 1, "description": "Vietnamese text (required)."},
            "en": {"type": "string", "description": "English translation."},
        },
        "required": [DEFAULT_LANG],
        "propertyNames": {"pattern": LANG_RE.pattern},
        "additionalProperties": original.get("additionalProperties", {"type": "string"}),
    }


# Walk a generated schema: fix partial dates, describe references.
def _rewrite(node: Any, date_node: dict[str, Any], field: str | None = None) -> Any:
    if isinstance(node, list):
        return [_rewrite(item, date_node, field) for item in node]
    if not isinstance(node, dict):
        return node
    if {k: v for k, v in node.items() if k in date_node} == date_node and node.get("type") == "string":
        return _date_schema(node.get("examples", []))
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "properties" and isinstance(value, dict):
            out[key] = {name: _describe(name, _rewrite(sub, date_node, name)) for name, sub in value.items()}
        else:
            out[key] = _rewrite(value, date_node, field)
    return out


# A reference field says which collections its ids come from.
def _describe(name: str, schema: Any) -> Any:
    kinds = REFERENCES.get(name)
    if name == "parent_id" and isinstance(schema, dict):
        return {"description": "the id of the parent record, in the same file.", **schema}
    if kinds and isinstance(schema, dict) and "description" not in schema:
        plural = name.endswith("s") and not name.endswith("_id")
        what = "ids of records" if plural else "the id of a record"
        schema = {"description": f"{what} in: {', '.join(kinds)}.", **schema}
    return schema


def generate(collection: str) -> dict[str, Any]:
    """The JSON Schema of one data file: a list of records of the collection's model."""
    model = COLLECTIONS[collection]
    raw = TypeAdapter(list[model]).json_schema(mode="validation")  # type: ignore[valid-type]
    date_node = TypeAdapter(PartialDate).json_schema(mode="validation")
    schema = _rewrite(raw, date_node)
    defs = schema.get("$defs", {})
    if "Text" in defs:
        defs["Text"] = _text_schema(defs["Text"])
    return {
        "$schema": DRAFT,
        "$id": file_name(collection),
        "title": f"data/{collection}.yml",
        "description": (
            f"A list of {collection} records, each starting with '- id:'. Generated from "
            "opencommittee/models.py by `python -m opencommittee schemas`; do not edit."
        ),
        **schema,
    }


def render(collection: str) -> str:
    """The schema as committed: stable key order, two-space indent, final newline."""
    return json.dumps(generate(collection), indent=2, ensure_ascii=False) + "\n"


def write_all(folder: Path = SCHEMAS) -> list[Path]:
    """Write every schema; return the files whose content changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for collection in COLLECTIONS:
        target = folder / file_name(collection)
        text = render(collection)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(target)
    return changed


def stale(folder: Path = SCHEMAS) -> list[str]:
    """Collections whose committed schema differs from the generated one (or is missing)."""
    out = []
    for collection in COLLECTIONS:
        target = folder / file_name(collection)
        if not target.exists() or target.read_text(encoding="utf-8") != render(collection):
            out.append(collection)
    return out
