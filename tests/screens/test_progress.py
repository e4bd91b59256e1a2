"""Progress on the real screen: streaks, the calendar and its months, adherence, minutes and steps."""
from dataclasses import replace
from datetime import date, datetime, timezone

import pytest
from kivy.metrics import dp
from kivy.tests.common import UnitTestTouch

from app.clock import FakeClock
from app.presenters.progress import NO_MINUTES_TEXT, NO_STEPS_TEXT
from tests.harness import Driver
from tests.seed import REQUIRED, add_session, one_transaction, save_plan, seeded_rows

TODAY = date(2026, 11, 25)  # the FakeClock's day, a Wednesday


def at(day: int, hour: int = 8, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=timezone.utc)


def seed(ui):
    """From 10 Nov: 10-14 done (best run, 5), 15 missed, 16 partly done, 17-21 missed, 22-25 done (4)."""
    core = ui.app.core
    store = core.store
    with one_transaction(store) as bulk:
        plan = save_plan(bulk, core.routine, date(2026, 11, 10))
        for day in (10, 11, 12, 13, 14, 22, 23, 24):
            add_session(bulk, plan, at(day))
        add_session(bulk, plan, at(16), done=("preparation", "heat"), skipped=("massage", "eyes"))
        add_session(bulk, plan, at(25, 7), done=REQUIRED, skipped=("preparation",))  # before the clock's 08:00
    return plan


def open_progress(ui):
    ui.screen.refresh()  # Home shows the seeded record, as after a restart
    ui.tap("progress_button")
    assert ui.screen.name == "progress"


def swipe(ui, widget, dx: float, dy: float = 0) -> None:
    """A finger put down on the widget, moved in a few steps, and lifted."""
    x, y = widget.to_window(*widget.center)
    touch = UnitTestTouch(x, y)
    touch.touch_down()
    ui.frames(1)
    for i in range(1, 5):
        touch.touch_move(x + dx * i / 4, y + dy * i / 4)
        ui.frames(1)
    touch.touch_up()
    ui.frames(8)  # the scroll view hands a touch it did not scroll to its children a little later


def test_a_rest_day_shows_as_rest(ui):
    core = ui.app.core
    plan = save_plan(core.store, core.routine, date(2026, 11, 10), rest_weekdays={6})
    add_session(core.store, plan, at(20))
    core.store.set_rest_day(date(2026, 11, 18), True, at(17))
    open_progress(ui)
    cells = ui.screen.cells
    assert [cells[date(2026, 11, d)].status for d in (15, 17, 18, 19, 20, 22)] == [
        "rest", "missed", "rest", "missed", "done", "rest"]


def chart_texts(ui, chart_id: str) -> list[str]:
    """What a reader sees written in a chart: its axis, tick values, bar values and labels."""
    return [label.text for label in ui.widget(chart_id).children if label.opacity and label.text]


def test_a_new_patient_sees_a_kind_empty_progress(ui):
    ui.tap("progress_button")
    assert ui.text("current_streak_label").startswith("No streak yet")
    assert "No steps done yet" in " ".join(ui.visible_texts())
    assert ui.screen.cells[TODAY].status == "today"


def test_with_nothing_practised_the_charts_say_so_instead_of_drawing_bars(ui):
    ui.tap("progress_button")
    assert chart_texts(ui, "minutes_chart") == [NO_MINUTES_TEXT]
    assert chart_texts(ui, "steps_chart") == [NO_STEPS_TEXT]
    assert ui.widget("minutes_chart").height < dp(120)  # one sentence, not an empty plot


def test_swiping_the_calendar_sideways_turns_the_month(ui):
    seed(ui)
    open_progress(ui)
    grid = ui.widget("calendar_grid")
    swipe(ui, grid, dx=dp(160))  # finger to the right: the month before
    assert ui.text("month_label") == "October 2026"
    assert ui.screen.cells[date(2026, 10, 1)].status == "none"
    swipe(ui, grid, dx=-dp(160))  # finger to the left: the month after
    assert ui.text("month_label") == "November 2026"


def test_short_or_mostly_vertical_moves_do_not_turn_the_month(ui):
    seed(ui)
    open_progress(ui)
    grid = ui.widget("calendar_grid")
    swipe(ui, grid, dx=dp(20))
    swipe(ui, grid, dx=dp(90), dy=dp(150))
    assert ui.text("month_label") == "November 2026"


@pytest.fixture(scope="class")
def seeded_app(tmp_path_factory):
    driver = Driver(tmp_path_factory.mktemp("progress") / "data", FakeClock())
    seed(driver)
    driver.rows = seeded_rows(driver.app.core.store)
    yield driver
    driver.close()


@pytest.fixture
def shared(seeded_app):
    """The class's app, on Home; the seeded record is checked to be as it was."""
    ui = seeded_app
    assert seeded_rows(ui.app.core.store) == ui.rows, "a test before this one changed the record"
    if ui.screen.name != "home":
        ui.app.go("home")
        ui.settle()
    assert ui.screen.name == "home"
    return ui


