"""The caregiver's screens: PIN entry, the dashboard and its export, the plan editor."""
from datetime import timedelta

from app.presenters.caregiver import NO_RATINGS_TEXT, CaregiverEntryPresenter, DashboardPresenter, PlanEditPresenter
from app.vocabulary import DashboardStatus
from tests.fakes import FakeScreen


def test_a_first_pin_is_set_twice_then_opens_caregiver_mode(core, navigator, screen):
    entry = CaregiverEntryPresenter(core, navigator, screen)
    entry.enter()
    assert screen.model.setting_pin
    entry.submit("1234", "1243")
    assert screen.model.message and not navigator.caregiver_mode
    entry.submit(" 1234 ", "1234")
    assert navigator.caregiver_mode


def test_a_wrong_pin_is_refused_and_the_box_cleared(core, navigator, screen):
    entry = CaregiverEntryPresenter(core, navigator, screen)
    entry.enter()
    entry.submit("1234", "1234")
    entry.enter()
    entry.submit("9999", "")
    assert not screen.model.setting_pin and screen.model.message and screen.model.clear_entries


def lock_out(entry, core, navigator):
    """A PIN set, caregiver mode left, then five wrong tries."""
    entry.enter()
    entry.submit("1234", "1234")
    navigator.end_caregiver_mode()
    core.end_caregiver_mode()
    entry.enter()
    for _ in range(5):
        entry.submit("0000", "")


def test_leaving_and_coming_back_after_a_wall_clock_jump_does_not_open_the_lock(core, navigator, screen, clock):
    entry = CaregiverEntryPresenter(core, navigator, screen)
    lock_out(entry, core, navigator)
    entry.back()
    clock._utc += timedelta(hours=2)  # the wall clock jumps; monotonic time does not
    entry.enter()
    entry.submit("1234", "")
    assert not navigator.caregiver_mode and "wait" in screen.model.message
    again = CaregiverEntryPresenter(core, navigator, screen)  # a screen built afresh shares the lock
    again.enter()
    again.submit("1234", "")
    assert not navigator.caregiver_mode
    clock.advance(60)
    again.submit("1234", "")
    assert navigator.caregiver_mode


def test_the_core_builds_one_lock_per_record(core, tmp_path):
    from app.storage import Store

    assert core.caregiver_lock is core.caregiver_lock and core.caregiver_lock.store is core.store
    other = Store(tmp_path / "other")
    try:
        core.use_store(other)
        assert core.caregiver_lock.store is other
    finally:
        other.close()


def test_reset_asks_and_clears_only_the_pin(core, navigator, screen):
    entry = CaregiverEntryPresenter(core, navigator, screen)
    entry.enter()
    entry.submit("1234", "1234")
    entry.ask_reset()
    screen.answer(yes=True)
    assert screen.model.setting_pin and "reset" in screen.model.message


def test_the_lockout_counts_down_and_submit_waits_for_its_end(core, navigator, screen, clock):
    entry = CaregiverEntryPresenter(core, navigator, screen)
    entry.enter()
    assert screen.model.can_submit
    lock_out(entry, core, navigator)
    assert not screen.model.can_submit and screen.model.locked_seconds == 60
    assert "60 seconds" in screen.model.message
    clock.advance(18)
    entry.tick()
    assert screen.model.locked_seconds == 42 and "42 seconds" in screen.model.message
    assert not screen.model.can_submit
    shown = len(screen.shown)
    clock.advance(0.3)
    entry.tick()  # the same whole second: nothing new to show
    assert len(screen.shown) == shown
    clock._utc += timedelta(hours=2)  # the countdown follows monotonic time
    entry.tick()
    assert screen.model.locked_seconds == 42
    clock.advance(42)
    entry.tick()
    assert screen.model.can_submit and screen.model.locked_seconds == 0 and screen.model.can_reset
    assert "wait" not in screen.model.message
    shown = len(screen.shown)
    entry.tick()
    assert len(screen.shown) == shown


def test_the_countdown_picks_up_a_lockout_found_on_entry(core, navigator, screen, clock):
    entry = CaregiverEntryPresenter(core, navigator, screen)
    lock_out(entry, core, navigator)
    clock.advance(30)
    entry.back()
    entry.enter()
    assert screen.model.locked_seconds == 30 and not screen.model.can_submit
    clock.advance(30)
    entry.tick()
    assert screen.model.can_submit


def test_forgot_the_pin_is_not_offered_while_locked_out(core, navigator, screen, clock):
    entry = CaregiverEntryPresenter(core, navigator, screen)
    entry.enter()
    assert not screen.model.can_reset  # no PIN yet: nothing to forget
    lock_out(entry, core, navigator)
    assert not screen.model.can_reset
    entry.enter()
    assert not screen.model.can_reset
    entry.ask_reset()  # a touch that arrives anyway asks nothing
    assert screen.questions == [] and "wait" in screen.model.message
    entry.reset()  # nor does a question left open from before
    assert core.caregiver_lock.has_pin() and not screen.model.setting_pin
    clock.advance(60)
    entry.enter()
    assert screen.model.can_reset


