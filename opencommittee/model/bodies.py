"""Cross-record checks about bodies and their seats (run by `checks.run`):

- the site setting (`data/site.yml`) holds at most one record, and names a body;
- a body's id must contain a letter (it names its pages, `committees/<id>/`, next to the
  numbered pages of the committees index, `committees/2/`);
- a single-holder seat (`posts[].holders`, default 1) never has two holders at once;
- the data holds at least one body (without one there is nothing to publish);
- a body with neither a founding document nor a founding date is a warning (it does not
  block the build: many bodies' founding decisions are not published).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..load.strict_yaml import Loaded
from .dataset import Collector, Dataset
from .dates import date_bounds
from .records import Membership
from .vocab import BODY_KINDS

_EARLIEST, _LATEST = date.min, date.max


def run(dataset: Dataset, out: Collector, prefix: str = "data") -> None:
    check_site(dataset, out)
    check_body_ids(dataset, out)
    check_seats(dataset, out)
    check_some_body(dataset, out, prefix)
    check_founding(dataset, out)


# Nothing is published without a body: an empty data folder, or organizations with no
# body kind, is refused (organizations.yml unreadable or invalid: its own problems say).
def check_some_body(dataset: Dataset, out: Collector, prefix: str) -> None:
    if "organizations" in out.unreadable:
        return
    kinds = {k.value for k in BODY_KINDS}
    raw = dataset.raw.get("organizations", [])
    if any(isinstance(r, dict) and isinstance(r.get("classification"), str) and r["classification"] in kinds for r in raw):
        return
    loaded = dataset.files.get("organizations") or Loaded(f"{prefix}/organizations.yml", [])
    out.add(loaded, (), "no_body", raw, file=f"{prefix}/organizations.yml", allowed=sorted(kinds))


# A warning for each body with neither founding_document_id nor founding_date.
def check_founding(dataset: Dataset, out: Collector) -> None:
    found = _indexed(dataset, "organizations")
    if found is None:
        return
    loaded, raw, index = found
    for org in dataset.organizations:
        if org.classification in BODY_KINDS and not (org.founding_document_id or org.founding_date) and org.id in index:
            out.warn(loaded, (index[org.id], "id"), "body_without_founding", raw, id=org.id)


def _id(record: object) -> str | None:
    rid = record.get("id") if isinstance(record, dict) else None
    return rid if isinstance(rid, str) else None


# A collection's file, its records as written, and each id's place among them (None when
# the collection was not read).
def _indexed(dataset: Dataset, name: str) -> tuple[Loaded, list[Any], dict[str, int]] | None:
    loaded = dataset.files.get(name)
    if loaded is None:
        return None
    raw = dataset.raw.get(name, [])
    return loaded, raw, {rid: i for i, r in enumerate(raw) if (rid := _id(r)) is not None}


def check_site(dataset: Dataset, out: Collector) -> None:
    loaded = dataset.files.get("site")
    raw = dataset.raw.get("site", [])
    if loaded is None:
        return
    for i in range(1, len(raw)):
        out.add(loaded, (i,), "site_one_record", raw)
    kinds = {o.id: o.classification for o in dataset.organizations}
    for i, record in enumerate(raw):
        target = record.get("committee_id") if isinstance(record, dict) else None
        if isinstance(target, str) and target in kinds and kinds[target] not in BODY_KINDS:
            out.add(loaded, (i, "committee_id"), "site_not_a_body", raw, id=target,
                    allowed=[k.value for k in BODY_KINDS])


def check_body_ids(dataset: Dataset, out: Collector) -> None:
    loaded = dataset.files.get("organizations")
    raw = dataset.raw.get("organizations", [])
    if loaded is None:
        return
    bodies = {o.id for o in dataset.organizations if o.classification in BODY_KINDS}
    for i, record in enumerate(raw):
        rid = _id(record)
        if rid in bodies and str(rid).isdigit():
            out.add(loaded, (i, "id"), "body_id_digits", raw, value=rid)


# The days a membership may have covered: its known start and end (or its as-of day),
# open ends unbounded; None when nothing dates it.
def _span(m: Membership) -> tuple[date, date] | None:
    if not (m.start_date or m.end_date or m.as_of):
        return None
    first = date_bounds(m.start_date)[0] if m.start_date else date_bounds(m.as_of)[0] if m.as_of and not m.end_date else _EARLIEST
    last = date_bounds(m.end_date)[1] if m.end_date else date_bounds(m.as_of)[1] if m.as_of and not m.start_date else _LATEST
    return first, last


def check_seats(dataset: Dataset, out: Collector) -> None:
    found = _indexed(dataset, "memberships")
    if found is None:
        return
    loaded, raw, index = found
    holders = {p.id: p.holders for p in dataset.posts}
    by_post: dict[str, list[tuple[date, date, Membership]]] = {}
    for m in dataset.memberships:
        span = _span(m)
        if m.post_id and span and holders.get(m.post_id) == 1:
            by_post.setdefault(m.post_id, []).append((*span, m))
    for post_id, spans in by_post.items():
        spans.sort(key=lambda s: (s[0], s[1], s[2].id))
        # Sweep in order of start: a holder overlaps the one whose term reaches furthest.
        reach: tuple[date, Membership] | None = None
        for first, last, m in spans:
            if reach is not None and first <= reach[0] and m.id in index:
                out.add(loaded, (index[m.id], "post_id"), "seat_overlap", raw, post=post_id, other=reach[1].id)
            if reach is None or last > reach[0]:
                reach = (last, m)