class TestTheSeededRecord:
    """Tests that only read the seeded record and only tap share one app, each starting on
    Home. (The swiping tests above do not: a swipe can leave the scroll view moving.)"""

    @pytest.fixture
    def ui(self, shared):
        return shared

    def test_streaks_and_adherence_come_from_the_record(self, ui):
        open_progress(ui)
        assert ui.text("current_streak_label") == "4 days in a row"
        assert ui.text("best_streak_label") == "Your best: 5 days in a row"
        lines = ui.text("adherence_label").replace("[b]", "").replace("[/b]", "").splitlines()
        # 7 days: 19-21 missed, 22-25 done. 30 and 90 days: 9 done of 16 planned days since 10 Nov.
        assert lines == ["Last 7 days:  57 %", "Last 30 days:  56 %", "Last 90 days:  56 %"]

    def test_calendar_cells_show_each_days_status_and_today(self, ui):
        open_progress(ui)
        assert ui.text("month_label") == "November 2026"
        cells = ui.screen.cells
        assert len(cells) == 30
        expected = {date(2026, 11, 9): "none", date(2026, 11, 12): "done", date(2026, 11, 15): "missed",
                    date(2026, 11, 16): "partial", date(2026, 11, 25): "done", date(2026, 11, 26): "future"}
        assert {day: cells[day].status for day in expected} == expected
        assert [day for day, cell in cells.items() if cell.is_today] == [TODAY]
        theme = ui.app.theme
        assert cells[date(2026, 11, 16)].words == "Partly done"  # a word, not only a colour
        assert theme["partial"] != theme["done"] != theme["missed"]
        # 1 November 2026 is a Sunday: six blanks come before it in the Monday-first grid
        grid = ui.widget("calendar_grid")
        first = grid.children[::-1].index(cells[date(2026, 11, 1)])
        assert first == 6

    def test_arrows_move_between_months_but_not_past_this_one(self, ui):
        open_progress(ui)
        ui.tap("earlier_button")
        assert ui.text("month_label") == "October 2026"
        assert len(ui.screen.cells) == 31 and date(2026, 10, 31) in ui.screen.cells
        ui.tap("earlier_button")
        assert ui.text("month_label") == "September 2026"
        ui.tap("later_button")
        ui.tap("later_button")
        assert ui.text("month_label") == "November 2026"
        ui.tap("later_button")  # nothing after this month yet
        assert ui.text("month_label") == "November 2026"
        assert ui.widget("later_button").disabled
        for name in ("earlier_button", "later_button"):
            assert min(ui.widget(name).size) >= dp(48)

    def test_leaving_and_coming_back_shows_this_month_again(self, ui):
        open_progress(ui)
        ui.tap("earlier_button")
        ui.tap("back_button")
        assert ui.screen.name == "home"
        ui.tap("progress_button")
        assert ui.text("month_label") == "November 2026"

    def test_the_minutes_chart_reads_its_scale_and_each_weeks_minutes(self, ui):
        open_progress(ui)
        texts = chart_texts(ui, "minutes_chart")
        assert "Minutes (min)" in texts and "Week starting" in texts
        # the best week, 10 to 14 Nov, is 5 days of 16 min: the axis runs to 80 in twenties
        assert all(tick in texts for tick in ("0", "20", "40", "60", "80")) and texts.count("80") == 2
        # this week (from Monday 23 Nov): the 23rd, 24th and 25th, 16 minutes each;
        # the week before: the 16th partly done (10 min 14 s) and the 22nd done (16 min)
        assert texts.count("48") == 1 and texts.count("26") == 1
        assert "23 Nov" in texts  # the newest week is always labelled
        assert len(ui.widget("minutes_chart").model.bars) == 12

    def test_the_steps_chart_reads_a_percent_axis_and_each_steps_share_done(self, ui):
        open_progress(ui)
        texts = chart_texts(ui, "steps_chart")
        assert "Share of times done (%)" in texts
        assert all(tick in texts for tick in ("0", "25", "50", "75", "100"))
        assert {"Prepare", "Warm towel", "Facial massage"} <= set(texts)
        # massage and preparation 9 of 10 times: 90; the towel every time: 100, beside the tick
        assert texts.count("90") >= 2 and texts.count("100") == 2

    def test_chart_text_follows_the_text_size_setting_and_the_chart_grows_with_it(self, ui):
        open_progress(ui)
        chart = ui.widget("minutes_chart")
        tick, height = chart.ticks[0], chart.height
        size = tick.font_size
        core = ui.app.core
        core.apply_preferences(replace(core.preferences, text_scale=2.0))
        try:
            ui.frames(3)
            assert tick.font_size == pytest.approx(2 * size) and chart.height > height
            assert "48" not in chart_texts(ui, "minutes_chart")  # large values no longer fit their bars
        finally:
            core.apply_preferences(replace(core.preferences, text_scale=1.0))
            ui.frames(3)

    def test_minutes_each_week_and_step_rates_in_words(self, ui):
        open_progress(ui)
        assert "This week so far: 48 min" in ui.text("minutes_caption")
        texts = ui.visible_texts()
        assert "[b]Facial massage[/b]: done 9 of 10 times, skipped once." in texts
        assert "[b]Warm towel[/b]: done every time (10 times)." in texts
        assert "[b]Prepare[/b]: done 9 of 10 times, skipped once." in texts
