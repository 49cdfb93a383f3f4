"""Load a data folder into a `Dataset`, collecting every problem with file:line:col.

A collection is one file, `data/<collection>.yml`, or a folder of files,
`data/<collection>/*.yml`, read in name order (both at once is a problem). Every record
keeps the file it came from (`Dataset.file_of`). A data file must be a plain file (no
folder named `*.yml`, no link) of at most `MAX_FILE_MB` megabytes.
"""

from __future__ import annotations

import difflib
import gc
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..load.problems import DataError, Problem, ProblemList, TooMany
from ..load.strict_yaml import Loaded, parse_yaml
from . import checks
from .dataset import Collector, Dataset, FolderLoaded, field_path
from .errors import code_of, from_pydantic, without_echoes
from .records import COLLECTIONS

# Documented limit (README, CONTRIBUTING): the size of one data file.
MAX_FILE_MB = 20


@contextmanager
def _no_gc() -> Iterator[None]:
    """Hold the cyclic garbage collector while a folder is read: the values built are
    millions of small objects and none is garbage, so its passes only cost time. What
    was read is then moved out of the collector's sight (`gc.freeze`): it lives as long
    as the build, and each later full collection would walk all of it again. A process
    that loads again (`mkdocs serve`, the tests) first gives what it froze back to the
    collector, so that an earlier dataset no longer used can be freed."""
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def load_dataset(data_dir: Path | str, shown_as: str | None = None) -> Dataset:
    """Load and validate every collection in `data_dir`; raise DataError with all problems."""
    with _no_gc():
        return _load(Path(data_dir), shown_as)


def _load(data_dir: Path, shown_as: str | None) -> Dataset:
    out = Collector()
    try:
        return _load_into(out, data_dir, shown_as)
    except TooMany:
        raise DataError(_reported(out), out.warnings) from None


# The problems to report: echoes left out, the counts of those not shown kept.
def _reported(out: Collector) -> ProblemList:
    kept = ProblemList()
    kept.extend(without_echoes(out.problems))
    kept.more, kept.counted, kept.stopped = out.problems.more, out.problems.counted, out.problems.stopped
    return kept


def _load_into(out: Collector, data_dir: Path, shown_as: str | None) -> Dataset:
    prefix = (shown_as if shown_as is not None else str(data_dir)).rstrip("/") or "."
    files: dict[str, Loaded] = {}
    raw: dict[str, list[dict[str, Any]]] = {}
    collections: dict[str, list[Any]] = {name: [] for name in COLLECTIONS}
    if not data_dir.is_dir():
        raise DataError([Problem(prefix, 1, 1, None, "no_data_dir", {"path": prefix})])
    found = _collection_files(data_dir, prefix, out)
    for name, parts in found.items():
        loaded_parts: list[Loaded] = []
        for file, shown in parts:
            loaded = _read(file, shown, out)
            if loaded is None:
                out.unreadable |= {name, "agenda", "outcomes"} if name == "events" else {name}
                continue
            if loaded.value is not None and not isinstance(loaded.value, list):
                out.add(loaded, (), "not_a_list", [])
                out.unreadable |= {name, "agenda", "outcomes"} if name == "events" else {name}
                continue
            loaded_parts.append(replace(loaded, value=loaded.value or []))
        if not loaded_parts or name in out.unreadable:
            continue
        loaded = loaded_parts[0] if len(parts) == 1 else FolderLoaded.join(f"{prefix}/{name}", loaded_parts)
        files[name] = loaded
        records = loaded.value
        raw[name] = records
        _validate(name, loaded, records, collections[name], out)
    dataset = Dataset({k: [r for r in v if r is not None] for k, v in collections.items()}, raw, files)
    checks.run(dataset, collections, out, prefix)
    dataset.warnings = sorted(out.warnings, key=Problem.key)
    if out.problems or out.problems.more:
        raise DataError(_reported(out), out.warnings)
    return dataset


# Each record against its model; problems at the record's file, line and field.
def _validate(name: str, loaded: Loaded, records: list[Any], validated: list[Any], out: Collector) -> None:
    model = COLLECTIONS[name]
    for i, record in enumerate(records):
        if not isinstance(record, dict):
            out.add(loaded, (i,), "record_not_mapping", records)
            validated.append(None)
            continue
        if record and next(iter(record)) != "id":
            out.add(loaded, (i,), "id_first", records)
        try:
            validated.append(model.model_validate(record))
        except ValidationError as exc:
            validated.append(None)
            for err in exc.errors(include_url=False):
                if out.problems.full():
                    out.problems.count_more(code_of(err))
                    continue
                loc, code, args = from_pydantic(err, model)
                out.add(loaded, (i, *loc), code, records, **args)


