import math

import pytest

from skills.charts import Point, build_line_chart, build_radar, label_lines, polar_point, radar_polygon


def test_first_spoke_points_up_and_the_next_go_clockwise():
    center = Point(100, 100)
    up = polar_point(center=center, radius=50, index=0, count=4)
    right = polar_point(center=center, radius=50, index=1, count=4)
    assert (round(up.x), round(up.y)) == (100, 50)
    assert (round(right.x), round(right.y)) == (150, 100)


def test_radar_values_sit_at_their_share_of_the_radius_and_are_clamped():
    center = Point(0, 0)
    points = radar_polygon([2, 4, 9, -1], max_value=4, center=center, radius=80)
    distances = [round(math.hypot(point.x, point.y)) for point in points]
    assert distances == [40, 80, 80, 0]


def test_radar_has_one_ring_per_level_and_labels_on_the_outside():
    chart = build_radar(["SQL", "Pandas", "PySpark"], [1, 2, 3], [2, 2, 2], max_value=4, size=300, margin=50)
    assert len(chart.rings) == 4
    assert [axis.anchor for axis in chart.axes] == ["middle", "start", "end"]
    assert chart.target_points.count(",") == 3
    assert chart.axes[0].label_at.y < chart.axes[0].end.y  # the top label sits above its spoke


def test_radar_without_targets_draws_no_target_shape():
    assert build_radar(["SQL", "Pandas", "PySpark"], [1, 2, 3]).target_points == ""


def test_radar_refuses_mismatched_lengths():
    with pytest.raises(ValueError, match="same length"):
        build_radar(["SQL"], [1, 2])


def test_long_labels_are_wrapped_into_lines():
    assert label_lines("Debugging runtime, cluster load and cost") == ["Debugging", "runtime,", "cluster load"]
    assert label_lines("SQL") == ["SQL"]


def test_line_chart_spans_the_width_with_zero_at_the_bottom():
    chart = build_line_chart([0, 5, 10], y_max=10, width=200, height=100, padding=20)
    assert [(dot.x, dot.y) for dot in chart.dots] == [(20, 80), (100, 45), (180, 10)]
    assert chart.points == "20.0,80.0 100.0,45.0 180.0,10.0"


def test_a_single_value_is_drawn_in_the_middle():
    chart = build_line_chart([3], y_max=6, width=200, height=100, padding=20)
    assert chart.dots[0].x == 100


def test_many_values_are_drawn_as_a_line_without_dots():
    chart = build_line_chart(list(range(100)), y_max=100, max_dots=60)
    assert chart.dots == []
    assert chart.points.count(",") == 100
