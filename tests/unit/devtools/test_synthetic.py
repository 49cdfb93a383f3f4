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
    assert {k: len(v) for k, v in dataset.collections.items() if v or k in counts} == counts
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


def test_each_collection_scales_on_its_own(tmp_path: Path) -> None:
    base = write(tmp_path / "base", scale=2)
    more = write(tmp_path / "more", scale=2, scales={"plans": 10, "organizations": 5, "mandate": 3})
    assert more["plans"] == 10 * base["plans"] and more["organizations"] == 5 * base["organizations"]
    assert more["mandate"] == 3 * base["mandate"]
    assert more["tasks"] == base["tasks"] and more["people"] == base["people"]
    assert load_dataset(tmp_path / "more").plans


def test_nested_lists_scale_too(tmp_path: Path) -> None:
    write(tmp_path / "data", scale=1, scales={"agenda": 40})
    dataset = load_dataset(tmp_path / "data")
    assert max(len(e.agenda) for e in dataset.events) >= 40


def test_several_bodies_share_people(tmp_path: Path) -> None:
    write(tmp_path / "data", scale=3, committees=4)
    dataset = load_dataset(tmp_path / "data")
    bodies = [o for o in dataset.organizations if o.classification.value in ("steering_committee", "council", "commission", "task_force")]
    assert len(bodies) == 4 and dataset.site[0].committee_id == bodies[0].id
    in_bodies: dict[str, set[str]] = {}
    for m in dataset.memberships:
        if m.person_id and m.organization_id in {b.id for b in bodies}:
            in_bodies.setdefault(m.person_id, set()).add(m.organization_id)
    assert any(len(v) > 1 for v in in_bodies.values()), "someone sits on two bodies"
    assert {e.organization_id for e in dataset.events} == {b.id for b in bodies}
    write(tmp_path / "portal", scale=3, committees=4, site=False)
    assert not load_dataset(tmp_path / "portal").site
