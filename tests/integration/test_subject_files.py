"""Pages for people, organizations and years in the built site (issue 12, items 3 and 5):
both languages, kept out of the navigation, listed in the sitemaps, with JSON-LD, and with
a per-person and per-organization Atom feed linked from the page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
import pytest
from htmlkit import links_of

from conftest import DATA, Served
from opencommittee.model.loader import load_dataset
from opencommittee.publish import sitemaps

DATASET = load_dataset(DATA)
PAGES = ([f"people/{p.id}/" for p in DATASET.people] + [f"organizations/{o.id}/" for o in DATASET.organizations]
         + ["years/", "years/2013/", "years/2014/", "committees/"])


@pytest.mark.parametrize("lang", ["", "en/"])
def test_every_person_organization_and_year_has_a_page(built_site: Path, lang: str) -> None:
    for path in PAGES:
        assert (built_site / lang / path / "index.html").is_file(), lang + path


def test_subject_pages_stay_out_of_the_navigation_and_are_in_the_sitemaps(site: Served) -> None:
    home = (site.dir / "index.html").read_text(encoding="utf-8")
    nav = home.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "people/" not in nav and "organizations/" not in nav and "years/2014/" not in nav
    for prefix in ("", "en/"):
        locs = set(sitemaps.page_urls(site.dir, site.url, prefix))
        for path in PAGES:
            assert site.url + prefix + path in locs, (prefix, path)


@pytest.mark.parametrize(("path", "kind"), [("people/to-hung-khoa/", "Person"), ("organizations/ubnd-tinh/", "GovernmentOrganization"),
                                           ("organizations/ban-thuong-vu-tinh-uy/", "Organization")])
@pytest.mark.parametrize("lang", ["", "en/"])
def test_subject_pages_carry_json_ld(built_site: Path, path: str, kind: str, lang: str) -> None:
    parsed = links_of(built_site / lang / path / "index.html")
    graph = json.loads(parsed.jsonld[0])["@graph"]
    node = next(n for n in graph if n["@type"] == kind)
    assert node["@id"].endswith(lang + path)


@pytest.mark.parametrize("path", ["people/to-hung-khoa/", "organizations/ban-chi-dao-doi-moi-gddt/"])
@pytest.mark.parametrize("lang", ["", "en/"])
def test_subject_feed_is_linked_and_valid(site: Served, path: str, lang: str) -> None:
    page = site.dir / lang / path / "index.html"
    assert 'href="feed.xml" type="application/atom+xml"' in page.read_text(encoding="utf-8")
    feed = feedparser.parse((site.dir / lang / path / "feed.xml").read_bytes())
    assert not feed.bozo and feed.entries
    assert feed.feed.link == site.url + lang + path
    # The conference the person chaired / the body held is in both feeds.
    assert any("hoi-nghi-trien-khai-2014-08-25" in e.link for e in feed.entries)


@pytest.mark.parametrize("lang", ["", "en/"])
def test_committee_profile_links_the_bodys_feed(site: Served, lang: str) -> None:
    """"What changed for this body": the profile links the body's own Atom feed."""
    html = (site.dir / lang / "committee" / "index.html").read_text(encoding="utf-8")
    href = re.search(r'<a href="([^"]+/feed\.xml)" type="application/atom\+xml">', html)
    assert href, "no feed link on the profile"
    target = (site.dir / lang / "committee" / href.group(1)).resolve()
    assert target == (site.dir / lang / "organizations" / "ban-chi-dao-doi-moi-gddt" / "feed.xml").resolve()
    feed = feedparser.parse(target.read_bytes())
    assert not feed.bozo and feed.entries
