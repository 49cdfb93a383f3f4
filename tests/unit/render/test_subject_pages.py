"""A page for every person, organization and year (issue 12, items 3 and 5), and seats over
time (item 4), rendered through their blocks."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest
from htmlkit import Page

from conftest import make_context, overlay, render_page
from opencommittee.derive import charts
from opencommittee.derive.context import BuildContext


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.mark.parametrize(("lang", "words"), [
    ("vi", ["Tô Hùng Khoa", "Phó Trưởng ban Thường trực", "Phó Chủ tịch", "Ủy viên Ban Thường vụ", "tính đến 25 tháng 8, 2014",
            "Các cuộc họp đã chủ trì"]),
    ("en", ["Tô Hùng Khoa", "Standing Deputy Head", "Vice Chairman", "Member of the Standing Board", "as of August 25, 2014",
            "Meetings chaired"]),
])
def test_person_page_lists_every_position_in_every_body(embedded: BuildContext, lang: str, words: list[str]) -> None:
    html = render_page(embedded, lang, "person", subject="to-hung-khoa")
    body = text(html)
    for word in words:
        assert word in body, word
    # Three memberships (the committee, the PPC, the Party's Standing Board), each with
    # its sources and a link to its record; none is an anchor here (that is the members page).
    assert html.count('class="oc-record oc-membership"') == 3
    for m in ("to-hung-khoa-pho-truong-ban-thuong-truc", "to-hung-khoa-pho-chu-tich-ubnd", "to-hung-khoa-uy-vien-ban-thuong-vu"):
        assert f'members/#{m}"' in html and f'id="{m}"' not in html
    assert html.count('class="oc-sources"') >= 4 and 'href="feed.xml"' in html


def test_organization_page_lists_posts_members_and_documents(embedded: BuildContext) -> None:
    html = text(render_page(embedded, "en", "organization", subject="ubnd-tinh"))
    assert "Chairman of the Provincial People's Committee" in html  # its seat
    assert "Tô Hùng Khoa — Vice Chairman" in html  # its member
    assert "1027/QĐ-UBND" in html  # issued by its seat, the Chairman
    committee = render_page(embedded, "vi", "organization", subject="ban-chi-dao-doi-moi-gddt")
    assert 'href="../../committee/"' in committee and 'href="../../members/"' in committee


@pytest.mark.parametrize(("lang", "words"), [
    ("vi", ["Năm 2014", "Thành viên vào cuối năm 2014", "Hội nghị triển khai", "1027/QĐ-UBND", "Nhiệm vụ được giao năm 2014", "Soạn thảo kế hoạch"]),
    ("en", ["2014", "Members at the end of 2014", "Conference to put into effect", "1027/QĐ-UBND", "Tasks assigned in 2014", "Draft the committee"]),
])
def test_2014_shows_the_decision_the_conference_and_the_assignments(embedded: BuildContext, lang: str, words: list[str]) -> None:
    body = text(render_page(embedded, lang, "year", subject="2014"))
    for word in words:
        assert word in body, word


def test_later_years_say_plainly_that_nothing_is_published(embedded: BuildContext) -> None:
    assert embedded.years.years == [2013, 2014]
    index = text(render_page(embedded, "en", "years"))
    assert f"2015–{embedded.settings.as_of.year}: nothing published" in index
    vi = text(render_page(embedded, "vi", "years"))
    assert f"2015–{embedded.settings.as_of.year}: chưa có thông tin được công bố" in vi
    # 2013 (Resolution 29) has a page; the committee was founded in 2014, so no one serves.
    y2013 = text(render_page(embedded, "en", "year", subject="2013"))
    assert "29-NQ/TW" in y2013 and "Members at the end" not in y2013


def test_a_year_lists_who_served_one_line_each_with_person_body_and_permalink(tmp_path) -> None:
    context = make_context(overlay("rich", tmp_path / "data"))
    year = next(y for y in context.years.years if context.years.serving(y))
    html = render_page(context, "en", "year", subject=str(year)).split('id="serving"', 1)[1].split("</ul>", 1)[0]
    rows = html.split("<li>")[1:]
    shown = context.years.serving(year)
    assert rows and len(rows) == min(len(shown), 4 * context.settings.page_size)
    for m_id, row in zip(shown, rows, strict=False):
        m = context.dataset.get(m_id)
        assert f'#{m_id}"' in row and "Permalink" in text(row)  # the record, anchored on its members page
        if m.person_id:
            assert f"people/{m.person_id}/" in row
        assert "<dl" not in row  # no facts block: one line


def test_tasks_due_in_a_year_show_their_state_at_its_end(tmp_path) -> None:
    context = make_context(overlay("rich", tmp_path / "data"))
    years = context.years
    year = next(y for y in years.years if years.dated.get(y, {}).get("due"))
    html = render_page(context, "en", "year", subject=str(year)).split('id="due"', 1)[1]
    state = context.progress_at(date(year, 12, 31))
    for task_id in years.dated[year]["due"][:5]:
        label = {"not_started": "Not started", "in_progress": "In progress", "completed": "Completed", "stalled": "Stalled",
                 "cancelled": "Cancelled", "from_subtasks": "From subtasks only", "no_information": "No information"}[state.state(task_id).status_key]
        row = html.split(f'#{task_id}"', 1)[1].split("</li>", 1)[0]
        assert f"state at the end of the year: {label}" in text(row)


def test_seats_timeline_draws_known_open_and_as_of_apart() -> None:
    chart = charts.timeline("t", "T", "D", [("a", date(2015, 1, 1), date(2018, 12, 31), None),
                                            ("b", date(2019, 1, 1), None, None),
                                            ("c", None, None, date(2016, 6, 1)),
                                            ("d", None, date(2017, 1, 1), None)], until=date(2025, 1, 1))
    a, b, c, d = chart.spans
    assert a.start == 0.0 and a.end is not None and a.open_from is None
    assert b.open_from is not None and b.open_to == 100.0 and b.end is None
    assert c.points and c.start is None and c.open_from is None
    assert d.unknown_from == 0.0
    assert chart.ticks[0].label == "2015" and chart.ticks[-1].label == "2025" and len(chart.ticks) <= 5


def test_members_page_has_the_timeline_with_a_table(embedded: BuildContext) -> None:
    html = render_page(embedded, "en", "members")
    page = Page(html)
    svg = next(s for s in page.svgs if (s.get("class") or "").endswith("oc-timeline-svg"))
    title, desc = (svg["aria-labelledby"] or "").split()
    assert "members of Education Renovation Steering Committee over time" in page.of(title)
    assert 'viewBox' not in html.split("oc-timeline-svg", 1)[1].split(">", 1)[0]  # text is never scaled
    assert 'class="oc-tl-asof"' in html  # Tô Hùng Khoa is known as of 25 August 2014 only
    table = html.split('<caption>Members and their terms</caption>', 1)[1].split("</table>", 1)[0]
    assert "Tô Hùng Khoa — Standing Deputy Head of the Steering Committee" in table
