"""Progress, History and the session detail, from a real record."""
from datetime import date

from app.presenters.history import HistoryPresenter, SessionDetailPresenter
from app.presenters.progress import NO_MINUTES_TEXT, NO_STEPS_TEXT, ProgressPresenter, rate_words


def a_partial_session(core, clock):
    runner = core.practice.new_runner()
    runner.start()
    runner.confirm()
    runner.skip()
    clock.advance(240)
    runner.tick()
    runner.confirm()
    runner.skip()
    core.practice.annotate(runner.session_id, "tight [b]cheek[/b]", 2)
    return runner.session_id


def test_the_month_never_goes_past_this_one(core, navigator, screen):
    progress = ProgressPresenter(core, navigator, screen)
    progress.enter()
    assert screen.model.month_text == "November 2026" and not screen.model.can_go_later
    progress.change_month(1)
    assert progress.month == date(2026, 11, 1)
    progress.change_month(-1)
    assert screen.model.month_text == "October 2026" and screen.model.can_go_later


def test_a_new_record_gets_the_empty_charts_and_no_caption(core, navigator, screen):
    ProgressPresenter(core, navigator, screen).enter()
    model = screen.model
    assert model.minutes_chart.is_empty and model.minutes_chart.empty_text == NO_MINUTES_TEXT
    assert model.steps_chart.empty_text == NO_STEPS_TEXT and model.steps == ()
    assert model.minutes_caption == ""  # the empty chart says it once


def test_a_new_record_shows_no_adherence_figure_rather_than_100(core, navigator, screen):
    ProgressPresenter(core, navigator, screen).enter()
    assert "%" not in screen.model.adherence_text and "nothing to count" in screen.model.adherence_text


def test_once_a_routine_day_is_over_it_is_counted(core, navigator, screen, clock):
    a_partial_session(core, clock)
    clock.advance(86400)  # the partial day is over: judged in every window
    ProgressPresenter(core, navigator, screen).enter()
    assert screen.model.adherence_text.startswith("Last 7 days:  [b]0 %[/b]")


def test_a_partial_session_charts_its_minutes_and_each_steps_share(core, navigator, screen, clock):
    a_partial_session(core, clock)
    ProgressPresenter(core, navigator, screen).enter()
    model = screen.model
    assert model.minutes_chart.bars[-1].value_text == "4" and model.minutes_chart.scale.ticks[-1] >= 4
    assert [(b.label, b.value_text) for b in model.steps_chart.bars] == [
        ("Prepare", "100"), ("Warm towel", "0"), ("Facial massage", "100"), ("Eyelid and eye-socket circles", "0")]


def test_rate_words():
    assert rate_words(3, 0) == "done every time (3 times)."
    assert rate_words(0, 2) == "skipped every time (twice)."
    assert rate_words(1, 1) == "done 1 of 2 times, skipped once."


def test_history_rows_use_the_session_words(core, navigator, screen, clock):
    session_id = a_partial_session(core, clock)
    history = HistoryPresenter(core, navigator, screen)
    history.enter()
    (row,) = screen.model
    assert row.detail_text == "Partly done, 4 min, felt 2 of 5"
    history.open(row.session_id)
    assert navigator.visits[-1] == ("session_detail", {"session_id": session_id})


def test_the_detail_lists_each_step_and_the_note_as_typed(core, navigator, screen, clock):
    session_id = a_partial_session(core, clock)
    detail = SessionDetailPresenter(core, navigator, screen)
    detail.prepare(session_id=session_id)
    detail.enter()
    model = screen.model
    assert model.status_text == "Partly done" and model.note_text == "tight [b]cheek[/b]"
    assert [(s.title, s.status_words, s.done) for s in model.steps] == [
        ("Prepare", "done", True), ("Warm towel", "skipped", False),
        ("Facial massage", "done", True), ("Eyelid and eye-socket circles", "skipped", False)]
