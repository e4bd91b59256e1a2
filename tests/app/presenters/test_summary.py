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


def test_a_note_typed_then_killed_is_offered_again_on_the_next_start(core, navigator, screen, clock, store, routine):
    """Issue 11: a note and rating typed on the summary were lost if the app was killed there."""
    from app.core import Core
    from app.presenters.summary import resume_unsaved_summary

    runner = finished_session(core, clock)
    summary = SummaryPresenter(core, navigator, screen)
    summary.enter()
    summary.choose_rating(4)
    summary.keep_draft("Cheek looser")
    # killed here; the next start:
    again = Core(store, routine, clock)
    assert resume_unsaved_summary(again) and again.runner.session_id == runner.session_id
    offered = SummaryPresenter(again, navigator, screen)
    offered.enter()
    assert (screen.model.note, screen.model.rating) == ("Cheek looser", 4)
    offered.save("Cheek looser")
    assert store.session(runner.session_id).rating == 4
    assert not resume_unsaved_summary(Core(store, routine, clock))  # saved: nothing offered again


def test_a_new_summary_starts_empty_whatever_an_older_draft_says(core, navigator, screen, clock):
    finished_session(core, clock)
    summary = SummaryPresenter(core, navigator, screen)
    summary.enter()
    summary.keep_draft("for the first session")
    summary.save("for the first session")
    finished_session(core, clock)
    summary.enter()
    assert screen.model.note == "" and screen.model.rating == 0


def test_a_session_finished_while_the_record_refuses_is_saved_by_save_once_it_can_be(core, navigator, screen,
                                                                                     clock, store):
    """Issue 11.10: the summary says the session is not saved yet; Save tries again."""
    from tests.faults import RefusedWrites

    record = RefusedWrites(store)
    core.runner = core.practice.new_runner()
    core.runner.start()
    session_id = core.runner.session_id
    record.refuse()
    for _ in range(4):
        core.runner.skip()
    summary = SummaryPresenter(core, navigator, screen)
    summary.enter()
    assert "not saved yet" in screen.model.error_text and "read-only" in screen.model.error_text
    summary.keep_draft("Tired")  # typing on a read-only record is no crash
    summary.save("Tired")
    assert navigator.current is None and "not saved yet" in screen.model.error_text  # the note stays typed
    record.mend()
    summary.save("Tired")
    stored = store.session(session_id)
    assert (stored.status, stored.note) == ("partial", "Tired") and navigator.current == "home"
