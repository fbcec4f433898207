"""Small SVG charts drawn at build time (no script, no external service).

A chart is plain SVG text placed in a page; every label in it is escaped, and the
same data always gives the same bytes.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..dates import short_date
from ..textutil import escape_html

WIDTH = 420
"""Width of a chart in pixels (it scales down on small screens: at 390 px the page is
about 358 px wide, so text of :data:`FONT_SIZE` still reads at 11 px or more)."""
FONT_SIZE = 14
HEIGHT = 240
"""Height of the plotting area and axes, legend excluded."""
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 64, 16, 12, 40
LEGEND_ROW = 20
"""Height of one legend row."""
# Okabe-Ito colours: told apart by colour-blind readers too.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")


@dataclass(frozen=True)
class Point:
    """One value of a series on one day."""

    day: str
    """ISO day."""
    low: int | None
    """Least the value can mean, or None when open below ("nearly 1,000")."""
    high: int | None
    """Most it can mean, or None when open above ("at least 400")."""


def _day_label(iso: str) -> str:
    """ "2024-11-28" → "28 Nov"."""
    try:
        return short_date(iso)
    except (ValueError, IndexError):
        return iso


def _nice_ceiling(value: int) -> int:
    """The next round number at or above ``value`` (1, 2 or 5 times a power of ten)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def _value(point: Point) -> int:
    return point.low if point.low is not None else point.high or 0


def _reading(point: Point) -> str:
    """A point's value in words: "400", "200 to 300", "at least 400", "at most 1,000"."""
    if point.high is None:
        return f"at least {point.low or 0:,}"
    if point.low is None:
        return f"at most {point.high:,}"
    return f"{point.low:,}" if point.low == point.high else f"{point.low:,} to {point.high:,}"


def _marker(x: float, y: float, point: Point, colour: str, name: str) -> str:
    """A point's mark, titled with its source, value and day (shown on hover)."""
    tip = f"<title>{escape_html(f'{name}: {_reading(point)}, {_day_label(point.day)}')}</title>"
    if point.high is None:  # open above: a triangle pointing up
        return f'<path d="M{x:.1f} {y - 6:.1f}L{x - 5:.1f} {y + 3:.1f}L{x + 5:.1f} {y + 3:.1f}Z" fill="{colour}">{tip}</path>'
    if point.low is None:  # open below: a triangle pointing down
        return f'<path d="M{x:.1f} {y + 6:.1f}L{x - 5:.1f} {y - 3:.1f}L{x + 5:.1f} {y - 3:.1f}Z" fill="{colour}">{tip}</path>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}">{tip}</circle>'


@dataclass(frozen=True)
class _Frame:
    """Where days and values fall on a chart."""

    days: list[str]
    """Every day drawn, in order, spread evenly along the x axis."""
    top: int
    """The value at the top of the y axis."""
    bands: bool = False
    """Whether each day is a band of its own (bars), not a point of a line."""

    @functools.cached_property
    def position(self) -> dict[str, int]:
        """Day → its place among :attr:`days`."""
        return {day: n for n, day in enumerate(self.days)}

    def x(self, day: str) -> float:
        plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
        if self.bands:
            return MARGIN_LEFT + plot_w * (self.position[day] + 0.5) / len(self.days)
        if len(self.days) == 1:
            return MARGIN_LEFT + plot_w / 2
        return MARGIN_LEFT + plot_w * self.position[day] / (len(self.days) - 1)

    def y(self, value: int) -> float:
        return MARGIN_TOP + (HEIGHT - MARGIN_TOP - MARGIN_BOTTOM) * (1 - value / self.top)


def _opening(title: str, legend_rows: int) -> list[str]:
    """A chart's SVG element, titled, with room for ``legend_rows`` under the plot."""
    total_h = HEIGHT + LEGEND_ROW * legend_rows
    label = escape_html(title)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {total_h}" '
        f'width="{WIDTH}" height="{total_h}" style="max-width:100%;height:auto" '
        f'role="img" aria-label="{label}">',
        f"<title>{label}</title>",
        f'<g font-family="sans-serif" font-size="{FONT_SIZE}" fill="currentColor">',
    ]


def _legend_row(n: int, name: str) -> list[str]:
    """The ``n``-th legend row: its colour's key and its name."""
    y = HEIGHT + LEGEND_ROW * n + 4
    colour = PALETTE[n % len(PALETTE)]
    return [
        f'<rect x="{MARGIN_LEFT}" y="{y:.1f}" width="12" height="12" fill="{colour}"/>',
        f'<text x="{MARGIN_LEFT + 18}" y="{y + 11:.1f}">{escape_html(name)}</text>',
    ]


