"""Open-data downloads from the validated dataset: one JSON (+ its JSON Schema), CSVs,
and the data dictionary, all pure functions of the dataset (no clock, no MkDocs).

The JSON export holds every record exactly as written in `data/` (same keys, same values),
except that a date written as a bare year (`2015`, which YAML reads as a number) is written
as the string `"2015"`, like every other date. Beside the records, `record_files` names the
data file each record was read from (a collection may be a folder of files), by
collection and id; each CSV has it as its last column, `_file`.

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
from typing import Any

from pydantic import BaseModel

from ..model.dataset import Dataset
from ..model.fields import field_type, field_types, fields_of
from ..model.formats import (
    FORMAT_NAME,
    FORMAT_VERSION,
    LICENCE,
    LICENCE_URL,
    LIST_SEPARATOR,
    SCHEMA_FILE,
)
from ..model.records import COLLECTIONS

# The CSV column naming each record's data file (after every field's column).
FILE_COLUMN = "_file"


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
    files = {
        name: {rid: dataset.file_of(rid) for record in dataset.raw.get(name, []) if isinstance(rid := record.get("id"), str)}
        for name in COLLECTIONS
    }
    return {
        "$schema": f"./{SCHEMA_FILE}",
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "data_version": data_version,
        "collections": collections,
        "record_files": files,
    }


def to_json_bytes(value: Any) -> bytes:
    """Stable, readable UTF-8 JSON (keys in the order written, Vietnamese unescaped):
    mappings indented, each item of a list (a record) on a line of its own. The items are
    written by json's C encoder; `indent=` would write every value in Python (five times
    slower, and a third larger)."""
    return (_readable(value, "") + "\n").encode("utf-8")


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _readable(value: Any, indent: str) -> str:
    inner = indent + "  "
    if isinstance(value, dict) and value:
        body = ",\n".join(f"{inner}{_compact(key)}: {_readable(item, inner)}" for key, item in value.items())
        return "{\n" + body + "\n" + indent + "}"
    if isinstance(value, list) and value:
        return "[\n" + ",\n".join(inner + _compact(item) for item in value) + "\n" + indent + "]"
    return _compact(value)


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
    records = dataset.raw.get(name, [])
    rows = [flatten(json_value(model, record)) for record in records]
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
    writer.writerow([*ordered, FILE_COLUMN])
    for record, row in zip(records, rows, strict=True):
        writer.writerow([*(row.get(col, "") for col in ordered), dataset.file_of(record.get("id")) or ""])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
