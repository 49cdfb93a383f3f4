"""Page blocks: pure functions from (dataset, language, page) to HTML, one per macro.

`macros.py` registers `MACROS`; each takes a `Renderer` built for the current page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from . import charts, paging, progress
from .models import DocType, Membership, Role
from .opendata import changes, open_data
from .paging import Entry, listing, memo
from .render import Renderer

ROLE_ORDER = [Role.head, Role.standing_deputy_head, Role.deputy_head, Role.member, Role.secretary]


# The committee of a dataset (the first steering_committee organization).
def _committee_of(dataset: Any) -> Any:
    return next(o for o in dataset.organizations if o.classification.value == "steering_committee")


# Who heads the committee: a named person, or the ex officio seat with the name unknown.
def _head(r: Renderer) -> Markup:
    org = _committee_of(r.dataset)
    for m in r.dataset.memberships:
        if m.organization_id == org.id and m.role == Role.head:
            return r.render("head.html", m=m)
    return r.render("head.html", m=None)


# The key facts of the committee.
def committee_facts(r: Renderer) -> Markup:
    return r.render("committee.html", org=_committee_of(r.dataset), head=_head(r))


# The mandate, with a note when the source's list is cut short.
def mandate(r: Renderer) -> Markup:
    duties = [d for d in r.dataset.mandate if d.organization_id == _committee_of(r.dataset).id]
    return r.render("mandate.html", duties=duties, truncated=any(d.source_truncated for d in duties))


# Drafts discussed at the committee's meetings, with their (often unknown) outcome.
def drafts(r: Renderer) -> Markup:
    items = [(e, a) for e in r.dataset.events for a in e.agenda if a.kind.value == "draft_discussion"]
    return r.render("drafts.html", items=items)


# Every organization other than the committee, with the roles it plays.
def organizations(r: Renderer) -> Markup:
    org = _committee_of(r.dataset)
    roles: dict[str, list[str]] = {}
    if org.standing_agency_id:
        roles.setdefault(org.standing_agency_id, []).append(r.ui("committee.is_standing_agency"))
    for doc in r.dataset.documents:
        if doc.issuer_id and r.dataset.kind(doc.issuer_id) == "organizations":
            roles.setdefault(doc.issuer_id, []).append(
                r.ui("committee.issuer_of", doc=r.label(doc.id).value)
            )
    others = [o for o in r.dataset.organizations if o.id != org.id]
    return r.render("organizations.html", orgs=others, roles=roles)


# Roles in display order: the usual hierarchy first, then any other.
def _roles() -> list[Role]:
    return ROLE_ORDER + [x for x in Role if x not in ROLE_ORDER]


# Each person's memberships in the committee and elsewhere (computed once per dataset).
def _person_roles(dataset: Any) -> tuple[dict[str, list[Membership]], dict[str, list[Membership]]]:
    def compute() -> tuple[dict[str, list[Membership]], dict[str, list[Membership]]]:
        org_id = _committee_of(dataset).id
        committee_roles: dict[str, list[Membership]] = {}
        other_roles: dict[str, list[Membership]] = {}
        for m in dataset.memberships:
            if m.person_id:
                target = committee_roles if m.organization_id == org_id else other_roles
                target.setdefault(m.person_id, []).append(m)
        return committee_roles, other_roles

    return memo(dataset, ("person_roles",), compute)


# The members page in order: committee seats and current members by role, former
# members, people (with their other positions nested), seats in other organizations.
@listing("members")
def members_listing(dataset: Any, as_of: Any) -> list[Entry]:
    org = _committee_of(dataset)
    mine = [m for m in dataset.memberships if m.organization_id == org.id]
    current = [m for m in mine if m.is_active(as_of)]
    former = sorted((m for m in mine if not m.is_active(as_of)), key=lambda m: m.end_date or "")
    posts = [p for p in dataset.posts if p.organization_id == org.id]
    entries: list[Entry] = []
    for role in _roles():
        section = f"current-{role.value.replace('_', '-')}"
        entries += [Entry(p.id, section) for p in posts if p.role == role]
        entries += [Entry(m.id, section) for m in current if m.role == role]
    if not entries:
        entries.append(Entry(None, "current"))
    entries += [Entry(m.id, "former") for m in former] or [Entry(None, "former")]
    other_roles = _person_roles(dataset)[1]
    entries += [
        Entry(p.id, "people", tuple(m.id for m in other_roles.get(p.id, [])))
        for p in sorted(dataset.people, key=lambda p: p.name)
    ]
    entries += [Entry(p.id, "other-seats") for p in dataset.posts if p.organization_id != org.id]
    return entries


# Sections of a paginated list that began on an earlier page (headings say "continued").
def _continued(r: Renderer, key: str, entries: list[Entry]) -> set[str]:
    starts = r.layout().sections
    here = r.page_number(key)
    return {e.section for e in entries if starts.get((key, e.section), here) < here}


# Members (one page of them): current by role (committee seats), former, people and
# their other positions, other seats.
def members(r: Renderer) -> Markup:
    entries = r.page_entries("members")
    sections = [e.section for e in entries]
    groups = []
    for role in _roles():
        section = f"current-{role.value.replace('_', '-')}"
        here = [e.id for e in entries if e.section == section and e.id]
        if here:
            groups.append({
                "title": r.ui(f"vocab.role.{role.value}"),
                "section": section,
                "posts": [r.rec(i) for i in here if r.dataset.kind(i) == "posts"],
                "memberships": [r.rec(i) for i in here if r.dataset.kind(i) == "memberships"],
            })
    committee_roles, other_roles = _person_roles(r.dataset)
    continued = _continued(r, "members", entries)
    return r.render(
        "members.html",
        committee_id=_committee_of(r.dataset).id,
        pager=r.pager("members"),
        show_current=any(s.startswith("current") for s in sections),
        current_continued=any(s.startswith("current") for s in continued),
        current=groups,
        show_former="former" in sections,
        former=[r.rec(e.id) for e in entries if e.section == "former" and e.id],
        people=[r.rec(e.id) for e in entries if e.section == "people"],
        committee_roles=committee_roles,
        other_roles=other_roles,
        other_posts=[r.rec(e.id) for e in entries if e.section == "other-seats"],
        continued=continued,
    )


# Documents in register order: grouped by type, newest first within a type.
@listing("documents")
def documents_listing(dataset: Any, as_of: Any) -> list[Entry]:
    entries: list[Entry] = []
    for doc_type in sorted({d.type for d in dataset.documents}, key=list(DocType).index):
        docs = sorted((d for d in dataset.documents if d.type == doc_type), key=lambda d: d.issue_date or "", reverse=True)
        entries += [Entry(d.id, f"type-{doc_type.value.replace('_', '-')}") for d in docs]
    return entries


# Counts by type and status, and which documents implement each (once per dataset).
def _document_index(dataset: Any) -> dict[str, Any]:
    def compute() -> dict[str, Any]:
        by_type: dict[Any, int] = {}
        by_status: dict[str, int] = {}
        implemented_by: dict[str, list[str]] = {}
        for doc in dataset.documents:
            by_type[doc.type] = by_type.get(doc.type, 0) + 1
            key = doc.status.value if doc.status else "unknown"
            by_status[key] = by_status.get(key, 0) + 1
            for target in doc.implements:
                implemented_by.setdefault(target, []).append(doc.id)
        types = sorted(by_type, key=list(DocType).index)
        return {"types": [(t, by_type[t]) for t in types], "statuses": sorted(by_status.items()), "implemented_by": implemented_by}

    return memo(dataset, ("documents",), compute)


# The legal register (one page of it), grouped by type, with counts by type and status.
def documents(r: Renderer) -> Markup:
    index = _document_index(r.dataset)
    entries = r.page_entries("documents")
    continued = _continued(r, "documents", entries)
    types = [
        {"anchor": f"type-{t.value.replace('_', '-')}", "title": r.ui(f"vocab.doc_type.{t.value}"), "count": n}
        for t, n in index["types"]
    ]
    for t in types:
        t["href"] = r.section_link("documents", t["anchor"])
    titles = {t["anchor"]: t["title"] for t in types}
    groups: list[dict[str, Any]] = []
    for entry in entries:
        if not groups or groups[-1]["anchor"] != entry.section:
            groups.append({"anchor": entry.section, "title": titles[entry.section], "continued": entry.section in continued, "documents": []})
        groups[-1]["documents"].append(r.rec(entry.id))
    statuses = [{"title": r.ui(f"vocab.doc_status.{k}") if k != "unknown" else r.ui("common.unknown"), "count": v} for k, v in index["statuses"]]
    return r.render("documents.html", types=types, groups=groups, statuses=statuses,
                    implemented_by=index["implemented_by"], pager=r.pager("documents"))


# Events newest first; each carries its agenda items and outcomes as nested anchors.
@listing("events")
def events_listing(dataset: Any, as_of: Any) -> list[Entry]:
    ordered = sorted(dataset.events, key=lambda e: e.date, reverse=True)
    return [Entry(e.id, "events", tuple([a.id for a in e.agenda] + [o.id for o in e.outcomes])) for e in ordered]


# Tasks by the outcome, event or document that assigned them (once per dataset).
def _tasks_by_origin(dataset: Any) -> dict[str, list[Any]]:
    def compute() -> dict[str, list[Any]]:
        result: dict[str, list[Any]] = {}
        for task in dataset.tasks:
            if task.assigned_by_id:
                result.setdefault(task.assigned_by_id, []).append(task)
        return result

    return memo(dataset, ("tasks_by_origin",), compute)


# Events (one page of them), newest first, with agenda, outcomes and the tasks that track them.
def events(r: Renderer) -> Markup:
    entries = r.page_entries("events")
    total = len(r.dataset.events)
    start = total - r.layout().offset("events", r.page_number("events"))
    return r.render("events.html", events=[r.rec(e.id) for e in entries], tasks_by_origin=_tasks_by_origin(r.dataset),
                    start=start, pager=r.pager("events"))


# The latest few events, for the home page.
def latest_events(r: Renderer, count: int = 5) -> Markup:
    ordered = sorted(r.dataset.events, key=lambda e: e.date, reverse=True)[:count]
    return r.render("latest_events.html", events=ordered)


# Records citing each source, in dataset order (once per dataset).
def _cited_by(dataset: Any) -> dict[str, list[str]]:
    def compute() -> dict[str, list[str]]:
        result: dict[str, list[str]] = {}
        for rid, (_kind, record) in dataset.index.items():
            for sid in getattr(record, "sources", []) or []:
                result.setdefault(sid, []).append(rid)
        return result

    return memo(dataset, ("cited_by",), compute)


# At most this many "cited by" links per source; the rest are counted.
CITED_BY_LIMIT = 20


@listing("sources")
def sources_listing(dataset: Any, as_of: Any) -> list[Entry]:
    return [Entry(s.id, "sources") for s in dataset.sources]


# Sources (one page of them) and the records that cite each (the first few, then a count).
def sources(r: Renderer) -> Markup:
    shown = [r.rec(e.id) for e in r.page_entries("sources")]
    return r.render("sources.html", sources=shown, cited_by=_cited_by(r.dataset), limit=CITED_BY_LIMIT,
                    pager=r.pager("sources"))


# The home page block: what the committee is and its key facts.
def home(r: Renderer) -> Markup:
    org = _committee_of(r.dataset)
    mine = [m for m in r.dataset.memberships if m.organization_id == org.id]
    duties = [d for d in r.dataset.mandate if d.organization_id == org.id]
    return r.render(
        "home.html",
        org=org,
        head=_head(r),
        founding=r.rec(org.founding_document_id),
        member_count=len(mine),
        duty_count=len(duties),
        truncated=any(d.source_truncated for d in duties),
    )


# --- plan and progress (issue 3) -------------------------------------------------------

# Dashboard lists stay bounded at any scale: the first N, then "and N more".
PLAN_LIST_LIMIT = 50
PLAN_LATEST = 20
PLAN_LEADS = 20
# Fill pattern of each status in charts (the status name is always written too).
STATUS_PATTERN = {"completed": "solid", "in_progress": "diagonal", "not_started": "empty",
                  "stalled": "cross", "cancelled": "lines", "from_subtasks": "vertical", "no_information": "dots"}
_PROGRESS: dict[tuple[int, Any, int], tuple[Any, Any, dict[str, Any]]] = {}


# `extra.stale_after_days` in mkdocs.yml (default: progress.STALE_AFTER_DAYS).
def stale_after_days(r: Renderer) -> int:
    return int(r.extra.get("stale_after_days", progress.STALE_AFTER_DAYS))


# Computed progress for this dataset and as-of date, shared by both languages; `memo`
# keeps other per-dataset results (progress over time) next to it.
def _plan_state(r: Renderer) -> tuple[progress.Progress, dict[str, Any]]:
    key = (id(r.dataset), r.as_of, stale_after_days(r))
    cached = _PROGRESS.get(key)
    if cached is None or cached[0] is not r.dataset:
        _PROGRESS.clear()
        computed = progress.compute(r.dataset.tasks, r.dataset.updates, r.as_of, stale_after_days(r))
        cached = _PROGRESS[key] = (r.dataset, computed, {})
    return cached[1], cached[2]


def plan_progress(r: Renderer) -> progress.Progress:
    return _plan_state(r)[0]


# "Label 3, Label 1, …": a chart's text description from its rows.
def _chart_desc(r: Renderer, rows: list[tuple[str, int]]) -> str:
    return "; ".join(f"{label}: {r.num(n, 0)}" for label, n in rows)


# The plan dashboard: plans and their overall progress, counts, charts, overdue and
# stale lists, latest updates, indicators. Every list is bounded.
def plan(r: Renderer) -> Markup:
    if r.page_number("plan") > 1:
        return r.render("plan_continued.html")
    p, memo = _plan_state(r)
    states = list(p.states.values())
    status_rows = [(k, r.ui(f"vocab.status.{k}"), n) for k, n in progress.count_by_status(states)]
    status_chart = None
    if any(n for k, _label, n in status_rows if k != progress.NO_INFORMATION):
        status_chart = r.render("chart_bars.html", chart=charts.bar_chart(
            "oc_chart_status", r.ui("plan.chart_status_title"), _chart_desc(r, [(lbl, n) for _k, lbl, n in status_rows]),
            [(lbl, n, r.num(n, 0), STATUS_PATTERN[k]) for k, lbl, n in status_rows], label_width=270))
    due = [(str(y) if y is not None else r.ui("plan.no_due_date"), n) for y, n in progress.count_by_due_year(states)]
    due_chart = None
    if any(y is not None for y, _n in progress.count_by_due_year(states)):
        due_chart = r.render("chart_bars.html", chart=charts.bar_chart(
            "oc_chart_due", r.ui("plan.chart_due_title"), _chart_desc(r, due),
            [(label, n, r.num(n, 0), "diagonal") for label, n in due], label_width=160))
    if "over_time" not in memo:
        memo["over_time"] = progress.progress_over_time(r.dataset.tasks, r.dataset.updates, r.as_of)
    over_time = memo["over_time"]
    leads = progress.count_by_lead(states)
    plans = [{"plan": pl, "rollup": p.overall(pl.id), "count": len(p.in_plan(pl.id)),
              "points": over_time.get(pl.id, []), "chart": _progress_chart(r, pl.id, r.label(pl.id).value, over_time.get(pl.id, []))}
             for pl in r.dataset.plans]
    loose = p.in_plan(None)
    indicators = [{"indicator": ind, "latest": _latest_value(p, ind.id)} for ind in r.dataset.indicators]
    return r.render(
        "plan.html",
        p=p,
        total=len(states),
        plans=plans,
        loose={"count": len(loose), "rollup": p.overall(None), "points": over_time.get(None, []),
               "chart": _progress_chart(r, None, r.ui("plan.loose_title"), over_time.get(None, []))} if loose else None,
        status_rows=[(k, n) for k, _label, n in status_rows],
        status_chart=status_chart,
        leads=leads[:PLAN_LEADS],
        leads_more=sum(n for _id, n in leads[PLAN_LEADS:]),
        leads_more_orgs=len(leads[PLAN_LEADS:]),
        due=due,
        due_chart=due_chart,
        overdue=p.overdue,
        stale=p.stale,
        limit=PLAN_LIST_LIMIT,
        latest=progress.latest_updates(r.dataset.updates, PLAN_LATEST),
        update_count=len(r.dataset.updates),
        indicators=indicators[:PLAN_LIST_LIMIT],
        indicator_count=len(indicators),
        stale_days=stale_after_days(r),
    )


# A plan's overall progress over time (None when fewer than two points: no chart).
def _progress_chart(r: Renderer, plan_id: str | None, name: str, points: list[Any]) -> Markup | None:
    if len(points) < 2:
        return None
    chart = charts.line_chart(
        f"oc_chart_progress_{plan_id or 'loose'}", r.ui("plan.chart_progress_title", name=name),
        r.ui("plan.chart_progress_desc", first=r.pct(points[0][1]), first_date=r.date(points[0][0].isoformat()),
             last=r.pct(points[-1][1]), last_date=r.date(points[-1][0].isoformat())),
        [(r.ui("plan.overall"), "circle", False, points)],
        fmt_value=lambda v: r.pct(v) or "", fmt_day=lambda d: r.date(d.isoformat()) or "", y_range=(0, 100))
    return r.render("chart_line.html", chart=chart)


# The latest update of an indicator that gives a value.
def _latest_value(p: progress.Progress, indicator_id: str) -> Any:
    found = [u for u in p.updates_by_target.get(indicator_id, []) if u.value is not None]
    return found[-1] if found else None


# The plan page's records, in display order, for paging: indicators, then tasks
# depth-first (a task, then its subtasks), each with its updates anchored inside it.
# Independent of the as-of date, so changing it never moves a record to another page.
@paging.listing("plan")
def plan_listing(dataset: Any, as_of: Any) -> list[paging.Entry]:
    updates: dict[str, list[str]] = {}
    for update in progress.order_updates(dataset.updates):
        updates.setdefault(update.task_id or update.indicator_id or "", []).append(update.id)
    entries = [paging.Entry(ind.id, "oc_indicators", tuple(updates.get(ind.id, []))) for ind in dataset.indicators]
    entries += [paging.Entry(tid, "oc_tasks", tuple(updates.get(tid, []))) for tid in progress.tree_order(dataset.tasks)]
    return entries


# Ids of this page's slice of the plan listing in one section.
def _plan_page(r: Renderer, section: str) -> list[str]:
    return [e.id for e in r.page_entries("plan") if e.section == section and e.id]


# Task records (permalink = task id) with state, roll-up formula and history timeline:
# this page's slice of the listing, with the pager.
def plan_tasks(r: Renderer) -> Markup:
    p = plan_progress(r)
    states = [p.state(tid) for tid in _plan_page(r, "oc_tasks")]
    return r.render("plan_tasks.html", p=p, states=states, total=len(p.states),
                    first_page=r.page_number("plan") == 1, pager=r.pager("plan"))


# Indicator records with their measurements, an actual-vs-target chart and its table.
def plan_indicators(r: Renderer) -> Markup:
    p = plan_progress(r)
    items = []
    for ind_id in _plan_page(r, "oc_indicators"):
        ind = r.dataset.get(ind_id)
        history = p.updates_by_target.get(ind.id, [])
        items.append({"indicator": ind, "history": history, "chart": _indicator_chart(r, ind, history)})
    return r.render("plan_indicators.html", items=items, first_page=r.page_number("plan") == 1)


# Actual values over time against the target (a dashed rule), baseline as a square.
def _indicator_chart(r: Renderer, ind: Any, history: list[Any]) -> Markup | None:
    unit = ind.unit.value
    if unit == "boolean":
        return None
    actual = [(progress.day_of(u.date), float(u.value)) for u in history if u.value is not None]
    if not actual:
        return None

    def shown(v: float) -> Markup:
        return r.render("plan_value.html", unit=unit, v=v)

    series: list[tuple[str, str, bool, list[Any]]] = []
    if ind.baseline is not None:
        series.append((r.ui("plan.baseline"), "square", False, [(progress.day_of(ind.baseline.date), float(ind.baseline.value))]))
    series.append((r.ui("plan.actual"), "circle", False, actual))
    rules = []
    if ind.target is not None:
        series.append((r.ui("plan.target"), "diamond", False, [(progress.day_of(ind.target.date), float(ind.target.value))]))
        rules.append((float(ind.target.value), Markup("{}: {}").format(r.ui("plan.target"), shown(float(ind.target.value)))))
    y_range = {"percent": (0.0, 100.0), "ratio": (0.0, 1.0)}.get(unit)
    chart = charts.line_chart(
        f"oc_chart_{ind.id}", r.ui("plan.chart_indicator_title", name=r.label(ind.id).value),
        r.ui("plan.chart_indicator_desc", count=r.num(len(actual), 0), last=shown(actual[-1][1]),
             target=shown(float(ind.target.value)) if ind.target is not None else r.ui("common.unknown")),
        series, fmt_value=shown, fmt_day=lambda d: r.date(d.isoformat()) or "", y_range=y_range, rules=rules,
        fmt_tick=lambda d: str(d.year))
    return r.render("chart_line.html", chart=chart)


# The status vocabulary and how overdue, stale and roll-ups are computed.
def plan_vocabulary(r: Renderer) -> Markup:
    if r.page_number("plan") > 1:
        return Markup("")
    return r.render("plan_vocabulary.html", statuses=progress.STATUS_ORDER, stale_days=stale_after_days(r))


# Paragraphs of interface prose (about page sections) from the language catalog.
def prose(r: Renderer, key: str) -> Markup:
    paragraphs = r.ui(key).split("\n\n") if isinstance(r.ui(key), str) else []
    return r.render("prose.html", paragraphs=[p.strip() for p in paragraphs if p.strip()])


# The "data as of" line.
def as_of(r: Renderer) -> Markup:
    return r.render("asof.html")


# Translation coverage per collection, for every language that has a catalog (About page).
def translation_coverage(r: Renderer) -> Markup:
    from .locale import available
    from .translations import coverage

    languages = [lang for lang in available() if lang != r.default_lang]
    names = {lang: r.ui(f"translation.language_names.{lang}") for lang in languages}
    by_lang = {lang: {c.collection: c for c in coverage(r.dataset, lang)} for lang in languages}
    rows = []
    for name, first in by_lang[languages[0]].items() if languages else ():
        rows.append({"collection": name, "label": _collection_label(r, name), "texts": first.texts,
                     "by_lang": {lang: by_lang[lang][name] for lang in languages}})
    return r.render("translation_coverage.html", rows=rows, languages=languages, names=names)


# A collection's name in the reader's language (the file name when the catalog has none).
def _collection_label(r: Renderer, name: str) -> str:
    try:
        return r.ui(f"translation.collections.{name}")
    except KeyError:
        return name


MACROS: dict[str, Callable[..., Markup]] = {
    "home": home,
    "latest_events": latest_events,
    "committee_facts": committee_facts,
    "mandate": mandate,
    "drafts": drafts,
    "organizations": organizations,
    "members": members,
    "documents": documents,
    "events": events,
    "sources": sources,
    "plan": plan,
    "plan_tasks": plan_tasks,
    "plan_indicators": plan_indicators,
    "plan_vocabulary": plan_vocabulary,
    "prose": prose,
    "as_of": as_of,
    "translation_coverage": translation_coverage,
    "open_data": open_data,
    "changes": changes,
}
