"""Open-data downloads from the validated dataset: one JSON (+ its JSON Schema), CSVs,
and the data dictionary, all pure functions of the dataset (no clock, no MkDocs).

The JSON export holds every record exactly as written in `data/` (same keys, same values),
except that a date written as a bare year (`2015`, which YAML reads as a number) is written
as the string `"2015"`, like every other date.

CSV flattening rule (documented on the Open data page):
- a mapping becomes one column per key, named `parent.key` (texts: `title.vi`, `title.en`);
- a list of plain values (ids) becomes one cell, items joined with `; `;
- a list of mappings (agenda items, outcomes) becomes numbered columns from 1:
  `agenda.1.id`, `agenda.1.title.vi`, `agenda.2.id`, ...;
- empty cells mean "absent"; true/false are written `true`/`false`.
Columns follow the model's field order, then any extra numbered or language columns in
the order they first appear.
"""

from __future__ import annotations

import csv
import io
import json
import types
import typing
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, TypeAdapter
from pydantic.fields import FieldInfo

from . import models
from .dataset import REFERENCES, Dataset
from .models import COLLECTIONS, ID_PATTERN, Text

FORMAT_NAME = "opencommittee-dataset"
FORMAT_VERSION = "1.0"
LICENCE = "CC-BY-4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LIST_SEPARATOR = "; "
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"

DOWNLOADS_DIR = "downloads"
DATASET_FILE = "opencommittee.json"
SCHEMA_FILE = "opencommittee.schema.json"
POPOLO_FILE = "popolo.json"


# --- field types from the models ------------------------------------------------------


@dataclass(frozen=True)
class FieldType:
    """What a model field holds, for the JSON export, CSV columns and the dictionary."""

    kind: str  # date, id, ids, text, enum, bool, number, value, model, models, url, lang, str, values
    enum: tuple[str, ...] = ()
    model: type[BaseModel] | None = None
    targets: tuple[str, ...] = ()


def _args(annotation: Any) -> tuple[Any, ...]:
    return tuple(a for a in typing.get_args(annotation) if a is not type(None))


def _metadata(annotation: Any, info: FieldInfo | None) -> list[Any]:
    found = list(info.metadata) if info is not None else []
    stack = [annotation]
    while stack:
        current = stack.pop()
        found.extend(getattr(current, "__metadata__", ()))
        for meta in getattr(current, "__metadata__", ()):
            if isinstance(meta, FieldInfo):
                found.extend(meta.metadata)
        if typing.get_origin(current) in (typing.Union, types.UnionType):
            stack.extend(_args(current))
    return found


def _base(annotation: Any) -> Any:
    """The annotation without Optional and Annotated wrappers."""
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        args = _args(annotation)
        origin = typing.get_origin(annotation)
        if origin in (typing.Union, types.UnionType) and len(args) == 1:
            annotation = args[0]
            continue
        return annotation


def field_type(name: str, info: FieldInfo, collection: str = "") -> FieldType:
    """Classify one model field (see FieldType.kind)."""
    meta = _metadata(info.annotation, info)
    if any(getattr(m, "func", None) is models._year_as_text for m in meta):
        return FieldType("date")
    base = _base(info.annotation)
    targets = REFERENCES.get(name, ())
    if name == "parent_id" and collection == "tasks":
        targets = ("tasks",)
    if typing.get_origin(base) is list:
        (item,) = typing.get_args(base) or (str,)
        inner = _base(item)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return FieldType("models", model=inner)
        if targets or any(getattr(m, "pattern", None) == ID_PATTERN for m in _metadata(item, None)):
            return FieldType("ids", targets=targets)
        return FieldType("values")
    if isinstance(base, type) and issubclass(base, Text):
        return FieldType("text")
    if isinstance(base, type) and issubclass(base, Enum):
        return FieldType("enum", enum=tuple(str(e.value) for e in base))
    if isinstance(base, type) and issubclass(base, BaseModel):
        return FieldType("model", model=base)
    if base is bool:
        return FieldType("bool")
    if base in (int, float):
        return FieldType("number")
    if typing.get_origin(base) in (typing.Union, types.UnionType):
        return FieldType("value")
    patterns = [getattr(m, "pattern", None) for m in meta]
    if ID_PATTERN in patterns or name == "id":
        return FieldType("id", targets=targets)
    if any(p and p.startswith("^https?") for p in patterns):
        return FieldType("url")
    if name == "language":
        return FieldType("lang")
    return FieldType("str")


@cache
def field_types(model: type[BaseModel]) -> dict[str, FieldType]:
    """Every field of a model classified once (json_value runs per record and field)."""
    return {name: field_type(name, info) for name, info in model.model_fields.items()}


def json_value(model: type[BaseModel], raw: Any) -> Any:
    """A raw record made JSON-ready: bare-year dates become strings, nothing else changes."""
    if not isinstance(raw, dict):
        return raw
    kinds = field_types(model)
    out: dict[str, Any] = {}
    for key, value in raw.items():
        kind = kinds.get(key)
        if kind is not None and kind.kind == "date" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        elif kind is not None and kind.kind == "model" and kind.model is not None:
            value = json_value(kind.model, value)
        elif kind is not None and kind.kind == "models" and kind.model is not None and isinstance(value, list):
            value = [json_value(kind.model, item) for item in value]
        out[key] = value
    return out


# --- the whole dataset as JSON ------------------------------------------------------------


