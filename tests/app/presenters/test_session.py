"""The guided session's decisions: one intent for button, Space, Enter and leaving."""
import pytest

from app.presenters.session import Intent, SessionPresenter, intent
from app.runner import State


class CountingJournal:
    """The real store, counting the journal calls the runner makes."""

    def __init__(self, store):
        self.store, self.calls = store, []

    def __getattr__(self, name):
        method = getattr(self.store, name)

        def counted(*args, **kwargs):
            self.calls.append(name)
            return method(*args, **kwargs)

        return counted


@pytest.fixture
def session(core, navigator, screen):
    core.runner = core.practice.new_runner()
    core.runner.start()
    presenter = SessionPresenter(core, navigator, screen)
    presenter.enter()
    return presenter


def test_the_untimed_preparation_is_confirmed_and_never_paused(session, core, screen):
    assert screen.model.title == "Prepare" and screen.model.main_text == "Done, go on"
    assert intent(core.runner) == Intent.GO_ON
    assert session.on_key("space") is False  # nothing to pause
    assert session.on_key("enter") is True
    assert screen.model.title == "Warm towel" and screen.model.countdown == "10:00"


def test_enter_never_pauses_a_running_step_and_space_does(session, core):
    session.main_action()  # into the towel
    assert session.on_key("enter") is False and core.runner.state == State.RUNNING
    assert session.on_key("space") is True and core.runner.state == State.PAUSED
    assert session.on_key("space") is True and core.runner.state == State.RUNNING


def test_time_up_then_the_button_goes_on(session, core, screen, clock):
    session.main_action()
    clock.advance(600)
    session.beat()
    assert screen.model.status_line == "Time is up" and screen.model.main_text == "Go on to Facial massage"
    session.on_key("enter")
    assert screen.model.title == "Facial massage"


def test_a_beat_shows_the_screen_only_when_something_changed(session, screen):
    shown = len(screen.shown)
    session.beat()
    assert len(screen.shown) == shown


def test_the_eye_circles_direction_comes_from_the_routine(session, core, screen, clock):
    session.main_action()
    for seconds in (600, 240):
        clock.advance(seconds)
        session.beat()
        session.main_action()
    assert screen.model.title == "Eyelid and eye-socket circles" and screen.model.direction == "clockwise"
    clock.advance(61)
    session.beat()
    assert screen.model.direction == "counter-clockwise"


def test_skip_asks_first_and_logs_the_step_as_skipped(session, core, screen, store):
    session.main_action()
    session.ask_skip()
    question = screen.questions[-1][0]
    assert "Warm towel" in question.message and question.yes == "Yes, skip this step"
    screen.answer(yes=False)
    assert core.runner.current.step.key == "heat"
    session.ask_skip()
    screen.answer(yes=True)
    assert [s.status for s in store.session(core.runner.session_id).steps][:2] == ["done", "skipped"]


def test_leaving_pauses_and_keeps_the_time_done(session, core, navigator, clock, store):
    session.main_action()
    clock.advance(42)
    session.leave()
    assert navigator.current == "home" and core.runner.state == State.PAUSED
    assert store.interrupted_session().steps[1].done_seconds == 42


def test_the_last_step_finishing_opens_the_summary(session, core, navigator, clock):
    session.main_action()
    for seconds in (600, 240, 120):
        clock.advance(seconds)
        session.beat()
        session.main_action()
    assert navigator.current == "summary" and core.runner.state == State.SESSION_FINISHED


def test_a_step_change_is_one_journal_write(core, store, clock):
    runner = core.practice.new_runner()
    runner.journal = journal = CountingJournal(store)
    runner.start()
    journal.calls.clear()
    runner.confirm()  # preparation done, towel started: one write
    assert journal.calls == ["start_step"]
    journal.calls.clear()
    runner.skip()  # towel skipped, massage started: one write
    assert journal.calls == ["start_step"]
    steps = store.session(runner.session_id).steps
    assert [s.status for s in steps] == ["done", "skipped", "running"]


# --- issue 11.10: the record refuses a write mid-session (tests/faults.py: PRAGMA query_only) ---

def test_a_step_that_could_not_be_saved_is_said_on_screen_and_the_timer_goes_on(session, core, screen, clock,
                                                                                   cues):
    from tests.faults import RefusedWrites

    session.main_action()  # into the towel
    record = RefusedWrites(core.store)
    record.refuse()
    clock.advance(30)
    session.ask_skip()
    screen.answer(yes=True)
    assert screen.model.title == "Facial massage" and screen.model.countdown == "4:00"
    assert "could not be saved" in screen.model.warning and "read-only" in screen.model.warning
    assert cues.kinds()[-2:] == ["not_saved", "step_start"]
    clock.advance(20)
    session.beat()  # a checkpoint falls due and is refused again: nothing more is said
    assert screen.model.countdown == "3:40" and cues.kinds().count("not_saved") == 1
    record.mend()
    clock.advance(10)
    session.beat()
    assert screen.model.warning == "" and cues.kinds()[-1] == "saved_again"
    assert [s.status for s in core.store.session(core.runner.session_id).steps] == ["done", "skipped", "running"]


def test_leaving_while_something_is_unsaved_asks_first(session, core, screen, navigator, clock):
    from tests.faults import RefusedWrites

    session.main_action()
    RefusedWrites(core.store).refuse()
    clock.advance(30)
    session.leave()
    question = screen.questions[-1][0]
    assert "not saved" in question.message and question.no == "Stay"
    screen.answer(yes=False)
    assert navigator.current != "home" and core.runner.state == State.RUNNING  # the towel goes on
    session.on_key("escape")
    screen.answer(yes=True)
    assert navigator.current == "home" and core.runner.state == State.PAUSED


def test_core_says_a_session_is_open_while_its_start_is_not_on_disk(core):
    from tests.faults import RefusedWrites

    RefusedWrites(core.store).refuse()
    core.runner = core.practice.new_runner()
    core.runner.start()
    assert core.runner.session_id is None and core.session_open()  # a restore would lose it
