"""Issue 13, item 6: a progress badge per plan and language (badges/<plan-id>.svg and
en/badges/<plan-id>.svg) with the progress and the as-of date, and the plan page's snippet:
an <img> with alt text inside a link to the plan, shown as code."""

from __future__ import annotations

import html
import re
from datetime import date
from xml.etree import ElementTree

import pytest

from conftest import make_context, overlay, render_page
from opencommittee.derive.context import BuildContext


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> BuildContext:
    return make_context(overlay("rich", tmp_path_factory.mktemp("badges") / "data"), as_of=date(2025, 11, 27))


def test_a_badge_per_plan_and_language(rich: BuildContext) -> None:
    assert rich.published is not None
    files = rich.published.files()
    plans = [p.id for p in rich.dataset.plans]
    for plan_id in plans:
        assert f"badges/{plan_id}.svg" in files and f"en/badges/{plan_id}.svg" in files
    en = files["en/badges/ke-hoach-trong-so.svg"].decode()
    vi = files["badges/ke-hoach-trong-so.svg"].decode()
    root = ElementTree.fromstring(en)  # well-formed SVG
    assert root.get("role") == "img"
    assert "37.5% · November 27, 2025" in en and "37,5% · 27 tháng 11, 2025" in vi
    assert "overall progress 37.5%, data as of November 27, 2025" in root.get("aria-label", "")
    # A plan with no task says so instead of 0 %.
    empty = files["en/badges/ke-hoach-trong.svg"].decode()
    assert "not reported · November 27, 2025" in empty and "0%" not in empty


def test_plan_page_offers_the_snippet_as_code(rich: BuildContext) -> None:
    page = render_page(rich, "en", "plan")
    record = page.split('id="ke-hoach-trong-so"', 1)[1].split("</article>", 1)[0]
    code = re.search(r"<pre><code>(.*?)</code></pre>", record, re.S)
    assert code, "the snippet is shown in a code block"
    snippet = html.unescape(code.group(1))
    assert snippet.startswith('<a href="https://example.org/oc/en/plan/#ke-hoach-trong-so"><img src="https://example.org/oc/en/badges/ke-hoach-trong-so.svg" alt="')
    assert "overall progress 37.5%, data as of November 27, 2025" in snippet and snippet.endswith("</a>")
    assert "<img" not in code.group(1), "the snippet is text, not markup"

