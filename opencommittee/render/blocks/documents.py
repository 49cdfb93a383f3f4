"""The legal register (one page of it), grouped by type, with counts by type and status."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ...derive.listings import doc_type_section
from ..renderer import Renderer


def documents(r: Renderer) -> Markup:
    index = r.indexes.documents
    entries = r.page_entries("documents")
    continued = r.continued("documents", entries)
    types: list[dict[str, Any]] = [
        {"anchor": doc_type_section(t), "title": r.ui(f"vocab.doc_type.{t.value}"), "count": n}
        for t, n in index.types
    ]
    for t in types:
        t["href"] = r.section_link("documents", t["anchor"])
    titles = {t["anchor"]: t["title"] for t in types}
    groups: list[dict[str, Any]] = []
    for entry in entries:
        if not groups or groups[-1]["anchor"] != entry.section:
            groups.append({"anchor": entry.section, "title": titles[entry.section], "continued": entry.section in continued, "documents": []})
        groups[-1]["documents"].append(r.rec(entry.id))
    statuses = [{"title": r.ui(f"vocab.doc_status.{k}") if k != "unknown" else r.ui("common.unknown"), "count": v} for k, v in index.statuses]
    return r.render("documents.html", types=types, groups=groups, statuses=statuses,
                    implemented_by=index.implemented_by, pager=r.pager("documents"))
