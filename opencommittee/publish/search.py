"""The site's own search index: bounded, sharded by word prefix, one per language.

A phone downloads only what one query needs. Nothing is fetched until someone searches
(the search page's script asks for the files); then:

- `search/index/manifest.json`: a few numbers and the list of split prefixes;
- one *word shard* per query word, `t/<hex of the prefix>.json`: every indexed word that
  starts with that prefix, folded ("giáo" -> "giao"), then each spelling as written, with
  the entries that contain it (title hits first), delta-encoded;
- one *document chunk* per result shown, `d/<n>.json`: the title, address, kind and
  snippet of `CHUNK` consecutive entries.

Bounds, whatever the data: an entry indexes at most `WORDS_PER_ENTRY` words; a spelling
keeps at most `POSTINGS` entries (titles first, then the site's order: pages, bodies,
people, ... updates last); a shard over `SHARD_BYTES` is split on one more letter. So a
common word costs at most a few kilobytes, and a rare one almost nothing.

Ranking (in `docs/assets/js/search.js`): every query word must match; a spelling typed
with exactly the query's diacritics ranks above a folded match ("đường" above "Dương"),
a title match above a text match, and a whole word above a prefix of one.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from ..derive.routes import PAGES, PageRef
from ..load.text import fold
from ..model.records import Text
from ..render.renderer import Renderer

INDEX_DIR = "search/index"
CHUNK = 32
POSTINGS = 400
SHARD_BYTES = 16_000
WORDS_PER_ENTRY = 48
SNIPPET = 140
PREFIX = 2
FORMAT = 1

# Letters, digits and combining marks: a word as both the index and the page's script cut it.
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
# Collections in the order their entries are numbered (ties in ranking go to the first).
ORDER = ("organizations", "people", "plans", "tasks", "indicators", "documents", "events",
         "agenda", "outcomes", "mandate", "posts", "memberships", "sources", "updates", "corrections")
# Fields whose text an entry indexes besides its label, in this order.
_FIELDS = ("title", "name", "short_title", "short_name", "label", "text", "description",
           "outcome", "location", "right", "note")
_OWN_PAGES = ("home", "committee", "members", "documents", "events", "plan", "sources",
              "committees", "years", "about", "open-data", "changes", "corrections")


@dataclass(frozen=True)
class Entry:
    """One search result: a page or a record, as shown, and the words it is found by."""

    title: str
    url: str  # from the language root, with the record's anchor
    kind: str
    snippet: str
    title_words: tuple[str, ...]
    text_words: tuple[str, ...]


def words(text: str) -> list[str]:
    """The words of a text, lower-cased, as written (NFC), in order, without repeats."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(unicodedata.normalize("NFC", text).lower()):
        seen.setdefault(word, None)
    return list(seen)


def _texts(r: Renderer, record: Any) -> list[str]:
    out: list[str] = []
    for name in _FIELDS:
        value = record.field(name)
        if isinstance(value, Text):
            shown = r.tx(value)
            if shown is not None and shown.value not in out:
                out.append(shown.value)
        elif isinstance(value, str) and value not in out:  # a person's name is plain text
            out.append(value)
    return out


def _snippet(texts: list[str], title: str) -> str:
    rest = " · ".join(t for t in texts if t != title)
    if len(rest) <= SNIPPET:
        return rest
    cut = rest[:SNIPPET].rsplit(" ", 1)[0]
    return cut + "…"


def _entry(title: str, url: str, kind: str, texts: list[str]) -> Entry:
    title_words = words(title)[:WORDS_PER_ENTRY]
    text_words = [w for w in words(" ".join(texts)) if w not in title_words]
    room = max(WORDS_PER_ENTRY - len(title_words), 0)
    return Entry(title, url, kind, _snippet(texts, title), tuple(title_words), tuple(text_words[:room]))