def test_a_pin_reset_is_recorded_and_shown_on_the_dashboard(core, navigator, screen):
    entry = CaregiverEntryPresenter(core, navigator, screen)
    entry.enter()
    entry.submit("1234", "1234")
    board_screen = FakeScreen()
    board = DashboardPresenter(core, navigator, board_screen)
    board.enter()
    assert board_screen.model.pin_reset_text == ""
    entry.enter()
    entry.ask_reset()
    screen.answer(yes=True)
    entry.submit("2468", "2468")
    board.enter()
    assert board_screen.model.pin_reset_text == "PIN reset on 25 November 2026"


def test_the_dashboard_speaks_the_same_words_as_the_report(core, navigator, screen):
    DashboardPresenter(core, navigator, screen).enter()
    assert screen.model.status_text in {s.words for s in DashboardStatus}
    assert screen.model.ratings_chart.is_empty and screen.model.ratings_chart.empty_text == NO_RATINGS_TEXT


def test_a_new_record_reads_not_started_and_shows_no_percentages(core, navigator, screen):
    DashboardPresenter(core, navigator, screen).enter()
    assert screen.model.status_text == "Not started yet"
    assert "%" not in screen.model.adherence_text and "no routine day" in screen.model.adherence_text.lower()


def test_a_window_without_routine_days_shows_none_yet_beside_the_others(core, navigator, screen):
    from datetime import date

    from app.caregiver.dashboard import Dashboard
    from app.presenters.caregiver import dashboard_model

    board = Dashboard(today=date(2026, 11, 25), adherence={7: 100.0, 30: 50.0, 90: 50.0},
                      status=DashboardStatus.SLIPPING, status_reason="", last_session=None, quiet_days=0,
                      missed_days=[], steps=[], ratings=[], notes=[], days={}, routine_days={7: 0, 30: 4, 90: 4})
    assert dashboard_model(board).adherence_text == "Last 7 days: none yet    30 days: 50 %    90 days: 50 %"


def test_export_says_where_and_a_bad_folder_says_why(core, navigator, screen, tmp_path):
    board = DashboardPresenter(core, navigator, screen)
    board.export(str(tmp_path))
    assert screen.model.export_message.startswith("Saved 5 files")
    board.export(str(tmp_path / "no" / "such"))
    assert "does not exist" in screen.model.export_message


def test_plan_edit_keeps_typed_minutes_on_a_mistake_and_saves_a_good_plan(core, navigator, screen, clock):
    edit = PlanEditPresenter(core, navigator, screen)
    edit.enter()
    assert screen.model.rebuild and {r.key for r in screen.model.rows} >= {"heat", "massage", "eyes"}
    edit.toggle_day(6)
    assert not screen.model.rebuild and screen.model.weekdays[6][2] is True
    edit.save({"heat": "999", "massage": "4", "eyes": "2"})
    assert screen.model.message and not screen.model.rebuild and navigator.visits == []
    clock.advance(timedelta(minutes=1).total_seconds())
    edit.save({"heat": "12", "massage": "4", "eyes": "2"})
    plan = core.store.current_plan()
    assert navigator.current == "caregiver" and plan.rest_weekdays == {6}
    assert {s.step_key: s.seconds for s in plan.steps}["heat"] == 720


def test_a_plan_saved_while_the_clock_says_1970_is_refused_plainly(core, navigator, screen, clock):
    """Issue 11.8: the plan editor let the store's refusal of a 1970 plan escape as a crash."""
    edit = PlanEditPresenter(core, navigator, screen)
    edit.enter()
    before = core.store.plans()
    clock.advance(-56 * 365.25 * 24 * 3600)
    edit.save({"heat": "12", "massage": "4", "eyes": "2"})
    assert "clock says" in screen.model.message and "1970" in screen.model.message
    assert navigator.visits == [] and core.store.plans() == before


def test_the_dashboard_opens_your_record_and_only_its_screens_keep_caregiver_mode(core, navigator, screen):
    from app.presenters.caregiver import ends_caregiver_mode

    DashboardPresenter(core, navigator, screen).open_record_copies()
    assert navigator.current == "backups"
    assert [name for name in ("caregiver", "plan_edit", "backups", "home", "settings", "history")
            if ends_caregiver_mode(name)] == ["home", "settings", "history"]


def test_the_dashboard_opens_supportive_care_which_keeps_caregiver_mode(core, navigator, screen):
    from app.presenters.caregiver import ends_caregiver_mode

    DashboardPresenter(core, navigator, screen).edit_care_plan()
    assert navigator.current == "care_plan" and not ends_caregiver_mode("care_plan")
