"""Paging mechanics: a layout cuts a listing into pages and knows where each id landed;
page paths and numbers; the pager window; renderer links to the page holding a record."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import make_context
from opencommittee.derive.paging import Entry, Layout, window
from opencommittee.derive.routes import page_number, page_path
from opencommittee.devtools.synthetic import write
from opencommittee.render.renderer import Renderer


def test_layout_splits_and_locates() -> None:
    layout = Layout(page_size=2)
    layout.add("members", [Entry("a", "s1"), Entry("b", "s1", ("b1", "b2")), Entry("c", "s2"), Entry(None, "s3"), Entry("e", "s3")])
    assert layout.count("members") == 3
    assert layout.locate("b2") == ("members", 1)
    assert layout.locate("c") == ("members", 2)
    assert layout.locate("e") == ("members", 3)
    assert layout.sections[("members", "s3")] == 2
    assert [e.id for e in layout.entries("members", 3)] == ["e"]
    assert layout.entries("members", 4) == []


def test_page_paths_and_numbers() -> None:
    assert page_path("members", 1) == "members/"
    assert page_path("members", 12) == "members/12/"
    assert page_number("members/12/", "members") == 12
    assert page_number("members/", "members") == 1
    assert page_number("events/3/", "members") == 1
    assert window(1, 1) == [1]
    assert window(6, 12) == [1, None, 4, 5, 6, 7, 8, None, 12]


def test_renderer_links_to_the_page_holding_a_record(tmp_path: Path) -> None:
    write(tmp_path / "data", scale=1)
    context = make_context(tmp_path / "data", as_of=date(2025, 6, 30), page_size=5)
    dataset = context.dataset
    r = Renderer(context, "en", "en/members/2/")
    last_person = sorted(dataset.people, key=lambda p: p.name)[-1].id
    key, number = r.locate(last_person)
    assert key == "members" and number > 2
    assert r.link(last_person) == f"../{number}/#{last_person}"
    assert r.permalink(last_person).endswith(f"/en/members/{number}/#{last_person}")
    assert r.page_number("members") == 2
