"""Page blocks: pure functions from (dataset, language, page) to HTML, one per macro.

`macros.py` registers `MACROS`; each takes a `Renderer` built for the current page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from .models import Membership, Role
from .render import Renderer

ROLE_ORDER = [Role.head, Role.standing_deputy_head, Role.deputy_head, Role.member, Role.secretary]


# The committee: the one steering_committee organization (first, if several).
def committee(r: Renderer) -> Any:
    return next(o for o in r.dataset.organizations if o.classification.value == "steering_committee")


# Who heads the committee: a named person, or the ex officio seat with the name unknown.
def _head(r: Renderer) -> Markup:
    org = committee(r)
    for m in r.dataset.memberships:
        if m.organization_id == org.id and m.role == Role.head:
            return r.render("head.html", m=m)
    return r.render("head.html", m=None)


# The key facts of the committee.
def committee_facts(r: Renderer) -> Markup:
    return r.render("committee.html", org=committee(r), head=_head(r))


# The mandate, with a note when the source's list is cut short.
def mandate(r: Renderer) -> Markup:
    duties = [d for d in r.dataset.mandate if d.organization_id == committee(r).id]
    return r.render("mandate.html", duties=duties, truncated=any(d.source_truncated for d in duties))


# Drafts discussed at the committee's meetings, with their (often unknown) outcome.
def drafts(r: Renderer) -> Markup:
    items = [(e, a) for e in r.dataset.events for a in e.agenda if a.kind.value == "draft_discussion"]
    return r.render("drafts.html", items=items)


# Every organization other than the committee, with the roles it plays.
def organizations(r: Renderer) -> Markup:
    org = committee(r)
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


# Members: current by role (committee seats), former, people and their other positions.
def members(r: Renderer) -> Markup:
    org = committee(r)
    mine = [m for m in r.dataset.memberships if m.organization_id == org.id]
    current = [m for m in mine if m.is_active(r.as_of)]
    former = sorted((m for m in mine if not m.is_active(r.as_of)), key=lambda m: m.end_date or "")
    posts = [p for p in r.dataset.posts if p.organization_id == org.id]
    groups = []
    for role in ROLE_ORDER + [x for x in Role if x not in ROLE_ORDER]:
        ms = [m for m in current if m.role == role]
        ps = [p for p in posts if p.role == role]
        if ms or ps:
            groups.append({"title": r.ui(f"vocab.role.{role.value}"), "memberships": ms, "posts": ps})
    committee_roles: dict[str, list[Membership]] = {}
    other_roles: dict[str, list[Membership]] = {}
    for m in r.dataset.memberships:
        if m.person_id:
            target = committee_roles if m.organization_id == org.id else other_roles
            target.setdefault(m.person_id, []).append(m)
    other_posts = [p for p in r.dataset.posts if p.organization_id != org.id]
    return r.render(
        "members.html",
        committee_id=org.id,
        current=groups,
        former=former,
        people=sorted(r.dataset.people, key=lambda p: p.name),
        committee_roles=committee_roles,
        other_roles=other_roles,
        other_posts=other_posts,
    )


# The legal register, grouped by type, with counts by status.
def documents(r: Renderer) -> Markup:
    groups = []
    for doc_type in sorted({d.type for d in r.dataset.documents}, key=lambda t: list(type(t)).index(t)):
        docs = sorted((d for d in r.dataset.documents if d.type == doc_type), key=lambda d: d.issue_date or "", reverse=True)
        groups.append({"anchor": f"type-{doc_type.value.replace('_', '-')}", "title": r.ui(f"vocab.doc_type.{doc_type.value}"), "documents": docs})
    counts: dict[str, int] = {}
    for doc in r.dataset.documents:
        key = doc.status.value if doc.status else "unknown"
        counts[key] = counts.get(key, 0) + 1
    statuses = [{"title": r.ui(f"vocab.doc_status.{k}") if k != "unknown" else r.ui("common.unknown"), "count": v} for k, v in sorted(counts.items())]
    implemented_by: dict[str, list[str]] = {}
    for doc in r.dataset.documents:
        for target in doc.implements:
            implemented_by.setdefault(target, []).append(doc.id)
    return r.render("documents.html", groups=groups, statuses=statuses, implemented_by=implemented_by)


# Events, newest first, with agenda, outcomes and the tasks that track them.
def events(r: Renderer) -> Markup:
    tasks_by_origin: dict[str, list[Any]] = {}
    for task in r.dataset.tasks:
        if task.assigned_by_id:
            tasks_by_origin.setdefault(task.assigned_by_id, []).append(task)
    ordered = sorted(r.dataset.events, key=lambda e: e.date, reverse=True)
    return r.render("events.html", events=ordered, tasks_by_origin=tasks_by_origin)


# The latest few events, for the home page.
def latest_events(r: Renderer, count: int = 5) -> Markup:
    ordered = sorted(r.dataset.events, key=lambda e: e.date, reverse=True)[:count]
    return r.render("latest_events.html", events=ordered)


# Sources and the records that cite each.
def sources(r: Renderer) -> Markup:
    cited_by: dict[str, list[str]] = {}
    for rid, (_kind, record) in r.dataset.index.items():
        for sid in getattr(record, "sources", []) or []:
            cited_by.setdefault(sid, []).append(rid)
    return r.render("sources.html", sources=r.dataset.sources, cited_by=cited_by)


# The home page block: what the committee is and its key facts.
def home(r: Renderer) -> Markup:
    org = committee(r)
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


# Plans, tasks, indicators and updates (the plan page).
def plan(r: Renderer) -> Markup:
    return r.render("plan.html", plans=r.dataset.plans, tasks=r.dataset.tasks)


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
    "prose": prose,
    "as_of": as_of,
    "translation_coverage": translation_coverage,
}
