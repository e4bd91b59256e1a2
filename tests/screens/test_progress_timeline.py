"""Progress's treatment timeline on the real screen: an injection logged on the drawn face is
read back on it, drawn on the same axis as the routine and said in words; 6 or 12 months."""
from datetime import timedelta

from app.vocabulary import InjectionArea
from tests.screens.test_accessibility import problems_on
from tests.seed import seed_two_months


def test_an_injection_logged_on_home_is_read_on_progress_timeline(ui):
    core = ui.app.core
    seed_two_months(core.store, core.routine, core.today() - timedelta(days=1))
    ui.app.screen("home").refresh()
    ui.frames(2)
    ui.tap(ui.app.screen("home").ids.cycle_card.ids.log_injection_button)
    ui.tap(next(region for region, _box in ui.widget("face").regions if region.area == InjectionArea.CHEEK.value))
    ui.type_into("date_input", "2026-10-21")
    ui.tap("save_button")
    assert ui.screen.name == "home"

    ui.tap("progress_button")
    assert ui.screen.name == "progress"
    chart = ui.widget("timeline_chart")
    assert ui.widget("timeline_card").children[-1].text == "Your treatment, the last 6 months"
    [shot] = [m for m in chart.model.marks if m.shape == "injection"]
    assert chart.model.lanes[shot.lane] == "Injections and effect"
    routine_days = dict(chart.model.routine)
    assert routine_days[shot.offset] in ("done", "partial", "missed", "rest")  # the routine on the same axis
    events = [label.text for label in ui.widget("timeline_events_box").children]
    assert events == ["21 October 2026: Injection: Cheek (left)"]
    assert "November 2026: routine done on" in ui.widget("timeline_months_box").children[-1].text
    assert ui.text("timeline_after_label").startswith("In the 4 weeks after an injection")
    assert chart.height > 0 and ui.text("timeline_empty_label") == ""

    ui.tap("timeline_toggle")
    assert chart.model.months == 12 and ui.text("timeline_toggle") == "Show 6 months"
    assert len(chart.month_labels) == 12
    assert problems_on(ui.screen) == []


def test_with_nothing_logged_the_timeline_says_so(ui):
    ui.tap("progress_button")
    assert ui.text("timeline_empty_label").startswith("Nothing from your treatment journal")
    assert ui.widget("timeline_events_box").children == []
