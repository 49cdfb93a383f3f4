"""The plan page: the dashboard (plans and their progress, counts, charts, overdue and
stale lists, latest updates, indicators), indicator and task records, the vocabulary.

Every list is bounded: the dashboard shows the first few of each, the records are paged.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ...derive import progress, timeliness
from ..renderer import Renderer
from .plan_charts import due_chart, indicator_chart, progress_chart, status_chart

# Dashboard lists stay bounded at any scale: the first N, then "and N more".
PLAN_LIST_LIMIT = 50
PLAN_LATEST = 20
PLAN_LEADS = 20
# The heading of each dashboard section (also its name in the "not yet published" line).
SECTION_LABEL = {"plans": "plan.plans", "by_status": "plan.by_status", "by_lead": "plan.by_lead",
                 "by_due_year": "plan.by_due_year", "overdue": "plan.overdue", "stale": "plan.stale",
                 "latest": "plan.latest", "indicators": "plan.indicators_summary"}


# One plan's (or one scope's loose tasks') overall progress, tasks, progress over time.
def _plan_item(r: Renderer, group: str | None, name: str, states: list[Any]) -> dict[str, Any]:
    p = r.context.progress
    groups = r.context.task_groups
    points = r.context.progress_over_time.get(group, [])
    return {"rollup": p.overall_group(groups, group), "count": sum(1 for s in states if groups.get(s.task.id) == group),
            "points": points, "chart": progress_chart(r, group, name, points)}


# The tasks, updates and indicators whose records the plan page of this scope holds.
def _scope(r: Renderer) -> tuple[list[Any], list[Any], list[Any]]:
    p = r.context.progress
    tasks = r.indexes.in_scope("tasks", r.scope)
    return [p.states[t.id] for t in tasks], r.indexes.in_scope("updates", r.scope), r.indexes.in_scope("indicators", r.scope)


# The plan dashboard of one scope: its plans and their overall progress, counts, charts,
# overdue and stale lists, latest updates, indicators. Every list is bounded.
def plan(r: Renderer) -> Markup:
    if r.page_number("plan") > 1:
        return r.render("plan_continued.html")
    p = r.context.progress
    states, updates, indicators_all = _scope(r)
    in_scope = {s.task.id for s in states}
    status_rows = [(k, r.ui(f"vocab.status.{k}"), n) for k, n in progress.count_by_status(states)]
    by_year = progress.count_by_due_year(states)
    due = [(str(y) if y is not None else r.ui("plan.no_due_date"), n) for y, n in by_year]
    leads = progress.count_by_lead(states)
    scope_plans = r.indexes.in_scope("plans", r.scope)
    plans = [{"plan": pl, "rollup": p.overall(pl.id), "count": len(p.in_plan(pl.id))} for pl in scope_plans[:PLAN_LIST_LIMIT]]
    loose_group = r.context.loose_group(r.scope)
    has_loose = any(r.context.task_groups.get(s.task.id) == loose_group for s in states)
    loose = _plan_item(r, loose_group, r.ui("plan.loose_title"), states) if has_loose else None
    indicators = [{"indicator": ind, "latest": _latest_value(p, ind.id)} for ind in indicators_all[:PLAN_LIST_LIMIT]]
    chart_of_status = status_chart(r, status_rows)
    chart_of_due = due_chart(r, by_year, due)
    overdue = [s for s in p.overdue if s.task.id in in_scope]
    stale = [s for s in p.stale if s.task.id in in_scope]
    latest = progress.latest_updates(updates, PLAN_LATEST)
    # A section with nothing to show folds into one line naming it (its anchor kept).
    shown = {"plans": bool(scope_plans) or has_loose, "by_status": chart_of_status is not None, "by_lead": len(leads) > 1,
             "by_due_year": chart_of_due is not None, "overdue": bool(overdue), "stale": bool(stale),
             "latest": bool(latest), "indicators": bool(indicators)}
    return r.render(
        "plan.html",
        p=p,
        total=len(states),
        overall=p.overall_group(dict.fromkeys(in_scope, "scope"), "scope"),
        plans=plans,
        plan_count=len(scope_plans),
        loose=loose,
        status_rows=[(k, n) for k, _label, n in status_rows],
        status_chart=chart_of_status,
        timeliness_rows=timeliness.counts(states, p.as_of),
        leads=leads[:PLAN_LEADS],
        leads_more=sum(n for _id, n in leads[PLAN_LEADS:]),
        leads_more_orgs=len(leads[PLAN_LEADS:]),
        due=due,
        due_chart=chart_of_due,
        overdue=overdue,
        stale=stale,
        limit=PLAN_LIST_LIMIT,
        latest=latest,
        update_count=len(updates),
        indicators=indicators,
        indicator_count=len(indicators_all),
        stale_days=r.context.settings.stale_after_days,
        shown=shown,
        section_label=SECTION_LABEL,
        unpublished=[(f"oc_{k}" if k != "indicators" else "oc_indicators_summary", r.ui(SECTION_LABEL[k]))
                     for k in ("plans", "by_status", "by_due_year", "latest", "indicators") if not shown[k]]
        + ([] if leads else [("oc_by_lead", r.ui(SECTION_LABEL["by_lead"]))]),
        none_found=[(f"oc_{k}", r.ui(SECTION_LABEL[k])) for k in ("overdue", "stale") if not shown[k]],
    )


def badge_alt(r: Renderer, plan_id: str) -> str:
    """A plan badge's text equivalent: plan name, progress (or that none is reported), date."""
    value = r.context.progress.overall(plan_id).value
    name, day = r.label(plan_id).value, r.as_of_label()
    if value is None:
        return r.ui("plan.badge_alt_unknown", name=name, date=day)
    return r.ui("plan.badge_alt", name=name, value=r.pct(value), date=day)


