"""The core: what the App builds once the record is open, and hands to every presenter.

One object for the app's life. It holds the store, the routine and the clock, the daily
practice, the patient's preferences as applied, the reminders, the session in hand, and
caregiver mode. A restore swaps the record under it (`use_store`), so every presenter
goes on with the same core. Presenters take it by injection; nothing here
knows about Kivy, so every rule it holds is tested without a window.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from .caregiver.pin import CaregiverLock, CaregiverSession
from .clock import Clock
from .cues import Cue, CuePlayer
from .face_measuring import SetMeasuring
from .face_source import LandmarkerSource
from .practice import DailyPractice
from .reminders import ReminderScheduler, schedule_android_alarms
from .routine import Routine, RoutineError, load_routine
from .runner import SessionRunner, State
from .settings import Preferences, load_preferences, save_preferences
from .storage import Store, StoreError
from .storage.plausible import is_plausible, wrong_clock_words

log = logging.getLogger(__name__)

PreferencesListener = Callable[[Preferences], None]


class StartupError(Exception):
    """Start-up cannot go on (a malformed routine file, a record that cannot be opened)."""


@dataclass(frozen=True)
class StartedRecord:
    record: Store
    routine: Routine
    notice: str  # what the patient must be told at start ("" when all was well)
    repaired: bool  # the record was mended: the notice comes first, on its own screen


def open_record(data_dir: Path, routine_path: Path, clock: Clock) -> StartedRecord:
    """The routine (checked before any file is touched) and the record opened safely.
    Raises StartupError."""
    from .storage.opening import open_store

    try:
        routine = load_routine(routine_path)
        refuse_a_wrong_clock(clock)
        opened = open_store(Path(data_dir), clock.now().date(), clock.now())
    except (RoutineError, StoreError) as error:
        raise StartupError(str(error)) from error
    return StartedRecord(opened.store, routine, opened.notice or "", opened.repaired)


def refuse_a_wrong_clock(clock: Clock) -> None:
    """Before any file is touched: a record or backup dated 1970 would wreck every figure."""
    today = clock.now().date()
    if not is_plausible(today):
        raise StartupError(f"SmileBack did not open your record: {wrong_clock_words(today)}, "
                           "then open SmileBack again.")


class Core:
    def __init__(self, store: Store, routine: Routine, clock: Clock, cues: Callable[[Cue], None] | None = None,
                 wall_clock: Clock | None = None, notify: Callable[[str, str], None] | None = None,
                 face_landmarker=None):
        """`clock` times the exercises (scaled by --time-scale); `wall_clock` times the caregiver's
        idle limit; `notify(title, message)` shows a reminder; `face_landmarker` (a landmarker,
        or a function building one; by default the device's own) measures the photo sets."""
        self.face_landmarker = LandmarkerSource(face_landmarker)  # built when first asked for
        self.routine, self.clock, self.cues = routine, clock, cues
        self.wall_clock = wall_clock or clock
        self.notify = notify or (lambda _title, _message: None)
        self.caregiver: CaregiverSession | None = None  # open caregiver mode, if any
        self._listeners: list[PreferencesListener] = []
        self.use_store(store)

    def use_store(self, store: Store) -> None:
        """Go on with another record (opened, or restored from a backup)."""
        self.store = store
        # One caregiver lock for the record, for the app's life: it keeps the lockout on the
        # monotonic clock while the app runs (a new lock would know only the stored wall time).
        self.caregiver_lock = CaregiverLock(store, self.wall_clock)
        self.practice = DailyPractice(store, self.routine, self.clock, self.cues)
        self.runner: SessionRunner | None = None  # the session in hand, if any
        if getattr(self, "measuring", None) is not None:
            self.measuring.cancel()  # its photo ids are the old record's: nothing more is kept
        self.measuring = SetMeasuring(self)  # the photo set being measured, if any
        self._use(load_preferences(store))
        self.reminders = self._desktop_reminders()

    def today(self) -> date:
        return self.practice.today()

    # --- preferences -------------------------------------------------------------------

    def on_preferences(self, listener: PreferencesListener) -> None:
        """`listener(prefs)` now and after every change (the UI applies theme and text size)."""
        self._listeners.append(listener)
        listener(self.preferences)

    def apply_preferences(self, prefs: Preferences) -> None:
        """Save and apply at once. Raises StoreError when the record cannot be written."""
        save_preferences(self.store, prefs)
        self._use(prefs)
        self.rearm_android_alarms()  # Android's alarms hold their own copy of the times

    def _use(self, prefs: Preferences) -> None:
        self.preferences = prefs
        self.practice.auto_advance = prefs.auto_advance
        if isinstance(self.cues, CuePlayer):
            self.cues.prefs = prefs.cue_preferences()
        for listener in self._listeners:
            listener(prefs)

    # --- cues ---------------------------------------------------------------------------

    def cue_status(self) -> str:
        """What works here, in words for Settings; "" where nothing can be told (a test sink)."""
        working = self.cues.working() if isinstance(self.cues, CuePlayer) else None
        if working is None:
            return ""
        words = {"voice": "Voice", "sounds": "Sounds", "vibration": "Vibration"}
        return "  ".join(f"{words[name]}: {'working' if ok else 'unavailable on this device'}."
                         for name, ok in working.items())

    def test_cues(self) -> None:
        """A sample cue by every way that is switched on, so the patient hears what a step sounds like."""
        if self.cues is not None:
            self.cues(Cue("step_start", "This is how SmileBack will guide you.", vibrate=True))

    # --- reminders ---------------------------------------------------------------------

    def _desktop_reminders(self) -> ReminderScheduler | None:
        """None on Android, whose alarms ring with the app closed."""
        if self.rearm_android_alarms():
            return None
        return ReminderScheduler.for_record(self.store, self.routine, self.clock, self.notify)

    def check_reminders(self) -> None:
        """Called about once a minute while the app runs."""
        if self.reminders is not None:
            self.reminders.check()

    def rearm_android_alarms(self) -> bool:
        """Arm Android's alarms afresh from the record; False off Android, or if it failed.

        Always called after what changed them is saved: a failing alarm service is logged,
        and must never make a saved entry look unsaved or close the screen.
        """
        try:
            return schedule_android_alarms(self.store, self.routine, self.clock)
        except Exception:  # noqa: BLE001 (jnius raises its own kinds; the record is already safe)
            log.exception("Android's alarms could not be armed afresh")
            return False

    # --- the session in hand -----------------------------------------------------------

    def session_open(self) -> bool:
        """A session is under way in this app (started or resumed, not finished)."""
        runner = self.runner
        if runner is not None and runner.unsaved:
            return True  # under way here, though the record does not show it yet
        if runner is None or runner.state in (State.IDLE, State.SESSION_FINISHED):
            return False
        stored = self.store.interrupted_session()
        return stored is not None and stored.id == runner.session_id

    def save_progress(self) -> None:
        """The app is left or paused: the running step's time so far goes to disk."""
        if self.runner is not None:
            self.runner.checkpoint()

    # --- caregiver mode: ends when left, or after 5 minutes without a touch --------------

    def start_caregiver_mode(self) -> None:
        self.caregiver = CaregiverSession(self.wall_clock)

    def caregiver_touched(self) -> None:
        if self.caregiver:
            self.caregiver.touch()

    def caregiver_expired(self) -> bool:
        return self.caregiver is not None and self.caregiver.expired()

    def caregiver_unlocked(self) -> bool:
        """The caregiver has given the PIN and caregiver mode has not ended nor timed out."""
        return self.caregiver is not None and not self.caregiver.expired()

    def end_caregiver_mode(self) -> None:
        if self.caregiver:
            self.caregiver.end()
        self.caregiver = None

    def close(self) -> None:
        self.save_progress()
        self.store.close()
