"""Plan progress computed at build time from tasks and their dated updates.

Pure functions, no HTML. Nothing here is stored in the data: a task's state is its
latest update; a parent's progress is the weighted mean of its children's; "overdue" and
"stale" follow from the as-of date. Every aggregate keeps its terms (child, weight,
percent) so the site can show the formula next to the figure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..model.dates import date_bounds
from ..model.records import Task, Update
from ..model.vocab import Status

# Default for `extra.stale_after_days` in mkdocs.yml: no update for this long = stale.
STALE_AFTER_DAYS = 180
# Status keys that are not stored statuses: a task with no update at all, and a task with
# no update of its own whose subtasks have some (its progress is rolled up from them).
NO_INFORMATION = "no_information"
FROM_SUBTASKS = "from_subtasks"
# Statuses after which nothing more is expected: never overdue, never stale.
CLOSED = (Status.completed, Status.cancelled)


@dataclass(frozen=True)
class Term:
    """One child in a weighted roll-up: its weight and its progress (0–100)."""

    task_id: str
    weight: float
    percent: float

    @property
    def product(self) -> float:
        return self.weight * self.percent


@dataclass(frozen=True)
class Excluded:
    """A child left out of a roll-up, and why ('no_information' or 'cancelled')."""

    task_id: str
    weight: float
    reason: str


@dataclass(frozen=True)
class RollUp:
    """A weighted mean: value = Σ(weight × percent) ÷ Σ weight over the terms.

    `value` is None when no child has reported progress or the weights sum to zero:
    an unknown is never shown as 0 %.
    """

    value: float | None
    terms: tuple[Term, ...]
    excluded: tuple[Excluded, ...] = ()

    @property
    def total_weight(self) -> float:
        return sum(t.weight for t in self.terms)

    @property
    def total_product(self) -> float:
        return sum(t.product for t in self.terms)

    @property
    def complete(self) -> bool:
        """True when every child counted (none without information)."""
        return not any(e.reason == NO_INFORMATION for e in self.excluded)


def weighted_rollup(children: Iterable[tuple[str, float, float | None, bool]]) -> RollUp:
    """Roll up (task id, weight, percent or None, cancelled) children by weight.

    Cancelled children and children with no information are excluded (and listed);
    the rest give Σ(weight × percent) ÷ Σ weight.
    """
    terms: list[Term] = []
    excluded: list[Excluded] = []
    for task_id, weight, percent, cancelled in children:
        if cancelled:
            excluded.append(Excluded(task_id, weight, "cancelled"))
        elif percent is None:
            excluded.append(Excluded(task_id, weight, NO_INFORMATION))
        else:
            terms.append(Term(task_id, weight, percent))
    total = sum(t.weight for t in terms)
    value = sum(t.product for t in terms) / total if terms and total > 0 else None
    return RollUp(value, tuple(terms), tuple(excluded))


# --- one task ------------------------------------------------------------------------


def day_of(value: str) -> date:
    """The first day a partial date can mean (used to order updates)."""
    return date_bounds(value)[0]


def last_day_of(value: str) -> date:
    """The last day a partial date can mean (used for due dates: due 2020 = by 31 Dec)."""
    return date_bounds(value)[1]


def order_updates(updates: Iterable[Update]) -> list[Update]:
    """Updates oldest first; on the same date, in the order they are written."""
    return [u for _i, u in sorted(enumerate(updates), key=lambda p: (day_of(p[1].date), p[0]))]


def own_percent(update: Update | None) -> float | None:
    """The progress an update states: its percent, else 100 when completed, 0 when not started."""
    if update is None:
        return None
    if update.percent is not None:
        return update.percent
    if update.status == Status.completed:
        return 100.0
    if update.status == Status.not_started:
        return 0.0
    return None


@dataclass(frozen=True)
class TaskState:
    """What is known of one task at the as-of date (computed, never stored)."""

    task: Task
    history: tuple[Update, ...]
    children: tuple[str, ...]
    plan_id: str | None
    depth: int
    progress: float | None
    rollup: RollUp | None
    # The latest update of the task or of any task below it, None when there is none.
    last_update: str | None
    # The date information last came in: `last_update`, else the assignment (or start).
    since: str | None
    overdue: bool
    stale: bool

    @property
    def latest(self) -> Update | None:
        return self.history[-1] if self.history else None

    @property
    def status(self) -> Status | None:
        """The status of the latest update that states one."""
        for update in reversed(self.history):
            if update.status is not None:
                return update.status
        return None

    @property
    def status_key(self) -> str:
        if self.status:
            return self.status.value
        return FROM_SUBTASKS if self.children and self.last_update else NO_INFORMATION

    @property
    def done(self) -> bool:
        """Completed or cancelled; a parent with no status of its own is done at 100 %."""
        if self.status is not None:
            return self.status in CLOSED
        return bool(self.rollup and self.rollup.complete and self.rollup.terms and self.progress == 100)

    @property
    def no_information(self) -> bool:
        return not self.history


def is_overdue(task: Task, done: bool, as_of: date) -> bool:
    """Due date passed (its last possible day is before the as-of date) and not done."""
    return task.due_date is not None and not done and last_day_of(task.due_date) < as_of


def is_stale(since: str | None, done: bool, as_of: date, stale_after_days: int, not_before: str | None = None) -> bool:
    """No information for longer than `stale_after_days` (closed tasks are never stale)."""
    if done or since is None:
        return False
    if not_before and day_of(not_before) > as_of:
        return False
    return (as_of - last_day_of(since)).days > stale_after_days


# --- the whole plan ------------------------------------------------------------------


@dataclass
class Progress:
    """Every task's state, roll-ups and the dashboard's counts for one as-of date."""

    as_of: date
    stale_after_days: int
    states: dict[str, TaskState]
    roots: list[str]
    updates_by_target: dict[str, list[Update]] = field(default_factory=dict)

    def state(self, task_id: str) -> TaskState:
        return self.states[task_id]

    def in_plan(self, plan_id: str | None) -> list[TaskState]:
        """Tasks of a plan (None: tasks in no plan), in data order."""
        return [s for s in self.states.values() if s.plan_id == plan_id]

    def overall(self, plan_id: Any = ...) -> RollUp:
        """Roll-up over top-level tasks (of one plan when given; None = tasks in no plan)."""
        roots = [self.states[t] for t in self.roots if plan_id is ... or self.states[t].plan_id == plan_id]
        return weighted_rollup((s.task.id, s.task.weight, s.progress, s.status == Status.cancelled) for s in roots)

    def overall_group(self, group_of: dict[str, str | None], group: str | None) -> RollUp:
        """Roll-up over the top-level tasks of one group (see progress_over_time)."""
        roots = [self.states[t] for t in self.roots if group_of.get(t) == group]
        return weighted_rollup((s.task.id, s.task.weight, s.progress, s.status == Status.cancelled) for s in roots)

    def overall_of(self, plan_ids: set[str]) -> RollUp:
        """Roll-up over the top-level tasks of several plans (a body's plans)."""
        roots = [self.states[t] for t in self.roots if self.states[t].plan_id in plan_ids]
        return weighted_rollup((s.task.id, s.task.weight, s.progress, s.status == Status.cancelled) for s in roots)

    @property
    def overdue(self) -> list[TaskState]:
        """Overdue tasks, the longest overdue first."""
        found = [s for s in self.states.values() if s.overdue]
        return sorted(found, key=lambda s: (last_day_of(s.task.due_date or "9999"), s.task.id))

    @property
    def stale(self) -> list[TaskState]:
        """Stale tasks, the longest silent first."""
        found = [s for s in self.states.values() if s.stale]
        return sorted(found, key=lambda s: (last_day_of(s.since or "9999"), s.task.id))


def tasks_plan(tasks: Sequence[Task]) -> dict[str, str | None]:
    """The plan of each task: its own plan_id, else its nearest ancestor's."""
    by_id = {t.id: t for t in tasks}
    found: dict[str, str | None] = {}
    for task in tasks:
        current: Task | None = task
        seen: set[str] = set()
        while current is not None and current.plan_id is None and current.parent_id and current.id not in seen:
            seen.add(current.id)
            current = by_id.get(current.parent_id)
        found[task.id] = current.plan_id if current is not None else None
    return found


def tree_order(tasks: Sequence[Task]) -> list[str]:
    """Task ids depth-first: each top-level task (in data order), then its subtasks."""
    ids = {t.id for t in tasks}
    children: dict[str | None, list[str]] = {}
    for task in tasks:
        parent = task.parent_id if task.parent_id in ids else None
        children.setdefault(parent, []).append(task.id)
    order: list[str] = []
    stack = list(reversed(children.get(None, [])))
    seen: set[str] = set()
    while stack:
        task_id = stack.pop()
        if task_id in seen:
            continue
        seen.add(task_id)
        order.append(task_id)
        stack.extend(reversed(children.get(task_id, [])))
    return order


def compute(tasks: Sequence[Task], updates: Sequence[Update], as_of: date, stale_after_days: int = STALE_AFTER_DAYS, until: date | None = None, ordered: bool = False) -> Progress:
    """Compute every task's state at `as_of`; with `until`, only updates up to that day count.

    `ordered=True` says `updates` are already oldest first (see `order_updates`).
    """
    by_target: dict[str, list[Update]] = {}
    for update in updates if ordered else order_updates(updates):
        if until is not None and day_of(update.date) > until:
            break  # oldest first: every later update is after `until` too
        key = update.task_id or update.indicator_id
        if key:
            by_target.setdefault(key, []).append(update)
    by_id = {t.id: t for t in tasks}
    children: dict[str, list[str]] = {}
    roots: list[str] = []
    for task in tasks:
        if task.parent_id and task.parent_id in by_id:
            children.setdefault(task.parent_id, []).append(task.id)
        else:
            roots.append(task.id)
    plans = tasks_plan(tasks)
    states: dict[str, TaskState] = {}

    # Children before parents (depth-first from each root, iterative: no recursion limit).
    def visit(root: str) -> None:
        stack: list[tuple[str, int, bool]] = [(root, 0, False)]
        while stack:
            task_id, depth, expanded = stack.pop()
            if task_id in states:
                continue
            kids = children.get(task_id, [])
            if not expanded and kids:
                stack.append((task_id, depth, True))
                stack.extend((k, depth + 1, False) for k in reversed(kids))
                continue
            states[task_id] = _state(by_id[task_id], tuple(by_target.get(task_id, [])), tuple(kids), depth, plans[task_id], states, as_of, stale_after_days)

    for root in roots:
        visit(root)
    in_order = {t.id: states[t.id] for t in tasks if t.id in states}
    return Progress(as_of, stale_after_days, in_order, roots, by_target)


def _state(task: Task, history: tuple[Update, ...], kids: tuple[str, ...], depth: int, plan_id: str | None, states: dict[str, TaskState], as_of: date, stale_after_days: int) -> TaskState:
    latest = history[-1] if history else None
    rollup = None
    if kids:
        rollup = weighted_rollup(
            (k, states[k].task.weight, states[k].progress, states[k].status == Status.cancelled) for k in kids
        )
        progress = rollup.value
    else:
        progress = own_percent(latest)
    # A parent is as recent as its own updates or the most recent update below it.
    dates = [latest.date] if latest else []
    dates += [d for d in (states[k].last_update for k in kids) if d]
    last_update = max(dates, key=day_of) if dates else None
    since = last_update or task.assigned_date or task.start_date
    draft = TaskState(task, history, kids, plan_id, depth, progress, rollup, last_update, since, False, False)
    done = draft.done
    return TaskState(
        task, history, kids, plan_id, depth, progress, rollup, last_update, since,
        overdue=is_overdue(task, done, as_of),
        stale=is_stale(since, done, as_of, stale_after_days, not_before=task.start_date),
    )


# --- counts and lists ----------------------------------------------------------------

STATUS_ORDER = [*(s.value for s in Status), FROM_SUBTASKS, NO_INFORMATION]


def count_by_status(states: Iterable[TaskState]) -> list[tuple[str, int]]:
    """(status key, count) in vocabulary order, then 'from_subtasks' and 'no_information'."""
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for s in states:
        counts[s.status_key] += 1
    return list(counts.items())


def count_by_lead(states: Iterable[TaskState]) -> list[tuple[str, int]]:
    """(lead organization id, count), most tasks first, then by id."""
    counts: dict[str, int] = {}
    for s in states:
        counts[s.task.lead_id] = counts.get(s.task.lead_id, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def count_by_due_year(states: Iterable[TaskState]) -> list[tuple[int | None, int]]:
    """(due year, count) by year; tasks with no due date last, as None."""
    counts: dict[int | None, int] = {}
    for s in states:
        year = int(s.task.due_date[:4]) if s.task.due_date else None
        counts[year] = counts.get(year, 0) + 1
    return sorted(counts.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))


def latest_updates(updates: Sequence[Update], count: int) -> list[Update]:
    """The `count` most recent updates, newest first."""
    return list(reversed(order_updates(updates)))[:count]


def sample_days(days: Iterable[date], max_points: int = 24) -> list[date]:
    """Days to sample progress over time: each day, or month/year ends if too many."""
    unique = sorted(set(days))
    if len(unique) <= max_points:
        return unique
    months = sorted({last_day_of(d.strftime("%Y-%m")) for d in unique})
    if len(months) <= max_points:
        return months
    return sorted({last_day_of(str(d.year)) for d in unique})


def progress_over_time(tasks: Sequence[Task], updates: Sequence[Update], as_of: date, max_points: int = 24,
                       group_of: dict[str, str | None] | None = None) -> dict[str | None, list[tuple[date, float]]]:
    """Overall progress of each group of tasks (by default each plan, None: tasks in no
    plan) as it stood on the days updates were dated.

    The days are the update days of all groups, at most `max_points` of them (month or
    year ends beyond that), so the cost never grows with the number of plans. A group
    gets a point on each such day from its first update on; a day where none of its tasks
    had reported progress yet gives no point (never a fake 0 %).
    """
    groups = group_of if group_of is not None else tasks_plan(tasks)
    ordered = order_updates(updates)
    first: dict[str | None, date] = {}
    days: list[date] = []
    for update in ordered:
        if update.task_id in groups:
            day = last_day_of(update.date)
            days.append(day)
            first.setdefault(groups[update.task_id], day)
    points: dict[str | None, list[tuple[date, float]]] = {group: [] for group in first}
    for day in sample_days(days, max_points):
        state = compute(tasks, ordered, as_of, until=day, ordered=True)
        for group, since in first.items():
            if since <= day:
                value = state.overall_group(groups, group).value
                if value is not None:
                    points[group].append((day, value))
    return points
