"""SVG charts: deterministic, escaped, every kind of value drawn."""

from briefing.write.charts import Point, series_chart


def test_chart_is_deterministic_escaped_and_draws_open_ranges() -> None:
    series = [
        ("<Monitor>", [Point("2024-11-28", 200, 200), Point("2024-11-30", 311, None)]),
        ("State TV (a party)", [Point("2024-11-30", None, 1000)]),
    ]
    svg = series_chart("killed", series)
    assert svg == series_chart("killed", series)
    assert "&lt;Monitor&gt;" in svg and "<Monitor>" not in svg
    assert svg.count("<path") == 2 and svg.count("<circle") == 1  # at least, at most, a value
    assert series_chart("killed", []) == ""


def test_title_is_escaped_in_the_label_and_the_tooltip() -> None:
    svg = series_chart('dead "<b>" & wounded', [("A", [Point("2024-11-28", 5, 5)])])
    assert 'aria-label="dead &quot;&lt;b&gt;&quot; &amp; wounded"' in svg
    assert "<title>dead &quot;&lt;b&gt;&quot; &amp; wounded</title>" in svg
    assert "<b>" not in svg


def test_a_range_is_a_bar_and_each_series_has_a_legend_row() -> None:
    series = [
        ("A", [Point("2024-11-28", 100, 200), Point("2024-11-29", 150, 150)]),
        ("B", [Point("2024-11-29", 10, 10)]),
    ]
    svg = series_chart("killed", series)
    assert svg.count('stroke-width="3"') == 1  # the one range
    assert svg.count("<polyline") == 1  # only a series of two points or more has a line
    assert svg.count("<rect") == 2 and ">A</text>" in svg and ">B</text>" in svg
    assert ">28 Nov</text>" in svg and ">29 Nov</text>" in svg
    assert ">200</text>" in svg  # the axis tops out at a round number
