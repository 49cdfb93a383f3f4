"""Issue 3 at the render layer: the plan page (dashboard, figures with their formulas,
charts with tables, permalinks) on a rich fixture at two as-of dates, honest pages on the
embedded data and on a plan with no tasks. No MkDocs build: pages are rendered through the
blocks (tests/conftest.py: render_page)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from htmlkit import Page

from conftest import make_context, overlay, render_page
from opencommittee.derive.context import BuildContext
from opencommittee.derive.routes import PAGES

AS_OF_A = "2025-11-27"
AS_OF_B = "2016-06-01"


def all_pages(context: BuildContext, lang: str, key: str = "plan") -> str:
    """Every page of a paged list, one after the other."""
    return "".join(render_page(context, lang, key, n) for n in range(1, context.layout.count((key, None)) + 1))


def page(context: BuildContext, lang: str, key: str = "plan") -> Page:
    return Page(all_pages(context, lang, key))


# --- rendered site: rich synthetic fixture -----------------------------------------------


@pytest.fixture(scope="module")
def rich_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return overlay("rich", tmp_path_factory.mktemp("progress") / "data")


@pytest.fixture(scope="module")
def rich_sites(rich_data: Path) -> dict[str, BuildContext]:
    """The rich fixture at two as-of dates (nothing else changes)."""
    return {as_of: make_context(rich_data, as_of=date.fromisoformat(as_of)) for as_of in (AS_OF_A, AS_OF_B)}


def test_known_numbers_render_with_formula_in_both_languages(rich_sites: dict[str, BuildContext]) -> None:
    for lang, value, formula in (("vi", "37,5%", "37,5% = (1 × 100% + 1 × 50% + 2 × 0%) ÷ (1 + 1 + 2) = 150% ÷ 4"),
                                 ("en", "37.5%", "37.5% = (1 × 100% + 1 × 50% + 2 × 0%) ÷ (1 + 1 + 2) = 150% ÷ 4")):
        html = page(rich_sites[AS_OF_A], lang)
        parent = html.of("nv-cha")
        assert formula in parent
        assert value in html.of("ke-hoach-trong-so")
        # The weights table names every child, the one without information included.
        for child in ("nv-a", "nv-b", "nv-c"):
            assert re.sub(r"\s+", " ", html.of(child)).split(" ")[0]  # the record exists
        assert ("Nhiệm vụ D" if lang == "vi" else "Task D") in parent
        assert ("không tính: chưa có thông tin" if lang == "vi" else "not counted: no information yet") in parent


def test_single_all_completed_deep_and_empty_plans(rich_sites: dict[str, BuildContext]) -> None:
    vi = page(rich_sites[AS_OF_A], "vi")
    en = page(rich_sites[AS_OF_A], "en")
    assert "40% = (1 × 40%) ÷ (1)" in en.of("ke-hoach-mot-nhiem-vu")
    assert "100% = (1 × 100% + 3 × 100%) ÷ (1 + 3) = 400% ÷ 4" in en.of("ke-hoach-hoan-thanh")
    # Deep: 80 % at levels 5→2 (60 and 100 at weight 1), then (1 × 80 + 3 × 0) ÷ 4 at level 1;
    # the cancelled branch (weight 5) is listed and not counted.
    for level in ("cap-4", "cap-3", "cap-2"):
        assert en.of(level).split("(from subtasks)")[0].strip().endswith("80%")
    assert "20% = (1 × 80% + 3 × 0%) ÷ (1 + 3)" in en.of("cap-1")
    assert "not counted: cancelled" in en.of("cap-1")
    assert "20%" in en.of("ke-hoach-nhieu-cap")
    assert "No task is recorded under this plan yet" in en.of("ke-hoach-trong")
    assert "Chưa có nhiệm vụ nào được ghi nhận thuộc kế hoạch này" in vi.of("ke-hoach-trong")
    assert "%" not in en.of("ke-hoach-trong").replace("0 %", "")


def test_every_task_indicator_and_update_has_a_permalink(rich_sites: dict[str, BuildContext], rich_data: Path) -> None:
    data = rich_data
    ids = [r["id"] for name in ("plans", "tasks", "indicators", "updates") for r in yaml.safe_load((data / f"{name}.yml").read_text(encoding="utf-8"))]
    context = rich_sites[AS_OF_A]
    for lang in ("vi", "en"):
        html = page(context, lang)
        missing = [i for i in ids if i not in html.ids]
        assert not missing, (lang, missing)
        for number in range(1, context.layout.count(("plan", None)) + 1):
            one = Page(render_page(context, lang, "plan", number))
            assert len(one.ids) == len(set(one.ids)), ("duplicate HTML ids", number)
    # An update's evidence and note are in its timeline entry; data text is never markup.
    en = page(rich_sites[AS_OF_A], "en")
    assert "Surveyed <b>20</b> schools" in en.of("cn-b-2015")
    assert "Synthetic progress report" in en.of("cn-b-2015")
    assert "(not yet translated)" in en.of("cn-b-2016")


def test_charts_are_named_images_with_tables(rich_sites: dict[str, BuildContext]) -> None:
    for lang in ("vi", "en"):
        raw = all_pages(rich_sites[AS_OF_A], lang)
        html = Page(raw)
        assert len(html.svgs) >= 5, "status, due year, progress over time, two indicators"
        # A line chart has a narrow variant for phones (CSS shows one of the two).
        wide = [s for s in html.svgs if "oc-chart-narrow" not in (s.get("class") or "")]
        narrow = [s for s in html.svgs if "oc-chart-narrow" in (s.get("class") or "")]
        assert len(narrow) == raw.count('class="oc-chart oc-chart-line"') >= 3
        for svg in html.svgs:
            title, desc = (svg["aria-labelledby"] or "").split()
            assert title in html.ids and desc in html.ids
            assert html.of(title), "the accessible name is not empty"
        assert html.tables >= len(wide)
        assert "<script" not in raw.split('class="oc-block oc-plan"')[1].split("</article>")[0]
        # Status bars are labelled with the status name and count, not colour alone.
        status = html.of("oc_chart_status")
        assert ("Hoàn thành" if lang == "vi" else "Completed") in status and "4" in status
    en = page(rich_sites[AS_OF_A], "en")
    assert "Target: 95%" in en.of("oc_chart_ty-le-truong-chuan")
    assert "82.5%" in en.of("oc_chart_ty-le-truong-chuan")
    assert "1,040" in en.of("so-truong-moi") and "1.040" in page(rich_sites[AS_OF_A], "vi").of("so-truong-moi")


def test_dashboard_counts_and_lists(rich_sites: dict[str, BuildContext]) -> None:
    en = page(rich_sites[AS_OF_A], "en")
    status = en.of("oc_by_status")
    for label, count in (("Completed", 4), ("In progress", 3), ("Not started", 2), ("Cancelled", 1),
                         ("From subtasks only", 5), ("No information", 3)):
        assert f"{label} {count}" in status, label
    assert "DOET 17" in en.of("oc_by_lead") and "PPC 1" in en.of("oc_by_lead")
    assert "2015 2" in en.of("oc_by_due_year") and "No due date 11" in en.of("oc_by_due_year")
    overdue = en.of("oc_overdue")
    assert "Task B" in overdue and "Task C" in overdue and "Parent task" in overdue and "Task A" not in overdue
    assert "Finished task" not in overdue
    latest = en.of("oc_latest")
    assert latest.index("May 1, 2024") < latest.index("September 5, 2019")


def test_changing_only_the_as_of_date_changes_only_overdue_stale_and_labels(rich_sites: dict[str, BuildContext]) -> None:
    a, b = rich_sites[AS_OF_A], rich_sites[AS_OF_B]
    # Year pages run to the as-of year: every other list is cut the same way.
    assert {k: v for k, v in a.layout.pages.items() if k[0] != "year"} == {k: v for k, v in b.layout.pages.items() if k[0] != "year"}, "no record moves to another page"
    for lang in ("vi", "en"):
        for key in PAGES:
            for number in range(1, a.layout.count(key) + 1):
                pa, pb = (Page(render_page(ctx, lang, key, number)) for ctx in (a, b))
                assert pa.stable == pb.stable, f"{lang} {key} {number} differs outside the as-of-dependent parts"
    early, late = page(b, "en"), page(a, "en")
    # With nothing overdue the section folds into the "None on the as-of date" line (its
    # anchor kept there).
    assert "None on the as-of date: Overdue tasks" in early.of("oc_none_now") and "Task B" in late.of("oc_overdue")
    assert "Task B" not in early.of("oc_stale") and "Task B" in late.of("oc_stale")
    assert "June 1, 2016" in early.of("oc_summary") and "November 27, 2025" in late.of("oc_overdue")


# --- honest pages with thin data ---------------------------------------------------------


def test_embedded_data_reads_honestly(embedded: BuildContext) -> None:
    for lang, since, no_pct in (("vi", "chưa có thông tin kể từ 25 tháng 8, 2014", "chưa có báo cáo tiến độ"),
                                ("en", "no information since August 25, 2014", "no progress reported yet")):
        html = page(embedded, lang)
        for task_id in ("soan-thao-ke-hoach-chuong-trinh-100", "hoan-thien-he-thong-van-ban"):
            assert since in html.of(task_id)
            assert "%" not in html.of(task_id)
        assert no_pct in html.of("oc_loose")
        assert html.svgs == [], "no chart drawn from no data"
        assert "%" not in html.of("ke-hoach-thuc-hien-chuong-trinh-100")


@pytest.fixture(scope="module")
def empty_site(tmp_path_factory: pytest.TempPathFactory) -> BuildContext:
    return make_context(overlay("empty", tmp_path_factory.mktemp("progress-empty") / "data"))


def test_no_tasks_at_all(empty_site: BuildContext) -> None:
    en = page(empty_site, "en")
    assert "No task has been published yet." in en.of("oc_summary")
    assert "Tasks by status" in en.of("oc_unpublished") and "Tasks by lead organization" in en.of("oc_unpublished")
    assert "No task is recorded under this plan yet" in en.of("ke-hoach-thuc-hien-chuong-trinh-100")
    assert en.svgs == []
    vi = page(empty_site, "vi")
    assert "Chưa có nhiệm vụ nào được công bố." in vi.of("oc_summary")


# --- issue 13: headline, timeliness, thin data reads short --------------------------------


def test_headline_figure_strips_and_formula_one_click_away(rich_sites: dict[str, BuildContext]) -> None:
    html = all_pages(rich_sites[AS_OF_A], "en")
    head = Page(html).of("oc_summary")
    # 71.1 % = (1 × 37.5 + 1 × 40 + 1 × 100 + 3 × 100 + 1 × 20) ÷ 7 over the top-level tasks.
    assert head.startswith("At a glance 71.1% overall progress of 18 task(s) as of November 27, 2025")
    assert "Tasks by status: ○ Not started 2 · ◐ In progress 3 · ● Completed 4 · ✕ Cancelled 1" in head
    assert "71.1% = (1 × 37.5% + 1 × 40% + 1 × 100% + 3 × 100% + 1 × 20%) ÷ (1 + 1 + 1 + 3 + 1) = 497.5% ÷ 7" in head
    summary = html.split('id="oc_summary"', 1)[1].split("</section>", 1)[0]
    assert '<details class="oc-how">' in summary and 'class="oc-big-figure">71.1%<' in summary
    assert 'class="oc-big-bar" aria-hidden="true"' in summary  # the bar is decoration, the figure is text
    vi = Page(all_pages(rich_sites[AS_OF_A], "vi")).of("oc_summary")
    assert vi.startswith("Tổng quan 71,1% tiến độ chung của 18 nhiệm vụ tính đến 27 tháng 11, 2025")


def test_timeliness_counts_on_dashboard_and_each_task(rich_sites: dict[str, BuildContext]) -> None:
    en = page(rich_sites[AS_OF_A], "en")
    assert ("Tasks by timeliness: Completed on time 3 · Not yet due 1 · Overdue 3 · No due date 10 · Cancelled (not counted) 1"
            in en.of("oc_summary"))
    vi = page(rich_sites[AS_OF_A], "vi")
    assert ("Nhiệm vụ theo thời hạn: Hoàn thành đúng hạn 3 · Chưa đến hạn 1 · Quá hạn 3 · Chưa có hạn 10 · Đã hủy (không tính) 1"
            in vi.of("oc_summary"))
    # On each task: the category; a task with no due date says so once (its due fact).
    assert "Timeliness Completed on time" in en.of("nv-a") and "Timeliness Overdue" in en.of("nv-b")
    assert "Timeliness Not yet due" in en.of("nv-duy-nhat") and "Thời hạn Quá hạn" in vi.of("nv-c")
    assert "Timeliness" not in en.of("nv-d")
    # Ten years earlier, the same tasks were not yet due: only the as-of date changed.
    early = page(rich_sites[AS_OF_B], "en")
    assert "Completed on time 3 · Not yet due 4 · No due date 10" in early.of("oc_summary")
    # Explained in the vocabulary block, both languages.
    vocab = all_pages(rich_sites[AS_OF_A], "en").split('id="oc_vocabulary"', 1)[1]
    for text in ("Completed late", "Completed, but the update that says so is dated after the due date.", "Decision 42/2014/QĐ-TTg", "due “2025” means by 31 December 2025"):
        assert text in vocab, text
    assert "Hoàn thành quá hạn" in all_pages(rich_sites[AS_OF_A], "vi").split('id="oc_vocabulary"', 1)[1]


def test_thin_data_folds_empty_sections_into_one_line(embedded: BuildContext) -> None:
    en, vi = page(embedded, "en"), page(embedded, "vi")
    assert en.of("oc_unpublished") == "Not yet published: Tasks by status , Tasks by due year , Latest updates , Indicators: actual against target ."
    assert vi.of("oc_unpublished").startswith("Chưa được công bố: Nhiệm vụ theo tình trạng")
    assert en.of("oc_none_now") == "None on the as-of date: Overdue tasks ."
    # Every section anchor still exists (the folded ones on the line that names them).
    for anchor in ("oc_plans", "oc_by_status", "oc_by_lead", "oc_by_due_year", "oc_overdue", "oc_stale", "oc_latest",
                   "oc_indicators_summary", "oc_tasks", "oc_vocabulary"):
        assert anchor in en.ids, anchor
    assert "Lead: DOET 2" in en.of("oc_summary")  # one lead: in the headline, no table


def test_rich_data_keeps_every_section(rich_sites: dict[str, BuildContext]) -> None:
    raw = render_page(rich_sites[AS_OF_A], "en", "plan")
    html = Page(raw)
    assert "oc_unpublished" not in html.ids and "oc_none_now" not in html.ids
    for section in ("oc_plans", "oc_by_status", "oc_by_lead", "oc_by_due_year", "oc_overdue", "oc_stale", "oc_latest",
                    "oc_indicators_summary"):
        assert f'<section id="{section}"' in raw, section
