"""Atom and iCalendar writers on small data: partial dates, membership entries, escaping,
and the newest-entries limit of the feed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import feedparser
from icalendar import Calendar

from conftest import EPOCH, UNIT_SITE_URL, make_context
from opencommittee.devtools.synthetic import write
from opencommittee.load.clock import build_time
from opencommittee.publish import feeds
from opencommittee.publish.feeds import FEED_LIMIT, atom_feed, icalendar_file
from opencommittee.render.renderer import Renderer

SITE_URL = UNIT_SITE_URL


def test_partial_and_due_dates_in_feeds(data_copy: Path) -> None:
    """A task due "2020" spans the year in the calendar; a membership start is an entry."""
    tasks = data_copy / "tasks.yml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace(
        "  assigned_date: 2014-08-25\n", "  assigned_date: 2014-08-25\n  due_date: 2020\n", 1), encoding="utf-8")
    members = data_copy / "memberships.yml"
    members.write_text(members.read_text(encoding="utf-8").replace(
        "  role: vice_chairman\n", "  role: vice_chairman\n  start_date: 2011-05\n  end_date: 2015-10-01\n", 1), encoding="utf-8")
    r = Renderer(make_context(data_copy, as_of=date(2025, 1, 1)), "en")
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
    data = tmp_path / "data"
    write(data, scale=10)
    r = Renderer(make_context(data), "en")
    every = feeds.items(r)
    assert len(every) > FEED_LIMIT
    parsed = feedparser.parse(feeds.atom_feed(r, title="t", feed_url=SITE_URL + "feed.xml", home_url=SITE_URL, updated=EPOCH))
    assert len(parsed.entries) == FEED_LIMIT
    assert [e.id for e in parsed.entries] == [feeds.stable_id("en", i.what, i.record_id) for i in every[:FEED_LIMIT]]


def test_calendar_escapes_text_and_folds_lines_between_characters(data_copy: Path) -> None:
    # A meeting title with RFC 5545's special characters and a long Vietnamese text: the
    # reader gets it back as written; no line is over 75 octets or cut inside a character.
    title = "Họp; bàn, \\ việc " + "đổi mới giáo dục và đào tạo " * 6
    events = data_copy / "events.yml"
    text = events.read_text(encoding="utf-8")
    first = text.split("  title:\n    vi: ", 1)[1].split("\n", 1)[0]
    events.write_text(text.replace(first, '"' + title.replace("\\", "\\\\") + '"', 1), encoding="utf-8")
    r = Renderer(make_context(data_copy), "vi")
    data = icalendar_file(r, name="Lịch; họp, ban", stamp=EPOCH)
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")  # raises if a fold cut a character
    cal = Calendar.from_ical(data)
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert title in summaries
    assert b"X-WR-CALNAME:L\xe1\xbb\x8bch\\; h\xe1\xbb\x8dp\\, ban\r\n" in data
