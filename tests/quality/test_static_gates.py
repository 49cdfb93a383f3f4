"""Issue 6, static gates over the built site (both languages, every page): internal links
and anchors resolve; no event handler, javascript: URL, unexpected inline script or
other-host resource, and a CSP that hashes only the theme's known scripts; the Nu HTML
Checker finds no error (filters listed with reasons in tests/quality/vnu-filter.txt);
(reproducibility is in tests/integration/test_build.py). Each gate is also shown failing
on a bad page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config

from conftest import ROOT, XSS_TOKEN, Served
from opencommittee.glue import hooks
from opencommittee.publish import csp
from opencommittee.quality import links, safety, vnu
from opencommittee.quality.pages import html_pages

POLICY = safety.theme_policy()

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
FILTERS = ROOT / "tests" / "quality" / "vnu-filter.txt"


def test_site_has_both_languages(site: Served) -> None:
    pages = html_pages(site.dir)
    assert len(pages) >= 16
    assert sum(p.is_relative_to(site.dir / "en") for p in pages) >= 8


# --- links and anchors ---

def test_every_internal_link_and_anchor_resolves(site: Served) -> None:
    problems = links.check_site(site.dir, site.url)
    assert not problems, "\n".join(problems)


def test_link_checker_can_fail(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a id="top" href="a/#here">ok</a> <a href="a/#nowhere">bad anchor</a> <a href="missing/">gone</a>'
        ' <a href="#top">self</a> <img src="img/none.png" alt=""> <a href="https://example.org/x">ext</a>',
        encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">Here</h2><a href="../../../up/">out</a>', encoding="utf-8")
    problems = "\n".join(links.check_site(tmp_path, "http://127.0.0.1:9/oc/"))
    assert "a/#nowhere: no element with id 'nowhere'" in problems
    assert "missing/ does not exist" in problems
    assert "img/none.png does not exist" in problems
    assert "outside the site" in problems
    assert "#here" not in problems and "#top" not in problems and "example.org" not in problems


# --- safety and CSP ---

def test_no_unsafe_markup_and_csp_on_every_page(site: Served) -> None:
    problems = safety.check_site(site.dir, require_csp=True)
    assert not problems, "\n".join(problems)


def test_markup_in_data_leaves_no_unsafe_markup(xss_site: Served) -> None:
    problems = safety.check_site(xss_site.dir, require_csp=True)
    assert not problems, "\n".join(problems)


def test_template_syntax_in_data_is_shown_literally(xss_site: Served) -> None:
    """Data text never runs as template code: `{{ 7*7 }}` and `{% include %}` from data/
    reach every page (and the search index) as text."""
    pages = html_pages(xss_site.dir)
    shown = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if XSS_TOKEN in html:
            shown += 1
            assert "{{ 7*7 }}" in html, page
            assert re.search(r"\{% include (&#39;|&#x27;|')x(&#39;|&#x27;|') %\}", html), page
            assert f"{XSS_TOKEN} &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; 49" not in html, page
    assert shown >= 8
    chunks = [c.read_text(encoding="utf-8") for c in xss_site.dir.glob("**/search/index/d/*.json")]
    assert sum("7*7" in text for text in chunks) >= 2
    assert not any("49 {%" in text for text in chunks)


def test_csp_hashes_theme_scripts_which_differ_by_depth(site: Served) -> None:
    home = (site.dir / "index.html").read_text(encoding="utf-8")
    deep = (site.dir / "en" / "members" / "index.html").read_text(encoding="utf-8")
    policies = [POLICY.policy_for(html)[0] for html in (home, deep)]
    assert policies[0] != policies[1]
    for html, policy in zip((home, deep), policies, strict=True):
        assert f'content="{policy}"' in html
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        assert policy.count("'sha256-") == len(csp.inline_scripts(html)) >= 2


def test_csp_never_hashes_unknown_inline_script() -> None:
    known = csp.patterns_from_template('<script>x=new URL("{{ base_url }}",location)</script>')[0]
    assert known.fullmatch('x=new URL("../..",location)')
    assert not known.fullmatch('x=new URL("",alert(1),"",location)')
    page = ('<html><head><meta charset="utf-8"></head><body>'
            '<script>var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))</script>'
            "<script>alert(1)</script><script type=\"application/ld+json\">{}</script></body></html>")
    policy, unknown = POLICY.policy_for(page)
    assert unknown == ["alert(1)"]
    assert csp.sha256("alert(1)") not in policy
    assert policy.count("'sha256-") == 1
    with_meta, _ = POLICY.add_meta(page)
    assert with_meta.index("Content-Security-Policy") < with_meta.index("<script")


def test_safety_checker_can_fail() -> None:
    bad = ('<html><head><meta charset="utf-8">'
           '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto"></head><body>'
           '<img src=x onerror=alert(1)><a href=" JaVaScript:alert(1)">x</a>'
           "<script>alert(1)</script><script src=\"//cdn.example.com/x.js\"></script></body></html>")
    problems = "\n".join(message for _line, message in safety.scan_html(bad, require_csp=True))
    assert "onerror" in problems
    assert "script URL" in problems
    assert "unexpected inline script" in problems
    assert "fonts.googleapis.com" in problems and "cdn.example.com" in problems
    assert "0 Content-Security-Policy" in problems


def test_serve_leaves_csp_out(tmp_path: Path) -> None:
    """`make serve` sets OC_NO_CSP (its live-reload script is inline); a build without
    it is covered by every other test here."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    hooks.on_config(config)
    page = '<html><head><meta charset="utf-8"></head><body><script>x()</script></body></html>'
    hooks.on_startup(command="serve", dirty=False)
    try:
        assert hooks.with_csp(page, "x", config) == page
    finally:
        hooks.on_startup(command="build", dirty=False)
    assert "Content-Security-Policy" in hooks.with_csp(page, "x", config)


# --- HTML validity ---

@pytest.fixture(scope="module")
def jar() -> Path:
    if not VNU_JAR.is_file() or shutil.which("java") is None:
        pytest.fail("vnu-jar or java missing: run  make test-deps  (npm ci --ignore-scripts)")
    return VNU_JAR


def test_nu_html_checker_no_error_on_any_page(site: Served, jar: Path) -> None:
    filters = vnu.load_filters(FILTERS)
    messages = vnu.run(html_pages(site.dir), jar)
    errors, used = vnu.errors(messages, filters)
    assert not errors, "\n".join(errors)
    unused = [pattern for pattern, count in used.items() if count == 0]
    assert not unused, f"filters that no longer match anything (remove them): {unused}"


def test_nu_html_checker_can_fail(tmp_path: Path, jar: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="en"><head><title>x</title></head>'
                   "<body><blink>old</blink><p><div>block in p</div></body></html>", encoding="utf-8")
    errors, _ = vnu.errors(vnu.run([bad], jar), vnu.load_filters(FILTERS))
    assert any("blink" in e for e in errors), errors


def test_every_vnu_filter_gives_a_reason(tmp_path: Path) -> None:
    assert all(f.reason for f in vnu.load_filters(FILTERS))
    bare = tmp_path / "f.txt"
    bare.write_text("some message\n", encoding="utf-8")
    with pytest.raises(ValueError, match="reason"):
        vnu.load_filters(bare)
