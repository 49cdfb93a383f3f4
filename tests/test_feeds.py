"""Issue 4, acceptance 3: both Atom feeds parse without errors and every entry links to an
existing permalink (file and anchor) in the built site; the iCalendar file parses.
Dates written by the build follow SOURCE_DATE_EPOCH (1764201600 = 2025-11-27)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import feedparser
import pytest
from icalendar import Calendar
from test_opendata import DATA, LANG_ROOTS, SITE_URL, parse, resolve

from opencommittee.dataset import load_dataset
from opencommittee.feeds import FEED_LIMIT

EPOCH = datetime.fromtimestamp(1764201600, UTC)


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_atom_feed_parses_and_every_entry_links_to_a_permalink(built_site: Path, dataset, lang: str) -> None:
    feed = feedparser.parse((built_site / LANG_ROOTS[lang] / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.language == lang if "language" in feed.feed else True
    assert feed.feed.updated_parsed[:6] == EPOCH.timetuple()[:6]
    assert feed.feed.link == SITE_URL + LANG_ROOTS[lang]
    # One entry per dated happening: events, issued documents, membership starts/ends, updates.
    expected = (
        len(dataset.events)
        + sum(1 for d in dataset.documents if d.issue_date)
        + sum(bool(m.start_date) + bool(m.end_date) for m in dataset.memberships)
        + len(dataset.updates)
    )
    assert len(feed.entries) == min(expected, FEED_LIMIT) > 0
    ids = [entry.id for entry in feed.entries]
    assert len(set(ids)) == len(ids)
    for entry in feed.entries:
        target, anchor = resolve(built_site, entry.link)
        assert target.is_file(), entry.link
        assert anchor and anchor in parse(target).ids, entry.link
        assert entry.title and entry.updated_parsed
    # Newest first; dates are the records' own dates, never the build date.
    days = [date(*e.updated_parsed[:3]) for e in feed.entries]
    assert days == sorted(days, reverse=True)
    assert date(2014, 8, 25) in days and EPOCH.date() not in days
    titles = " ".join(e.title for e in feed.entries)
    assert ("Conference" in titles) == (lang == "en") and ("Hội nghị" in titles) == (lang == "vi")


def test_feed_entry_ids_are_stable_and_language_specific(built_site: Path) -> None:
    vi = feedparser.parse((built_site / "feed.xml").read_bytes())
    en = feedparser.parse((built_site / "en" / "feed.xml").read_bytes())
    assert not set(e.id for e in vi.entries) & set(e.id for e in en.entries)
    from opencommittee.feeds import stable_id

    assert stable_id("en", "event", "hoi-nghi-trien-khai-2014-08-25") in {e.id for e in en.entries}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_icalendar_parses_with_meetings_and_due_dates(built_site: Path, dataset, lang: str) -> None:
    data = (built_site / LANG_ROOTS[lang] / "calendar.ics").read_bytes()
    assert b"\r\n" in data  # RFC 5545 line endings
    calendar = Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == len(dataset.events) + sum(1 for t in dataset.tasks if t.due_date)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    for event in events:
        assert event.decoded("DTSTAMP") == EPOCH
        assert event.decoded("DTEND") > event.decoded("DTSTART")
        target, anchor = resolve(built_site, str(event["URL"]))
        assert anchor in parse(target).ids
    meeting = next(e for e in events if "hoi-nghi-trien-khai-2014-08-25" in str(e["UID"]))
    assert meeting.decoded("DTSTART") == date(2014, 8, 25)


def test_partial_and_due_dates_in_feeds(data_copy: Path) -> None:
    """A task due "2020" spans the year in the calendar; a membership start is an entry."""
    from opencommittee.asof import build_time
    from opencommittee.feeds import atom_feed, icalendar_file
    from opencommittee.render import Renderer

    tasks = data_copy / "tasks.yml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace(
        "  assigned_date: 2014-08-25\n", "  assigned_date: 2014-08-25\n  due_date: 2020\n", 1), encoding="utf-8")
    members = data_copy / "memberships.yml"
    members.write_text(members.read_text(encoding="utf-8").replace(
        "  role: vice_chairman\n", "  role: vice_chairman\n  start_date: 2011-05\n  end_date: 2015-10-01\n", 1), encoding="utf-8")
    ds = load_dataset(data_copy)
    r = Renderer(dataset=ds, lang="en", as_of=date(2025, 1, 1), site_url=SITE_URL)
    stamp = build_time({"SOURCE_DATE_EPOCH": "1764201600"})
    cal = Calendar.from_ical(icalendar_file(r, name="x", stamp=stamp))
    due = next(e for e in cal.walk("VEVENT") if str(e["UID"]).startswith("task_due."))
    assert due.decoded("DTSTART") == date(2020, 1, 1) and due.decoded("DTEND") == date(2021, 1, 1)
    assert "2020" in str(due["DESCRIPTION"])
    feed = feedparser.parse(atom_feed(r, title="t", feed_url=SITE_URL + "en/feed.xml", home_url=SITE_URL + "en/", updated=stamp))
    assert not feed.bozo
    kinds = {e.tags[0].term: e for e in feed.entries}
    assert {"membership_start", "membership_end"} <= set(kinds)
    assert kinds["membership_start"].updated_parsed[:3] == (2011, 5, 1)
    assert "Tô Hùng Khoa" in kinds["membership_end"].title
    # Text from data is escaped by the XML writer, never markup.
    assert "<script>" not in atom_feed(r, title="<script>", feed_url="x", home_url="y", updated=stamp).decode()


def test_feed_keeps_the_newest_entries_up_to_the_limit(tmp_path: Path) -> None:
    from opencommittee import feeds
    from opencommittee.render import Renderer
    from opencommittee.synthetic import write

    data = tmp_path / "data"
    write(data, scale=10)
    r = Renderer(dataset=load_dataset(data), lang="en", as_of=EPOCH.date(), site_url=SITE_URL)
    every = feeds.items(r)
    assert len(every) > FEED_LIMIT
    parsed = feedparser.parse(feeds.atom_feed(r, title="t", feed_url=SITE_URL + "feed.xml", home_url=SITE_URL, updated=EPOCH))
    assert len(parsed.entries) == FEED_LIMIT
    assert [e.id for e in parsed.entries] == [feeds.stable_id("en", i.what, i.record_id) for i in every[:FEED_LIMIT]]
