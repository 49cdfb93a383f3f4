"""Issue 5: JSON Schemas generated from the models, committed, referenced by every data file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import DATA, ROOT
from opencommittee.load.strict_yaml import load_yaml
from opencommittee.model import schema
from opencommittee.model.records import COLLECTIONS


def test_committed_schemas_are_generated_from_the_models() -> None:
    stale = schema.stale()
    assert not stale, f"out of date: {stale}; run: python -m opencommittee schemas"
    committed = {p.name for p in schema.SCHEMAS.glob("*.schema.json")}
    assert committed == {schema.file_name(c) for c in COLLECTIONS}


def test_schemas_command_writes_and_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "schemas"
    assert len(schema.write_all(folder)) == len(COLLECTIONS)
    assert schema.write_all(folder) == []
    assert schema.stale(folder) == []
    (folder / "people.schema.json").write_text("{}\n", encoding="utf-8")
    assert schema.stale(folder) == ["people"]
    check = subprocess.run([sys.executable, "-m", "opencommittee", "schemas", "--check"],
                           cwd=ROOT, capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr


@pytest.mark.parametrize("collection", list(COLLECTIONS))
def test_schema_is_valid_json_schema(collection: str) -> None:
    Draft202012Validator.check_schema(json.loads(schema.render(collection)))


def test_every_data_file_references_its_schema_on_line_1() -> None:
    files = sorted(DATA.glob("*.yml"))
    assert {f.stem for f in files} == set(COLLECTIONS)
    for file in files:
        first = file.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first == schema.modeline(file.stem), file
        target = (file.parent / first.split("$schema=", 1)[1]).resolve()
        assert target == (schema.SCHEMAS / schema.file_name(file.stem)).resolve()
        assert target.is_file()


def _validator(collection: str) -> Draft202012Validator:
    path = schema.SCHEMAS / schema.file_name(collection)
    return Draft202012Validator(json.loads(path.read_text(encoding="utf-8")))


# The schemas agree with the validator on the real data: every file passes.
@pytest.mark.parametrize("collection", list(COLLECTIONS))
def test_data_files_pass_their_schema(collection: str) -> None:
    loaded, problems = load_yaml(DATA / f"{collection}.yml")
    assert loaded is not None and not problems
    errors = [e.message for e in _validator(collection).iter_errors(loaded.value)]
    assert errors == []


# What an editor sees while typing: a misspelt field, a missing vi text, a bad date, a bad
# vocabulary value and a list where text belongs are flagged by the schema too.
@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  role: standing_deputy_head\n", "  rol: standing_deputy_head\n"),
        ("  role: standing_deputy_head\n", "  role: deputyhead\n"),
        ("  as_of: 2014-08-25\n", "  as_of: 25/08/2014\n"),
        ("  organization_id: ban-chi-dao-doi-moi-gddt\n  role: standing", "  organization_id:\n    - ban-chi-dao-doi-moi-gddt\n  role: standing"),
        ("  sources:\n    - bao-lang-son-thanh-lap-ban-chi-dao\n- id: to-hung-khoa-pho-chu-tich", "  sources: []\n- id: to-hung-khoa-pho-chu-tich"),
        ("  role: standing_deputy_head\n", "  role: standing_deputy_head\n  end_reason:\n    en: Retired\n"),
    ],
)
def test_schema_flags_common_mistakes(tmp_path: Path, old: str, new: str) -> None:
    file = tmp_path / "memberships.yml"
    shutil.copy(DATA / "memberships.yml", file)
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    loaded, problems = load_yaml(file)
    assert loaded is not None and not problems
    assert list(_validator("memberships").iter_errors(loaded.value))
