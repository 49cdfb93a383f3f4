"""Page blocks: pure functions from (dataset, language, page) to HTML, one per macro.

`macros.py` registers `MACROS`; each takes a `Renderer` built for the current page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from .models import Membership, Role
from .paging import Entry, listing, memo
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


# The committee of a dataset (the first steering_committee organization).
def _committee_of(dataset: Any) -> Any:
    return next(o for o in dataset.organizations if o.classification.value == "steering_committee")


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
    for doc_type in sorted({d.type for d in dataset.documents}, key=lambda t: list(type(t)).index(t)):
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
        types = sorted(by_type, key=lambda t: list(type(t)).index(t))
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
