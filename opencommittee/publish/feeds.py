"""Atom feed (per language) and iCalendar file from the dated records.

Only dates written in the data are used: event dates, document issue dates, membership
starts and ends, progress-update dates and task due dates. A partial date (`2015`,
`2015-07`) stands for the first day of its period in Atom's mandatory timestamps, and
the entry's title shows the date as written. The feed's `updated` and the calendar's
DTSTAMP are the build time (SOURCE_DATE_EPOCH), so two builds are byte-identical.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ..model.dates import date_bounds
from ..render.renderer import Renderer

_NAMESPACE = uuid.UUID("5d0e0c3e-7f0a-5b58-9a4e-6f70656e636f")  # fixed: ids never change


@dataclass(frozen=True)
class Item:
    """One dated happening: what, which record, when (as written), and its texts."""

    what: str  # event, document, membership_start, membership_end, update, task_due
    record_id: str
    when: str
    title: str
    summary: str

    @property
    def day(self) -> date:
        return date_bounds(self.when)[0]


def stable_id(lang: str, *parts: str) -> str:
    """A stable entry id: a name-based UUID of the record, the happening and the language."""
    return "urn:uuid:" + str(uuid.uuid5(_NAMESPACE, "/".join((lang, *parts))))


def _plain(shown: Any) -> str:
    return shown.value if shown is not None else ""


def items(r: Renderer) -> list[Item]:
    """Every dated happening in the dataset, newest first (ties by id)."""
    out: list[Item] = []
    ds = r.dataset
    for event in ds.events:
        kind = r.ui(f"vocab.event_class.{event.classification.value}")
        out.append(Item("event", event.id, event.date, _plain(r.tx(event.title)),
                        f"{kind} · {r.date(event.date)} · {r.label(event.organization_id).value}"))
    for doc in ds.documents:
        if doc.issue_date:
            title = f"{r.ui('feeds.document_issued')}: {r.label(doc.id).value}"
            out.append(Item("document", doc.id, doc.issue_date, title,
                            f"{_plain(r.tx(doc.title))} · {r.date(doc.issue_date)}"))
    for m in ds.memberships:
        who = r.label(m.person_id or m.post_id or m.id).value
        role = r.ui(f"vocab.role.{m.role.value}")
        org = r.label(m.organization_id).value
        if m.start_date:
            out.append(Item("membership_start", m.id, m.start_date,
                            r.ui("feeds.membership_start", who=who, role=role, org=org),
                            f"{r.date(m.start_date)}"))
        if m.end_date:
            reason = _plain(r.tx(m.end_reason))
            out.append(Item("membership_end", m.id, m.end_date,
                            r.ui("feeds.membership_end", who=who, role=role, org=org),
                            " · ".join(x for x in (r.date(m.end_date), reason) if x)))
    for upd in ds.updates:
        target = upd.task_id or upd.indicator_id or upd.id
        parts = [r.date(upd.date) or ""]
        if upd.status is not None:
            parts.append(r.ui(f"vocab.status.{upd.status.value}"))
        if upd.percent is not None:
            parts.append(r.pct(upd.percent) or "")
        if upd.text is not None:
            parts.append(_plain(r.tx(upd.text)))
        out.append(Item("update", upd.id, upd.date,
                        r.ui("feeds.update", target=r.label(target).value),
                        " · ".join(p for p in parts if p)))
    out.sort(key=lambda i: (i.day, i.when, i.record_id, i.what), reverse=True)
    return out


# The newest entries an Atom feed carries: feeds are for following changes; the whole
# history is in the downloads and on the "What changed" page.
FEED_LIMIT = 500


def _stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Entry:
    """An item as an Atom entry in one language (what every feed it is in prints)."""

    id: str
    title: str
    stamp: str
    link: str
    what: str
    label: str
    summary: str


def feed_entry(r: Renderer, item: Item) -> Entry:
    when = datetime(item.day.year, item.day.month, item.day.day, tzinfo=UTC)
    return Entry(stable_id(r.lang, item.what, item.record_id), item.title, _stamp(when),
                 r.permalink(item.record_id), item.what, r.ui(f"feeds.kind.{item.what}"), item.summary)


def atom_feed(r: Renderer, *, title: str, feed_url: str, home_url: str, updated: datetime,
              entries: list[Item] | None = None, key: tuple[str, ...] = (),
              made: dict[tuple[str, str], Entry] | None = None) -> bytes:
    """The Atom (RFC 4287) feed of one language (the whole site's, or, with `entries` and
    a `key` such as ("person", id), one subject's), from the autoescaped `atom.xml`.
    `made` keeps each item's entry for the other feeds of the same language it is in
    (an update is in the site's feed, its body's and its lead organization's)."""
    shown: list[Entry] = []
    for item in (items(r) if entries is None else entries)[:FEED_LIMIT]:
        ref = (item.what, item.record_id)
        entry = made.get(ref) if made is not None else None
        if entry is None:
            entry = feed_entry(r, item)
            if made is not None:
                made[ref] = entry
        shown.append(entry)
    xml = r.render("atom.xml", feed_id=stable_id(r.lang, "feed", *key), title=title, updated=_stamp(updated),
                   feed_url=feed_url, home_url=home_url, entries=shown)
    return xml.encode("utf-8") + b"\n"


def subject_items(r: Renderer, every: list[Item]) -> dict[tuple[str, str], list[Item]]:
    """Each person's and organization's happenings (newest first, as `every` is): what
    they did or what was done in them. An organization's feed includes its body's."""
    ds = r.dataset
    post_org = {p.id: p.organization_id for p in ds.posts}
    found: dict[tuple[str, str], list[Item]] = {}
    for item in every:
        record = ds.get(item.record_id)
        people: set[str | None] = set()
        orgs: set[str | None] = {r.indexes.owner.get(item.record_id)}
        if item.what.startswith("membership"):
            people.add(record.person_id)
            orgs.add(record.organization_id)
        elif item.what == "event":
            people.add(record.chair_id)
            orgs.add(record.organization_id)
        elif item.what == "document":
            people.add(record.signer_id)
            orgs.add(post_org.get(record.issuer_id or "", record.issuer_id))
        elif item.what == "update":
            target = ds.get(record.task_id) if record.task_id else None
            orgs.add(target.lead_id if target is not None else None)
        for pid in people - {None}:
            found.setdefault(("person", str(pid)), []).append(item)
        for oid in orgs - {None}:
            found.setdefault(("organization", str(oid)), []).append(item)
    return found


def _all_day(value: str) -> tuple[date, date]:
    """All-day span of a partial date: its first day to the day after its last day."""
    first, last = date_bounds(value)
    return first, last + timedelta(days=1)


def icalendar_file(r: Renderer, *, name: str, stamp: datetime) -> bytes:
    """The RFC 5545 calendar of meetings (events) and task due dates in one language:
    all-day VEVENTs, TEXT values escaped, lines folded at 75 octets, CRLF."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//opencommittee//open committee site//EN",
             "CALSCALE:GREGORIAN", "X-WR-CALNAME:" + _ical_text(name)]
    entries: list[tuple[str, str, str, str, str]] = []
    for event in r.dataset.events:
        kind = r.ui(f"vocab.event_class.{event.classification.value}")
        entries.append((event.date, event.id, "event", _plain(r.tx(event.title)), kind))
    for task in r.dataset.tasks:
        if task.due_date:
            entries.append((task.due_date, task.id, "task_due",
                            r.ui("feeds.task_due", task=_plain(r.tx(task.title))), r.ui("feeds.kind.task_due")))
    dtstamp = stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    for when, record_id, what, summary, category in sorted(entries):
        start, end = _all_day(when)
        description = category
        if len(when) < 10:
            description += " · " + r.ui("feeds.partial_date", date=r.date(when) or when)
        lines += ["BEGIN:VEVENT", "SUMMARY:" + _ical_text(summary),
                  f"DTSTART;VALUE=DATE:{start:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}",
                  "DTSTAMP:" + dtstamp, f"UID:{what}.{record_id}.{r.lang}@opencommittee",
                  "DESCRIPTION:" + _ical_text(description), "TRANSP:TRANSPARENT",
                  "URL:" + r.permalink(record_id), "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return b"".join(_folded(line) for line in lines)


# RFC 5545 3.3.11: a TEXT value with its backslashes, semicolons, commas and line breaks
# escaped.
def _ical_text(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


# RFC 5545 3.1: a content line in UTF-8, folded so that no line is longer than 75 octets
# (a continuation starts with a space), never inside a character; CRLF after each line.
def _folded(line: str) -> bytes:
    data = line.encode("utf-8")
    if len(data) <= 75:
        return data + b"\r\n"
    out, start, limit = [], 0, 75
    while len(data) - start > limit:
        cut = start + limit
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            cut -= 1
        out.append(data[start:cut])
        start, limit = cut, 74  # a folded line begins with a space
    out.append(data[start:])
    return b"\r\n ".join(out) + b"\r\n"
