"""Timeliness of tasks, in the Government Office's task-tracking categories (Decision
42/2014/QĐ-TTg): completed on time, completed late, not yet due, overdue; plus no due date.

Pure functions over `progress.TaskState`, computed at build time against the build's
as-of date (never the clock). Dates are partial (YYYY, YYYY-MM, YYYY-MM-DD), so every
comparison follows one rule, stated on the site:

- a due date means its last possible day: due "2025" = by 31 December 2025, due "2025-06" =
  by 30 June 2025;
- a task is completed on time when the completing update is dated on or before that day
  (every day its date can mean), and completed late when it is dated after it (every day
  its date can mean); a completion dated so loosely that it could be either ("2025"
  against a due date of "2025-06") is counted as `completed_unclear`, never guessed;
- an open task is overdue when the due date's last day is before the as-of date, not yet
  due otherwise (the same rule as the overdue flag);
- a task with no due date is `no_due_date`, whether or not it is completed;
- a cancelled task is `cancelled`: nothing more is expected of it, so it is in no category
  of the decision and is counted apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..model.dates import date_bounds
from ..model.vocab import Status
from .progress import TaskState

COMPLETED_ON_TIME = "completed_on_time"
COMPLETED_LATE = "completed_late"
COMPLETED_UNCLEAR = "completed_unclear"
NOT_YET_DUE = "not_yet_due"
OVERDUE = "overdue"
NO_DUE_DATE = "no_due_date"
CANCELLED = "cancelled"
# Display order: the decision's four categories, then the ones it has no name for.
ORDER = (COMPLETED_ON_TIME, COMPLETED_LATE, NOT_YET_DUE, OVERDUE, NO_DUE_DATE, COMPLETED_UNCLEAR, CANCELLED)


def completed_on(state: TaskState) -> str | None:
    """The date of the update that completed a task, None when it is not completed.

    With a status of its own: the first update of the final run of "completed" updates (a
    task reopened and completed again is completed on the second date). A parent with no
    status of its own that is done at 100 % from its subtasks: its latest update below it.
    """
    if state.status is None:
        return state.last_update if state.done else None
    if state.status != Status.completed:
        return None
    found: str | None = None
    for update in reversed(state.history):
        if update.status is None:
            continue
        if update.status != Status.completed:
            break
        found = update.date
    return found


def category(state: TaskState, as_of: date) -> str:
    """The timeliness category of one task at `as_of` (see the module's rule)."""
    if state.status == Status.cancelled:
        return CANCELLED
    due = state.task.due_date
    if due is None:
        return NO_DUE_DATE
    deadline = date_bounds(due)[1]
    done_on = completed_on(state)
    if done_on is not None:
        first, last = date_bounds(done_on)
        if last <= deadline:
            return COMPLETED_ON_TIME
        if first > deadline:
            return COMPLETED_LATE
        return COMPLETED_UNCLEAR
    return OVERDUE if deadline < as_of else NOT_YET_DUE


def counts(states: Iterable[TaskState], as_of: date) -> list[tuple[str, int]]:
    """(category, count) in display order, every category listed (zeros included)."""
    found = dict.fromkeys(ORDER, 0)
    for state in states:
        found[category(state, as_of)] += 1
    return list(found.items())
