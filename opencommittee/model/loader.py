"""Load a data folder into a `Dataset`, collecting every problem with file:line:col."""

from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..load.problems import DataError, Problem
from ..load.strict_yaml import Loaded, load_yaml
from . import checks
from .dataset import Collector, Dataset, field_path
from .errors import from_pydantic, without_echoes
from .records import COLLECTIONS


def load_dataset(data_dir: Path | str, shown_as: str | None = None) -> Dataset:
    """Load and validate every collection in `data_dir`; raise DataError with all problems."""
    data_dir = Path(data_dir)
    prefix = shown_as if shown_as is not None else str(data_dir)
    out = Collector()
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
                    loc, code, args = from_pydantic(err, model)
                    out.add(loaded, (i, *loc), code, records, **args)
    dataset = Dataset({k: [r for r in v if r is not None] for k, v in collections.items()}, raw, files)
    checks.run(dataset, collections, out)
    if out.problems:
        raise DataError(without_echoes(out.problems))
    return dataset


