"""Issue 5, acceptance 3: the recipe examples of both guides pass validation, and
breaking one fails it. Examples are marked as examples (ids `vi-du-...`)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import DATA, ROOT
from opencommittee.load.problems import DataError
from opencommittee.model.loader import load_dataset
from opencommittee.model.records import COLLECTIONS

GUIDES = ["CONTRIBUTING.md", "CONTRIBUTING.vi.md"]
BLOCK = re.compile(r'^```yaml title="([a-z_]+\.yml)"\n(.*?)^```\s*$', re.M | re.S)
RECIPES = 7


def blocks(guide: str) -> list[tuple[str, str]]:
    """(file name, YAML text) of every marked example, in order."""
    return BLOCK.findall((ROOT / guide).read_text(encoding="utf-8"))


# Merge examples into a data folder: a record whose id exists replaces it, others are added.
def merge(data: Path, examples: list[tuple[str, str]]) -> None:
    for name, text in examples:
        path = data / name
        records = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for record in yaml.safe_load(text):
            ids = [r.get("id") for r in records]
            if record["id"] in ids:
                records[ids.index(record["id"])] = record
            else:
                records.append(record)
        path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


def scratch(tmp_path: Path, examples: list[tuple[str, str]]) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    merge(data, examples)
    return data


def _ids(value: object) -> list[str]:
    if isinstance(value, dict):
        own = [value["id"]] if isinstance(value.get("id"), str) else []
        return own + [i for v in value.values() for i in _ids(v)]
    if isinstance(value, list):
        return [i for v in value for i in _ids(v)]
    return []


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_has_a_checked_example_for_every_recipe(guide: str) -> None:
    text = (ROOT / guide).read_text(encoding="utf-8")
    recipes = re.split(r"^### ", text, flags=re.M)[1:]
    assert len(recipes) == RECIPES
    for recipe in recipes:
        assert BLOCK.search(recipe), recipe.splitlines()[0]
    for name, _ in blocks(guide):
        assert name[:-4] in COLLECTIONS, name


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_examples_are_marked_as_examples(guide: str) -> None:
    real = set(_ids([yaml.safe_load((DATA / f"{c}.yml").read_text(encoding="utf-8")) for c in COLLECTIONS]))
    for _name, text in blocks(guide):
        for rid in _ids(yaml.safe_load(text)):
            assert rid.startswith("vi-du-"), rid
            assert rid not in real
        for name in re.findall(r"^\s*name: (.*)$", text, re.M):
            assert "(ví dụ)" in name or "(example)" in name, name


# Apply the examples one after the other; the data must be valid after each step.
# Returns the problem report of the first step that fails, or None.
def walk(examples: list[tuple[str, str]], tmp_path: Path) -> str | None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    for step, example in enumerate(examples, 1):
        merge(data, [example])
        try:
            load_dataset(data)
        except DataError as err:
            return f"after example {step} ({example[0]}):\n{err.report('en')}"
    return None


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_examples_validate(guide: str, tmp_path: Path) -> None:
    examples = blocks(guide)
    failure = walk(examples, tmp_path / "walk")
    assert failure is None, f"{guide}: {failure}"
    dataset = load_dataset(scratch(tmp_path, examples))
    defined = {rid for _n, text in examples for rid in _ids(yaml.safe_load(text))}
    assert defined <= set(dataset.index), defined - set(dataset.index)


# Breaking any one example (a misspelt field in its first record) makes the test fail.
@pytest.mark.parametrize("guide", GUIDES)
def test_breaking_an_example_fails(guide: str, tmp_path: Path) -> None:
    examples = blocks(guide)
    for n, (name, text) in enumerate(examples):
        broken = text.replace("\n", "\n  sourcse:\n    - x\n", 1)
        failure = walk([*examples[:n], (name, broken), *examples[n + 1:]], tmp_path / str(n))
        assert failure is not None and f"after example {n + 1} " in failure, (guide, n)
        assert "sourcse" in failure


# The guides are parallel: the same recipes, the same files, in the same order.
def test_guides_are_parallel() -> None:
    assert [n for n, _ in blocks(GUIDES[0])] == [n for n, _ in blocks(GUIDES[1])]
