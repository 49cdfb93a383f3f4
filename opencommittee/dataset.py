"""Load a data folder into typed records, collecting every problem with file:line:col."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .models import (
    COLLECTIONS,
    DEFAULT_LANG,
    AgendaItem,
    Event,
    Indicator,
    Record,
    Unit,
    Update,
)
from .problems import DataError, Problem
from .yamlload import Loaded, Loc, load_yaml

# field name -> collections its ids may point to (checked for every model that has it).
REFERENCES: dict[str, tuple[str, ...]] = {
    "sources": ("sources",),
    "parent_id": ("organizations",),
    "founding_document_id": ("documents",),
    "standing_agency_id": ("organizations",),
    "organization_id": ("organizations",),
    "ex_officio_post_id": ("posts",),
    "person_id": ("people",),
    "post_id": ("posts",),
    "document_id": ("documents",),
    "issuer_id": ("organizations", "posts"),
    "signer_id": ("people",),
    "implements": ("documents",),
    "amends": ("documents",),
    "replaces": ("documents",),
    "assignee_ids": ("organizations", "people"),
    "chair_id": ("people",),
    "called_for_by_id": ("events", "documents", "outcomes"),
    "assigned_by_id": ("events", "documents", "outcomes"),
    "plan_id": ("plans",),
    "lead_id": ("organizations",),
    "support_ids": ("organizations",),
    "task_id": ("tasks",),
    "indicator_id": ("indicators",),
}
# Task.parent_id points to tasks, not organizations.
PARENT_TARGET = {"tasks": ("tasks",), "organizations": ("organizations",)}

# Model-level validation codes -> the field they are about.
CODE_FIELD = {
    "end_before_start": ("end_date", "dissolution_date", "period_end"),
    "due_before_start": ("due_date",),
    "weight_negative": ("weight",),
    "percent_range": ("percent",),
    "completed_not_100": ("percent",),
}


@dataclass
class Dataset:
    """Validated records per collection, the raw values as written, and an id index."""

    collections: dict[str, list[Any]]
    raw: dict[str, list[dict[str, Any]]]
    files: dict[str, Loaded]
    index: dict[str, tuple[str, Any]] = field(default_factory=dict)

    # The record with this id (any collection, nested included).
    def get(self, record_id: str | None) -> Any:
        return self.index[record_id][1] if record_id in self.index else None

    # The collection a record id belongs to ('outcomes' and 'agenda' for nested ones).
    def kind(self, record_id: str | None) -> str | None:
        return self.index[record_id][0] if record_id in self.index else None

    def __getattr__(self, name: str) -> list[Any]:
        collections = self.__dict__.get("collections", {})
        if name in collections:
            return collections[name]
        raise AttributeError(name)


# Dotted field path from a value location: record id, then fields, [index] for lists.
def field_path(loc: Loc, raw_records: list[Any]) -> str:
    if not loc:
        return ""
    index, rest = loc[0], loc[1:]
    record = raw_records[index] if isinstance(index, int) and index < len(raw_records) else None
    rid = record.get("id") if isinstance(record, dict) else None
    head = rid if isinstance(rid, str) and rid else f"[{index}]"
    text = head
    for part in rest:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


class _Collector:
    """Gathers problems while a data folder is loaded and checked."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        # Collections whose file could not be read: references to them are not checked.
        self.unreadable: set[str] = set()

    # Add a problem at a value location inside a loaded file.
    def add(self, loaded: Loaded, loc: Loc, code: str, raw: list[Any], **args: Any) -> None:
        line, col = loaded.position(loc)
        self.problems.append(
            Problem(loaded.path, line, col, loc, code, args, field_path(loc, raw) or None)
        )


