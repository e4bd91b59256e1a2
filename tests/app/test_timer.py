import pytest

from app.clock import FakeClock, ScaledClock
from app.timer import CountdownTimer


def test_counts_down_from_the_clock(clock):
    timer = CountdownTimer(clock, 60)
    timer.start()
    clock.advance(15)
    assert timer.remaining() == 45 and not timer.finished


def test_pause_freezes_and_resume_continues(clock):
    timer = CountdownTimer(clock, 60)
    timer.start()
    clock.advance(10)
    timer.pause()
    clock.advance(100)
    assert timer.remaining() == 50
    timer.start()  # starting again resumes
    clock.advance(5)
    assert timer.remaining() == 45


def test_a_two_second_stall_is_counted_in_full(clock):
    timer = CountdownTimer(clock, 60)
    timer.start()
    clock.advance(2.0)  # one frozen frame of two seconds, no ticks in between
    assert timer.elapsed() == pytest.approx(2.0)


def test_never_goes_below_zero_and_reports_finished(clock):
    timer = CountdownTimer(clock, 30)
    timer.start()
    clock.advance(45)
    assert timer.remaining() == 0 and timer.finished


def test_time_already_done_is_counted(clock):
    timer = CountdownTimer(clock, 240, already_done=100)
    assert timer.remaining() == 140
    timer.start()
    clock.advance(40)
    assert timer.remaining() == 100


def test_time_scale_runs_the_countdown_faster():
    base = FakeClock()
    timer = CountdownTimer(ScaledClock(base, 10), 600)
    timer.start()
    base.advance(30)
    assert timer.remaining() == pytest.approx(300)


def test_time_scale_must_be_positive():
    with pytest.raises(ValueError):
        ScaledClock(FakeClock(), 0)
