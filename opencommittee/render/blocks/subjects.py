"""Pages about one subject: a person (`people/<id>/`), an organization
(`organizations/<id>/`). Their lists refer to records anchored on the list pages
(`derive/subject_listings.py`) and are paged like every other list."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..renderer import Renderer


def _sections(r: Renderer, kind: str, names: tuple[str, ...]) -> dict[str, list[Any]]:
    entries = r.page_entries(kind)
    return {name: [r.rec(e.id) for e in entries if e.section == name and e.id] for name in names}


# A person: every membership and seat, in every body, current and former, with dates or
# "as of", the appointing document and sources; the meetings chaired, documents signed.
def person(r: Renderer) -> Markup:
    subject = r.rec(r.ref.subject)
    sections = _sections(r, "person", ("current", "former", "chaired", "signed"))
    return r.render("person.html", person=subject, first=r.page_number("person") == 1, pager=r.pager("person"),
                    continued=r.continued("person", r.page_entries("person")), feed=r.subject_feed("person"),
                    **sections)


# An organization: its seats, its members, the documents it issued.
def organization(r: Renderer) -> Markup:
    org = r.rec(r.ref.subject)
    sections = _sections(r, "organization", ("posts", "members", "issued"))
    return r.render("organization.html", org=org, first=r.page_number("organization") == 1,
                    pager=r.pager("organization"), continued=r.continued("organization", r.page_entries("organization")),
                    is_body=org.id in r.indexes.body_ids, feed=r.subject_feed("organization"), **sections)