def entries(r: Renderer) -> list[Entry]:
    """Every page of the site's own and every record, in the language of `r`."""
    root = r.url_of(PageRef("home"))
    out = [
        _entry(r.ui(f"pages.{kind.replace('-', '_')}.title"), r.url_of(PageRef(kind))[len(root):],
               r.ui("search.kind_page"), [r.ui(f"pages.{kind.replace('-', '_')}.summary")])
        for kind in _OWN_PAGES if kind in PAGES
    ]
    dataset = r.dataset
    by_kind: dict[str, list[str]] = defaultdict(list)
    for record_id, (kind, _) in dataset.index.items():
        by_kind[kind].append(record_id)
    bodies = {body.id for body in r.indexes.bodies}
    for kind in ORDER:
        label = r.ui(f"translation.collections.{'events' if kind in ('agenda', 'outcomes') else kind}")
        for record_id in by_kind.get(kind, []):
            record = dataset.get(record_id)
            # A body is found at its profile page; any other record where it is listed.
            ref = PageRef("committee", record_id) if record_id in bodies else r.locate(record_id)
            anchor = "" if ref.subject == record_id else record_id
            title = r.label(record_id).value
            out.append(_entry(title, r.url_of(ref, anchor)[len(root):], label, _texts(r, record)))
    return out


def _deltas(ids: list[int]) -> list[int]:
    return [b - a for a, b in zip([0, *ids], ids, strict=False)]


def postings(found: list[Entry]) -> dict[str, dict[str, list[list[int]]]]:
    """folded word -> spelling -> [title entry ids, text entry ids], each capped."""
    table: dict[str, dict[str, tuple[list[int], list[int]]]] = defaultdict(dict)
    folded_of: dict[str, str] = {}  # a word is folded once, however many entries have it
    for number, entry in enumerate(found):
        for slot, group in ((0, entry.title_words), (1, entry.text_words)):
            for word in group:
                folded = folded_of.get(word)
                if folded is None:
                    folded = folded_of[word] = fold(word)
                lists = table[folded].setdefault(word, ([], []))
                lists[slot].append(number)
    capped: dict[str, dict[str, list[list[int]]]] = {}
    for folded, spellings in table.items():
        capped[folded] = {}
        for spelling, (titles, texts) in spellings.items():
            titles = titles[:POSTINGS]
            texts = texts[: POSTINGS - len(titles)]
            capped[folded][spelling] = [_deltas(titles), _deltas(texts)]
    return capped


def _size(words_of: dict[str, dict[str, list[list[int]]]], keys: list[str]) -> int:
    return sum(len(json.dumps({k: words_of[k]}, ensure_ascii=False)) for k in keys)


def shards(table: dict[str, dict[str, list[list[int]]]]) -> tuple[dict[str, list[str]], list[str]]:
    """Prefix -> the folded words of its shard, and the prefixes split on one more letter."""
    result: dict[str, list[str]] = {}
    split: list[str] = []
    pending: list[tuple[str, list[str]]] = []
    groups: dict[str, list[str]] = defaultdict(list)
    for folded in sorted(table):
        groups[folded[:PREFIX]].append(folded)
    pending.extend(sorted(groups.items()))
    while pending:
        prefix, members = pending.pop()
        longer = [w for w in members if len(w) > len(prefix)]
        if longer and _size(table, members) > SHARD_BYTES:
            split.append(prefix)
            result[prefix] = [w for w in members if len(w) == len(prefix)]
            sub: dict[str, list[str]] = defaultdict(list)
            for w in longer:
                sub[w[: len(prefix) + 1]].append(w)
            pending.extend(sorted(sub.items()))
        else:
            result[prefix] = members
    return result, sorted(split)


def shard_for(folded: str, split: list[str] | set[str]) -> str:
    """The prefix of the shard that holds a folded word (the rule search.js follows)."""
    key = folded[:PREFIX]
    while key in split and len(folded) > len(key):
        key = folded[: len(key) + 1]
    return key


def shard_name(prefix: str) -> str:
    """File name of a word shard: the prefix's UTF-8 bytes in hex (safe on every host)."""
    return prefix.encode("utf-8").hex()


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def index_files(found: list[Entry]) -> dict[str, bytes]:
    """The files of one language's index, by path inside `INDEX_DIR`."""
    table = postings(found)
    by_prefix, split = shards(table)
    files = {f"t/{shard_name(p)}.json": _json({w: table[w] for w in ws}) for p, ws in by_prefix.items() if ws}
    for start in range(0, len(found), CHUNK):
        chunk = found[start : start + CHUNK]
        files[f"d/{start // CHUNK}.json"] = _json([[e.title, e.url, e.kind, e.snippet] for e in chunk])
    manifest = {"format": FORMAT, "count": len(found), "chunk": CHUNK, "prefix": PREFIX,
                "split": split, "shards": sorted(p for p, ws in by_prefix.items() if ws)}
    files["manifest.json"] = _json(manifest)
    return files