# The copy-paste snippet of a plan's badge: an <img> with alt text in a link to the plan,
# as text (the page shows it in a code block; the template escapes it).
def badge_snippet(r: Renderer, plan_id: str) -> str:
    html = r.render("badge_snippet.html", href=r.permalink(plan_id), src=r.badge_url(plan_id), alt=badge_alt(r, plan_id))
    return str(html)  # plain text again: escaped where the page shows it


# Plan records on this page of the plan list, with their roll-up and progress over time.
def plan_records(r: Renderer) -> Markup:
    ids = _plan_page(r, "oc_plan_records")
    states = _scope(r)[0] if ids else []
    items = [{"plan": r.rec(i), "badge": {"snippet": badge_snippet(r, i), "src": r.badge_url(i, absolute=False), "alt": badge_alt(r, i)},
              **_plan_item(r, i, r.label(i).value, states)} for i in ids]
    return r.render("plan_records.html", plans=items,
                    continued="oc_plan_records" in r.continued("plan", r.page_entries("plan")))


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
    states = [{"state": p.state(e.id), "part": e.part, "updates": [r.rec(u) for u in e.nested]}
              for e in r.page_entries("plan") if e.section == "oc_tasks" and e.id]
    return r.render("plan_tasks.html", p=p, states=states, timeliness=timeliness, total=len(r.indexes.in_scope("tasks", r.scope)),
                    first_page=r.page_number("plan") == 1, pager=r.pager("plan"))


# Indicator records with their measurements, an actual-vs-target chart and its table.
def plan_indicators(r: Renderer) -> Markup:
    p = r.context.progress
    items = []
    for e in r.page_entries("plan"):
        if e.section != "oc_indicators" or not e.id:
            continue
        ind = r.dataset.get(e.id)
        history = p.updates_by_target.get(ind.id, [])
        here = set(e.nested)
        items.append({"indicator": ind, "part": e.part, "history": [u for u in history if u.id in here],
                      "last": not history or history[-1].id in here,
                      "chart": indicator_chart(r, ind, history) if e.part == 0 else None})
    return r.render("plan_indicators.html", items=items, first_page=r.page_number("plan") == 1)


# The status vocabulary and how overdue, stale and roll-ups are computed.
def plan_vocabulary(r: Renderer) -> Markup:
    if r.page_number("plan") > 1:
        return Markup("")
    return r.render("plan_vocabulary.html", statuses=progress.STATUS_ORDER, timeliness=timeliness.ORDER, stale_days=r.context.settings.stale_after_days)
