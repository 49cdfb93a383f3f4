"""Issue 10, item 1: every collection at 100x its scale-1 size, all of it on one body (the
worst shape for that body's pages). No page grows past the bound and every record keeps
an anchor on the page its permalink names. Rendered through the page blocks, without
MkDocs (the strict 100x build is `make bench`)."""

from __future__ import annotations

import random

import pytest

from conftest import make_context, render_page
from opencommittee.derive.context import BuildContext
from opencommittee.derive.routes import SUBJECT_FOLDERS, PageRef
from opencommittee.devtools import synthetic
from opencommittee.devtools.synthetic_spec import SCALE_1, Spec
from opencommittee.render.renderer import Renderer

pytestmark = pytest.mark.slow

# The blocks' HTML of one page; the theme adds its header, navigation and head (< 100 KB).
BLOCKS_BOUND = 900 * 1024
SCALE = 100


def _hundredfold() -> dict[str, float]:
    """Per-collection factors that bring every collection to 100x its scale-1 count."""
    spec = Spec(SCALE, committees=1)
    return {name: SCALE * SCALE_1[name] / spec.count(name) for name in ("organizations", "plans", "mandate")}


@pytest.fixture(scope="module")
def everything(tmp_path_factory: pytest.TempPathFactory) -> BuildContext:
    data = tmp_path_factory.mktemp("every100") / "data"
    counts = synthetic.write(data, scale=SCALE, committees=1, scales=_hundredfold())
    for name in ("sources", "organizations", "people", "documents", "memberships", "mandate", "events",
                 "plans", "tasks", "indicators", "updates"):
        assert counts[name] >= SCALE * SCALE_1[name] * 0.95, (name, counts[name])
    return make_context(data)


def _heaviest(context: BuildContext) -> list[tuple[str, str | None, int]]:
    """The heaviest page of every paginated list, and its last page."""
    pages = []
    for (kind, subject), chunks in context.layout.pages.items():
        weights = [sum(e.weight for e in chunk) for chunk in chunks]
        pages.append((kind, subject, weights.index(max(weights)) + 1))
        pages.append((kind, subject, len(chunks)))
    return sorted(set(pages), key=lambda p: (p[0], p[1] or "", p[2]))


def _subject(kind: str, subject: str | None, context: BuildContext) -> str | None:
    return subject if kind in SUBJECT_FOLDERS or subject != context.router.primary else None


def test_no_page_is_over_the_bound(everything: BuildContext) -> None:
    kinds: dict[str, int] = {}
    sizes = []
    for kind, subject, number in _heaviest(everything):
        if kinds.get(kind, 0) >= 3:  # a few subjects of each kind are enough
            continue
        kinds[kind] = kinds.get(kind, 0) + 1
        html = render_page(everything, "vi", kind, number, _subject(kind, subject, everything))
        sizes.append((len(html.encode("utf-8")), kind, subject, number))
    for kind in ("home", "committees", "years", "about", "open-data"):
        sizes.append((len(render_page(everything, "en", kind).encode("utf-8")), kind, None, 1))
    assert {"committee", "members", "events", "plan", "documents", "sources", "person", "organization", "year"} <= kinds.keys()
    biggest = max(sizes)
    assert biggest[0] <= BLOCKS_BOUND, biggest


def test_json_ld_of_the_largest_pages_is_bounded(everything: BuildContext) -> None:
    for kind in ("committee", "members", "plan", "documents", "events"):
        path = everything.router.path(PageRef(kind))
        head = everything.published.head("vi", path, "t", "s", "d")
        assert len(head["jsonld"].encode("utf-8")) <= 200 * 1024, (kind, len(head["jsonld"]))


def test_every_record_has_an_anchor_on_the_page_its_permalink_names(everything: BuildContext) -> None:
    r = Renderer(everything, "vi")
    located = []
    for record_id, (kind, _) in everything.dataset.index.items():
        if kind in ("site", "people", "organizations"):
            continue  # pages of their own
        assert everything.layout.locate(record_id) is not None, (kind, record_id)
        located.append(record_id)
    by_page: dict[tuple[str, str | None, int], list[str]] = {}
    for record_id in random.Random(10).sample(located, 60):
        ref = r.locate(record_id)
        by_page.setdefault((ref.kind, ref.subject, ref.number), []).append(record_id)
    for (kind, subject, number), ids in by_page.items():
        html = render_page(everything, "vi", kind, number, subject)
        for record_id in ids:
            assert f'id="{record_id}"' in html, (kind, subject, number, record_id)
