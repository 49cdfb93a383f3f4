"""The plan page's charts: geometry from `derive.charts`, SVG from `chart_*.html`."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ...derive import charts, progress
from ..renderer import Renderer

# Fill pattern of each status in charts (the status name is always written too).
STATUS_PATTERN = {"completed": "solid", "in_progress": "diagonal", "not_started": "empty",
                  "stalled": "cross", "cancelled": "lines", "from_subtasks": "vertical", "no_information": "dots"}


# "Label 3, Label 1, …": a chart's text description from its rows.
def chart_desc(r: Renderer, rows: list[tuple[str, int]]) -> str:
    return "; ".join(f"{label}: {r.num(n, 0)}" for label, n in rows)


# Tasks by status (None when no task has a status).
def status_chart(r: Renderer, status_rows: list[tuple[str, str, int]]) -> Markup | None:
    if not any(n for k, _label, n in status_rows if k != progress.NO_INFORMATION):
        return None
    return r.render("chart_bars.html", chart=charts.bar_chart(
        "oc_chart_status", r.ui("plan.chart_status_title"), chart_desc(r, [(lbl, n) for _k, lbl, n in status_rows]),
        [(lbl, n, r.num(n, 0), STATUS_PATTERN[k]) for k, lbl, n in status_rows]))


# Tasks by due year (None when no task has a due date).
def due_chart(r: Renderer, by_year: list[tuple[int | None, int]], due: list[tuple[str, int]]) -> Markup | None:
    if not any(y is not None for y, _n in by_year):
        return None
    return r.render("chart_bars.html", chart=charts.bar_chart(
        "oc_chart_due", r.ui("plan.chart_due_title"), chart_desc(r, due),
        [(label, n, r.num(n, 0), "diagonal") for label, n in due]))


# A plan's overall progress over time (None when fewer than two points: no chart).
def progress_chart(r: Renderer, plan_id: str | None, name: str, points: list[Any]) -> Markup | None:
    if len(points) < 2:
        return None
    def draw(compact: bool) -> charts.LineChart:
        return charts.line_chart(
            f"oc_chart_progress_{(plan_id or 'loose').replace(':', '-')}", r.ui("plan.chart_progress_title", name=name),
            r.ui("plan.chart_progress_desc", first=r.pct(points[0][1]), first_date=r.date(points[0][0].isoformat()),
                 last=r.pct(points[-1][1]), last_date=r.date(points[-1][0].isoformat())),
            [(r.ui("plan.overall"), "circle", False, points)],
            fmt_value=lambda v: r.pct(v) or "", fmt_day=lambda d: r.date(d.isoformat()) or "", y_range=(0, 100),
            compact=compact)

    return r.render("chart_line.html", chart=draw(False), narrow=draw(True))


# At most `most` points, evenly spread, the last one kept (the table gives every value).
def _sample(points: list[Any], most: int = 60) -> list[Any]:
    if len(points) <= most:
        return points
    step = len(points) / most
    return [points[int(i * step)] for i in range(most - 1)] + [points[-1]]


# Actual values over time against the target (a dashed rule), baseline as a square.
def indicator_chart(r: Renderer, ind: Any, history: list[Any]) -> Markup | None:
    unit = ind.unit.value
    if unit == "boolean":
        return None
    measured = [(progress.day_of(u.date), float(u.value)) for u in history if u.value is not None]
    actual = _sample(measured)
    if not actual:
        return None

    def shown(v: float) -> Markup:
        return r.render("plan_value.html", unit=unit, v=v)

    series: list[tuple[str, str, bool, list[Any]]] = []
    if ind.baseline is not None:
        series.append((r.ui("plan.baseline"), "square", False, [(progress.day_of(ind.baseline.date), float(ind.baseline.value))]))
    series.append((r.ui("plan.actual"), "circle", False, actual))
    rules = []
    if ind.target is not None:
        series.append((r.ui("plan.target"), "diamond", False, [(progress.day_of(ind.target.date), float(ind.target.value))]))
        rules.append((float(ind.target.value), Markup("{}: {}").format(r.ui("plan.target"), shown(float(ind.target.value)))))
    y_range = {"percent": (0.0, 100.0), "ratio": (0.0, 1.0)}.get(unit)
    def draw(compact: bool) -> charts.LineChart:
        return charts.line_chart(
            f"oc_chart_{ind.id}", r.ui("plan.chart_indicator_title", name=r.label(ind.id).value),
            r.ui("plan.chart_indicator_desc", count=r.num(len(measured), 0), last=shown(actual[-1][1]),
                 target=shown(float(ind.target.value)) if ind.target is not None else r.ui("common.unknown")),
            series, fmt_value=shown, fmt_day=lambda d: r.date(d.isoformat()) or "", y_range=y_range, rules=rules,
            fmt_tick=lambda d: str(d.year), compact=compact)

    return r.render("chart_line.html", chart=draw(False), narrow=draw(True))