def series_chart(title: str, series: Sequence[tuple[str, Sequence[Point]]]) -> str:
    """A chart of values over days, one line per series (named by its label): a dot
    for a value, a bar for a range, a triangle for "at least" (up) or "at most"
    (down). Empty string when there is nothing to draw."""
    points = [p for _, ps in series for p in ps]
    if not points:
        return ""
    frame = _Frame(
        days=sorted({p.day for p in points}),
        top=_nice_ceiling(max(max(p.low or 0, p.high or 0) for p in points) or 1),
    )
    out = [*_opening(title, len(series)), *_axes(frame, frame.days)]
    for n, (name, ps) in enumerate(series):
        out.extend(_series(frame, n, name, ps))
    out.append("</g></svg>")
    return "".join(out)


def _axes(frame: _Frame, labelled: Sequence[str]) -> list[str]:
    """Grid lines with their values, and the ``labelled`` days under the plot."""
    out = []
    for tick in sorted({0, frame.top // 2, frame.top}):  # a top of 1 has no middle
        y = frame.y(tick)
        out.append(
            f'<line x1="{MARGIN_LEFT}" y1="{y:.1f}" x2="{WIDTH - MARGIN_RIGHT}" y2="{y:.1f}" '
            'stroke="currentColor" stroke-opacity="0.2"/>'
        )
        out.append(f'<text x="{MARGIN_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{tick:,}</text>')
    base = HEIGHT - MARGIN_BOTTOM
    for day in labelled:
        out.append(
            f'<text x="{frame.x(day):.1f}" y="{base + 16:.1f}" text-anchor="middle">{escape_html(_day_label(day))}</text>'
        )
    return out


def _series(frame: _Frame, n: int, name: str, points: Sequence[Point]) -> list[str]:
    """The ``n``-th series: its line, its markers and ranges, its legend row."""
    colour = PALETTE[n % len(PALETTE)]
    ordered = sorted(points, key=lambda p: (p.day, _value(p)))
    out = []
    if len(ordered) > 1:
        path = " ".join(f"{frame.x(p.day):.1f},{frame.y(_value(p)):.1f}" for p in ordered)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.5"/>')
    for p in ordered:
        x = frame.x(p.day)
        if p.low is not None and p.high is not None and p.high != p.low:
            out.append(
                f'<line x1="{x:.1f}" y1="{frame.y(p.low):.1f}" x2="{x:.1f}" y2="{frame.y(p.high):.1f}" '
                f'stroke="{colour}" stroke-width="3"/>'
            )
        out.append(_marker(x, frame.y(_value(p)), p, colour, name))
    out.extend(_legend_row(n, name))
    return out


BAR_LABELS = 8
"""Most day labels under a bar chart; the others are skipped, evenly."""


def bar_chart(
    title: str, days: Sequence[str], stacks: Sequence[tuple[str, Mapping[str, int]]]
) -> str:
    """Counts per day as bars, one stacked part per named stack (its colour the stack's
    place in :data:`PALETTE`, as on the maps), each part titled with its day, count
    and name. The legend is drawn when there is more than one stack. Empty string when
    every count is zero."""
    top = max((sum(s.get(d, 0) for _, s in stacks) for d in days), default=0)
    if not top:
        return ""
    frame = _Frame(days=list(days), top=_nice_ceiling(top), bands=True)
    legend = len(stacks) if len(stacks) > 1 else 0
    out = [*_opening(title, legend), *_axes(frame, _every_nth(days)), *_bars(frame, stacks)]
    for n, (name, _) in enumerate(stacks[:legend]):
        out.extend(_legend_row(n, name))
    out.append("</g></svg>")
    return "".join(out)


def _every_nth(days: Sequence[str]) -> list[str]:
    step = -(-len(days) // BAR_LABELS)
    return list(days[::step])


def _bars(frame: _Frame, stacks: Sequence[tuple[str, Mapping[str, int]]]) -> list[str]:
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    width = max(1.0, min(24.0, plot_w / len(frame.days) * 0.7))
    out = []
    for day in frame.days:
        base = 0
        for n, (name, counts) in enumerate(stacks):
            count = counts.get(day, 0)
            if not count:
                continue
            y_top, y_base = frame.y(base + count), frame.y(base)
            tip = escape_html(f"{name}: {count}, {_day_label(day)}")  # as a line chart's point
            out.append(
                f'<rect x="{frame.x(day) - width / 2:.1f}" y="{y_top:.1f}" width="{width:.1f}" '
                f'height="{y_base - y_top:.1f}" fill="{PALETTE[n % len(PALETTE)]}"><title>{tip}</title></rect>'
            )
            base += count
    return out
