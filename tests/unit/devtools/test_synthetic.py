"""The synthetic data generator: valid, deterministic, bilingual with gaps, block style."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from opencommittee.devtools.synthetic import generate, write
from opencommittee.model.loader import load_dataset


def test_scale_1_validates_and_has_a_realistic_size(tmp_path: Path) -> None:
    counts = write(tmp_path / "data", scale=1)
    dataset = load_dataset(tmp_path / "data")
    assert {k: len(v) for k, v in dataset.collections.items()} == counts
    assert counts["people"] == 30 and counts["tasks"] == 50 and counts["updates"] == 200
    assert counts["documents"] == 10 and counts["events"] == 10
    assert any(t.parent_id for t in dataset.tasks), "tasks form a hierarchy"


def test_scale_3_validates(tmp_path: Path) -> None:
    counts = write(tmp_path / "data", scale=3, seed=7)
    dataset = load_dataset(tmp_path / "data")
    assert counts["memberships"] == 90 and len(dataset.updates) == 600


def test_deterministic_per_seed() -> None:
    assert generate(2, seed=5) == generate(2, seed=5)
    assert generate(2, seed=5) != generate(2, seed=6)


def test_vietnamese_texts_some_english_missing(tmp_path: Path) -> None:
    write(tmp_path / "data", scale=1)
    dataset = load_dataset(tmp_path / "data")
    titles = [t.title for t in dataset.tasks]
    assert any(any(c in t.root["vi"] for c in "ăâđêôơưáàảãạếềểễệ") for t in titles)
    missing = sum(1 for t in titles if t.get("en") is None)
    assert 0 < missing < len(titles)


def test_block_style_yaml(tmp_path: Path) -> None:
    write(tmp_path / "data", scale=1)
    for file in (tmp_path / "data").glob("*.yml"):
        text = file.read_text(encoding="utf-8")
        assert "{" not in text.replace("{{", ""), file.name
        assert text.splitlines()[1].startswith("- id: "), file.name


def test_cli_writes_a_valid_folder(tmp_path: Path) -> None:
    out = tmp_path / "syn"
    done = subprocess.run([sys.executable, "-m", "opencommittee", "synthetic", "--scale", "1", str(out)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    check = subprocess.run([sys.executable, "-m", "opencommittee", "validate", str(out)],
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr
