"""Issue 13, item 5: timeliness in the Government Office's categories (completed on time,
completed late, not yet due, overdue, no due date), with known numbers and the partial-date
rule (a due date means its last possible day)."""

from __future__ import annotations

from datetime import date

from opencommittee.derive import progress, timeliness
from opencommittee.model.records import Task, Update

AS_OF = date(2025, 6, 15)


def _task(tid: str, due: str | None, parent: str | None = None) -> Task:
    return Task.model_validate({"id": tid, "title": {"vi": tid}, "lead_id": "org", "parent_id": parent,
                                "plan_id": "p" if parent is None else None, "due_date": due,
                                "assigned_date": "2015-01-01", "sources": ["s"]})


def _update(uid: str, tid: str, day: str, status: str | None = None, percent: float | None = None) -> Update:
    return Update.model_validate({"id": uid, "task_id": tid, "date": day, "status": status, "percent": percent, "sources": ["s"]})


def _categories(tasks: list[Task], updates: list[Update]) -> dict[str, str]:
    p = progress.compute(tasks, updates, AS_OF)
    return {tid: timeliness.category(s, AS_OF) for tid, s in p.states.items()}


def test_known_numbers_in_every_category() -> None:
    tasks = [
        _task("on-time", "2024-12-31"), _task("on-the-day", "2024-06"), _task("late", "2024-03"),
        _task("open-past", "2025-06-14"), _task("open-today", "2025-06-15"), _task("open-later", "2026"),
        _task("no-due", None), _task("no-due-done", None), _task("cancelled", "2020"), _task("vague", "2024-06"),
    ]
    updates = [
        _update("u1", "on-time", "2024-11-02", "completed"),
        _update("u2", "on-the-day", "2024-06-30", "completed"),
        _update("u3", "late", "2024-04-01", "completed"),
        _update("u4", "open-past", "2025-01-01", "in_progress", 50),
        _update("u5", "no-due-done", "2023", "completed"),
        _update("u6", "cancelled", "2019", "cancelled"),
        _update("u7", "vague", "2024", "completed"),
    ]
    found = _categories(tasks, updates)
    assert found == {
        "on-time": "completed_on_time", "on-the-day": "completed_on_time", "late": "completed_late",
        "open-past": "overdue", "open-today": "not_yet_due", "open-later": "not_yet_due",
        "no-due": "no_due_date", "no-due-done": "no_due_date", "cancelled": "cancelled", "vague": "completed_unclear",
    }
    p = progress.compute(tasks, updates, AS_OF)
    assert dict(timeliness.counts(p.states.values(), AS_OF)) == {
        "completed_on_time": 2, "completed_late": 1, "not_yet_due": 2, "overdue": 1,
        "no_due_date": 2, "completed_unclear": 1, "cancelled": 1,
    }
    # The overdue category and the overdue flag never disagree.
    assert {s.task.id for s in p.overdue} == {t for t, c in found.items() if c == "overdue"}


def test_partial_due_dates_mean_their_last_day() -> None:
    # Due "2024": completed in December 2024 is on time, in January 2025 late.
    tasks = [_task("a", "2024"), _task("b", "2024"), _task("c", "2024")]
    updates = [_update("u1", "a", "2024-12", "completed"), _update("u2", "b", "2025-01-02", "completed"),
               _update("u3", "c", "2024", "completed")]
    assert _categories(tasks, updates) == {"a": "completed_on_time", "b": "completed_late", "c": "completed_on_time"}
    # An open task due "2025-06" is not yet due on 15 June 2025 (due by 30 June).
    assert _categories([_task("d", "2025-06")], []) == {"d": "not_yet_due"}
    assert _categories([_task("e", "2025-05")], []) == {"e": "overdue"}


def test_completion_date_is_the_start_of_the_final_completed_run() -> None:
    # Completed on time, reopened, completed again after the due date: late.
    tasks = [_task("t", "2024-06-30")]
    updates = [_update("u1", "t", "2024-05-01", "completed"), _update("u2", "t", "2024-07-01", "in_progress", 80),
               _update("u3", "t", "2024-08-01", "completed"), _update("u4", "t", "2024-09-01", "completed")]
    p = progress.compute(tasks, updates, AS_OF)
    assert timeliness.completed_on(p.state("t")) == "2024-08-01"
    assert timeliness.category(p.state("t"), AS_OF) == "completed_late"
    # A note without status after completion keeps the completion date.
    notes = [_update("u1", "t", "2024-05-01", "completed"), _update("u2", "t", "2024-10-01")]
    assert timeliness.completed_on(progress.compute(tasks, notes, AS_OF).state("t")) == "2024-05-01"


def test_parent_done_from_subtasks_is_completed_on_its_last_update_below() -> None:
    tasks = [_task("parent", "2024-06-30"), _task("a", None, "parent"), _task("b", None, "parent")]
    updates = [_update("u1", "a", "2024-03-01", "completed"), _update("u2", "b", "2024-06-20", "completed")]
    p = progress.compute(tasks, updates, AS_OF)
    assert p.state("parent").done and p.state("parent").status is None
    assert timeliness.category(p.state("parent"), AS_OF) == "completed_on_time"
    late = [_update("u1", "a", "2024-03-01", "completed"), _update("u2", "b", "2024-07-20", "completed")]
    assert timeliness.category(progress.compute(tasks, late, AS_OF).state("parent"), AS_OF) == "completed_late"
    half = [_update("u1", "a", "2024-03-01", "completed")]
    assert timeliness.category(progress.compute(tasks, half, AS_OF).state("parent"), AS_OF) == "overdue"


def test_the_as_of_date_decides_not_yet_due_against_overdue() -> None:
    tasks = [_task("t", "2025-06-15")]
    p = progress.compute(tasks, [], date(2025, 6, 15))
    assert timeliness.category(p.state("t"), date(2025, 6, 15)) == "not_yet_due"
    p = progress.compute(tasks, [], date(2025, 6, 16))
    assert timeliness.category(p.state("t"), date(2025, 6, 16)) == "overdue"
