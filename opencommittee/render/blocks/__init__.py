"""Page blocks: pure functions (Renderer, args) -> HTML, one module per page.

`MACROS` maps each macro name used in `docs/*.md` to its block; the glue registers them
with mkdocs-macros, binding each call to the renderer of the page being built.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from . import (
    about,
    changes,
    committee,
    committees,
    common,
    corrections,
    documents,
    events,
    home,
    members,
    opendata,
    plan,
    search,
    sources,
    subjects,
    years,
)

MACROS: dict[str, Callable[..., Markup | str]] = {
    "home": home.home,
    "latest_events": home.latest_events,
    "committee_facts": committee.committee_facts,
    "mandate": committee.mandate,
    "drafts": committee.drafts,
    "organizations": committee.organizations,
    "members": members.members,
    "seats_timeline": members.seats_timeline,
    "committees": committees.committees,
    "person": subjects.person,
    "organization": subjects.organization,
    "years": years.years_index,
    "year": years.year,
    "documents": documents.documents,
    "events": events.events,
    "sources": sources.sources,
    "plan": plan.plan,
    "plan_records": plan.plan_records,
    "plan_tasks": plan.plan_tasks,
    "plan_indicators": plan.plan_indicators,
    "plan_vocabulary": plan.plan_vocabulary,
    "prose": common.prose,
    "as_of": common.as_of,
    "page_title": common.page_title,
    "translation_coverage": about.translation_coverage,
    "site_setting": about.site_setting,
    "open_data": opendata.open_data,
    "changes": changes.changes,
    "search_page": search.search_page,
    "corrections": corrections.corrections,
}
