"""Issue 4, acceptance 3: both Atom feeds parse without errors and every entry links to an
existing permalink (file and anchor) in the built site; the iCalendar file parses.
Dates written by the build follow SOURCE_DATE_EPOCH (1764201600 = 2025-11-27)."""

from __future__ import annotations

from datetime import date

import feedparser
import pytest
from icalendar import Calendar
from test_opendata import LANG_ROOTS, parse, resolve

from conftest import DATA, EPOCH, Served
from opencommittee.model.loader import load_dataset
from opencommittee.publish.feeds import FEED_LIMIT


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_atom_feed_parses_and_every_entry_links_to_a_permalink(site: Served, dataset, lang: str) -> None:
    built_site, SITE_URL = site.dir, site.url
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
        target, anchor = resolve(site, entry.link)
        assert target.is_file(), entry.link
        assert anchor and anchor in parse(target).ids, entry.link
        assert entry.title and entry.updated_parsed
    # Newest first; dates are the records' own dates, never the build date.
    days = [date(*e.updated_parsed[:3]) for e in feed.entries]
    assert days == sorted(days, reverse=True)
    assert date(2014, 8, 25) in days and EPOCH.date() not in days
    titles = " ".join(e.title for e in feed.entries)
    assert ("Conference" in titles) == (lang == "en") and ("Hội nghị" in titles) == (lang == "vi")


def test_feed_entry_ids_are_stable_and_language_specific(site: Served) -> None:
    built_site = site.dir
    vi = feedparser.parse((built_site / "feed.xml").read_bytes())
    en = feedparser.parse((built_site / "en" / "feed.xml").read_bytes())
    assert not set(e.id for e in vi.entries) & set(e.id for e in en.entries)
    from opencommittee.publish.feeds import stable_id

    assert stable_id("en", "event", "hoi-nghi-trien-khai-2014-08-25") in {e.id for e in en.entries}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_icalendar_parses_with_meetings_and_due_dates(site: Served, dataset, lang: str) -> None:
    built_site = site.dir
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
        target, anchor = resolve(site, str(event["URL"]))
        assert anchor in parse(target).ids
    meeting = next(e for e in events if "hoi-nghi-trien-khai-2014-08-25" in str(e["UID"]))
    assert meeting.decoded("DTSTART") == date(2014, 8, 25)
