"""Issue 3, the derived layer: roll-ups, states, overdue and stale, counts, progress over
time and chart geometry, as pure functions with known numbers."""

from __future__ import annotations

from datetime import date

from opencommittee.derive import charts, progress
from opencommittee.model.records import Task, Update


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
    # The phone layout: 300 wide, three ticks, one legend line per series; bars are in %
    # of the width (no viewBox), the longest at charts.BAR_ROOM.
    narrow = charts.line_chart("oc_y", "T", "D", [("s", "circle", False, [(date(2015, 1, 1), 0.0), (date(2016, 1, 1), 100.0)])],
                               fmt_value=lambda v: f"{v:g}", fmt_day=lambda d: d.isoformat(), y_range=(0, 100), compact=True)
    assert narrow.width == charts.NARROW_WIDTH and narrow.compact
    assert [t.label for t in narrow.y_ticks] == ["0", "50", "100"] and len(narrow.legend) == 1
    assert bars.bars[1].width == charts.BAR_ROOM and bars.bars[0].width == charts.BAR_ROOM / 2
    # A long value label widens the left margin instead of being cut.
    wide = charts.line_chart("oc_z", "T", "D", [("s", "circle", False, [(date(2015, 1, 1), 0.0)])],
                             fmt_value=lambda v: f"{v:,.0f} đồng", fmt_day=lambda d: d.isoformat(), y_range=(0, 1e9))
    assert wide.left > 70
