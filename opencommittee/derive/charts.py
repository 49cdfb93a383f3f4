"""Chart geometry from plain data; the SVG itself is written by Jinja templates.

Each function returns a frozen description (coordinates, already formatted labels) that
`templates/chart_*.html` turns into an inline `<svg role="img">` named by its `<title>`.
No JavaScript, no external file. Meaning is carried by text labels and fill patterns,
never by colour alone; every chart comes with a table of the same numbers on the page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

WIDTH = 640
# The narrow variant of a line chart (phones): drawn at this width and never scaled up
# or down on a 360 px screen, so its text keeps its size (see chart_line.html).
NARROW_WIDTH = 300
# Bars take at most this share of the width; the rest is for the value written after them.
BAR_ROOM = 78


@dataclass(frozen=True)
class Bar:
    """One bar: its label above it, its length in % of the chart's width (no viewBox, so
    no text is ever scaled), its value written right after it."""

    label: str
    shown: str
    pattern: str
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    desc: str
    height: int
    bars: tuple[Bar, ...]
    row: int
    label_height: int


def bar_chart(chart_id: str, title: str, desc: str, items: Sequence[tuple[str, float, str, str]],
              row: int = 44, label_height: int = 18) -> BarChart:
    """Horizontal bars for (label, value, formatted value, pattern), each under its label;
    the longest bar takes `BAR_ROOM` % of the width. One layout for every width: the SVG
    has no viewBox, lengths are percentages and text keeps its CSS size."""
    top = 4
    biggest = max((v for _l, v, _s, _p in items), default=0) or 1
    bars = tuple(
        Bar(label, shown, pattern, top + i * row + label_height, round(max(BAR_ROOM * value / biggest, 0), 2), row - label_height - 8)
        for i, (label, value, shown, pattern) in enumerate(items)
    )
    return BarChart(chart_id, title, desc, top * 2 + row * len(items), bars, row, label_height)


@dataclass(frozen=True)
class Tick:
    pos: float
    label: str


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    shown: str


@dataclass(frozen=True)
class Series:
    name: str
    marker: str  # circle, square or diamond
    dashed: bool
    points: tuple[Point, ...]

    # Only circle series (measured values) label their last point; a target has its rule.
    @property
    def labelled(self) -> bool:
        return self.marker == "circle"

    @property
    def path(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)


@dataclass(frozen=True)
class LineChart:
    id: str
    title: str
    desc: str
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]
    series: tuple[Series, ...]
    # Horizontal reference lines (a target): y position and label.
    rules: tuple[Tick, ...] = ()
    # Narrow layout (phones): fewer ticks, legend stacked.
    compact: bool = False
    # Where each series' legend entry goes (x, y).
    legend: tuple[tuple[float, float], ...] = ()

    def label_y(self, point: Point) -> float:
        """Where a point's value label goes: above it, or below when a rule or the top
        edge is in the way."""
        above = point.y - 10
        if above < 16 or any(0 <= point.y - rule.pos < 26 for rule in self.rules):
            return point.y + 22
        return above


def line_chart(
    chart_id: str,
    title: str,
    desc: str,
    series: Sequence[tuple[str, str, bool, Sequence[tuple[date, float]]]],
    fmt_value: Callable[[float], str],
    fmt_day: Callable[[date], str],
    y_range: tuple[float, float] | None = None,
    rules: Sequence[tuple[float, str]] = (),
    fmt_tick: Callable[[date], str] | None = None,
    compact: bool = False,
) -> LineChart:
    """Lines over time for (name, marker, dashed, [(day, value)]) on shared axes.

    `y_range` fixes the value axis (0–100 for percentages); otherwise it spans the data,
    the rules and zero. Points are labelled with their formatted value. `compact` draws
    the phone layout: 300 wide, three value ticks, the legend one entry a line. The left
    margin grows with the longest value label, so no label is cut.
    """
    if compact:
        width, left, right, top, bottom, y_count = NARROW_WIDTH, 40, NARROW_WIDTH - 16, 24, 184, 3
        legend = tuple((12.0, bottom + 46.0 + 22 * i) for i in range(len(series)))
        height = bottom + 36 + 22 * len(series)
    else:
        width, left, right, top, bottom, y_count = WIDTH, 70, WIDTH - 30, 20, 220, 5
        legend = tuple((left + 10.0 + i * 190, 276.0) for i in range(len(series)))
        height = 286
    days = [d for _n, _m, _dash, pts in series for d, _v in pts]
    values = [v for _n, _m, _dash, pts in series for _d, v in pts] + [v for v, _l in rules]
    low, high = y_range if y_range else (min([0.0, *values]), max([0.0, *values]))
    if high == low:
        high = low + 1
    first, last = (min(days), max(days)) if days else (date(2000, 1, 1), date(2000, 1, 1))
    span = (last - first).days

    def x_of(day: date) -> float:
        return (left + right) / 2 if span == 0 else left + (right - left) * (day - first).days / span

    def y_of(value: float) -> float:
        return bottom - (bottom - top) * (value - low) / (high - low)

    steps = y_count - 1
    y_ticks = tuple(Tick(y_of(low + (high - low) * i / steps), fmt_value(low + (high - low) * i / steps)) for i in range(y_count))
    # Room on the left for the longest value label (about 8 px a character at 14 px).
    left = int(min(width * 0.4, max(left, 12 + 8 * max(len(str(tk.label)) for tk in y_ticks))))
    tick_days = sorted({first, last}) if span else [first]
    x_ticks = tuple(Tick(x_of(d), (fmt_tick or fmt_day)(d)) for d in tick_days)
    built = tuple(
        Series(name, marker, dashed, tuple(Point(x_of(d), y_of(v), fmt_day(d), fmt_value(v)) for d, v in pts))
        for name, marker, dashed, pts in series
    )
    return LineChart(
        chart_id, title, desc, width, height, left, right, top, bottom, y_ticks, x_ticks, built,
        tuple(Tick(y_of(v), label) for v, label in rules), compact, legend,
    )


# --- seats over time ----------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """One membership on a timeline: positions in % of the width (no text is scaled)."""

    label: str
    start: float | None  # a known start
    end: float | None  # a known end
    open_from: float | None  # drawn from here to the as-of date: no end recorded
    open_to: float | None
    unknown_from: float | None  # drawn from the timeline's start: the start is not known
    points: tuple[float, ...]  # "as of" dates: known to hold on that day only


@dataclass(frozen=True)
class Timeline:
    id: str
    title: str
    desc: str
    spans: tuple[Span, ...]
    ticks: tuple[Tick, ...]
    row: int = 34

    @property
    def height(self) -> int:
        return self.row * len(self.spans) + 30


def timeline(chart_id: str, title: str, desc: str, rows: Sequence[tuple[str, date | None, date | None, date | None]],
             until: date, max_ticks: int = 4) -> Timeline:
    """Rows of (label, known start, known end, as-of day) from the first known day to
    `until` (the build's as-of date). Known periods are solid, open ends and unknown
    starts are drawn apart, and "as of" days are points."""
    days = [d for _l, *ds in rows for d in ds if d is not None] + [until]
    first = min(days)
    span = max((until - first).days, 1)

    def pos(day: date) -> float:
        return round(100 * (min(day, until) - first).days / span, 2)

    built = []
    for label, start, end, as_of in rows:
        built.append(Span(
            label,
            pos(start) if start else None,
            pos(end) if end else None,
            pos(start) if start and not end else None,
            pos(until) if start and not end else None,
            0.0 if end and not start else None,
            (pos(as_of),) if as_of and not (start or end) else (),
        ))
    y0, y1 = first.year, until.year
    count = min(max_ticks, y1 - y0)
    years = sorted({y0 + round(i * (y1 - y0) / count) for i in range(count + 1)}) if count else [y0]
    ticks = tuple(Tick(pos(max(date(y, 1, 1), first)), str(y)) for y in years)
    return Timeline(chart_id, title, desc, tuple(built), ticks)
