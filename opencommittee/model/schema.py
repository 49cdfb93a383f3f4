"""Every JSON Schema of the project, from one generator over the models.

- The editors' schemas, one per data file (`opencommittee/schemas/<collection>.schema.json`,
  committed): each `data/<collection>.yml` starts with
  `# yaml-language-server: $schema=../opencommittee/schemas/<collection>.schema.json`, so
  editors that understand that comment complete field names and flag mistakes while
  typing. `python -m opencommittee schemas` regenerates them; a test fails when stale.
- The downloads' schema (`downloads/opencommittee.schema.json`): the whole JSON export,
  every collection, with the data dictionary's descriptions.

Both come from `_definitions`: pydantic's schema of the record models, walked once to
write partial dates and language texts the way each reader needs them. The validator
(`validate`) stays the authority: it also checks what a schema cannot (ids unique across
files, references, calendar dates, end after start).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, TypeAdapter
from pydantic.json_schema import models_json_schema

from .dates import DATE_PATTERN, PartialDate
from .formats import FORMAT_NAME, SCHEMA_FILE
from .records import COLLECTIONS, DEFAULT_LANG, LANG_RE, REFERENCES

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
# Who reads a schema: an editor typing YAML (bare years allowed, references explained)
# or a program reading the JSON export (dates are strings).
Reader = Literal["editor", "export"]


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
def _text_schema(reader: Reader, original: dict[str, Any]) -> dict[str, Any]:
    if reader == "export":
        return {
            "type": "object",
            "description": "Text per language code; the default language is required.",
            "properties": {DEFAULT_LANG: {"type": "string", "minLength": 1}},
            "required": [DEFAULT_LANG],
            "propertyNames": {"pattern": LANG_RE.pattern},
            "additionalProperties": {"type": "string"},
        }
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


# Walk a generated schema: partial dates as `reader` needs them (editors may write a bare
# year), and, for editors, reference fields described.
def _rewrite(node: Any, date_node: dict[str, Any], reader: Reader) -> Any:
    if isinstance(node, list):
        return [_rewrite(item, date_node, reader) for item in node]
    if not isinstance(node, dict):
        return node
    if {k: v for k, v in node.items() if k in date_node} == date_node and node.get("type") == "string":
        return _date_schema(node.get("examples", [])) if reader == "editor" else {**node, "pattern": DATE_PATTERN}
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "properties" and isinstance(value, dict) and reader == "editor":
            out[key] = {name: _describe(name, _rewrite(sub, date_node, reader)) for name, sub in value.items()}
        else:
            out[key] = _rewrite(value, date_node, reader)
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


def _definitions(models: list[type[BaseModel]], reader: Reader) -> tuple[dict[type[BaseModel], Any], dict[str, Any]]:
    """The `$ref` of each model and the shared `$defs`, written for `reader`."""
    pairs: list[tuple[type[BaseModel], Literal["validation"]]] = [(model, "validation") for model in models]
    refs, schema = models_json_schema(pairs, ref_template="#/$defs/{model}")
    defs = _rewrite(schema.get("$defs", {}), TypeAdapter(PartialDate).json_schema(mode="validation"), reader)
    if "Text" in defs:
        defs["Text"] = _text_schema(reader, defs["Text"])
    return {model: refs[(model, "validation")] for model in models}, defs


def generate(collection: str) -> dict[str, Any]:
    """The editors' JSON Schema of one data file: a list of the collection's records."""
    model = COLLECTIONS[collection]
    refs, defs = _definitions([model], "editor")
    return {
        "$schema": DRAFT,
        "$id": file_name(collection),
        "title": f"data/{collection}.yml",
        "description": (
            f"A list of {collection} records, each starting with '- id:'. Generated from "
            "opencommittee/model/records.py by `python -m opencommittee schemas`; do not edit."
        ),
        "$defs": defs,
        "items": refs[model],
        "type": "array",
    }


def dataset_schema(descriptions: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    """The downloads' JSON Schema (2020-12): the JSON export of every collection.

    `descriptions` maps collection -> field path -> text (the English data dictionary).
    """
    refs, defs = _definitions(list(COLLECTIONS.values()), "export")
    for name, model in COLLECTIONS.items():
        entry = defs.get(model.__name__, {})
        for field, text in (descriptions or {}).get(name, {}).items():
            if field in entry.get("properties", {}):
                entry["properties"][field]["description"] = text
    properties = {name: {"type": "array", "items": refs[model]} for name, model in COLLECTIONS.items()}
    return {
        "$schema": DRAFT,
        "$id": SCHEMA_FILE,
        "title": "Open committee dataset",
        "description": "Every record of data/, one array per collection (file name without .yml).",
        "type": "object",
        "required": ["format", "format_version", "collections"],
        "properties": {
            "$schema": {"type": "string"},
            "format": {"const": FORMAT_NAME},
            "format_version": {"type": "string"},
            "licence": {"type": "string"},
            "licence_url": {"type": "string"},
            "data_version": {"type": ["string", "null"]},
            "collections": {
                "type": "object",
                "properties": properties,
                "required": list(COLLECTIONS),
                "additionalProperties": False,
            },
            "record_files": {
                "type": "object",
                "description": (
                    "The data file each record was read from, relative to the repository "
                    "(data/<collection>.yml, or data/<collection>/<file>.yml when a collection "
                    "is a folder of files): by collection, then by record id."
                ),
                "properties": {name: {"type": "object", "additionalProperties": {"type": "string"}} for name in COLLECTIONS},
                "additionalProperties": False,
            },
        },
        "additionalProperties": False,
        "$defs": defs,
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
