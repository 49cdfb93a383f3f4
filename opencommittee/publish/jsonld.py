"""schema.org JSON-LD and Open Graph metadata for a page's <head> (no MkDocs here).

Record nodes use the record's permalink as `@id`. Organizations of the state (committee,
People's Committee, departments) are `GovernmentOrganization`, party bodies
`Organization`; people are `Person` with their positions as `OrganizationRole`s; events
`Event`; register entries `Legislation`; the Open data page a `Dataset`.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from ..render.renderer import Renderer

CONTEXT = "https://schema.org"
OG_LOCALES = {"vi": "vi_VN", "en": "en_GB"}


def _text(r: Renderer, value: Any) -> str | None:
    shown = r.tx(value)
    return shown.value if shown is not None else None


def _clean(node: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in node.items() if v not in (None, [], "")}


def org_type(org: Any) -> str:
    return "Organization" if org.classification.value == "party" else "GovernmentOrganization"


def org_ref(r: Renderer, org_id: str | None) -> dict[str, Any] | None:
    if not org_id:
        return None
    kind = r.dataset.kind(org_id)
    if kind == "posts":  # a seat issues a document: name the seat's organization
        post = r.rec(org_id)
        return _clean({"@type": "Role", "roleName": _text(r, post.label), "memberOf": org_ref(r, post.organization_id)})
    org = r.rec(org_id)
    return {"@type": org_type(org), "@id": r.permalink(org_id), "name": _text(r, org.name)}


def organization(r: Renderer, org: Any) -> dict[str, Any]:
    alternate = _text(r, org.short_name)
    return _clean({
        "@type": org_type(org),
        "@id": r.permalink(org.id),
        "url": r.permalink(org.id),
        "name": _text(r, org.name),
        "alternateName": alternate,
        "foundingDate": org.founding_date,
        "dissolutionDate": org.dissolution_date,
        "parentOrganization": org_ref(r, org.parent_id),
        "subjectOf": {"@id": r.permalink(org.founding_document_id)} if org.founding_document_id else None,
    })


def person(r: Renderer, p: Any, memberships: list[Any]) -> dict[str, Any]:
    roles = []
    for m in memberships:
        if m.person_id == p.id:
            roles.append(_clean({
                "@type": "OrganizationRole",
                "@id": r.permalink(m.id),
                "roleName": r.ui(f"vocab.role.{m.role.value}"),
                "startDate": m.start_date,
                "endDate": m.end_date,
                "memberOf": org_ref(r, m.organization_id),
            }))
    return _clean({
        "@type": "Person",
        "@id": r.permalink(p.id),
        "url": r.permalink(p.id),
        "name": p.name,
        "honorificPrefix": _text(r, p.honorific),
        "memberOf": roles,
    })


def event(r: Renderer, e: Any) -> dict[str, Any]:
    chair = r.rec(e.chair_id) if e.chair_id else None
    return _clean({
        "@type": "Event",
        "@id": r.permalink(e.id),
        "url": r.permalink(e.id),
        "name": _text(r, e.title),
        "startDate": e.date,
        "organizer": org_ref(r, e.organization_id),
        "location": {"@type": "Place", "name": _text(r, e.location)} if e.location else None,
        "contributor": {"@type": "Person", "@id": r.permalink(chair.id), "name": chair.name} if chair else None,
    })


def legislation(r: Renderer, d: Any) -> dict[str, Any]:
    return _clean({
        "@type": "Legislation",
        "@id": r.permalink(d.id),
        "url": r.permalink(d.id),
        "name": _text(r, d.title),
        "alternateName": _text(r, d.short_title),
        "legislationIdentifier": d.number,
        "legislationDate": d.issue_date,
        "legislationType": r.ui(f"vocab.doc_type.{d.type.value}"),
        "legislationPassedBy": org_ref(r, d.issuer_id),
        "legislationApplies": [{"@id": r.permalink(x)} for x in d.implements],
    })


def graph(r: Renderer, *, page_url: str, title: str, site_name: str, home_url: str,
          dataset_files: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The JSON-LD of one page: WebPage + WebSite, and the records the page shows (only
    those on this page of a long list, so the graph stays as bounded as the page)."""
    nodes: list[dict[str, Any]] = [
        {"@type": "WebSite", "@id": home_url, "url": home_url, "name": site_name, "inLanguage": r.lang},
        {"@type": "WebPage", "@id": page_url, "url": page_url, "name": title, "inLanguage": r.lang,
         "isPartOf": {"@id": home_url}},
    ]
    kind, subject = r.ref.kind, r.ref.subject
    body = r.body

    def here(section: str | None = None) -> list[Any]:
        return [r.rec(e.id) for e in r.page_entries(kind) if e.id and e.part == 0 and section in (None, e.section)]

    limit = r.list_limit
    if kind in ("home", "committee", "members") and body is not None:
        nodes.append(organization(r, body))
    if kind == "committee":
        nodes.extend(organization(r, o) for o in here("organizations"))
    elif kind == "members":
        by_person = r.indexes.memberships_by_person
        nodes.extend(person(r, p, by_person.get(p.id, [])[:limit]) for p in here("people"))
    elif kind == "events":
        nodes.extend(event(r, e) for e in here())
    elif kind == "documents":
        nodes.extend(legislation(r, d) for d in here())
    elif kind == "person" and subject:
        nodes.append(person(r, r.rec(subject), [m for m in here() if r.dataset.kind(m.id) == "memberships"]))
    elif kind == "organization" and subject:
        nodes.append(organization(r, r.rec(subject)))
    elif kind == "open-data" and dataset_files is not None:
        nodes.append(_clean({
            "@type": "Dataset",
            "@id": page_url + "#dataset",
            "name": r.ui("opendata.dataset_name", site=r.site_title),
            "description": r.ui("pages.open_data.summary"),
            "inLanguage": list(r.context.settings.languages),
            "license": "https://creativecommons.org/licenses/by/4.0/",
            "isAccessibleForFree": True,
            "creator": org_ref(r, body.id) if body is not None else None,
            "distribution": [
                {"@type": "DataDownload", "contentUrl": f["url"], "encodingFormat": f["media_type"], "name": f["name"]}
                for f in dataset_files
            ],
        }))
    return {"@context": CONTEXT, "@graph": nodes}


def script_json(value: Any) -> Markup:
    """JSON safe inside <script type="application/ld+json"> (no '<', '>' or '&' left)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)  # noqa: S704 - every markup character is escaped above


def open_graph(r: Renderer, *, title: str, description: str, url: str, site_name: str,
               languages: list[str]) -> list[tuple[str, str]]:
    """Open Graph properties of a page (the template escapes the values)."""
    props = [
        ("og:type", "website"),
        ("og:site_name", site_name),
        ("og:title", title),
        ("og:description", description),
        ("og:url", url),
        ("og:locale", OG_LOCALES.get(r.lang, r.lang)),
    ]
    props += [("og:locale:alternate", OG_LOCALES.get(lang, lang)) for lang in languages if lang != r.lang]
    return props