# Map one pydantic error onto our problem code, location and arguments.
def _from_pydantic(err: Any, model: type[BaseModel], record: dict[str, Any]) -> tuple[Loc, str, dict[str, Any]]:
    loc: Loc = tuple(err["loc"])
    kind = err["type"]
    ctx = err.get("ctx") or {}
    # pydantic adds model/union class names into loc for RootModel or unions: drop them.
    loc = tuple(p for p in loc if not (isinstance(p, str) and (p == "root" or p[:1].isupper() or "[" in p or p in ("float", "int", "bool", "str"))))
    if kind == "value_error":
        code = str(ctx.get("error", err["msg"])).removeprefix("Value error, ")
        if code == "text_default_missing":
            return (*loc, DEFAULT_LANG), code, {"lang": DEFAULT_LANG}
        for name in CODE_FIELD.get(code, ()):
            if name in record:
                return (*loc, name), code, {"value": record.get(name)}
        value = err.get("input")
        return loc, code, {} if isinstance(value, dict | list) else {"value": value}
    if kind == "extra_forbidden":
        key = loc[-1] if loc else ""
        owner = _model_at(model, loc[:-1])
        fields = sorted(owner.model_fields) if owner else []
        close = difflib.get_close_matches(str(key), fields, n=1, cutoff=0.6)
        return loc, "unknown_field", {"field": key, "suggestion": close[0] if close else None, "allowed": fields}
    if kind == "missing":
        return loc, "missing_field", {"field": loc[-1] if loc else ""}
    if kind == "enum":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        close = difflib.get_close_matches(str(err.get("input")), allowed, n=1, cutoff=0.6)
        return loc, "not_in_vocabulary", {"value": err.get("input"), "allowed": allowed, "suggestion": close[0] if close else None}
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        if "\\d{4}" in pattern:
            return loc, "date_format", {"value": err.get("input")}
        if pattern.startswith("^[a-z0-9]"):
            return loc, "id_format", {"value": err.get("input")}
        return loc, "pattern", {"value": err.get("input"), "pattern": pattern}
    if kind in ("string_type", "list_type", "dict_type", "model_type", "float_type", "int_type", "bool_type", "int_from_float", "float_parsing", "bool_parsing", "int_parsing"):
        expected = {"string_type": "text", "list_type": "list", "dict_type": "mapping", "model_type": "mapping"}.get(kind, "number" if "float" in kind or "int" in kind else "true/false")
        got = _type_name(err.get("input"))
        code = "wrong_type_container" if got in ("list", "mapping") else "wrong_type"
        return loc, code, {"expected": expected, "got": got}
    if kind == "too_short":
        return loc, "too_short", {}
    return loc, "invalid_value", {"detail": err["msg"]}


# Human name of the YAML type a value was written as.
def _type_name(value: Any) -> str:
    return {list: "list", dict: "mapping", str: "text", bool: "true/false", int: "number", float: "number", type(None): "empty"}.get(type(value), type(value).__name__)


# The model class found by walking field annotations along `loc` (for field suggestions).
def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    current: Any = model
    for part in loc[1:] if loc and isinstance(loc[0], int) else loc:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return None
        current = _inner_model(info.annotation)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


# The BaseModel inside an annotation like list[X] or X | None.
def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


# Every (loc, id) pair a record defines: itself and nested agenda items and outcomes.
def _defined_ids(record: Any, index: int) -> Iterator[tuple[Loc, str, str, Any]]:
    yield (index, "id"), record.id, "", record
    if isinstance(record, Event):
        for i, item in enumerate(record.agenda):
            yield (index, "agenda", i, "id"), item.id, "agenda", item
        for i, outcome in enumerate(record.outcomes):
            yield (index, "outcomes", i, "id"), outcome.id, "outcomes", outcome


# Every (loc, field, target id) reference in a raw record, nested mappings included;
# raw values are used so that references are checked even in records that failed.
def _references(value: Any, loc: Loc) -> Iterator[tuple[Loc, str, str]]:
    if isinstance(value, dict):
        for name, item in value.items():
            if name in REFERENCES and item:
                if isinstance(item, list):
                    for i, target in enumerate(item):
                        if isinstance(target, str):
                            yield (*loc, name, i), name, target
                elif isinstance(item, str):
                    yield (*loc, name), name, item
            elif isinstance(item, list):
                for i, sub in enumerate(item):
                    yield from _references(sub, (*loc, name, i))


