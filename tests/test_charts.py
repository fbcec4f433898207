"""SVG charts: deterministic, escaped, every kind of value drawn."""

from briefing.write.charts import BAR_LABELS, PALETTE, Point, bar_chart, series_chart


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


def test_chart_points_are_titled_with_their_source_value_and_day() -> None:
    svg = series_chart("killed", [("Monitor", [Point("2024-11-28", 200, None)])])
    assert "<title>Monitor: at least 200, 28 Nov</title>" in svg


def test_bar_chart_stacks_counts_per_day_in_the_map_colours() -> None:
    days = ["2024-11-28", "2024-11-29", "2024-11-30"]
    stacks = [("Battle", {"2024-11-28": 2, "2024-11-30": 1}), ("<Protest>", {"2024-11-30": 3})]
    svg = bar_chart("Events per day", days, stacks)
    assert svg == bar_chart("Events per day", days, stacks)
    assert svg.count("<rect") == 3 + 2  # one part per non-zero count, one legend key each
    assert f'fill="{PALETTE[0]}"><title>Battle: 2, 28 Nov</title>' in svg
    assert "&lt;Protest&gt;: 3, 30 Nov" in svg and "<Protest>" not in svg
    # The tallest stack (1 + 3) sets the axis: its top reaches the top of the plot.
    assert ">4</text>" in svg or ">5</text>" in svg
    assert bar_chart("Events per day", days, [("Battle", {})]) == ""


def test_bar_chart_labels_at_most_a_few_days() -> None:
    days = [f"2024-10-{d:02d}" for d in range(1, 31)]
    svg = bar_chart("Mentions", days, [("Sentences", dict.fromkeys(days, 1))])
    assert svg.count('text-anchor="middle"') <= BAR_LABELS
    assert "<title>Sentences: 1, 1 Oct</title>" in svg  # no "1 sentences"
    assert svg.count("<rect") == 30  # one stack: no legend
