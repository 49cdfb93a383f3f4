"""Issue 2 at the render layer: every record of the embedded data on its page in both
languages, with its source, the sourced facts, unknowns marked as unknown, as-of dates,
the partial mandate, and the English fallback marker. Pages are rendered through the
blocks with no MkDocs build (tests/conftest.py: render_page)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from htmlkit import Elements, elements

from conftest import DATA, edit, make_context, render_page
from opencommittee.derive.context import BuildContext
from opencommittee.derive.routes import PAGES

ARTICLE = "https://baolangson.vn/xa-hoi/giao-duc/92029-thanh-lap-ban-chi-dao-doi-moi-gd-dt-tinh-lang-son.html"
SOURCE_ID = "bao-lang-son-thanh-lap-ban-chi-dao"


def all_ids(data: Path) -> set[str]:
    ids: set[str] = set()
    for file in data.glob("*.yml"):
        for record in yaml.safe_load(file.read_text(encoding="utf-8")) or []:
            ids.add(record["id"])
            for nested in ("agenda", "outcomes"):
                ids |= {item["id"] for item in record.get(nested, [])}
    return ids


def rendered(context: BuildContext, lang: str) -> dict[str, Elements]:
    """Every page of a language, rendered and parsed."""
    return {key: elements(render_page(context, lang, key)) for key in PAGES}


@pytest.fixture(scope="module")
def pages(embedded: BuildContext) -> dict[str, dict[str, Elements]]:
    return {lang: rendered(embedded, lang) for lang in ("vi", "en")}


def element(pages: dict[str, Elements], record_id: str) -> tuple[str, list[str]]:
    """Text and hrefs of the element with this id, wherever it is in a language."""
    for parsed in pages.values():
        if record_id in parsed.text:
            return " ".join("".join(parsed.text[record_id]).split()), parsed.hrefs[record_id]
    raise AssertionError(f"no element with id {record_id}")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_record_has_an_element_with_its_id(pages: dict[str, dict[str, Elements]], lang: str) -> None:
    seen = {i for parsed in pages[lang].values() for i in parsed.text}
    missing = all_ids(DATA) - seen
    assert not missing, f"{lang}: records without an element: {sorted(missing)}"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_record_shows_its_source(pages: dict[str, dict[str, Elements]], lang: str) -> None:
    # Every top-level record that cites the article links to it (sources page + original).
    for file in DATA.glob("*.yml"):
        for record in yaml.safe_load(file.read_text(encoding="utf-8")) or []:
            if SOURCE_ID not in record.get("sources", []):
                continue
            _text, hrefs = element(pages[lang], record["id"])
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
def test_facts_are_present(pages: dict[str, dict[str, Elements]], lang: str, record_id: str) -> None:
    text, _ = element(pages[lang], record_id)
    for needle in FACTS[record_id][0 if lang == "vi" else 1]:
        assert needle in text, f"{lang} {record_id}: {needle!r} not in {text[:400]!r}"


@pytest.mark.parametrize("lang,marker", [("vi", "có thể chưa đầy đủ"), ("en", "may be incomplete")])
def test_mandate_shown_as_partial(embedded: BuildContext, lang: str, marker: str) -> None:
    html = render_page(embedded, lang, "committee")
    assert 'class="oc-partial"' in html and marker in html


def test_no_membership_is_claimed_as_serving_without_a_start_date(embedded: BuildContext) -> None:
    # The source gives no start dates: nobody may be shown as serving now.
    for lang, serving in (("vi", "đang đảm nhiệm"), ("en", "serving (no end recorded)")):
        assert serving not in render_page(embedded, lang, "members")


def test_unknown_and_as_of_are_marked_differently(embedded: BuildContext) -> None:
    html = render_page(embedded, "vi", "members")
    assert '<span class="oc-unknown">chưa công bố họ tên</span>' in html
    assert '<span class="oc-asof">tính đến <time datetime="2014-08-25">' in html


def test_english_pages_have_no_vietnamese_interface_strings(embedded: BuildContext) -> None:
    vi_strings = {"chưa có thông tin", "Nguồn:", "Thành viên theo vai trò", "Dữ liệu tính đến"}
    for key in PAGES:
        html = render_page(embedded, "en", key)
        for s in vi_strings:
            assert s not in html, (key, s)


def test_untranslated_text_falls_back_with_marker(data_copy: Path) -> None:
    edit(data_copy / "mandate.yml", "    en: Advise and make proposals to the Chairman of the Provincial People's Committee on inter-sectoral guidelines, strategies, programmes, plans, policies and solutions to mobilise the resources of the whole of society for the renovation of education and training.\n", "")
    html = render_page(make_context(data_copy), "en", "committee")
    block = html[html.index('id="nhiem-vu-tham-muu-de-xuat"'):]
    block = block[: block.index("</li>")]
    assert '<span lang="vi">Tham mưu, đề xuất với Chủ tịch UBND tỉnh' in block
    assert '<span class="oc-untranslated">(not yet translated)</span>' in block


def test_real_data_fully_translated(embedded: BuildContext) -> None:
    for key in PAGES:
        assert "oc-untranslated" not in render_page(embedded, "en", key), key