def load_dataset(data_dir: Path | str, shown_as: str | None = None) -> Dataset:
    """Load and validate every collection in `data_dir`; raise DataError with all problems."""
    data_dir = Path(data_dir)
    prefix = shown_as if shown_as is not None else str(data_dir)
    out = _Collector()
    files: dict[str, Loaded] = {}
    raw: dict[str, list[dict[str, Any]]] = {}
    collections: dict[str, list[Any]] = {name: [] for name in COLLECTIONS}
    if not data_dir.is_dir():
        raise DataError([Problem(prefix, 1, 1, None, "no_data_dir", {"path": prefix})])
    for file in sorted(data_dir.glob("*.y*ml")):
        shown = f"{prefix.rstrip('/')}/{file.name}"
        name = file.stem
        if name not in COLLECTIONS or file.suffix != ".yml":
            close = difflib.get_close_matches(name, list(COLLECTIONS), n=1)
            out.problems.append(Problem(shown, 1, 1, None, "unknown_collection", {"file": file.name, "suggestion": f"{close[0]}.yml" if close else None, "allowed": [f"{c}.yml" for c in COLLECTIONS]}))
            continue
        loaded, problems = load_yaml(file, shown)
        records_for_path = loaded.value if loaded and isinstance(loaded.value, list) else []
        out.problems.extend(
            replace(p, field_path=field_path(p.loc, records_for_path) or None) if p.loc else p
            for p in problems
        )
        if loaded is None:
            out.unreadable |= {name, "agenda", "outcomes"} if name == "events" else {name}
            continue
        files[name] = loaded
        records = loaded.value if loaded.value is not None else []
        if not isinstance(records, list):
            out.add(loaded, (), "not_a_list", [])
            continue
        raw[name] = records
        model = COLLECTIONS[name]
        for i, record in enumerate(records):
            if not isinstance(record, dict):
                out.add(loaded, (i,), "record_not_mapping", records)
                continue
            if record and next(iter(record)) != "id":
                out.add(loaded, (i,), "id_first", records)
            try:
                collections[name].append(model.model_validate(record))
            except ValidationError as exc:
                collections[name].append(None)
                for err in exc.errors():
                    loc, code, args = _from_pydantic(err, model, record)
                    out.add(loaded, (i, *loc), code, records, **args)
    dataset = Dataset({k: [r for r in v if r is not None] for k, v in collections.items()}, raw, files)
    _check_ids(dataset, collections, out)
    if out.problems:
        raise DataError(_without_echoes(out.problems))
    return dataset


# Drop "missing field X" when the same record has a misspelt field that suggests X.
def _without_echoes(problems: list[Problem]) -> list[Problem]:
    suggested = {
        (p.path, p.loc[:-1] if p.loc else (), p.args.get("suggestion"))
        for p in problems
        if p.code == "unknown_field"
    }
    return [
        p
        for p in problems
        if not (p.code == "missing_field" and (p.path, p.loc[:-1] if p.loc else (), p.args.get("field")) in suggested)
    ]


# Every (loc, id, kind) a raw record defines: itself and nested agenda items and outcomes.
def _raw_ids(name: str, record: Any, index: int) -> Iterator[tuple[Loc, str, str]]:
    if not isinstance(record, dict):
        return
    if isinstance(record.get("id"), str):
        yield (index, "id"), record["id"], name
    for nested in ("agenda", "outcomes"):
        items = record.get(nested) if name == "events" else None
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                yield (index, nested, i, "id"), item["id"], nested