# The files of each collection, by collection name in COLLECTIONS order: `<name>.yml`, or
# the `*.yml` files of a folder `<name>/`, in name order. Anything else that looks like a
# data file is a problem; a collection that is both a file and a folder is not read.
def _collection_files(data_dir: Path, prefix: str, out: Collector) -> dict[str, list[tuple[Path, str]]]:
    singles: dict[str, tuple[Path, str]] = {}
    folders: dict[str, tuple[Path, str]] = {}
    for entry in _entries(data_dir, prefix, out):
        shown = f"{prefix}/{entry.name}"
        if entry.suffix == "" and entry.is_dir() and not entry.is_symlink():
            if entry.name in COLLECTIONS:
                folders[entry.name] = (entry, shown)
            elif any(e.suffix in (".yml", ".yaml") for e in _entries(entry, shown, out)):
                _unknown(entry, shown, out)
            continue
        if entry.suffix not in (".yml", ".yaml"):
            if entry.is_symlink() and entry.name in COLLECTIONS:
                _read(entry, shown, out)  # a link in place of a collection folder
            continue
        if entry.stem not in COLLECTIONS or entry.suffix != ".yml":
            _unknown(entry, shown, out)
            continue
        singles[entry.stem] = (entry, shown)
    found: dict[str, list[tuple[Path, str]]] = {}
    for name in COLLECTIONS:
        if name in singles and name in folders:
            out.problems.add_at(singles[name][1], 1, 1, None, "collection_twice",
                                {"name": name, "file": f"{name}.yml", "folder": f"{name}/"})
            out.unreadable |= {name, "agenda", "outcomes"} if name == "events" else {name}
        elif name in singles:
            found[name] = [singles[name]]
        elif name in folders:
            folder, shown = folders[name]
            parts = []
            for inner in _entries(folder, shown, out):
                if inner.suffix == ".yml":
                    parts.append((inner, f"{shown}/{inner.name}"))
                elif inner.suffix == ".yaml":
                    _unknown(inner, f"{shown}/{inner.name}", out, f"{inner.stem}.yml")
            if parts:
                found[name] = parts
    return found


# A folder's entries in name order; none (and a problem) when it cannot be listed.
def _entries(folder: Path, shown: str, out: Collector) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError as err:
        out.problems.add_at(shown, 1, 1, None, "file_unreadable", {"file": folder.name, "detail": err.strerror or str(err)})
        return []


def _unknown(entry: Path, shown: str, out: Collector, suggestion: str | None = None) -> None:
    if suggestion is None:
        close = difflib.get_close_matches(entry.stem, list(COLLECTIONS), n=1)
        suggestion = f"{close[0]}.yml" if close else None
    out.problems.add_at(shown, 1, 1, None, "unknown_collection", {
        "file": entry.name, "suggestion": suggestion, "allowed": [f"{c}.yml" for c in COLLECTIONS]})


# One data file parsed, or None (its problems reported): a plain file of limited size.
def _read(file: Path, shown: str, out: Collector) -> Loaded | None:
    try:
        info = os.lstat(file)
        if stat.S_ISLNK(info.st_mode):
            code = "file_is_link"
        elif stat.S_ISDIR(info.st_mode):
            code = "file_is_folder"
        elif not stat.S_ISREG(info.st_mode):
            code = "file_is_special"
        else:
            code = ""
        if code:
            out.problems.add_at(shown, 1, 1, None, code, {"file": file.name})
            return None
        if info.st_size > MAX_FILE_MB * 1_000_000:
            out.problems.add_at(shown, 1, 1, None, "file_too_large", {"file": file.name, "max": MAX_FILE_MB})
            return None
        raw = file.read_bytes()
    except OSError as err:
        out.problems.add_at(shown, 1, 1, None, "file_unreadable", {"file": file.name, "detail": err.strerror or str(err)})
        return None
    loaded, problems = parse_yaml(raw, shown)
    records_for_path = loaded.value if loaded and isinstance(loaded.value, list) else []
    for p in problems:
        out.problems.add(replace(p, field_path=field_path(p.loc, records_for_path) or None) if p.loc else p)
    out.problems.take_counts(problems)
    return loaded