def dataset_document(dataset: Dataset, data_version: str | None = None) -> dict[str, Any]:
    """The whole dataset: format metadata, then each collection under its file name."""
    collections = {
        name: [json_value(model, record) for record in dataset.raw.get(name, [])]
        for name, model in COLLECTIONS.items()
    }
    return {
        "$schema": f"./{SCHEMA_FILE}",
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "data_version": data_version,
        "collections": collections,
    }


def dataset_schema(descriptions: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    """A JSON Schema (2020-12) of the JSON export, generated from the models.

    `descriptions` maps collection -> field path -> text (English data dictionary).
    """
    from pydantic.json_schema import models_json_schema

    pairs: list[tuple[type[BaseModel], Literal["validation"]]] = [(model, "validation") for model in COLLECTIONS.values()]
    refs, schema = models_json_schema(pairs, ref_template="#/$defs/{model}")
    defs = _strict_dates(schema.get("$defs", {}), TypeAdapter(models.PartialDate).json_schema())
    if "Text" in defs:
        defs["Text"] = {
            "type": "object",
            "description": "Text per language code; the default language is required.",
            "properties": {models.DEFAULT_LANG: {"type": "string", "minLength": 1}},
            "required": [models.DEFAULT_LANG],
            "propertyNames": {"pattern": models.LANG_RE.pattern},
            "additionalProperties": {"type": "string"},
        }
    for name, model in COLLECTIONS.items():
        entry = defs.get(model.__name__, {})
        for field, text in (descriptions or {}).get(name, {}).items():
            if field in entry.get("properties", {}):
                entry["properties"][field]["description"] = text
    properties = {
        name: {"type": "array", "items": refs[(model, "validation")]}
        for name, model in COLLECTIONS.items()
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
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
        },
        "additionalProperties": False,
        "$defs": defs,
    }


# Partial dates in the export are strings: YYYY, YYYY-MM or YYYY-MM-DD.
def _strict_dates(node: Any, date_node: dict[str, Any]) -> Any:
    if isinstance(node, list):
        return [_strict_dates(item, date_node) for item in node]
    if not isinstance(node, dict):
        return node
    if node.get("type") == "string" and all(node.get(k) == v for k, v in date_node.items()):
        return {**node, "pattern": DATE_PATTERN}
    return {key: _strict_dates(value, date_node) for key, value in node.items()}


def to_json_bytes(value: Any) -> bytes:
    """Stable, readable UTF-8 JSON (keys in the order written, Vietnamese unescaped)."""
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- CSV --------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def flatten(value: Any, prefix: str = "") -> dict[str, str]:
    """One record as CSV cells (see the module docstring for the rule)."""
    out: dict[str, str] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(value, list):
        if any(isinstance(item, dict | list) for item in value):
            for i, item in enumerate(value, start=1):
                out.update(flatten(item, f"{prefix}.{i}"))
        else:
            out[prefix] = LIST_SEPARATOR.join(_cell(item) for item in value)
    else:
        out[prefix] = _cell(value)
    return out


def fields_of(model: type[BaseModel]) -> list[tuple[str, FieldInfo]]:
    """A model's fields in declaration order, `id` first."""
    items = list(model.model_fields.items())
    return sorted(items, key=lambda item: item[0] != "id")


def model_columns(model: type[BaseModel], languages: list[str], prefix: str = "") -> list[str]:
    """The columns a model always has, in field order (texts: one per site language)."""
    cols: list[str] = []
    for name, info in fields_of(model):
        path = f"{prefix}{name}"
        kind = field_type(name, info)
        if kind.kind == "text":
            cols.extend(f"{path}.{lang}" for lang in languages)
        elif kind.kind == "model" and kind.model is not None:
            cols.extend(model_columns(kind.model, languages, f"{path}."))
        elif kind.kind == "models":
            continue
        else:
            cols.append(path)
    return cols


def collection_csv(dataset: Dataset, name: str, languages: list[str]) -> bytes:
    """One collection as CSV, UTF-8 with a byte-order mark, one row per record."""
    model = COLLECTIONS[name]
    rows = [flatten(json_value(model, record)) for record in dataset.raw.get(name, [])]
    columns = model_columns(model, languages)
    # Numbered columns of a list field go where the list field is in the model order.
    extra: dict[str, list[str]] = {}
    for row in rows:
        for key in row:
            if key not in columns:
                head = key.split(".", 1)[0]
                bucket = extra.setdefault(head, [])
                if key not in bucket:
                    bucket.append(key)
    ordered: list[str] = []
    for name_, _info in fields_of(model):
        ordered.extend(c for c in columns if c == name_ or c.startswith(name_ + "."))
        ordered.extend(extra.pop(name_, []))
    for bucket in extra.values():
        ordered.extend(bucket)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(ordered)
    for row in rows:
        writer.writerow([row.get(col, "") for col in ordered])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


# --- data dictionary ------------------------------------------------------------------------


@dataclass(frozen=True)
class DictField:
    """One row of the data dictionary."""

    collection: str
    path: str
    name: str
    type: FieldType
    required: bool


def dictionary(collection: str) -> list[DictField]:
    """Every field of a collection, nested models as `field[].sub` or `field.sub`."""
    rows: list[DictField] = []

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, info in fields_of(model):
            kind = field_type(name, info, collection)
            rows.append(DictField(collection, f"{prefix}{name}", name, kind, info.is_required()))
            if kind.model is not None:
                walk(kind.model, f"{prefix}{name}{'[]' if kind.kind == 'models' else ''}.")

    walk(COLLECTIONS[collection], "")
    return rows
