"""The glue's on_config hook fails the build, before any page, with exactly the report
`validate` prints, for every bad edit and file-level breakage (in-process, no build)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import ROOT, alias_bomb_yaml, edit
from hostile import CAUSES, Cause
from opencommittee.glue import build as builds
from opencommittee.glue import hooks
from opencommittee.load.problems import DataError
from opencommittee.model.loader import load_dataset

# (file, old, new) edits, and file-level breakages as (file, bytes).
EDITS = {
    "duplicate-key": ("people.yml", "  name: Tô Hùng Khoa\n", "  name: Tô Hùng Khoa\n  name: Tô Hùng Khoa\n"),
    "duplicate-id": ("posts.yml", "- id: pho-truong-ban-thuong-truc", "- id: chu-tich-ubnd-tinh"),
    "missing-reference": ("memberships.yml", "  person_id: to-hung-khoa\n  post_id", "  person_id: to-hung-khao\n  post_id"),
    "impossible-date": ("documents.yml", "issue_date: 2014-07-02", "issue_date: 2014-02-30"),
    "misspelt-field": ("organizations.yml", "  classification: department", "  clasification: department"),
}
FILE_BREAKS = {
    "yaml-syntax": ("plans.yml", b"- id: x\n  title: [unclosed\n"),
    "not-utf8": ("updates.yml", b"- id: a\n  text:\n    vi: \"\xff\xfe\"\n"),
    "alias-bomb": ("indicators.yml", alias_bomb_yaml().encode()),
}


def config_for(data: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.setenv("SITE_DATA_DIR", str(data))
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    return load_config(str(ROOT / "mkdocs.yml"))


def _refused_like_validate(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The build's on_config aborts with exactly the report `validate` gives."""
    config = config_for(data, monkeypatch)
    with pytest.raises(DataError) as expected:
        load_dataset(data, shown_as=str(data))
    with pytest.raises(Abort) as aborted:
        hooks.on_config(config)
    assert str(aborted.value).strip() == expected.value.report("en").strip()


@pytest.mark.parametrize("case", [*EDITS, *FILE_BREAKS])
def test_on_config_fails_with_the_validate_report(data_copy: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    if case in EDITS:
        edit(data_copy / EDITS[case][0], *EDITS[case][1:])
    else:
        (data_copy / FILE_BREAKS[case][0]).write_bytes(FILE_BREAKS[case][1])
    _refused_like_validate(data_copy, monkeypatch)


def test_a_valid_folder_gives_one_build_shared_by_every_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    config = config_for(ROOT / "data", monkeypatch)
    hooks.on_config(config)
    first = builds.build_of(config)
    hooks.on_config(config)  # the i18n plugin runs on_config again for each language
    assert builds.build_of(config) is first
    assert first.context.published is first.publication
    # Every macro call of one page reuses that page's renderer.
    assert first.renderer("vi", "members/") is first.renderer("vi", "members/")
    assert first.renderer("en", "members/") is not first.renderer("vi", "members/")


def test_a_new_config_gets_a_new_build(monkeypatch: pytest.MonkeyPatch) -> None:
    # `mkdocs serve` loads the config again for each rebuild: nothing outlives it.
    one, two = (config_for(ROOT / "data", monkeypatch) for _ in range(2))
    hooks.on_config(one)
    hooks.on_config(two)
    assert builds.build_of(one) is not builds.build_of(two)
    assert builds.build_of(one).context.dataset is not builds.build_of(two).context.dataset


@pytest.mark.parametrize("cause", CAUSES, ids=[c.name for c in CAUSES])
def test_on_config_fails_for_every_hostile_cause(data_copy: Path, monkeypatch: pytest.MonkeyPatch, cause: Cause) -> None:
    # issue 11: what `validate` refuses, the build refuses with the same report
    cause.mutate(data_copy)
    _refused_like_validate(data_copy, monkeypatch)
