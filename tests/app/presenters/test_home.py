"""Home's decisions, with a fake screen: no Kivy."""
from datetime import datetime, timedelta, timezone

from app.presenters.home import HomePresenter, close_words, interrupted_words
from app.runner import State
from app.vocabulary import DayStatus, TodayStatus


def home(core, navigator, screen):
    presenter = HomePresenter(core, navigator, screen)
    presenter.enter()
    return presenter


def test_a_new_day_offers_to_start(core, navigator, screen):
    home(core, navigator, screen)
    model = screen.model
    assert model.status_text == TodayStatus.NOT_STARTED.words
    assert model.start_text == "Start today's session" and model.interrupted_text == ""
    assert model.week[2] == DayStatus.TODAY  # 25 Nov 2026 is a Wednesday
    assert any("Warm towel" in line and "10 min" in line for line in model.steps)


def test_a_partly_done_today_shows_half_filled_in_the_week(core, navigator, screen, clock):
    """As the finish moment draws it: not the empty "today" ring once the towel is done."""
    runner = core.practice.new_runner()
    runner.start()
    runner.confirm()  # preparation, untimed
    clock.advance(600)
    runner.tick()  # the towel's ten minutes are up
    runner.confirm()
    while runner.state != State.SESSION_FINISHED:
        runner.skip()
    home(core, navigator, screen)
    assert screen.model.week[2] == DayStatus.PARTIAL


def test_start_begins_a_session_and_opens_the_session_screen(core, navigator, screen):
    home(core, navigator, screen).start_or_resume()
    assert navigator.current == "session" and core.runner.state == State.RUNNING


def test_an_unfinished_session_is_offered_for_resuming_not_restarted(core, navigator, screen, clock):
    runner = core.practice.new_runner()
    runner.start()
    runner.confirm()  # preparation done; the towel is running
    clock.advance(30)
    runner.checkpoint()
    presenter = home(core, navigator, screen)
    assert screen.model.start_text == "Resume the session"
    assert "1 step behind you" in screen.model.interrupted_text
    assert screen.model.close_text == "Close it as partly done"
    presenter.start_or_resume()
    assert core.runner.session_id == runner.session_id and core.runner.elapsed() == 30
    assert core.runner.state == State.PAUSED


def test_closing_an_unfinished_session_says_what_it_becomes(core, navigator, screen):
    runner = core.practice.new_runner()
    runner.start()  # nothing done yet
    presenter = home(core, navigator, screen)
    assert screen.model.close_text == "Close it as stopped early"
    presenter.close_interrupted()
    assert core.store.session(runner.session_id).status == "abandoned"
    assert screen.model.interrupted_text == "" and screen.model.status_text == TodayStatus.PARTIAL.words


def test_start_time_is_shown_in_the_zone_it_was_stored_in(core, clock, store):
    """Started at 08:00 in UTC+2: the patient, now elsewhere, still reads 08:00."""
    clock.set_zone(timezone(timedelta(hours=2)))
    runner = core.practice.new_runner()
    runner.start()
    clock.set_zone(timezone(timedelta(hours=-5)))
    session = store.interrupted_session()
    assert "at 10:00" in interrupted_words(session)  # 08:00 UTC is 10:00 at UTC+2
    assert close_words(session) == "Close it as stopped early"


def test_the_day_rolls_over_at_midnight(core, navigator, screen, clock):
    presenter = home(core, navigator, screen)
    clock.advance((datetime(2026, 11, 26, 0, 0, 5, tzinfo=timezone.utc) - clock.now()).total_seconds())
    shown = len(screen.shown)
    presenter.check_day()
    assert len(screen.shown) == shown + 1 and screen.model.date_text.startswith("Thursday 26")
    presenter.check_day()
    assert len(screen.shown) == shown + 1  # the same day: nothing redrawn


def test_escape_on_home_asks_before_closing(core, navigator, screen):
    """Issue 11: Escape on Home quit the app without asking."""
    presenter = home(core, navigator, screen)
    assert presenter.on_key("escape") is True and navigator.visits == []
    screen.answer(yes=False)
    assert navigator.visits == []
    presenter.on_key("escape")
    screen.answer(yes=True)
    assert navigator.current == "(closed)"


def test_a_clock_set_back_to_1970_while_open_says_so_and_starts_nothing(core, navigator, screen, clock):
    """Issue 11.8: the session would have been dated 1970, making every day since "missed"."""
    presenter = home(core, navigator, screen)
    clock.advance(-(datetime(2026, 11, 25, 8, tzinfo=timezone.utc)
                    - datetime(1970, 1, 1, 8, tzinfo=timezone.utc)).total_seconds())
    presenter.start_or_resume()
    assert navigator.current is None and not core.session_open()
    assert "clock says 1 January 1970" in screen.model.message
    assert core.store.session_count() == 0
