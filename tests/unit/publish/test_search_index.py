"""publish/search.py: the bounded, sharded search index, built from a context (no MkDocs)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import DATA, FIXTURES, make_context
from opencommittee.derive.context import BuildContext
from opencommittee.devtools import synthetic
from opencommittee.load.text import fold
from opencommittee.publish import search
from opencommittee.publish.search import Entry
from opencommittee.render.renderer import Renderer


def _entry(title: str, text: str = "", url: str = "x/") -> Entry:
    return search._entry(title, url, "Kind", [text] if text else [])


def _lookup(files: dict[str, bytes], word: str) -> dict[str, list[list[int]]]:
    manifest = json.loads(files["manifest.json"])
    key = search.shard_for(fold(word), manifest["split"])
    shard = json.loads(files[f"t/{search.shard_name(key)}.json"])
    return shard[fold(word)]


def _ids(deltas: list[int]) -> list[int]:
    out, n = [], 0
    for d in deltas:
        n += d
        out.append(n)
    return out


def test_every_record_has_an_entry_at_its_permalink(embedded: BuildContext) -> None:
    r = Renderer(embedded, "vi")
    found = search.entries(r)
    urls = {e.url for e in found}
    records = [rid for rid, (kind, _) in embedded.dataset.index.items() if kind != "site"]
    assert len(found) == len(records) + len(search._OWN_PAGES)
    assert "committee/" in urls  # the body: its profile page
    assert "people/to-hung-khoa/" in urls
    for rid in records:
        ref = r.locate(rid)
        if ref.kind not in ("person", "organization") and rid != r.indexes.primary.id:
            assert f"{r.context.router.path(ref)}#{rid}" in urls, rid


def test_english_entries_are_english_and_relative_to_their_tree(embedded: BuildContext) -> None:
    vi = search.entries(Renderer(embedded, "vi"))
    en = search.entries(Renderer(embedded, "en"))
    assert [e.url for e in vi] == [e.url for e in en]
    assert not any(e.url.startswith(("en/", "/")) for e in en)
    assert any(e.title == "Members" for e in en) and any(e.title == "Thành viên" for e in vi)


def test_words_keep_spellings_and_fold_for_lookup() -> None:
    assert search.words("Giáo dục, GIÁO DỤC và đào-tạo 2025") == ["giáo", "dục", "và", "đào", "tạo", "2025"]
    files = search.index_files([_entry("Đường giao thông"), _entry("Dương Văn A"), _entry("Sở giáo dục")])
    forms = _lookup(files, "đường")
    assert set(forms) == {"đường", "dương"}
    assert _ids(forms["đường"][0]) == [0] and _ids(forms["dương"][0]) == [1]
    assert _ids(_lookup(files, "giao")["giao"][0]) == [0] and _ids(_lookup(files, "giao")["giáo"][0]) == [2]


def test_title_hits_are_kept_before_text_hits_and_capped() -> None:
    many = [_entry(f"Khác {i}", "chung") for i in range(search.POSTINGS + 50)]
    many += [_entry("Chung cuối", "")]
    files = search.index_files(many)
    titles, texts = _lookup(files, "chung")["chung"]
    assert _ids(titles) == [len(many) - 1]
    assert len(texts) == search.POSTINGS - 1
    assert _ids(texts)[:3] == [0, 1, 2]


def test_entries_index_a_bounded_number_of_words() -> None:
    long = " ".join(f"w{i}" for i in range(1000))
    entry = _entry("Tiêu đề", long)
    assert len(entry.title_words) + len(entry.text_words) == search.WORDS_PER_ENTRY
    assert len(entry.snippet) <= search.SNIPPET + 1


def test_large_shards_split_and_every_word_is_found_by_the_lookup_rule() -> None:
    found = [_entry(f"tha{i:04d} thb{i:04d}", f"the{i:04d}") for i in range(3000)]
    files = search.index_files(found)
    manifest = json.loads(files["manifest.json"])
    assert "th" in manifest["split"]
    shards = {k: v for k, v in files.items() if k.startswith("t/")}
    assert max(len(v) for v in shards.values()) <= search.SHARD_BYTES * 1.5
    for word in ("tha0007", "thb2999", "the1234"):
        assert _ids(_lookup(files, word)[word][0] or _lookup(files, word)[word][1])
    assert len(manifest["shards"]) == len(shards)


def test_chunks_hold_every_entry_in_order(embedded: BuildContext) -> None:
    found = search.entries(Renderer(embedded, "vi"))
    files = search.index_files(found)
    manifest = json.loads(files["manifest.json"])
    rows = [row for n in range((len(found) + manifest["chunk"] - 1) // manifest["chunk"])
            for row in json.loads(files[f"d/{n}.json"])]
    assert [row[1] for row in rows] == [e.url for e in found]
    assert manifest["count"] == len(found)


def test_index_is_deterministic_and_bounded_at_scale(tmp_path: Path) -> None:
    synthetic.write(tmp_path / "data", scale=5, seed=3)
    context = make_context(tmp_path / "data")
    found = search.entries(Renderer(context, "vi"))
    one, two = search.index_files(found), search.index_files(list(found))
    assert one == two
    assert max(len(v) for k, v in one.items() if k.startswith("d/")) < 64_000


def test_a_correction_is_found_at_its_anchor_in_the_log(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copy(FIXTURES / "corrections" / "corrections.yml", tmp_path / "data" / "corrections.yml")
    found = search.entries(Renderer(make_context(tmp_path / "data"), "en"))
    entry = next(e for e in found if e.url == "corrections/#dinh-chinh-thu-nghiem")
    assert "statement" in entry.text_words and "right" in entry.text_words
    assert any(e.url == "corrections/" for e in found)
