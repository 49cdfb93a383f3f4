"""Paging mechanics: pages are filled by weight (an entry and its nested items), records
too big for one page continue in parts, references never decide where a record lives;
page paths and numbers of every kind of page; the pager window; renderer links to the
page holding a record."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import make_context
from opencommittee.derive.paging import LINE, Entry, Layout, chunked, window
from opencommittee.derive.routes import PageRef, Router, page_number, page_path
from opencommittee.devtools.synthetic import write
from opencommittee.render.renderer import Renderer

KEY = ("members", None)


def test_layout_fills_pages_by_weight_and_locates() -> None:
    layout = Layout(page_size=3)
    layout.add(KEY, [Entry("a", "s1"), Entry("b", "s1", ("b1", "b2")), Entry("c", "s2"), Entry(None, "s3"), Entry("e", "s3")])
    # a (1) | b with two nested (3) | c, placeholder, e (3)
    assert layout.count(KEY) == 3
    assert [e.id for e in layout.entries(KEY, 1)] == ["a"]
    assert layout.locate("b2") == (KEY, 2)
    assert layout.locate("e") == (KEY, 3)
    assert layout.sections[(KEY, "s3")] == 3
    assert layout.entries(KEY, 4) == []
    assert [layout.offset(KEY, n) for n in (1, 2, 3)] == [0, 1, 2]


def test_a_record_too_big_for_a_page_continues_in_parts() -> None:
    parts = chunked("event", "events", tuple(f"item-{i}" for i in range(7)), 3)
    assert [(p.part, p.nested) for p in parts] == [(0, ("item-0", "item-1", "item-2")), (1, ("item-3", "item-4", "item-5")), (2, ("item-6",))]
    layout = Layout(page_size=4)
    layout.add(KEY, parts)
    assert layout.count(KEY) == 3
    # Anchored on the page of its first part; each nested item on its own page.
    assert layout.locate("event") == (KEY, 1)
    assert layout.locate("item-4") == (KEY, 2) and layout.locate("item-6") == (KEY, 3)
    # Parts count once in offsets (event numbering).
    assert [layout.offset(KEY, n) for n in (1, 2, 3)] == [0, 1, 1]


def test_one_line_references_weigh_a_quarter_of_a_record() -> None:
    layout = Layout(page_size=2)
    layout.add(("year", "2024"), [Entry(f"r{i}", "meetings", anchor=False, cost=LINE) for i in range(9)])
    # 8 lines fill a page of 2 records; the ninth starts the next page.
    assert [len(layout.entries(("year", "2024"), n)) for n in (1, 2)] == [8, 1]
    layout.add(KEY, [Entry("m1", "members"), Entry("m2", "members"), Entry("m3", "members")])
    assert layout.count(KEY) == 2


def test_references_never_anchor() -> None:
    layout = Layout(page_size=10)
    layout.add(("person", "p"), [Entry("m1", "current", anchor=False)])
    layout.add(KEY, [Entry("m1", "current")])
    assert layout.locate("m1") == (KEY, 1)


def test_page_paths_and_numbers() -> None:
    assert page_path("members", 1) == "members/"
    assert page_path("members", 12) == "members/12/"
    assert page_number("members/12/", "members") == 12
    assert page_number("members/", "members") == 1
    assert page_number("events/3/", "members") == 1
    assert window(1, 1) == [1]
    assert window(6, 12) == [1, None, 4, 5, 6, 7, 8, None, 12]


def test_router_paths_round_trip() -> None:
    router = Router(primary="main-body")
    cases = {
        PageRef("members", "main-body"): "members/",
        PageRef("members", "other-body", 3): "committees/other-body/members/3/",
        PageRef("committee", "other-body"): "committees/other-body/",
        PageRef("plan", "other-body"): "committees/other-body/plan/",
        PageRef("committees", None, 2): "committees/2/",
        PageRef("person", "to-hung-khoa"): "people/to-hung-khoa/",
        PageRef("person", "2", 2): "people/2/2/",
        PageRef("organization", "ubnd-tinh"): "organizations/ubnd-tinh/",
        PageRef("year", "2014"): "years/2014/",
        PageRef("years"): "years/",
        PageRef("home"): "",
    }
    for ref, path in cases.items():
        assert router.path(ref) == path, ref
        expected = PageRef(ref.kind, router.subject(ref.kind, ref.subject), ref.number)
        assert router.parse(path) == expected, path
    assert router.parse("nowhere/") is None


def test_renderer_links_to_the_page_holding_a_record(tmp_path: Path) -> None:
    write(tmp_path / "data", scale=1)
    context = make_context(tmp_path / "data", as_of=date(2025, 6, 30), page_size=5)
    dataset = context.dataset
    r = Renderer(context, "en", "en/members/2/")
    post = dataset.posts[-1].id
    ref = r.locate(post)
    assert ref.kind == "members" and ref.number > 2
    assert r.link(post) == f"../{ref.number}/#{post}"
    assert r.permalink(post).endswith(f"/en/members/{ref.number}/#{post}")
    assert r.page_number("members") == 2
    # People and organizations have pages of their own.
    person = dataset.people[0].id
    assert r.link(person) == f"../../people/{person}/"
    assert r.permalink(person).endswith(f"/en/people/{person}/")
