"""What each model field holds: for the JSON export, CSV columns and the data dictionary."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..load.catalogs import ui
from .dates import year_as_text
from .records import COLLECTIONS, ID_PATTERN, REFERENCES, Text, reference_targets


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
    if any(getattr(m, "func", None) is year_as_text for m in meta):
        return FieldType("date")
    base = _base(info.annotation)
    targets = reference_targets(collection, name) if collection else REFERENCES.get(name, ())
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


def fields_of(model: type[BaseModel]) -> list[tuple[str, FieldInfo]]:
    """A model's fields in declaration order, `id` first."""
    items = list(model.model_fields.items())
    return sorted(items, key=lambda item: item[0] != "id")



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


def describe(lang: str, collection: str, path: str) -> str:
    """Data-dictionary description of a field: per collection first, then by field name."""
    catalog = ui(lang)["opendata"]
    node: Any = catalog.get("field_in", {}).get(collection, {})
    for part in path.replace("[]", "").split("."):
        node = node.get(part) if isinstance(node, dict) else None
    if isinstance(node, str):
        return node
    name = path.rsplit(".", 1)[-1]
    return str(catalog["field"].get(name, ""))
