"""Cross-record checks: ids unique across the dataset, references, cycles, units.

Each check reads the raw records (as written) so that one invalid record does not
cascade into "unknown reference" errors wherever it is cited, and reports through the
loader's collector.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from ..load.strict_yaml import Loaded, Loc
from . import bodies
from .dataset import Collector, Dataset
from .records import REFERENCES, Event, Indicator, Update, reference_targets
from .vocab import Unit


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


# A raw record's id when it is written as text (a list or a mapping there is reported by
# the record's own validation, and must not reach a set or a dict key here).
def raw_id(record: Any) -> str | None:
    rid = record.get("id") if isinstance(record, dict) else None
    return rid if isinstance(rid, str) else None


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
def run(dataset: Dataset, collections: dict[str, list[Any]], out: Collector, prefix: str = "data") -> None:
    # where each id was first defined (its line is only looked up for a duplicate)
    seen: dict[str, tuple[Loaded, Loc]] = {}
    kinds_of: dict[str, str] = {}
    # ids come from the raw records, so one invalid record does not cascade into
    # "unknown reference" errors everywhere it is cited.
    for name, raw_records in dataset.raw.items():
        loaded = dataset.files[name]
        for i, record in enumerate(raw_records):
            for loc, rid, kind in _raw_ids(name, record, i):
                if rid in seen:
                    at, first = seen[rid]
                    where = f"{at.path_of(first)}:{at.position(first)[0]}" if out.room() else ""
                    out.add(loaded, loc, "duplicate_id", raw_records, id=rid, first=where)
                    continue
                seen[rid] = (loaded, loc)
                kinds_of[rid] = kind
                dataset.record_files[rid] = loaded.path_of(loc)
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
                kinds = reference_targets(name, fname)
                if kinds_of.get(target) in kinds or out.unreadable.intersection(kinds):
                    continue
                close = []
                if out.room():  # past the problems shown, no costly suggestion
                    candidates = [x for k in kinds for x in ids_by_kind.get(k, [])]
                    close = difflib.get_close_matches(target, candidates, n=1, cutoff=0.6)
                out.add(loaded, loc, "unknown_reference", raw_records, id=target, kinds=list(kinds), suggestion=close[0] if close else None)
    check_cycles(dataset, "tasks", out)
    check_cycles(dataset, "organizations", out)
    check_units(dataset, out)
    bodies.run(dataset, out, prefix)


# A parent_id chain that comes back to its start is a cycle.
def check_cycles(dataset: Dataset, name: str, out: Collector) -> None:
    loaded = dataset.files.get(name)
    if loaded is None:
        return
    parents: dict[Any, Any] = {r.id: getattr(r, "parent_id", None) for r in dataset.collections[name]}
    for i, record in enumerate(dataset.raw.get(name, [])):
        rid = raw_id(record)
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
def check_units(dataset: Dataset, out: Collector) -> None:
    units = {r.id: r.unit for r in dataset.indicators}
    loaded = dataset.files.get("indicators")
    for i, ind in enumerate(dataset.raw.get("indicators", [])):
        model = dataset.get(raw_id(ind))
        if not isinstance(model, Indicator) or loaded is None:
            continue
        for key in ("baseline", "target"):
            m = getattr(model, key)
            if m is not None and not value_fits(model.unit, m.value):
                out.add(loaded, (i, key, "value"), "value_unit", dataset.raw["indicators"], value=m.value, unit=model.unit.value)
    loaded = dataset.files.get("updates")
    for i, upd in enumerate(dataset.raw.get("updates", [])):
        model = dataset.get(raw_id(upd))
        if not isinstance(model, Update) or loaded is None or not model.indicator_id:
            continue
        unit = units.get(model.indicator_id)
        if unit is None:
            continue
        if model.value is None:
            out.add(loaded, (i,), "missing_field", dataset.raw["updates"], field="value")
        elif not value_fits(unit, model.value):
            out.add(loaded, (i, "value"), "value_unit", dataset.raw["updates"], value=model.value, unit=unit.value)


