"""The summary shows what the runner holds and writes only the note and rating."""
from app.presenters.summary import SummaryPresenter


def finished_session(core, clock):
    runner = core.runner = core.practice.new_runner()
    runner.start()
    runner.confirm()
    runner.skip()  # the towel
    for seconds in (240, 120):
        clock.advance(seconds)
        runner.tick()
        runner.confirm()
    return runner


def test_shows_each_step_and_the_time_from_the_runner(core, navigator, screen, clock):
    finished_session(core, clock)
    SummaryPresenter(core, navigator, screen).enter()
    model = screen.model
    assert model.heading == "Session partly done"
    assert model.steps[1].startswith("[b]Skipped[/b]  Warm towel")
    assert model.total_text == "Time practised: 6 min"


def test_rating_toggles_and_save_keeps_note_and_rating(core, navigator, screen, clock, store):
    runner = finished_session(core, clock)
    summary = SummaryPresenter(core, navigator, screen)
    summary.enter()
    summary.choose_rating(4)
    summary.choose_rating(4)
    assert screen.model.rating == 0
    summary.choose_rating(3)
    summary.save("  Felt easier  ")
    stored = store.session(runner.session_id)
    assert (stored.note, stored.rating) == ("Felt easier", 3)
    assert navigator.current == "home" and core.runner is None


def test_a_note_too_long_is_refused_and_nothing_is_lost(core, navigator, screen, clock, store):
    runner = finished_session(core, clock)
    summary = SummaryPresenter(core, navigator, screen)
    summary.enter()
    summary.save("x" * 2001)
    assert "too long" in screen.model.error_text and navigator.current is None
    assert store.session(runner.session_id).note is None and core.runner is runner