# Global id uniqueness, references, cycles and unit fit: the cross-record checks.
def _check_ids(dataset: Dataset, collections: dict[str, list[Any]], out: _Collector) -> None:
    seen: dict[str, tuple[str, int]] = {}
    kinds_of: dict[str, str] = {}
    # ids come from the raw records, so one invalid record does not cascade into
    # "unknown reference" errors everywhere it is cited.
    for name, raw_records in dataset.raw.items():
        loaded = dataset.files[name]
        for i, record in enumerate(raw_records):
            for loc, rid, kind in _raw_ids(name, record, i):
                if rid in seen:
                    first = seen[rid]
                    out.add(loaded, loc, "duplicate_id", raw_records, id=rid, first=f"{first[0]}:{first[1]}")
                    continue
                seen[rid] = (loaded.path, loaded.position(loc)[0])
                kinds_of[rid] = kind
    for name, records in collections.items():
        for i, record in enumerate(records):
            if record is None:
                continue
            for _loc, rid, nested, obj in _defined_ids(record, i):
                if kinds_of.get(rid) == (nested or name) and rid not in dataset.index:
                    dataset.index[rid] = (nested or name, obj)
    ids_by_kind: dict[str, list[str]] = {}
    for rid, kind in kinds_of.items():
        ids_by_kind.setdefault(kind, []).append(rid)
    for name, raw_records in dataset.raw.items():
        loaded = dataset.files[name]
        for i, record in enumerate(raw_records):
            for loc, fname, target in _references(record, (i,)):
                kinds = PARENT_TARGET.get(name, ()) if fname == "parent_id" else REFERENCES[fname]
                if kinds_of.get(target) in kinds or out.unreadable.intersection(kinds):
                    continue
                candidates = [x for k in kinds for x in ids_by_kind.get(k, [])]
                close = difflib.get_close_matches(target, candidates, n=1, cutoff=0.6)
                out.add(loaded, loc, "unknown_reference", raw_records, id=target, kinds=list(kinds), suggestion=close[0] if close else None)
    _check_cycles(dataset, "tasks", out)
    _check_cycles(dataset, "organizations", out)
    _check_units(dataset, out)


# A parent_id chain that comes back to its start is a cycle.
def _check_cycles(dataset: Dataset, name: str, out: _Collector) -> None:
    loaded = dataset.files.get(name)
    if loaded is None:
        return
    parents = {r.id: r.parent_id for r in dataset.collections[name]}
    for i, record in enumerate(dataset.raw[name]):
        rid = record.get("id") if isinstance(record, dict) else None
        seen = [rid]
        current = parents.get(rid)
        while current and current in parents and current not in seen:
            seen.append(current)
            current = parents.get(current)
        if current == rid and rid is not None:
            out.add(loaded, (i, "parent_id"), "parent_cycle", dataset.raw[name], cycle=" → ".join(str(x) for x in [*seen, rid]))


# Whether a value fits a unit: percent 0–100, ratio 0–1, counts whole and non-negative.
def value_fits(unit: Unit, value: Any) -> bool:
    if unit == Unit.boolean:
        return isinstance(value, bool)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if unit == Unit.percent:
        return 0 <= value <= 100
    if unit == Unit.ratio:
        return 0 <= value <= 1
    if unit == Unit.whole_count:
        return value >= 0 and float(value).is_integer()
    return value >= 0


# Indicator baselines, targets and update values must fit the indicator's unit.
def _check_units(dataset: Dataset, out: _Collector) -> None:
    units = {r.id: r.unit for r in dataset.collections["indicators"]}
    loaded = dataset.files.get("indicators")
    for i, ind in enumerate(dataset.raw.get("indicators", [])):
        rid = ind.get("id") if isinstance(ind, dict) else None
        model = dataset.get(rid)
        if not isinstance(model, Indicator) or loaded is None:
            continue
        for key in ("baseline", "target"):
            m = getattr(model, key)
            if m is not None and not value_fits(model.unit, m.value):
                out.add(loaded, (i, key, "value"), "value_unit", dataset.raw["indicators"], value=m.value, unit=model.unit.value)
    loaded = dataset.files.get("updates")
    for i, upd in enumerate(dataset.raw.get("updates", [])):
        rid = upd.get("id") if isinstance(upd, dict) else None
        model = dataset.get(rid)
        if not isinstance(model, Update) or loaded is None or not model.indicator_id:
            continue
        unit = units.get(model.indicator_id)
        if unit is None:
            continue
        if model.value is None:
            out.add(loaded, (i,), "missing_field", dataset.raw["updates"], field="value")
        elif not value_fits(unit, model.value):
            out.add(loaded, (i, "value"), "value_unit", dataset.raw["updates"], value=model.value, unit=unit.value)


__all__ = ["Dataset", "load_dataset", "value_fits", "AgendaItem", "Record"]
