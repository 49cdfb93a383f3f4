"""A mistake never reaches the public site: `mkdocs build --strict` fails with the same
messages as `validate` (all at once, with file, line, column and field), and a record id
that equals a heading anchor fails the build. (tests/unit/glue covers every case in-process.)"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import build_site, edit


def test_build_fails_with_the_same_messages(data_copy: Path, tmp_path: Path) -> None:
    edit(data_copy / "documents.yml", "issue_date: 2014-07-02", "issue_date: 2014-02-30")
    edit(data_copy / "people.yml", "  name: Tô Hùng Khoa\n", "  name: Tô Hùng Khoa\n  name: X\n")
    result = build_site(tmp_path / "site", data_dir=data_copy, env={"LANG": "C.UTF-8", "LC_ALL": ""})
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert re.search(r"documents\.yml:10:3: qd-1027-qd-ubnd\.issue_date: .*2014-02-30", output), output
    assert re.search(r"people\.yml:4:3: to-hung-khoa\.name: .*'name'", output), output
    assert not (tmp_path / "site" / "index.html").exists()


def test_record_id_equal_to_a_heading_anchor_fails_the_build(data_copy: Path, tmp_path: Path) -> None:
    # "Nhiệm vụ" (the mandate heading on the committee page) slugs to `nhiem-vu`.
    edit(data_copy / "mandate.yml", "- id: nhiem-vu-tham-muu-de-xuat", "- id: nhiem-vu")
    result = build_site(tmp_path / "site", data_dir=data_copy)
    assert result.returncode != 0
    assert "id 'nhiem-vu' is used twice on this page" in result.stdout + result.stderr
