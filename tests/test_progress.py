"""Issue 3: plan progress. Pure roll-up/overdue/stale functions, the rendered dashboard and
records (figures, formulas, charts, permalinks) on synthetic fixtures, honest pages on the
embedded data, as-of independence, and every progress validation case."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import DATA, ROOT, build_site
from opencommittee import charts, progress
from opencommittee.models import Task, Update

FIXTURES = Path(__file__).parent / "fixtures" / "progress"
AS_OF_A = "2025-11-27"
AS_OF_B = "2016-06-01"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


# --- helpers ---------------------------------------------------------------------------


def overlay(fixture: str, target: Path) -> Path:
    """A copy of data/ with a fixture laid over it (see fixtures/progress/README.md)."""
    shutil.copytree(DATA, target)
    for file in sorted((FIXTURES / fixture).glob("*.yml")):
        dest = target / file.name
        text = file.read_text(encoding="utf-8")
        if yaml.safe_load(text) == [] or yaml.safe_load(dest.read_text(encoding="utf-8")) in ([], None):
            dest.write_text(text, encoding="utf-8")
        else:
            dest.write_text(dest.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")
    return target


class Page(HTMLParser):
    """Element ids with their text, the page text without as-of-dependent parts, SVGs."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = []
        self.text: dict[str, list[str]] = {}
        self.ids: list[str] = []
        self.stable: list[str] = []
        self.svgs: list[dict[str, str | None]] = []
        self.tables = 0
        self.feed(html)

    def _skipping(self) -> bool:
        return any(skip for _t, _i, skip in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "svg" and a.get("role") == "img":
            self.svgs.append(a)
        if tag == "table":
            self.tables += 1
        if a.get("id"):
            self.ids.append(a["id"])
            self.text.setdefault(a["id"], [])
        skip = "data-asof" in a or "oc-asof-banner" in (a.get("class") or "")
        if not self._skipping() and not skip:
            self.stable.append(f"<{tag} {sorted(attrs)}>")
        if tag not in VOID:
            self.stack.append((tag, a.get("id"), skip))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._skipping():
            self.stable.append(f"<{tag} {sorted(attrs)}/>")
        if dict(attrs).get("id"):
            self.ids.append(dict(attrs)["id"] or "")

    def handle_endtag(self, tag: str) -> None:
        skipped = self._skipping()
        while self.stack:
            t, _i, _s = self.stack.pop()
            if t == tag:
                break
        if not skipped:
            self.stable.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        for _t, eid, _s in self.stack:
            if eid:
                self.text[eid].append(data)
        if not self._skipping() and data.strip():
            self.stable.append(" ".join(data.split()))

    def of(self, element_id: str) -> str:
        """Text inside an element, whitespace collapsed."""
        return " ".join(" ".join(self.text[element_id]).split())


def page(site: Path, lang: str, path: str = "plan/") -> Page:
    prefix = "" if lang == "vi" else f"{lang}/"
    return Page((site / prefix / path / "index.html").read_text(encoding="utf-8"))


def validate(data: Path, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "opencommittee", "validate", "--lang", lang, str(data)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )


# --- pure functions ----------------------------------------------------------------------


def _task(tid: str, parent: str | None = None, weight: float = 1, due: str | None = None, plan: str | None = "p", assigned: str = "2015-01-01", start: str | None = None) -> Task:
    return Task.model_validate({"id": tid, "title": {"vi": tid}, "lead_id": "org", "parent_id": parent, "plan_id": plan if parent is None else None,
                                "weight": weight, "due_date": due, "assigned_date": assigned, "start_date": start, "sources": ["s"]})


def _update(uid: str, tid: str, day: str, status: str | None = None, percent: float | None = None) -> Update:
    return Update.model_validate({"id": uid, "task_id": tid, "date": day, "status": status, "percent": percent, "sources": ["s"]})


def test_weighted_rollup_known_numbers() -> None:
    roll = progress.weighted_rollup([("a", 1, 100, False), ("b", 1, 50, False), ("c", 2, 0, False)])
    assert roll.value == 37.5
    assert (roll.total_product, roll.total_weight) == (150, 4)
    assert [(t.task_id, t.weight, t.percent) for t in roll.terms] == [("a", 1, 100), ("b", 1, 50), ("c", 2, 0)]


def test_rollup_excludes_unknown_and_cancelled_and_never_invents_zero() -> None:
    roll = progress.weighted_rollup([("a", 1, 80, False), ("b", 5, None, False), ("c", 9, 10, True)])
    assert roll.value == 80
    assert [(e.task_id, e.reason) for e in roll.excluded] == [("b", "no_information"), ("c", "cancelled")]
    assert not roll.complete
    assert progress.weighted_rollup([("a", 1, None, False)]).value is None
    assert progress.weighted_rollup([]).value is None
    assert progress.weighted_rollup([("a", 0, 50, False)]).value is None


def test_state_is_latest_update_and_parents_roll_up() -> None:
    tasks = [_task("parent"), _task("a", "parent"), _task("b", "parent"), _task("c", "parent", weight=2)]
    updates = [
        _update("u3", "b", "2016-03-01", "in_progress", 50),
        _update("u1", "b", "2015-06-01", "in_progress", 20),
        _update("u2", "a", "2016-03-01", "completed"),
        _update("u4", "c", "2015-06-01", "not_started"),
    ]
    p = progress.compute(tasks, updates, date(2016, 6, 1))
    assert [u.id for u in p.state("b").history] == ["u1", "u3"]
    assert p.state("b").progress == 50
    assert p.state("a").progress == 100 and p.state("c").progress == 0
    assert p.state("parent").progress == 37.5
    assert p.state("parent").status_key == "from_subtasks"
    assert p.state("parent").last_update == "2016-03-01"
    assert p.overall("p").value == 37.5


def test_single_empty_all_completed_and_deep_nesting() -> None:
    assert progress.compute([], [], date(2020, 1, 1)).overall("p").value is None
    single = progress.compute([_task("t")], [_update("u", "t", "2020", "in_progress", 40)], date(2020, 1, 1))
    assert single.overall("p").value == 40
    done = progress.compute([_task("x", due="2015"), _task("y", weight=3, due="2015")],
                            [_update("u1", "x", "2015-05", "completed"), _update("u2", "y", "2015-06", "completed", 100)], date(2025, 1, 1))
    assert done.overall("p").value == 100 and done.overdue == [] and done.stale == []
    chain = [_task("n0")] + [_task(f"n{i}", f"n{i - 1}") for i in range(1, 400)]
    deep = progress.compute(chain, [_update("u", "n399", "2020", "in_progress", 60)], date(2020, 1, 1))
    assert deep.state("n0").progress == 60 and deep.state("n399").depth == 399
    assert progress.tree_order(chain)[:3] == ["n0", "n1", "n2"]


def test_overdue_and_stale_follow_the_as_of_date() -> None:
    tasks = [_task("late", due="2018"), _task("done", due="2016"), _task("quiet", assigned="2014-08-25"),
             _task("future", assigned="2015-01-01", start="2030-01-01"), _task("dropped", due="2016")]
    updates = [_update("u1", "late", "2017-01-01", "in_progress", 10), _update("u2", "done", "2016-02", "completed"),
               _update("u3", "dropped", "2016-01-01", "cancelled")]
    early = progress.compute(tasks, updates, date(2018, 12, 31), stale_after_days=800)
    assert [s.task.id for s in early.overdue] == [] and [s.task.id for s in early.stale] == ["quiet"]
    late = progress.compute(tasks, updates, date(2019, 3, 1), stale_after_days=780)
    assert [s.task.id for s in late.overdue] == ["late"]
    assert [s.task.id for s in late.stale] == ["quiet", "late"]
    # Only the computed flags differ: states and roll-ups do not depend on the as-of date.
    assert {k: s.progress for k, s in early.states.items()} == {k: s.progress for k, s in late.states.items()}


def test_counts_and_latest_updates() -> None:
    tasks = [_task("a", due="2016-05"), _task("b", due="2016"), _task("c")]
    updates = [_update("u1", "a", "2016-01", "stalled", 30), _update("u2", "a", "2016-02", "in_progress", 40)]
    p = progress.compute(tasks, updates, date(2016, 1, 1))
    states = list(p.states.values())
    assert dict(progress.count_by_status(states)) == {"not_started": 0, "in_progress": 1, "completed": 0, "stalled": 0,
                                                      "cancelled": 0, "from_subtasks": 0, "no_information": 2}
    assert progress.count_by_due_year(states) == [(2016, 2), (None, 1)]
    assert progress.count_by_lead(states) == [("org", 3)]
    assert [u.id for u in progress.latest_updates(updates, 1)] == ["u2"]
    over = progress.progress_over_time(tasks, updates, date(2016, 1, 1))
    assert [v for _d, v in over["p"]] == [30, 40]


def test_chart_geometry_is_plain_data() -> None:
    bars = charts.bar_chart("oc_x", "T", "D", [("a", 2, "2", "solid"), ("b", 4, "4", "dots"), ("c", 0, "0", "empty")])
    assert [b.width for b in bars.bars][2] == 0 and bars.bars[1].width == 2 * bars.bars[0].width
    line = charts.line_chart("oc_y", "T", "D", [("s", "circle", False, [(date(2015, 1, 1), 0.0), (date(2016, 1, 1), 100.0)])],
                             fmt_value=lambda v: f"{v:g}", fmt_day=lambda d: d.isoformat(), y_range=(0, 100))
    first, last = line.series[0].points
    assert (first.x, first.y) == (line.left, line.bottom) and (last.x, last.y) == (line.right, line.top)
    assert [t.label for t in line.y_ticks] == ["0", "25", "50", "75", "100"]


# --- rendered site: rich synthetic fixture -----------------------------------------------


@pytest.fixture(scope="module")
def rich_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The rich fixture built twice, changing only SITE_AS_OF."""
    base = tmp_path_factory.mktemp("progress")
    data = overlay("rich", base / "data")
    sites = {}
    for as_of in (AS_OF_A, AS_OF_B):
        site = base / f"site-{as_of}"
        result = build_site(site, data, env={"SITE_AS_OF": as_of})
        assert result.returncode == 0, result.stderr[-3000:]
        sites[as_of] = site
    return sites


def test_known_numbers_render_with_formula_in_both_languages(rich_sites: dict[str, Path]) -> None:
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


def test_single_all_completed_deep_and_empty_plans(rich_sites: dict[str, Path]) -> None:
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


def test_every_task_indicator_and_update_has_a_permalink(rich_sites: dict[str, Path]) -> None:
    data = overlay("rich", Path(rich_sites[AS_OF_A]).parent / "ids")
    ids = [r["id"] for name in ("plans", "tasks", "indicators", "updates") for r in yaml.safe_load((data / f"{name}.yml").read_text(encoding="utf-8"))]
    for lang in ("vi", "en"):
        html = page(rich_sites[AS_OF_A], lang)
        missing = [i for i in ids if i not in html.ids]
        assert not missing, (lang, missing)
        assert len(html.ids) == len(set(html.ids)), "duplicate HTML ids"
    # An update's evidence and note are in its timeline entry; data text is never markup.
    en = page(rich_sites[AS_OF_A], "en")
    assert "Surveyed <b>20</b> schools" in en.of("cn-b-2015")
    assert "Synthetic progress report" in en.of("cn-b-2015")
    assert "(not yet translated)" in en.of("cn-b-2016")


def test_charts_are_named_images_with_tables(rich_sites: dict[str, Path]) -> None:
    for lang in ("vi", "en"):
        path = rich_sites[AS_OF_A] / ("" if lang == "vi" else "en") / "plan" / "index.html"
        raw = path.read_text(encoding="utf-8")
        html = Page(raw)
        assert len(html.svgs) >= 5, "status, due year, progress over time, two indicators"
        for svg in html.svgs:
            title, desc = (svg["aria-labelledby"] or "").split()
            assert title in html.ids and desc in html.ids
            assert html.of(title), "the accessible name is not empty"
        assert html.tables >= len(html.svgs)
        assert "<script" not in raw.split('class="oc-block oc-plan"')[1].split("</article>")[0]
        # Status bars are labelled with the status name and count, not colour alone.
        status = html.of("oc_chart_status")
        assert ("Hoàn thành" if lang == "vi" else "Completed") in status and "4" in status
    en = page(rich_sites[AS_OF_A], "en")
    assert "Target: 95%" in en.of("oc_chart_ty-le-truong-chuan")
    assert "82.5%" in en.of("oc_chart_ty-le-truong-chuan")
    assert "1,040" in en.of("so-truong-moi") and "1.040" in page(rich_sites[AS_OF_A], "vi").of("so-truong-moi")


def test_dashboard_counts_and_lists(rich_sites: dict[str, Path]) -> None:
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


def test_changing_only_the_as_of_date_changes_only_overdue_stale_and_labels(rich_sites: dict[str, Path]) -> None:
    a, b = rich_sites[AS_OF_A], rich_sites[AS_OF_B]
    files_a = sorted(p.relative_to(a) for p in a.rglob("*.html"))
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*.html"))
    for rel in files_a:
        pa, pb = Page((a / rel).read_text(encoding="utf-8")), Page((b / rel).read_text(encoding="utf-8"))
        assert pa.stable == pb.stable, f"{rel} differs outside the as-of-dependent parts"
    early, late = page(b, "en"), page(a, "en")
    assert "No task is overdue" in early.of("oc_overdue") and "Task B" in late.of("oc_overdue")
    assert "Task B" not in early.of("oc_stale") and "Task B" in late.of("oc_stale")
    assert "June 1, 2016" in early.of("oc_overdue") and "November 27, 2025" in late.of("oc_overdue")


# --- honest pages with thin data ---------------------------------------------------------


def test_embedded_data_reads_honestly(built_site: Path) -> None:
    for lang, since, no_pct in (("vi", "chưa có thông tin kể từ 25 tháng 8, 2014", "Chưa nhiệm vụ nào trong số này có báo cáo tiến độ"),
                                ("en", "no information since August 25, 2014", "No progress has been reported for any of these tasks yet")):
        html = page(built_site, lang)
        for task_id in ("soan-thao-ke-hoach-chuong-trinh-100", "hoan-thien-he-thong-van-ban"):
            assert since in html.of(task_id)
            assert "%" not in html.of(task_id)
        assert no_pct in html.of("oc_loose")
        assert html.svgs == [], "no chart drawn from no data"
        assert "%" not in html.of("ke-hoach-thuc-hien-chuong-trinh-100")


@pytest.fixture(scope="module")
def empty_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("progress-empty")
    data = overlay("empty", base / "data")
    site = base / "site"
    result = build_site(site, data)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def test_no_tasks_at_all(empty_site: Path) -> None:
    en = page(empty_site, "en")
    assert "No task has been published yet." in en.of("oc_by_status")
    assert "No task is recorded under this plan yet" in en.of("ke-hoach-thuc-hien-chuong-trinh-100")
    assert en.svgs == []
    vi = page(empty_site, "vi")
    assert "Chưa có nhiệm vụ nào được công bố." in vi.of("oc_by_status")


# --- validation --------------------------------------------------------------------------

# (case, file, old, new, field path, needle for the line, words in the en / vi message)
CASES = [
    ("percent-range", "updates.yml", "  percent: 50\n", "  percent: 150\n", "cn-b-2016.percent", "percent: 150", ("0–100",), ("0–100",)),
    ("status-vocabulary", "updates.yml", "  status: in_progress\n  percent: 50\n", "  status: stopped\n  percent: 50\n", "cn-b-2016.status", "status: stopped",
     ("stopped", "not_started", "in_progress", "completed", "stalled", "cancelled"), ("stopped", "not_started")),
    ("unknown-task", "updates.yml", "  task_id: nv-a\n", "  task_id: nv-khong-co\n", "cn-a-2016.task_id", "nv-khong-co", ("nv-khong-co",), ("nv-khong-co",)),
    ("parent-cycle", "tasks.yml", "- id: nv-cha\n", "- id: nv-cha\n  parent_id: nv-c\n", "nv-cha.parent_id", "parent_id: nv-c", ("cycle",), ("vòng",)),
    ("negative-weight", "tasks.yml", "  weight: 2\n", "  weight: -2\n", "nv-c.weight", "weight: -2", ("-2", "negative"), ("-2",)),
    ("due-before-start", "tasks.yml", "  due_date: 2020-12-31\n", "  due_date: 2014-12-31\n", "nv-cha.due_date", "due_date: 2014-12-31", ("2014-12-31",), ("2014-12-31",)),
    ("completed-below-100", "updates.yml", "  status: completed\n  percent: 100\n  sources:\n    - nguon-thu-nghiem\n- id: cn-cap-5\n",
     "  status: completed\n  percent: 90\n  sources:\n    - nguon-thu-nghiem\n- id: cn-cap-5\n", "cn-xong-2.percent", "percent: 90", ("completed", "90"), ("90",)),
    ("value-unit", "updates.yml", "  value: 82.5\n", "  value: 182.5\n", "cn-ty-le-2018.value", "value: 182.5", ("182.5", "percent"), ("182.5",)),
]


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_validation_case_fails_validate_and_build(tmp_path: Path, case: tuple) -> None:
    name, file, old, new, field, needle, words_en, words_vi = case
    data = overlay("rich", tmp_path / "data")
    text = (data / file).read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    text = text.replace(old, new, 1)
    (data / file).write_text(text, encoding="utf-8")
    line = _line_of(data / file, needle)
    for lang, words in (("en", words_en), ("vi", words_vi)):
        result = validate(data, lang)
        assert result.returncode == 1, result.stdout
        expected = f"{data / file}:{line}:"
        hits = [ln for ln in result.stderr.splitlines() if ln.startswith(expected)]
        assert hits, (expected, result.stderr)
        assert any(f" {field}: " in h for h in hits), (field, hits)
        assert all(any(w in h for h in hits) for w in words), (words, hits)
    built = build_site(tmp_path / "site", data)
    assert built.returncode != 0
    output = built.stdout + built.stderr
    assert f"{file}:{line}:" in output and field in output
    assert not (tmp_path / "site" / "plan" / "index.html").exists()
