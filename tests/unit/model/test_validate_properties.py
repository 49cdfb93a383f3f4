"""Property tests of `validate` with Hypothesis (issue 11, item 3), over the embedded data
and a small synthetic folder, each mutated one to three times (tests/fuzzkit.py):

- never a traceback, an exit code other than 0 or 1, a message naming no file of the
  folder (or a line past its end), or more than 5 s for an input of up to 5 MB;
- valid means buildable: a sample of gently edited folders that `validate` accepts builds
  with `mkdocs build --strict`.

`make test` runs a bounded number of examples, derandomized (OC_FUZZ_EXAMPLES, default
120; OC_FUZZ_BUILDS, default 2); `make fuzz` runs 10,000 and prints a summary of outcomes.
Failures found are kept as explicit examples below or as causes in tests/hostile.py.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import DATA, build_site
from fuzzkit import Gentle, Mutation, Tally, check, copy_base, gentle, mutations
from opencommittee.devtools.synthetic import write as write_synthetic

EXAMPLES = int(os.environ.get("OC_FUZZ_EXAMPLES", "120"))
BUILDS = int(os.environ.get("OC_FUZZ_BUILDS", "2"))
FUZZING = "OC_FUZZ_EXAMPLES" in os.environ
COMMON = dict(
    deadline=None,
    derandomize=not FUZZING,
    database=None if not FUZZING else settings.default.database,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    print_blob=True,
)
TALLY = Tally()


@pytest.fixture(scope="module")
def bases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    synthetic = tmp_path_factory.mktemp("fuzz-base") / "synthetic"
    write_synthetic(synthetic, scale=1, seed=3)
    yield {"embedded": DATA, "synthetic": synthetic}
    if FUZZING:
        print("\n" + TALLY.summary())


@settings(max_examples=EXAMPLES, **COMMON)  # type: ignore[arg-type]
@given(base=st.sampled_from(["embedded", "synthetic"]), changes=st.lists(mutations, min_size=1, max_size=3))
# Regressions found while fuzzing (each was a traceback or a wrong position before):
@example(base="embedded", changes=[Mutation("nest", 0, 0.5, 1, 3)])  # 300 levels of [
@example(base="embedded", changes=[Mutation("nest", 0, 0.5, 2, 4)])  # "- " 5000 times
@example(base="embedded", changes=[Mutation("file_op", 5, pick=3)])  # a folder named people.yml
@example(base="embedded", changes=[Mutation("file_op", 5, pick=4, size=1)])  # a broken link
@example(base="embedded", changes=[Mutation("insert", 3, 0.5, 1, 0)])  # NUL
@example(base="synthetic", changes=[Mutation("insert", 2, 0.7, 1, 6)])  # U+2028
@example(base="synthetic", changes=[Mutation("value", 4, 0.0, 0, 10)])  # a file that is a mapping
@example(base="synthetic", changes=[Mutation("value", 9, 0.0, 0, 13)])  # a record id as a list
@example(base="synthetic", changes=[Mutation("value", 1, 0.3, 0, 5)])  # 10**30 where a number goes
@example(base="embedded", changes=[Mutation("value", 5, 0.203125, 3, 0)])  # a classification as a list
def test_validate_answers_every_mutation(bases: dict[str, Path], base: str, changes: list[Mutation]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = copy_base(bases[base], Path(tmp) / "data")
        for change in changes:
            change.apply(folder)
        TALLY.add(check(folder))


@settings(max_examples=BUILDS, **COMMON)  # type: ignore[arg-type]
@given(changes=st.lists(gentle, min_size=1, max_size=2))
@example(changes=[Gentle("split", 12)])  # updates of the embedded data, as a folder (empty: not split)
def test_valid_means_buildable(bases: dict[str, Path], changes: list[Gentle]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = copy_base(bases["embedded"], Path(tmp) / "data")
        for change in changes:
            change.apply(folder)
        outcome = check(folder)
        if outcome.code != 0:
            TALLY.built["refused by validate"] += 1
            return
        result = build_site(Path(tmp) / "site", folder)
        assert result.returncode == 0, (changes, result.stderr[-3000:])
        TALLY.built["built"] += 1
