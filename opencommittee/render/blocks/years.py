"""Any year: a page per year with a dated record (`years/<yyyy>/`) and the index
(`years/`). Years between, and after, with no dated record are folded into one line on
the index ("2015–2026: nothing published") rather than given a page each."""

from __future__ import annotations

from datetime import date
from typing import Any

from markupsafe import Markup

from ..renderer import Renderer


def _runs(years: list[int], span: tuple[int, int]) -> list[dict[str, Any]]:
    """The index's rows, oldest first: a year with a page, or a run of empty years."""
    rows: list[dict[str, Any]] = []
    have = set(years)
    for year in range(span[0], span[1] + 1):
        if year in have:
            rows.append({"year": year})
        elif rows and "empty" in rows[-1] and rows[-1]["empty"][1] == year - 1:
            rows[-1]["empty"][1] = year
        else:
            rows.append({"empty": [year, year]})
    return rows


def years_index(r: Renderer) -> Markup:
    span = r.context.years.span
    rows = _runs(r.context.years.years, span) if span else []
    for row in rows:
        if "year" in row:
            row["href"] = r.page("year", subject=str(row["year"]))
            row["counts"] = {k: len(v) for k, v in r.context.years.dated.get(row["year"], {}).items()}
    return r.render("years.html", rows=rows, span=span)


# One year's page (one page of it): serving at the end of the year, meetings held,
# documents issued, tasks assigned, tasks due with their state at the year's end, updates.
def year(r: Renderer) -> Markup:
    number = int(r.ref.subject or 0)
    entries = r.page_entries("year")
    sections: dict[str, list[Any]] = {}
    for e in entries:
        sections.setdefault(e.section, []).append(r.rec(e.id))
    end = date(number, 12, 31)
    states = r.context.progress_at(end) if sections.get("due") else None
    return r.render("year.html", year=number, end=end.isoformat(), sections=sections, states=states,
                    pager=r.pager("year"), continued=r.continued("year", entries),
                    first=r.page_number("year") == 1, empty=not any(r.layout().pages.get(r.key("year"), [[]])[0]))
