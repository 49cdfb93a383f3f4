"""Issue 13, item 7: the corrections collection (checked like every collection), the public
corrections log, the "corrected on" note on the corrected record, and the "Report an
error" / "Edit" links that appear on every record only when `extra.repository` is set."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from htmlkit import Page

from conftest import DATA, FIXTURES, edit, make_context, render_page
from opencommittee.derive.context import BuildContext
from opencommittee.load.problems import DataError
from opencommittee.model.loader import load_dataset


def with_correction(target: Path) -> Path:
    shutil.copytree(DATA, target)
    shutil.copy(FIXTURES / "corrections" / "corrections.yml", target / "corrections.yml")
    return target


@pytest.fixture(scope="module")
def corrected(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return with_correction(tmp_path_factory.mktemp("corrections") / "data")


def with_repository(context: BuildContext, repository: str = "example-org/open-committee") -> BuildContext:
    settings = dataclasses.replace(context.settings, extra={"repository": repository, "data_dir": "data"})
    result = BuildContext(context.dataset, settings)
    result.published = context.published
    return result


def test_embedded_data_has_no_corrections(embedded: BuildContext) -> None:
    assert embedded.dataset.corrections == []
    assert "No correction has been published yet." in render_page(embedded, "en", "corrections")
    assert "Chưa có đính chính nào được công bố." in render_page(embedded, "vi", "corrections")


def test_record_id_must_exist_and_fields_are_checked(corrected: Path) -> None:
    edit(corrected / "corrections.yml", "record_id: to-hung-khoa", "record_id: to-hung-khao")
    edit(corrected / "corrections.yml", "  right:", "  rigth:")
    with pytest.raises(DataError) as err:
        load_dataset(corrected, shown_as="data")
    report = err.value.report("en")
    assert "data/corrections.yml:3:3: dinh-chinh-thu-nghiem.record_id: 'to-hung-khao'" in report
    assert "to-hung-khoa" in report  # the suggestion
    assert "rigth" in report
    edit(corrected / "corrections.yml", "record_id: to-hung-khao", "record_id: to-hung-khoa")
    edit(corrected / "corrections.yml", "  rigth:", "  right:")


def test_log_and_corrected_on_note_in_both_languages(corrected: Path) -> None:
    context = make_context(corrected)
    en = Page(render_page(context, "en", "corrections"))
    log = en.of("dinh-chinh-thu-nghiem")
    for text in ("January 15, 2026", "Tô Hùng Khoa", "Test fixture: the wrong statement", "Test fixture: the right statement"):
        assert text in log, text
    vi = Page(render_page(context, "vi", "corrections")).of("dinh-chinh-thu-nghiem")
    assert "Bản thử nghiệm: thông tin đúng" in vi and "15 tháng 1, 2026" in vi
    person = render_page(context, "en", "person", subject="to-hung-khoa")
    assert "Corrected on" in person and "../../corrections/#dinh-chinh-thu-nghiem" in person
    members = Page(render_page(context, "vi", "members"))
    assert "Đã đính chính ngày 15 tháng 1, 2026" in members.of("to-hung-khoa")


def test_report_and_edit_links_only_with_a_repository(embedded: BuildContext) -> None:
    plain = render_page(embedded, "en", "members")
    assert "issues/new" not in plain and "/edit/" not in plain and "Report an error" not in plain
    context = with_repository(embedded)
    html = render_page(context, "en", "members")
    page = Page(html)
    record = html.split('id="to-hung-khoa"', 1)[1].split("</article>", 1)[0]
    assert "Report an error" in page.of("to-hung-khoa") and "Edit" in page.of("to-hung-khoa")
    hrefs = [h.replace("&amp;", "&") for h in _hrefs(record)]
    issues = [h for h in hrefs if h.startswith("https://github.com/example-org/open-committee/issues/new?")]
    titles = [parse_qs(urlsplit(h).query)["title"][0] for h in issues]
    assert "Correction: to-hung-khoa-pho-chu-tich-ubnd" in titles  # each membership has its own
    issue = issues[titles.index("Correction: to-hung-khoa")]
    query = parse_qs(urlsplit(issue).query)
    assert "Record: to-hung-khoa" in query["body"][0]
    assert "Permalink: https://example.org/oc/en/people/to-hung-khoa/" in query["body"][0]
    assert " " not in issue and "\n" not in issue  # URL-encoded
    assert "https://github.com/example-org/open-committee/edit/main/data/people.yml" in hrefs
    # Every record of the page has them, nested event outcomes included; an invalid
    # repository name gives no links at all.
    events = render_page(context, "en", "events")
    assert events.count("issues/new?") >= events.count('class="oc-record')
    assert "edit/main/data/events.yml" in events
    assert "issues/new" not in render_page(with_repository(embedded, "not a repo"), "en", "members")


def _hrefs(html: str) -> list[str]:
    return [part.split('"', 1)[0] for part in html.split('href="')[1:]]


def test_the_log_is_paged_newest_first(tmp_path: Path) -> None:
    """The log is a list like any other: with many corrections it is cut into numbered
    pages, newest first, and each correction's anchor is on the page its permalink names."""
    data = with_correction(tmp_path / "data")
    one = (data / "corrections.yml").read_text(encoding="utf-8")
    many = "".join(one.replace("dinh-chinh-thu-nghiem", f"dinh-chinh-{n:02d}").replace("2026-01-15", f"2026-01-{n:02d}")
                   for n in range(1, 12))
    (data / "corrections.yml").write_text(many, encoding="utf-8")
    context = make_context(data, page_size=4)
    pages = context.layout.pages[("corrections", None)]
    assert [len(p) for p in pages] == [4, 4, 3]
    assert [e.id for e in pages[0]] == ["dinh-chinh-11", "dinh-chinh-10", "dinh-chinh-09", "dinh-chinh-08"]
    second = render_page(context, "en", "corrections", 2)
    assert 'id="dinh-chinh-07"' in second and 'id="dinh-chinh-11"' not in second
    assert "Page 2 of 3" in second
    assert context.layout.locate("dinh-chinh-01") == (("corrections", None), 3)
