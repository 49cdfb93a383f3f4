"""Which body each record belongs to, which body the site is about, and which pages list
what, with several bodies sharing people."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import make_context, render_page
from opencommittee.derive.context import BuildContext
from opencommittee.devtools.synthetic import write


@pytest.fixture(scope="module")
def several(tmp_path_factory: pytest.TempPathFactory) -> BuildContext:
    data = tmp_path_factory.mktemp("bodies") / "data"
    write(data, scale=3, committees=3)
    return make_context(data)


def test_the_body_the_site_is_about(embedded: BuildContext, several: BuildContext, tmp_path: Path) -> None:
    assert embedded.indexes.primary is not None and embedded.indexes.primary.id == "ban-chi-dao-doi-moi-gddt"
    assert embedded.indexes.scopes == [None]
    first = several.indexes.bodies[0].id
    assert several.indexes.primary is not None and several.indexes.primary.id == first
    assert several.indexes.scopes == [None] + [b.id for b in several.indexes.bodies[1:]]
    write(tmp_path / "portal", scale=3, committees=3, site=False)
    portal = make_context(tmp_path / "portal")
    assert portal.indexes.primary is None and len(portal.indexes.scopes) == 4


def test_every_record_of_a_body_is_listed_on_its_pages_once(several: BuildContext) -> None:
    ix, layout = several.indexes, several.layout
    for event in several.dataset.events:
        (kind, subject), _number = layout.locate(event.id) or ((None, None), 0)
        assert kind == "events" and subject == ix.scope_of(event.id)
        assert ix.owner[event.id] == event.organization_id
    for task in several.dataset.tasks:
        (kind, subject), _number = layout.locate(task.id) or ((None, None), 0)
        assert kind == "plan" and subject == ix.scope_of(task.id)
    for m in several.dataset.memberships:
        (kind, subject), _number = layout.locate(m.id) or ((None, None), 0)
        assert kind == "members"
        # A membership in a body is on that body's members page; the others on the
        # site's own page, under the person.
        assert subject == (ix.scope_of(m.id) if ix.owner.get(m.id) else None)


def test_people_shared_between_bodies_have_all_their_roles_on_their_page(several: BuildContext) -> None:
    by_person = several.indexes.memberships_by_person
    shared = next(p for p, ms in by_person.items() if len({m.organization_id for m in ms if several.indexes.owner.get(m.id)}) > 1)
    listed = [e.id for chunk in several.layout.pages[("person", shared)] for e in chunk if e.section in ("current", "former")]
    assert sorted(listed) == sorted(m.id for m in by_person[shared])


def test_the_committees_index_is_paged_and_lists_every_body_once(tmp_path: Path) -> None:
    """Twelve bodies with pages of four entries: three pages of the committees index,
    each body on exactly one, and the home page's list capped."""
    write(tmp_path / "many", scale=2, committees=12)
    context = make_context(tmp_path / "many", page_size=4)
    pages = context.layout.pages[("committees", None)]
    listed = [e.id for chunk in pages for e in chunk]
    assert len(pages) == 3 and sorted(listed) == sorted(b.id for b in context.indexes.bodies)
    html = render_page(context, "en", "committees", 2)
    assert 'class="oc-pager"' in html or "Page 2 of 3" in html
    primary = context.indexes.primary.id if context.indexes.primary else None
    shown = {b for b in listed if b != primary and f"/{b}/\"" in html}
    assert shown == {b for b in listed[4:8] if b != primary}
