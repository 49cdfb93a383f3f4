"""Relative links between site paths: the same answer as posixpath.relpath (what the
routes once called on every link), on any pair of plain site paths."""

from __future__ import annotations

import posixpath

from hypothesis import example, given
from hypothesis import strategies as st

from opencommittee.derive.routes import relative

_PART = st.sampled_from(["en", "people", "members", "2", "a-b", "feed.xml", "index.html", "x"])
_PATH = st.builds(lambda parts, slash: "/".join(parts) + ("/" if parts and slash else ""),
                  st.lists(_PART, max_size=4), st.booleans())


def _by_relpath(from_url: str, to_url: str) -> str:
    target, _, anchor = to_url.partition("#")
    base = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else ""
    if target.rstrip("/") == base.rstrip("/"):
        return f"#{anchor}" if anchor else "./"
    rel = posixpath.relpath(target or ".", base or ".")
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel + (f"#{anchor}" if anchor else "")


@given(_PATH, _PATH, st.sampled_from(["", "tv-001"]))
@example("people/x/", "people/x/feed.xml", "")
@example("members/2/", "members/", "tv-001")
@example("", "", "tv-001")
@example("en/people/x/", "people/y/", "")
def test_relative_matches_relpath(from_url: str, target: str, anchor: str) -> None:
    to_url = target + (f"#{anchor}" if anchor else "")
    assert relative(from_url, to_url) == _by_relpath(from_url, to_url)


def test_relative_examples() -> None:
    assert relative("people/x/", "people/x/feed.xml") == "feed.xml"
    assert relative("members/2/", "members/#tv-001") == "../#tv-001"
    assert relative("members/", "members/#tv-001") == "#tv-001"
    assert relative("en/people/x/", "en/") == "../../"
    assert relative("", "committee/") == "committee/"
