"""History and session details on the real screens: newest first, a tap opens the right session."""
from datetime import date, datetime, timezone

from kivy.metrics import dp

from tests.seed import REQUIRED, add_session, bulk_daily, save_plan


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=timezone.utc)


def seed(ui):
    core = ui.app.core
    store = core.store
    plan = save_plan(store, core.routine, date(2026, 11, 1))
    ids = {
        "oldest": add_session(store, plan, at(20, 18, 30), note="First try, went well.", rating=4),
        "partly": add_session(store, plan, at(22, 9), done=("preparation", "heat"), skipped=("massage", "eyes"),
                              note="Phone rang, stopped early.", rating=2),
        "newest": add_session(store, plan, at(24, 7, 45), done=REQUIRED, note=None, rating=None),
    }
    return ids


def open_history(ui):
    ui.tap("history_button")
    assert ui.screen.name == "history"


def row_widgets(ui):
    """The row widgets on screen, top first."""
    return sorted(ui.widget("history_list").children[0].children, key=lambda w: -w.y)


def test_no_sessions_says_so(ui):
    open_history(ui)
    assert "No sessions yet" in ui.text("empty_label")
    assert ui.widget("history_list").data == []


def test_rows_are_newest_first_with_status_length_and_rating(ui):
    ids = seed(ui)
    open_history(ui)
    assert ui.text("empty_label") == ""
    rows = row_widgets(ui)
    assert [r.session_id for r in rows] == [ids["newest"], ids["partly"], ids["oldest"]]
    assert [r.date_text for r in rows] == ["Tue 24 Nov 2026, 07:45", "Sun 22 Nov 2026, 09:00",
                                           "Fri 20 Nov 2026, 18:30"]
    assert [r.detail_text for r in rows] == ["Complete, 16 min, no rating", "Partly done, 10 min, felt 2 of 5",
                                             "Complete, 16 min, felt 4 of 5"]
    assert all(r.height >= dp(56) for r in rows)


def test_tapping_a_row_opens_that_sessions_details(ui):
    ids = seed(ui)
    open_history(ui)
    ui.tap(row_widgets(ui)[1])
    assert ui.screen.name == "session_detail" and ui.screen.presenter.session_id == ids["partly"]
    assert ui.text("date_label") == "Sunday 22 November 2026"
    assert ui.text("started_label") == "Started at 09:00"
    assert ui.text("status_label") == "Partly done"
    assert ui.text("note_label") == "Phone rang, stopped early."
    assert ui.text("rating_label") == "2 of 5"
    steps = [w.text for w in ui.widget("steps_box").children[::-1]]
    assert steps == ["[b]Prepare[/b]: done\nNo timer",
                     "[b]Warm towel[/b]: done\n10:00 planned, 10:00 done",
                     "[b]Facial massage[/b]: [b]SKIPPED[/b]\n4:00 planned, 0:07 done",
                     "[b]Eyelid and eye-socket circles[/b]: [b]SKIPPED[/b]\n2:00 planned, 0:07 done"]
    ui.tap("back_button")
    assert ui.screen.name == "history"
    ui.tap(row_widgets(ui)[2])
    assert ui.text("note_label") == "First try, went well."  # the other session, not the last one shown
    assert ui.text("rating_label") == "4 of 5"


def test_a_session_without_note_or_rating_says_so(ui):
    seed(ui)
    open_history(ui)
    ui.tap(row_widgets(ui)[0])
    assert ui.text("note_label") == "No note was written."
    assert ui.text("rating_label") == "Not rated."


def test_a_note_is_shown_as_written_not_as_markup(ui):
    core = ui.app.core
    plan = save_plan(core.store, core.routine, date(2026, 11, 1))
    add_session(core.store, plan, at(24, 8), note="Felt [b]great[/b] & more", rating=5)
    open_history(ui)
    ui.tap(row_widgets(ui)[0])
    assert ui.text("note_label") == "Felt &bl;b&br;great&bl;/b&br; &amp; more"  # escaped for the markup label


def test_years_of_sessions_keep_only_a_screenful_of_rows(ui):
    core = ui.app.core
    plan = save_plan(core.store, core.routine, date(2021, 1, 1))
    bulk_daily(core.store, plan, date(2026, 11, 24), days=5 * 365)
    open_history(ui)
    rv = ui.widget("history_list")
    assert len(rv.data) == 5 * 365
    assert rv.data[0]["date_text"].startswith("Tue 24 Nov 2026")
    assert len(rv.children[0].children) < 20  # rows are recycled, not one widget per session
    lowest = row_widgets(ui)[-1]  # only partly on screen: the tap scrolls it into view first
    assert lowest.to_window(*lowest.pos)[1] < 0
    wanted = next(row for row in rv.data if row["date_text"] == lowest.date_text)
    ui.tap(lowest)
    assert ui.screen.name == "session_detail" and ui.screen.presenter.session_id == wanted["session_id"]
    ui.tap("back_button")
    rv.scroll_y = 0  # to the oldest
    ui.frames(4)
    oldest = row_widgets(ui)[-1]
    assert oldest.date_text.startswith("Fri 26 Nov 2021")
    ui.tap(oldest)
    assert ui.text("date_label") == "Friday 26 November 2021"


def test_with_200_percent_text_each_row_grows_to_hold_its_text(ui):
    from dataclasses import replace

    seed(ui)
    app = ui.app
    app.core.apply_preferences(replace(app.core.preferences, text_scale=2.0))
    try:
        open_history(ui)
        for row in row_widgets(ui):
            date_label, detail_label = (w for w in row.children[::-1] if getattr(w, "text", ""))
            assert date_label.texture_size[1] > 1.5 * date_label.font_size  # the date wraps at this size
            needed = date_label.texture_size[1] + detail_label.texture_size[1] + dp(24)
            assert row.height >= needed
            assert date_label.y >= row.y and date_label.top <= row.top
            assert detail_label.y >= row.y and detail_label.top <= row.top
    finally:
        app.core.apply_preferences(replace(app.core.preferences, text_scale=1.0))
