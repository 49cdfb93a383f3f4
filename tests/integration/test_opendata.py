"""Issue 4: downloads (JSON + schema, CSV, Popolo), the Open data page, citations,
JSON-LD, Open Graph and the sitemap, checked on the built site.

Acceptance 1: loading the JSON export gives back exactly the records of data/ (same count
and content per collection); each CSV has one row per record.
Acceptance 2: the Popolo export validates against the official Popolo schemas.
Acceptance 5: JSON-LD on the committee, members and events pages parses and uses
schema.org types.
Acceptance 6: every download link on the Open data page resolves in the built site.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlparse

import pytest
from jsonschema import Draft3Validator, Draft202012Validator

from conftest import DATA, ROOT, Served
from opencommittee.load.strict_yaml import load_yaml
from opencommittee.model.records import COLLECTIONS

# The official Popolo schemas (popolo-project/popolo-spec `schemas/`, CC BY 4.0), copied
# unchanged into the repository so that this check runs everywhere, CI included.
POPOLO_SCHEMAS = ROOT / "tests" / "fixtures" / "popolo-schemas"
LANG_ROOTS = {"vi": "", "en": "en/"}
# Keys whose values are dates: a bare year (2015) is read by YAML as a number.
DATE_KEYS = re.compile(r"(^|_)(date|as_of|published|accessed|period_start|period_end)$")


# --- helpers -----------------------------------------------------------------------------


class _Links(HTMLParser):
    """Collects <a href>, ids, and <script type=application/ld+json> bodies."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, dict[str, str]]] = []
        self.ids: set[str] = set()
        self.jsonld: list[str] = []
        self.meta: list[dict[str, str]] = []
        self.head_links: list[dict[str, str]] = []
        self._in_ld = False
        self._classes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append((a["href"], {**a, "_within": " ".join(self._classes)}))
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_ld = True
            self.jsonld.append("")
        if tag == "meta":
            self.meta.append(a)
        if tag == "link":
            self.head_links.append(a)
        if tag in ("table", "section", "div", "aside"):
            self._classes.append(a.get("class", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_ld = False
        if tag in ("table", "section", "div", "aside") and self._classes:
            self._classes.pop()

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.jsonld[-1] += data


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page(site: Path, lang: str, path: str) -> Path:
    return site / LANG_ROOTS[lang] / path / "index.html"


def resolve(site: Served, url: str) -> tuple[Path, str]:
    """The file an absolute site URL points to, and its fragment."""
    parsed = urlparse(url)
    assert url.startswith(site.url), url
    rel = unquote(parsed.path)[len(urlparse(site.url).path):]
    target = site.dir / rel
    if rel == "" or rel.endswith("/"):
        target = target / "index.html"
    return target, parsed.fragment


def _same(raw: Any, exported: Any, key: str = "") -> bool:
    """The exported value equals the YAML value (bare-year dates written as strings)."""
    if isinstance(raw, dict):
        return isinstance(exported, dict) and list(raw) == list(exported) and all(
            _same(raw[k], exported[k], k) for k in raw
        )
    if isinstance(raw, list):
        return isinstance(exported, list) and len(raw) == len(exported) and all(
            _same(a, b, key) for a, b in zip(raw, exported, strict=True)
        )
    if isinstance(raw, int) and not isinstance(raw, bool) and DATE_KEYS.search(key):
        return exported == str(raw)
    return type(raw) is type(exported) and raw == exported


def raw_collections() -> dict[str, list[Any]]:
    out = {}
    for name in COLLECTIONS:
        loaded, problems = load_yaml(DATA / f"{name}.yml", f"data/{name}.yml")
        assert loaded is not None and not problems
        out[name] = loaded.value or []
    return out


# --- acceptance 1: JSON and CSV --------------------------------------------------------------


def test_json_export_round_trips_to_the_records_of_data(site: Served) -> None:
    built_site = site.dir
    exported = json.loads((built_site / "downloads" / "opencommittee.json").read_text(encoding="utf-8"))
    assert exported["format_version"] and exported["format"] == "opencommittee-dataset"
    assert exported["licence"] == "CC-BY-4.0"
    raw = raw_collections()
    assert set(exported["collections"]) == set(raw) == set(COLLECTIONS)
    for name, records in raw.items():
        got = exported["collections"][name]
        assert len(got) == len(records), name
        for a, b in zip(records, got, strict=True):
            assert _same(a, b), (name, a.get("id"))
    # A bare year (plans.period_start: 2015) is a string in the export, like every date.
    plan = exported["collections"]["plans"][0]
    assert plan["period_start"] == "2015" and plan["period_end"] == "2020"
    # Nothing added: no key that is not in the YAML.
    assert "weight" not in exported["collections"]["tasks"][0]


def test_json_export_is_valid_against_its_json_schema(site: Served) -> None:
    built_site = site.dir
    schema = json.loads((built_site / "downloads" / "opencommittee.schema.json").read_text(encoding="utf-8"))
    document = json.loads((built_site / "downloads" / "opencommittee.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    Draft202012Validator(schema).validate(document)
    # The schema rejects what the models reject: an unknown field, a malformed date.
    bad = json.loads(json.dumps(document))
    bad["collections"]["people"][0]["nmae"] = "x"
    assert list(Draft202012Validator(schema).iter_errors(bad))
    bad = json.loads(json.dumps(document))
    bad["collections"]["events"][0]["date"] = "25/08/2014"
    assert list(Draft202012Validator(schema).iter_errors(bad))


def test_each_csv_has_one_row_per_record_with_bom(site: Served) -> None:
    built_site = site.dir
    raw = raw_collections()
    for name, records in raw.items():
        data = (built_site / "downloads" / f"{name}.csv").read_bytes()
        assert data.startswith(b"\xef\xbb\xbf"), name
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
        assert len(rows) == len(records), name
        assert [r["id"] for r in rows] == [r["id"] for r in records], name
    events = list(csv.DictReader(io.StringIO((built_site / "downloads" / "events.csv").read_bytes().decode("utf-8-sig"), newline="")))
    event = raw["events"][0]
    # The documented flattening rule: texts by language, numbered nested records, ids joined.
    assert events[0]["title.vi"] == event["title"]["vi"]
    assert events[0]["agenda.1.id"] == event["agenda"][0]["id"]
    assert events[0]["agenda.4.title.en"] == event["agenda"][3]["title"]["en"]
    assert events[0]["outcomes.2.assignee_ids"] == "; ".join(event["outcomes"][1]["assignee_ids"])
    assert events[0]["sources"] == "; ".join(event["sources"])


# --- acceptance 2: Popolo --------------------------------------------------------------------


def popolo_validators() -> dict[str, Draft3Validator]:
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT3

    resources = []
    schemas = {}
    for file in sorted(POPOLO_SCHEMAS.glob("*.json")):
        schema = json.loads(file.read_text(encoding="utf-8"))
        schemas[file.stem] = schema
        resource = Resource.from_contents(schema, default_specification=DRAFT3)
        resources += [(schema["id"], resource), (schema["id"].rstrip("#"), resource)]
    registry = Registry().with_resources(resources)
    return {
        name: Draft3Validator(schema, registry=registry, format_checker=Draft3Validator.FORMAT_CHECKER)
        for name, schema in schemas.items()
    }


def test_popolo_export_validates_against_the_official_schemas(site: Served) -> None:
    built_site = site.dir
    validators = popolo_validators()
    Draft3Validator.check_schema(json.loads((POPOLO_SCHEMAS / "person.json").read_text(encoding="utf-8")))
    popolo = json.loads((built_site / "downloads" / "popolo.json").read_text(encoding="utf-8"))
    raw = raw_collections()
    classes = {"persons": ("person", "people"), "organizations": ("organization", "organizations"),
               "memberships": ("membership", "memberships"), "posts": ("post", "posts"),
               "events": ("event", "events")}
    for key, (schema, collection) in classes.items():
        assert len(popolo[key]) == len(raw[collection]), key
        for item in popolo[key]:
            errors = [e.message for e in validators[schema].iter_errors(item)]
            assert not errors, (key, item.get("id"), errors)
            assert item["sources"], (key, item["id"])
    # The validators do check: a broken membership is refused (through $ref'd link schema too).
    bad = {"id": 1, "start_date": "25/08/2014", "sources": [{"note": "no url"}]}
    assert len(list(validators["membership"].iter_errors(bad))) == 3
    # Multilingual names: default language in `name`, translations tagged with their language.
    committee = next(o for o in popolo["organizations"] if o["classification"] == "steering_committee")
    assert committee["name"].startswith("Ban chỉ đạo")
    assert {"lang": "en", "note": "multilingual"}.items() <= next(n for n in committee["other_names"] if n.get("lang") == "en").items()
    assert all(p["label_en"] for p in popolo["posts"])


# --- acceptance 5: JSON-LD, Open Graph ------------------------------------------------------------


def jsonld_types(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        kind = node.get("@type")
        found |= set(kind if isinstance(kind, list) else [kind] if kind else [])
        for value in node.values():
            found |= jsonld_types(value)
    elif isinstance(node, list):
        for value in node:
            found |= jsonld_types(value)
    return found


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("path", "expected"), [
    ("committee", {"GovernmentOrganization"}),
    ("members", {"Person", "OrganizationRole"}),
    ("events", {"Event"}),
    ("documents", {"Legislation"}),
])
def test_jsonld_on_record_pages_uses_schema_org_types(site: Served, lang: str, path: str, expected: set[str]) -> None:
    built_site = site.dir
    parsed = parse(page(built_site, lang, path))
    assert len(parsed.jsonld) == 1
    data = json.loads(parsed.jsonld[0])
    assert data["@context"] == "https://schema.org"
    types = jsonld_types(data)
    assert expected <= types, types
    assert {"WebPage", "WebSite"} <= types
    for node in data["@graph"]:
        assert node.get("inLanguage", lang) == lang
        if "@id" in node and "#" in node["@id"]:
            target, anchor = resolve(site, node["@id"])
            assert anchor in parse(target).ids, node["@id"]
    # Names follow the page's language.
    if path == "events" and lang == "en":
        event = next(n for n in data["@graph"] if n["@type"] == "Event")
        assert event["name"].startswith("Conference") and event["startDate"] == "2014-08-25"


def test_open_graph_and_feed_links_in_every_page_head(site: Served) -> None:
    built_site, SITE_URL = site.dir, site.url
    pages = sorted(built_site.rglob("index.html"))
    assert len(pages) >= 20
    for path in pages:
        parsed = parse(path)
        props = {m.get("property"): m.get("content") for m in parsed.meta if m.get("property")}
        assert props.get("og:title") and props.get("og:url", "").startswith(SITE_URL), path
        assert props.get("og:locale") in ("vi_VN", "en_GB"), path
        feeds = [link for link in parsed.head_links if link.get("type") == "application/atom+xml"]
        assert len(feeds) == 1 and feeds[0].get("rel") == "alternate", path
        target = (path.parent / feeds[0]["href"]).resolve()
        assert target.is_file() and target.name == "feed.xml", path
        lang = "en" if path.is_relative_to(built_site / "en") else "vi"
        assert target == (built_site / LANG_ROOTS[lang] / "feed.xml").resolve(), path


# --- acceptance 6: Open data page --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_download_link_on_the_open_data_page_resolves(site: Served, lang: str) -> None:
    built_site = site.dir
    path = page(built_site, lang, "open-data")
    parsed = parse(path)
    downloads = [href for href, attrs in parsed.links if "oc-downloads" in attrs["_within"]]
    expected = {f"{name}.csv" for name in COLLECTIONS} | {
        "opencommittee.json", "opencommittee.schema.json", "popolo.json", "feed.xml", "calendar.ics",
    }
    assert {href.rsplit("/", 1)[-1] for href in downloads} == expected
    assert len(downloads) == len(COLLECTIONS) + 3 + 2 * 2  # feeds and calendars of both languages
    html = path.read_text(encoding="utf-8")
    body = html.split('class="oc-block oc-opendata"', 1)[1]
    for href in downloads:
        target = Path(unquote(urljoin(f"file://{path.parent}/", href).removeprefix("file://")))
        assert target.is_file(), href
        # The size shown is the size of the file.
        assert f'<data value="{target.stat().st_size}">' in body.split(f'href="{href}"', 1)[1].split("</tr>", 1)[0]
    assert "https://creativecommons.org/licenses/by/4.0/" in html and "CC BY 4.0" in html
    # The data dictionary lists every field of every model, with type, description and "required".
    from opencommittee.model.fields import dictionary

    for name in COLLECTIONS:
        section = html.split(f'id="dict-{name}"', 1)[1].split("</table>", 1)[0]
        for field in dictionary(name):
            row = section.split(f"<code>{field.path}</code>", 1)
            assert len(row) == 2, (name, field.path)
            cells = re.findall(r"<td>(.*?)</td>", row[1].split("</tr>", 1)[0])
            assert len(cells) == 3 and all(c.strip() for c in cells), (name, field.path, cells)


def test_sitemap_lists_both_languages_with_hreflang(site: Served) -> None:
    built_site, SITE_URL = site.dir, site.url
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    index = ET.parse(built_site / "sitemap.xml").getroot()
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex" and not index.findall("s:url", ns)
    # The root index leads to every language's parts; each part keeps the hreflang alternates.
    urls = {}
    for part in index.findall("s:sitemap", ns):
        loc = part.findtext("s:loc", namespaces=ns)
        assert loc.startswith(SITE_URL) and part.findtext("s:lastmod", namespaces=ns)
        root = ET.parse(built_site / loc.removeprefix(SITE_URL)).getroot()
        urls.update({u.findtext("s:loc", namespaces=ns): u for u in root.findall("s:url", ns)})
    assert (built_site / "sitemap.xml").stat().st_size < 2_000
    assert not (built_site / "sitemap.xml.gz").exists()
    for path in ("", "open-data/", "changes/", "members/"):
        for lang, prefix in LANG_ROOTS.items():
            loc = SITE_URL + prefix + path
            assert loc in urls, loc
            alternates = {a.get("hreflang"): a.get("href") for a in urls[loc].findall("x:link", ns)}
            assert alternates == {code: SITE_URL + p + path for code, p in LANG_ROOTS.items()}, (loc, lang)


# --- citations -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("path", ["committee", "members", "documents", "events", "plan", "sources"])
def test_cite_this_block_on_record_pages(site: Served, lang: str, path: str) -> None:
    built_site, SITE_URL = site.dir, site.url
    html = page(built_site, lang, path).read_text(encoding="utf-8")
    block = html.split('<aside class="oc-cite"', 1)[1].split("</aside>", 1)[0]
    permalink = SITE_URL + LANG_ROOTS[lang] + path + "/"
    assert f'href="{permalink}"' in block
    assert '<time datetime="2025-11-27">' in block  # SOURCE_DATE_EPOCH=1764201600
    title = {"vi": "Trích dẫn trang này", "en": "Cite this page"}[lang]
    assert title in block
    assert re.search(r'data-commit="[0-9a-f]{40}"', block) or "oc-unknown" in block
