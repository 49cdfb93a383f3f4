"""A collection may be a folder of files (issue 12, item 2): `data/updates/*.yml` instead of
`data/updates.yml`. The embedded data with the `rich` progress fixture laid over it has its
updates split in two files; it validates, every message names the file the record is in,
the exports name each record's file, and it builds strictly."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from conftest import build_site, line_of, overlay, run_cli, validate
from opencommittee.model.loader import load_dataset
from opencommittee.publish.exports import FILE_COLUMN, collection_csv, dataset_document
from opencommittee.render import editing

FIRST, SECOND = "2015.yml", "later.yml"


def split_updates(tmp: Path) -> Path:
    """A data folder whose updates are two files, 2015's and the later ones'."""
    data = overlay("rich", tmp / "data")
    text = (data / "updates.yml").read_text(encoding="utf-8")
    head, *records = re.split(r"(?m)^(?=- id: )", text)
    early = [r for r in records if re.search(r"(?m)^  date: 2015", r)]
    later = [r for r in records if r not in early]
    assert early and later
    (data / "updates.yml").unlink()
    (data / "updates").mkdir()
    (data / "updates" / FIRST).write_text(head + "".join(early), encoding="utf-8")
    (data / "updates" / SECOND).write_text(head + "".join(later), encoding="utf-8")
    return data


@pytest.fixture
def split(tmp_path: Path) -> Path:
    return split_updates(tmp_path)


def test_a_folder_collection_validates_and_keeps_each_records_file(split: Path) -> None:
    result = validate(split)
    assert result.returncode == 0, result.stderr
    singles = len(list(split.glob("*.yml")))
    assert f"in {singles + 2} files" in result.stdout  # the single files and the folder's two
    dataset = load_dataset(split, shown_as="data")
    assert dataset.file_of("cn-c-2015") == f"data/updates/{FIRST}"
    assert dataset.file_of("cn-a-2016") == f"data/updates/{SECOND}"
    assert dataset.file_of("to-hung-khoa") == "data/people.yml"
    assert {u.id for u in dataset.updates} >= {"cn-c-2015", "cn-a-2016", "cn-dat-chuan-2019"}


def test_a_problem_names_the_file_and_line_inside_the_folder(split: Path) -> None:
    target = split / "updates" / SECOND
    target.write_text(target.read_text(encoding="utf-8").replace("  date: 2018-06", "  date: 2018-13"), encoding="utf-8")
    result = validate(split)
    assert result.returncode == 1
    line = line_of(target, "date: 2018-13")
    assert re.search(rf"^{re.escape(str(target))}:{line}:\d+: cn-ty-le-2018\.date: ", result.stderr, re.M), result.stderr


def test_an_id_used_in_two_files_of_the_folder_names_both(split: Path) -> None:
    target = split / "updates" / SECOND
    target.write_text(target.read_text(encoding="utf-8").replace("- id: cn-a-2016", "- id: cn-c-2015"), encoding="utf-8")
    result = validate(split)
    first = split / "updates" / FIRST
    assert f"{target}:{line_of(target, '- id: cn-c-2015')}:" in result.stderr
    assert f"already used at '{first}:{line_of(first, '- id: cn-c-2015')}'" in result.stderr


def test_a_collection_both_file_and_folder_is_refused(split: Path) -> None:
    (split / "updates.yml").write_text("[]\n", encoding="utf-8")
    result = validate(split)
    assert result.returncode == 1
    assert f"{split}/updates.yml:1:1: the collection 'updates' is both a file 'updates.yml' and a folder 'updates/'" in result.stderr
    assert "bộ dữ liệu 'updates' vừa là tệp" in validate(split, "vi").stderr


def test_exports_name_each_records_file(split: Path) -> None:
    dataset = load_dataset(split, shown_as="data")
    document = dataset_document(dataset)
    files = document["record_files"]
    assert files["updates"]["cn-c-2015"] == f"data/updates/{FIRST}"
    assert files["updates"]["cn-dat-chuan-2019"] == f"data/updates/{SECOND}"
    assert files["people"] == {"to-hung-khoa": "data/people.yml"}
    # every record of every collection is named, and the records themselves are unchanged
    for name, records in document["collections"].items():
        assert set(files[name]) == {r["id"] for r in records}, name
        assert all("_file" not in r for r in records)
    rows = list(csv.DictReader(io.StringIO(collection_csv(dataset, "updates", ["vi", "en"]).decode("utf-8-sig"), newline="")))
    assert list(rows[0])[-1] == FILE_COLUMN
    assert {r["id"]: r[FILE_COLUMN] for r in rows} == files["updates"]


def test_a_folder_collection_builds_strictly(tmp_path: Path) -> None:
    data = split_updates(tmp_path)
    site = tmp_path / "site"
    result = build_site(site, data)
    assert result.returncode == 0, result.stderr[-3000:]
    exported = json.loads((site / "downloads" / "opencommittee.json").read_text(encoding="utf-8"))
    assert exported["record_files"]["updates"]["cn-c-2015"].endswith(f"updates/{FIRST}")
    assert len(exported["collections"]["updates"]) == sum(
        len(re.findall(r"(?m)^- id: ", (data / "updates" / f).read_text(encoding="utf-8"))) for f in (FIRST, SECOND)
    )


def test_translations_name_the_file_inside_the_folder(split: Path) -> None:
    target = split / "updates" / SECOND
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("  date: 2016-03-01\n", "  date: 2016-03-01\n  note:\n    vi: Ghi chú\n", 1), encoding="utf-8")
    result = run_cli("translations", str(split))
    line = line_of(target, "  note:")
    assert re.search(rf"^{re.escape(str(target))}:{line}:\d+: cn-a-2016\.note: no 'en' text", result.stdout, re.M), result.stdout


def test_the_edit_link_opens_the_records_own_file_in_the_folder(split: Path) -> None:
    """'Edit' (with extra.repository set) opens the file inside the folder that holds the
    record, whatever the data folder is called where it was read."""
    dataset = load_dataset(split, shown_as=str(split))
    assert editing.data_file_of(dataset, "cn-c-2015") == f"updates/{FIRST}"
    assert editing.data_file_of(dataset, "cn-a-2016") == f"updates/{SECOND}"
    assert editing.data_file_of(dataset, "to-hung-khoa") == "people.yml"
    outcome = dataset.events[0].agenda[0].id
    assert editing.data_file_of(dataset, outcome) == "events.yml"
    repo = editing.Repository("example-org/open-committee")
    assert editing.edit_url(repo, f"updates/{FIRST}") == \
        f"https://github.com/example-org/open-committee/edit/main/data/updates/{FIRST}"
