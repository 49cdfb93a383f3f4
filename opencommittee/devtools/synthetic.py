"""Synthetic data folders at any scale and shape, for tests and the benchmark (never for
`data/`).

`write(out_dir, scale=1, seed=1, **options)` writes one YAML file per collection, block
style, that validates like the real data. Scale 1 is a realistic body (30 people, 30
memberships, 50 tasks, 200 updates, 10 documents, 10 events); every collection grows
linearly with `scale`, and each can be scaled on its own (`scales={"plans": 100}` multiplies
the plans only; the command line's `--scale-plans 100`). Several bodies share one pool of
people (`committees`, by default one per 5 scales: 20 at 100x) and `data/site.yml` names
the first as the one the site is about (`site=False` leaves it out: a site of several
bodies with none chosen). Nested lists grow too: `scales={"agenda": 50}` gives events 50
times more agenda items. Output is deterministic for the same arguments. Texts are
Vietnamese-looking with diacritics; about one text in six has no English.

CLI: `python -m opencommittee synthetic --scale N [--committees K] [--scale-<collection> M] OUT_DIR`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .synthetic_records import Generator
from .synthetic_spec import SCALABLE, SCALE_1, Spec

__all__ = ["SCALABLE", "SCALE_1", "Spec", "generate", "write"]
# libyaml's emitter when PyYAML has it (the same YAML, ten times faster at 100x).
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

def generate(scale: int = 1, seed: int = 1, **options: Any) -> dict[str, list[dict[str, Any]]]:
    """Records per collection (plain dicts, in file order)."""
    return Generator(Spec(scale, seed, **options)).build()


def write(out_dir: Path | str, scale: int = 1, seed: int = 1, **options: Any) -> dict[str, int]:
    """Write a data folder (one block-style YAML file per collection); returns counts."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, records in generate(scale, seed, **options).items():
        body = yaml.dump(records, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)
        header = f"# Synthetic data (scale {scale}, seed {seed}): not real records.\n"
        (out / f"{name}.yml").write_text(header + body, encoding="utf-8")
        counts[name] = len(records)
    return counts
