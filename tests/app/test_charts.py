"""Chart rules: a nice value axis, bars with their values and labels, and the empty state."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.charts import (label_stride, rates_chart, labelled, minutes_chart, nice_scale, percent_scale, rating_scale,
                        ratings_chart, values_fit)

amounts = st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False)


@given(amounts)
def test_the_ticks_reach_the_largest_value(largest):
    assert nice_scale(largest).ticks[-1] >= largest


@given(amounts)
def test_the_ticks_start_at_zero_and_are_evenly_spaced(largest):
    ticks = nice_scale(largest).ticks
    assert ticks[0] == 0
    gaps = {b - a for a, b in zip(ticks, ticks[1:])}
    assert len(gaps) == 1 and gaps.pop() > 0


@given(amounts, st.integers(min_value=2, max_value=10))
def test_there_are_never_more_ticks_than_asked(largest, max_ticks):
    assert 2 <= len(nice_scale(largest, max_ticks).ticks) <= max_ticks


@given(amounts)
def test_the_top_is_the_last_tick_and_not_far_above_the_largest(largest):
    scale = nice_scale(largest)
    assert scale.top == scale.ticks[-1]
    step = scale.ticks[1] - scale.ticks[0]
    assert scale.top - largest < step or scale.top == step  # no empty tick above the data


@given(amounts)
def test_a_single_value_fills_the_chart_only_when_it_is_the_top_tick(value):
    chart = minutes_chart([("this week", value)], "nothing yet")
    if chart.is_empty:  # under half a minute rounds to nothing
        assert round(value) == 0
        return
    (bar,) = chart.bars
    assert (bar.height == 1.0) == (value == chart.scale.top)


def test_familiar_scales():
    assert nice_scale(48).ticks == (0, 10, 20, 30, 40, 50)
    assert nice_scale(107).ticks == (0, 25, 50, 75, 100, 125)
    assert nice_scale(16).ticks == (0, 5, 10, 15, 20)
    assert nice_scale(3).ticks == (0, 1, 2, 3)
    assert nice_scale(0.4).ticks == (0, 1)


def test_a_week_of_no_minutes_at_all_is_the_empty_state_not_a_row_of_zeros():
    chart = minutes_chart([(f"week {i}", 0.0) for i in range(12)], "No minutes yet.")
    assert chart.is_empty and chart.scale is None and chart.empty_text == "No minutes yet."
    assert minutes_chart([], "No minutes yet.").is_empty


def test_weeks_with_and_without_minutes_keep_their_zero_bars():
    chart = minutes_chart([("2 Nov", 0.0), ("9 Nov", 26.2), ("16 Nov", 48.0)], "No minutes yet.")
    assert [(b.label, b.value_text, b.height) for b in chart.bars] == [
        ("2 Nov", "0", 0.0), ("9 Nov", "26", pytest.approx(26.2 / 50)), ("16 Nov", "48", 0.96)]
    assert chart.empty_text == "" and chart.axis_title == "Minutes (min)"


def test_ratings_sit_on_a_fixed_one_to_five_axis():
    chart = ratings_chart([("1 Nov", 3), ("2 Nov", 3)], "No ratings yet.")
    assert chart.scale == rating_scale() and chart.scale.ticks == (1, 2, 3, 4, 5)
    assert [b.height for b in chart.bars] == [0.6, 0.6]  # a run of 3s is not drawn as the best
    assert ratings_chart([], "No ratings yet.").empty_text == "No ratings yet."


def test_percent_axis():
    assert percent_scale().ticks == (0, 25, 50, 75, 100) and percent_scale().fraction(150) == 1.0


def test_values_are_written_only_when_neighbours_stay_a_digit_apart():
    assert values_fit(widest=16, digit=8, slot_width=24) and not values_fit(widest=16, digit=8, slot_width=23.9)


@given(st.integers(min_value=1, max_value=120), st.floats(min_value=1, max_value=500),
       st.floats(min_value=1, max_value=500))
def test_shown_labels_never_overlap_and_the_newest_is_labelled(count, slot, label_width):
    stride = label_stride(count, slot, label_width)
    shown = [i for i in range(count) if labelled(i, count, stride)]
    assert shown[-1] == count - 1
    assert all((b - a) * slot >= label_width for a, b in zip(shown, shown[1:]))


def test_step_rates_are_the_share_done_on_a_fixed_percent_axis():
    chart = rates_chart([("Prepare", 19, 11), ("Warm towel", 51, 0), ("Never offered", 0, 0)], "none")
    assert [(b.label, b.value_text, b.height) for b in chart.bars] == [
        ("Prepare", "63", pytest.approx(0.633, abs=0.001)), ("Warm towel", "100", 1.0)]
    assert chart.scale == percent_scale() and chart.axis_title == "Share of times done (%)"
    assert rates_chart([], "No steps yet.").empty_text == "No steps yet."
