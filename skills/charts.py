"""Geometry for the small server-side SVG charts: plain numbers in, coordinates out.

No Django here, so the shapes can be tested without a database and the
templates only place what these functions computed.
"""

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

LINE_HEIGHT_EM = 1.1
MIN_TICK_GAP = 80  # between two dates on a time axis, in the chart's units


@dataclass(frozen=True)
class Point:
    x: float
    y: float


def svg_points(points: Sequence[Point]) -> str:
    """The value of an SVG ``points`` attribute."""
    return " ".join(f"{point.x:.1f},{point.y:.1f}" for point in points)


def polar_point(*, center: Point, radius: float, index: int, count: int) -> Point:
    """The point on spoke ``index`` of ``count``, the first pointing straight up, going clockwise."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return Point(center.x + radius * math.cos(angle), center.y + radius * math.sin(angle))


def radar_polygon(values: Sequence[float], *, max_value: float, center: Point, radius: float) -> list[Point]:
    """One point per spoke at the value's share of the radius, clamped to 0..max_value."""
    count = len(values)
    return [
        polar_point(center=center, radius=radius * min(max(value, 0), max_value) / max_value, index=index, count=count)
        for index, value in enumerate(values)
    ]


def label_lines(label: str, *, width: int = 14, max_lines: int = 3) -> list[str]:
    """A long axis label broken into short lines, so it fits beside the chart on a phone."""
    return textwrap.wrap(label, width, break_on_hyphens=False)[:max_lines] or [label]


@dataclass(frozen=True)
class RadarAxis:
    label: str
    lines: list[str]
    end: Point
    label_at: Point
    anchor: str  # SVG text-anchor: start, middle or end
    first_dy: float  # em offset of the first line, so the label block sits clear of the chart


@dataclass(frozen=True)
class RadarChart:
    size: int
    center: Point
    view_box: str
    axes: list[RadarAxis]
    rings: list[str]
    value_points: str
    value_dots: list[Point]
    target_points: str


def build_radar(
    labels: Sequence[str],
    values: Sequence[float],
    targets: Sequence[float] | None = None,
    *,
    max_value: int = 4,
    size: int = 360,
    margin: int = 60,
    label_room: int = 40,
) -> RadarChart:
    """A radar (spider) chart: spokes, one ring per level, the values and optionally the targets."""
    if len(labels) != len(values) or (targets is not None and len(targets) != len(values)):
        raise ValueError("labels, values and targets must have the same length")
    count = len(labels)
    center = Point(size / 2, size / 2)
    radius = size / 2 - margin
    axes = []
    for index, label in enumerate(labels):
        label_at = polar_point(center=center, radius=radius + 12, index=index, count=count)
        anchor = "middle" if abs(label_at.x - center.x) < 1 else "start" if label_at.x > center.x else "end"
        lines = label_lines(label)
        if label_at.y < center.y - 1:
            first_dy = -(len(lines) - 1) * LINE_HEIGHT_EM
        elif label_at.y > center.y + 1:
            first_dy = 0.9
        else:
            first_dy = 0.35 - (len(lines) - 1) * LINE_HEIGHT_EM / 2
        axes.append(
            RadarAxis(
                label=label,
                lines=lines,
                end=polar_point(center=center, radius=radius, index=index, count=count),
                label_at=label_at,
                anchor=anchor,
                first_dy=round(first_dy, 2),
            )
        )
    rings = [
        svg_points(radar_polygon([level] * count, max_value=max_value, center=center, radius=radius))
        for level in range(1, max_value + 1)
    ]
    value_dots = radar_polygon(values, max_value=max_value, center=center, radius=radius)
    target_points = (
        svg_points(radar_polygon(targets, max_value=max_value, center=center, radius=radius)) if targets else ""
    )
    return RadarChart(
        size=size,
        center=center,
        view_box=f"{-label_room} 0 {size + 2 * label_room} {size}",
        axes=axes,
        rings=rings,
        value_points=svg_points(value_dots),
        value_dots=value_dots,
        target_points=target_points,
    )


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    y_max: int
    points: str
    dots: list[Point]  # empty when there are too many values to mark each one
    baseline_y: float
    top_y: float
    left_x: float
    right_x: float
    date_ticks: list[tuple[float, date]] = field(default_factory=list)  # x and the day it marks on the time axis


def build_line_chart(
    values: Sequence[float],
    *,
    y_max: int,
    days: Sequence[date] | None = None,
    width: int = 480,
    height: int = 160,
    padding: int = 24,
    max_dots: int = 60,
) -> LineChart:
    """Values from left to right, 0 at the bottom and ``y_max`` at the top: evenly spaced, or placed by their
    ``days`` on a time axis with the first, middle and last day marked.

    A single value sits in the middle, so one change still shows as a point.
    """
    y_max = max(y_max, 1)
    left, right = padding, width - padding
    top, bottom = padding / 2, height - padding
    count = len(values)
    if days is not None and len(days) != count:
        raise ValueError("values and days must have the same length")
    span = (days[-1] - days[0]).days if days else 0
    dots = []
    for index, value in enumerate(values):
        if count == 1 or (days is not None and span == 0):
            share = 0.5
        else:
            share = (days[index] - days[0]).days / span if days is not None else index / (count - 1)
        y = bottom - (bottom - top) * min(max(value, 0), y_max) / y_max
        dots.append(Point(left + (right - left) * share, y))
    date_ticks = []
    if days:
        marked = [0, count - 1] if span else [0]
        middle = min(range(count), key=lambda i: abs((days[i] - days[0]).days - span / 2))
        if span and min(dots[middle].x - left, right - dots[middle].x) >= MIN_TICK_GAP:  # labels never overlap
            marked.insert(1, middle)
        date_ticks = [(dots[index].x, days[index]) for index in marked]
    return LineChart(
        width=width,
        height=height,
        y_max=y_max,
        points=svg_points(dots),
        dots=dots if count <= max_dots else [],
        baseline_y=bottom,
        top_y=top,
        left_x=left,
        right_x=right,
        date_ticks=date_ticks,
    )
