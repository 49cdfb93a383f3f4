"""Issue 2: every record in both languages, the sourced facts, unknowns, the English
fallback marker, language attributes, heading slugs and the ProperDocs build."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import DATA, build_site
from opencommittee.locale import catalog, flat_keys
from opencommittee.text import slugify

ARTICLE = "https://baolangson.vn/xa-hoi/giao-duc/92029-thanh-lap-ban-chi-dao-doi-moi-gd-dt-tinh-lang-son.html"
SOURCE_ID = "bao-lang-son-thanh-lap-ban-chi-dao"


class Elements(HTMLParser):
    """Collects, per element id, the element's inner HTML text and all its hrefs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.text: dict[str, list[str]] = {}
        self.hrefs: dict[str, list[str]] = {}
        self.attrs_of: dict[str, dict[str, str | None]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("br", "img", "meta", "link", "input", "hr"):
            if a.get("href"):
                self._href(a["href"])
            return
        self.stack.append((tag, a.get("id")))
        if a.get("id"):
            self.text.setdefault(a["id"], [])
            self.hrefs.setdefault(a["id"], [])
            self.attrs_of[a["id"]] = a
        if a.get("href"):
            self._href(a["href"])

    def _href(self, href: str) -> None:
        for _tag, eid in self.stack:
            if eid:
                self.hrefs[eid].append(href)

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        for _tag, eid in self.stack:
            if eid:
                self.text[eid].append(data)


def parse(path: Path) -> Elements:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def all_ids(data: Path) -> set[str]:
    ids: set[str] = set()
    for file in data.glob("*.yml"):
        for record in yaml.safe_load(file.read_text(encoding="utf-8")) or []:
            ids.add(record["id"])
            for nested in ("agenda", "outcomes"):
                ids |= {item["id"] for item in record.get(nested, [])}
    return ids


def pages(site: Path, lang: str) -> list[Path]:
    root = site if lang == "vi" else site / lang
    found = [p for p in root.rglob("index.html")]
    if lang == "vi":
        found = [p for p in found if p.relative_to(site).parts[0] not in ("en",)]
    return found


def element(site: Path, lang: str, record_id: str) -> tuple[str, list[str]]:
    """Text and hrefs of the element with this id, wherever it is in a language tree."""
    for page in pages(site, lang):
        parsed = parse(page)
        if record_id in parsed.text:
            return " ".join("".join(parsed.text[record_id]).split()), parsed.hrefs[record_id]
    raise AssertionError(f"no element with id {record_id} in the {lang} site")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_record_has_an_element_with_its_id(built_site: Path, lang: str) -> None:
    seen: set[str] = set()
    for page in pages(built_site, lang):
        seen |= set(re.findall(r'\sid="([^"]+)"', page.read_text(encoding="utf-8")))
    missing = all_ids(DATA) - seen
    assert not missing, f"{lang}: records without an element: {sorted(missing)}"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_record_shows_its_source(built_site: Path, lang: str) -> None:
    # Every top-level record that cites the article links to it (sources page + original).
    for file in DATA.glob("*.yml"):
        for record in yaml.safe_load(file.read_text(encoding="utf-8")) or []:
            if SOURCE_ID not in record.get("sources", []):
                continue
            _text, hrefs = element(built_site, lang, record["id"])
            assert any(h.endswith(f"#{SOURCE_ID}") for h in hrefs), (lang, record["id"])
            assert ARTICLE in hrefs, (lang, record["id"])


FACTS = {
    # record id -> texts that must appear in its element (vi, en)
    "qd-1027-qd-ubnd": (["1027/QĐ-UBND", "2 tháng 7, 2014", "Chủ tịch UBND tỉnh", "chưa có thông tin"],
                        ["1027/QĐ-UBND", "July 2, 2014", "Chairman of the Provincial People's Committee", "not yet published"]),
    # Known only as of the conference: never presented as serving today.
    "to-hung-khoa-pho-truong-ban-thuong-truc": (["Tô Hùng Khoa", "Phó Trưởng ban Thường trực", "tính đến 25 tháng 8, 2014; chưa có thông tin về tình trạng hiện nay"],
                                                ["Tô Hùng Khoa", "Standing Deputy Head", "as of August 25, 2014; current status not published"]),
    "to-hung-khoa-pho-chu-tich-ubnd": (["Phó Chủ tịch", "tính đến 25 tháng 8, 2014"], ["Vice Chairman", "as of August 25, 2014"]),
    "to-hung-khoa-uy-vien-ban-thuong-vu": (["Ủy viên Ban Thường vụ"], ["Member of the Standing Board"]),
    "truong-ban-chu-tich-ubnd": (["chưa công bố họ tên", "Chủ tịch UBND tỉnh", "chưa có thông tin về tình trạng hiện nay"], ["name not yet published", "Chairman of the Provincial People's Committee", "current status not published"]),
    "hoi-nghi-trien-khai-2014-08-25": (["25 tháng 8, 2014", "Tô Hùng Khoa", "chưa công bố kết quả"], ["August 25, 2014", "Tô Hùng Khoa", "outcome not published"]),
    "giao-so-gddt-soan-thao-ke-hoach": (["Chương trình 100", "trong năm 2015 và đến 2020"], ["Program 100", "in 2015 and to 2020"]),
    "giao-so-gddt-hoan-thien-van-ban": (["hoàn thiện hệ thống văn bản"], ["complete the system of documents"]),
    "nq-29-nq-tw": (["29-NQ/TW", "4 tháng 11, 2013", "Khóa XI"], ["29-NQ/TW", "November 4, 2013", "11th term"]),
    "chuong-trinh-100": (["Chương trình 100", "Nghị quyết số 29-NQ/TW"], ["Program 100", "Resolution No. 29-NQ/TW"]),
    "ban-chi-dao-doi-moi-gddt": (["1027/QĐ-UBND", "Sở GD&ĐT"], ["1027/QĐ-UBND", "DOET"]),
    "bao-lang-son-thanh-lap-ban-chi-dao": (["Báo Lạng Sơn (LSO)", "MH", "29/09/2022"], ["Báo Lạng Sơn (LSO)", "MH", "29/09/2022"]),
}


@pytest.mark.parametrize("record_id", sorted(FACTS))
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_facts_are_present(built_site: Path, lang: str, record_id: str) -> None:
    text, _ = element(built_site, lang, record_id)
    for needle in FACTS[record_id][0 if lang == "vi" else 1]:
        assert needle in text, f"{lang} {record_id}: {needle!r} not in {text[:400]!r}"


@pytest.mark.parametrize("lang,marker", [("vi", "có thể chưa đầy đủ"), ("en", "may be incomplete")])
def test_mandate_shown_as_partial(built_site: Path, lang: str, marker: str) -> None:
    root = built_site if lang == "vi" else built_site / "en"
    html = (root / "committee" / "index.html").read_text(encoding="utf-8")
    assert 'class="oc-partial"' in html and marker in html


def test_no_membership_is_claimed_as_serving_without_a_start_date(built_site: Path) -> None:
    # The source gives no start dates: nobody may be shown as serving now.
    for lang, serving in (("vi", "đang đảm nhiệm"), ("en", "serving (no end recorded)")):
        root = built_site if lang == "vi" else built_site / "en"
        assert serving not in (root / "members" / "index.html").read_text(encoding="utf-8")


def test_unknown_and_as_of_are_marked_differently(built_site: Path) -> None:
    html = (built_site / "members" / "index.html").read_text(encoding="utf-8")
    assert '<span class="oc-unknown">chưa công bố họ tên</span>' in html
    assert '<span class="oc-asof">tính đến <time datetime="2014-08-25">' in html


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_html_lang(built_site: Path, lang: str) -> None:
    for page in pages(built_site, lang):
        assert f'<html lang="{lang}"' in page.read_text(encoding="utf-8"), page


def test_english_interface_is_complete() -> None:
    vi, en = catalog("vi"), catalog("en")
    assert flat_keys(vi) == flat_keys(en)
    for key in flat_keys(en["ui"]):
        node = en["ui"]
        for part in key.split("."):
            node = node[part]
        assert isinstance(node, str) and node.strip(), key


def test_english_pages_have_no_vietnamese_interface_strings(built_site: Path) -> None:
    vi_strings = {"chưa có thông tin", "Nguồn:", "Thành viên theo vai trò", "Tìm kiếm", "Dữ liệu tính đến"}
    for page in pages(built_site, "en"):
        html = page.read_text(encoding="utf-8")
        for s in vi_strings:
            assert s not in html, (page, s)


def test_untranslated_text_falls_back_with_marker(data_copy: Path, tmp_path: Path) -> None:
    path = data_copy / "mandate.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    en: Advise and make proposals")
    end = text.index("\n", start) + 1
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(site, data_dir=data_copy)
    assert result.returncode == 0, result.stderr
    html = (site / "en" / "committee" / "index.html").read_text(encoding="utf-8")
    block = html[html.index('id="nhiem-vu-tham-muu-de-xuat"'):]
    block = block[: block.index("</li>")]
    assert '<span lang="vi">Tham mưu, đề xuất với Chủ tịch UBND tỉnh' in block
    assert '<span class="oc-untranslated">(not yet translated)</span>' in block
    # the real data is fully translated: no marker anywhere on the real English site
    # (checked against the session build in the next test)


def test_real_data_fully_translated(built_site: Path) -> None:
    for page in pages(built_site, "en"):
        assert "oc-untranslated" not in page.read_text(encoding="utf-8"), page


def test_heading_slugs_keep_vietnamese_letters(built_site: Path) -> None:
    assert slugify("Đào tạo") == "dao-tao"
    assert slugify("Giáo dục và Đào tạo") == "giao-duc-va-dao-tao"
    html = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    assert 'id="dinh-chinh"' in html and 'id="nguyen-tac-dan-nguon"' in html


def test_properdocs_builds_the_same_site(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "proper"
    result = build_site(site, tool="properdocs")
    assert result.returncode == 0, result.stderr
    strip = re.compile(r'<meta name="generator"[^>]*>')
    for page in built_site.rglob("*.html"):
        other = site / page.relative_to(built_site)
        assert other.exists(), other
        assert strip.sub("", page.read_text(encoding="utf-8")) == strip.sub("", other.read_text(encoding="utf-8")), page
