"""The core the App builds: preferences applied once, caregiver mode on the wall clock, restores."""
from app.clock import FakeClock, ScaledClock
from app.core import Core
from app.cues import CuePlayer
from app.settings import Preferences, load_preferences
from app.storage import Store


class Silent:
    def speak(self, text): pass
    def play(self, kind): pass
    def vibrate(self, seconds): pass


def test_applying_preferences_saves_them_and_reaches_every_listener(store, routine, clock):
    player = CuePlayer(Silent(), Silent(), Silent())
    core = Core(store, routine, clock, player)
    seen = []
    core.on_preferences(seen.append)
    prefs = Preferences(voice=False, auto_advance=True, reminder_times=("08:00",))
    core.apply_preferences(prefs)
    assert seen == [Preferences(), prefs] and load_preferences(store) == prefs
    assert player.prefs.voice is False and core.practice.auto_advance is True


def test_caregiver_mode_ends_after_five_real_minutes_whatever_the_demo_speed(store, routine):
    wall = FakeClock()
    core = Core(store, routine, ScaledClock(wall, 50), wall_clock=wall)
    core.start_caregiver_mode()
    wall.advance(299)
    assert not core.caregiver_expired()
    wall.advance(2)
    assert core.caregiver_expired()
    core.end_caregiver_mode()
    assert core.caregiver is None


def test_a_session_is_open_only_while_started_and_unfinished(store, routine, clock):
    core = Core(store, routine, clock)
    assert not core.session_open()
    core.runner = core.practice.new_runner()
    assert not core.session_open()  # not started
    core.runner.start()
    assert core.session_open()
    for _ in range(4):
        core.runner.skip()
    assert not core.session_open()


def test_use_store_goes_on_with_another_record(store, routine, clock, tmp_path):
    core = Core(store, routine, clock)
    core.runner = core.practice.new_runner()
    other = Store(tmp_path / "other")
    other.put_setting("pref.high_contrast", "1")
    core.use_store(other)
    assert core.store is other and core.runner is None and core.preferences.high_contrast
    other.close()


class Broken:
    available = True

    def speak(self, text):
        self.available = False  # as a plyer port does after its first failure

    def play(self, kind): pass
    def vibrate(self, seconds): pass


def test_a_voice_that_fails_is_said_in_settings_not_silently_dropped(store, routine, clock):
    """Issue 11: voice or sound that failed was switched off without a word."""
    core = Core(store, routine, clock, CuePlayer(Broken(), Silent(), Silent()))
    assert "Voice: working." in core.cue_status()
    core.test_cues()
    assert "Voice: unavailable on this device." in core.cue_status() and "Sounds: working." in core.cue_status()


def test_a_clock_set_to_1970_stops_start_up_plainly_and_writes_nothing(tmp_path):
    """Issue 11.8: a phone reset to 1970 would have begun a record (and a backup) dated then."""
    import pytest
    from datetime import datetime, timezone

    from app.core import StartupError, open_record
    from app.routine import DEFAULT_ROUTINE

    data_dir = tmp_path / "record"
    with pytest.raises(StartupError, match="clock says 1 January 1970") as stopped:
        open_record(data_dir, DEFAULT_ROUTINE, FakeClock(datetime(1970, 1, 1, 0, 0, 5, tzinfo=timezone.utc)))
    assert "set the date and time" in str(stopped.value)
    assert not data_dir.exists() or list(data_dir.rglob("*")) == []
