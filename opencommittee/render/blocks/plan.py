"""The plan page: the dashboard (plans and their progress, counts, charts, overdue and
stale lists, latest updates, indicators), indicator and task records, the vocabulary.

Every list is bounded: the dashboard shows the first few of each, the records are paged.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ...derive import progress
from ..renderer import Renderer
from .plan_charts import due_chart, indicator_chart, progress_chart, status_chart

# Dashboard lists stay bounded at any scale: the first N, then "and N more".
PLAN_LIST_LIMIT = 50
PLAN_LATEST = 20
PLAN_LEADS = 20


# One plan's summary on the dashboard: overall progress, tasks, progress over time.
def _plan_item(r: Renderer, plan_id: str | None, name: str) -> dict[str, Any]:
    p = r.context.progress
    points = r.context.progress_over_time.get(plan_id, [])
    return {"rollup": p.overall(plan_id), "count": len(p.in_plan(plan_id)), "points": points,
            "chart": progress_chart(r, plan_id, name, points)}


# The plan dashboard: plans and their overall progress, counts, charts, overdue and
# stale lists, latest updates, indicators. Every list is bounded.
def plan(r: Renderer) -> Markup:
    if r.page_number("plan") > 1:
        return r.render("plan_continued.html")
    p = r.context.progress
    states = list(p.states.values())
    status_rows = [(k, r.ui(f"vocab.status.{k}"), n) for k, n in progress.count_by_status(states)]
    by_year = progress.count_by_due_year(states)
    due = [(str(y) if y is not None else r.ui("plan.no_due_date"), n) for y, n in by_year]
    leads = progress.count_by_lead(states)
    plans = [{"plan": pl, **_plan_item(r, pl.id, r.label(pl.id).value)} for pl in r.dataset.plans]
    loose = _plan_item(r, None, r.ui("plan.loose_title")) if p.in_plan(None) else None
    indicators = [{"indicator": ind, "latest": _latest_value(p, ind.id)} for ind in r.dataset.indicators]
    return r.render(
        "plan.html",
        p=p,
        total=len(states),
        plans=plans,
        loose=loose,
        status_rows=[(k, n) for k, _label, n in status_rows],
        status_chart=status_chart(r, status_rows),
        leads=leads[:PLAN_LEADS],
        leads_more=sum(n for _id, n in leads[PLAN_LEADS:]),
        leads_more_orgs=len(leads[PLAN_LEADS:]),
        due=due,
        due_chart=due_chart(r, by_year, due),
        overdue=p.overdue,
        stale=p.stale,
        limit=PLAN_LIST_LIMIT,
        latest=progress.latest_updates(r.dataset.updates, PLAN_LATEST),
        update_count=len(r.dataset.updates),
        indicators=indicators[:PLAN_LIST_LIMIT],
        indicator_count=len(indicators),
        stale_days=r.context.settings.stale_after_days,
    )


# The latest update of an indicator that gives a value.
def _latest_value(p: progress.Progress, indicator_id: str) -> Any:
    found = [u for u in p.updates_by_target.get(indicator_id, []) if u.value is not None]
    return found[-1] if found else None


# Ids of this page's slice of the plan listing in one section.
def _plan_page(r: Renderer, section: str) -> list[str]:
    return [e.id for e in r.page_entries("plan") if e.section == section and e.id]


# Task records (permalink = task id) with state, roll-up formula and history timeline:
# this page's slice of the listing, with the pager.
def plan_tasks(r: Renderer) -> Markup:
    p = r.context.progress
    states = [p.state(tid) for tid in _plan_page(r, "oc_tasks")]
    return r.render("plan_tasks.html", p=p, states=states, total=len(p.states),
                    first_page=r.page_number("plan") == 1, pager=r.pager("plan"))


# Indicator records with their measurements, an actual-vs-target chart and its table.
def plan_indicators(r: Renderer) -> Markup:
    p = r.context.progress
    items = []
    for ind_id in _plan_page(r, "oc_indicators"):
        ind = r.dataset.get(ind_id)
        history = p.updates_by_target.get(ind.id, [])
        items.append({"indicator": ind, "history": history, "chart": indicator_chart(r, ind, history)})
    return r.render("plan_indicators.html", items=items, first_page=r.page_number("plan") == 1)


# The status vocabulary and how overdue, stale and roll-ups are computed.
def plan_vocabulary(r: Renderer) -> Markup:
    if r.page_number("plan") > 1:
        return Markup("")
    return r.render("plan_vocabulary.html", statuses=progress.STATUS_ORDER, stale_days=r.context.settings.stale_after_days)
