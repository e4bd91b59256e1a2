"""The Kivy application: wires app/ objects to the screens and owns the window."""
from __future__ import annotations

import importlib
import logging
from pathlib import Path

from kivy.app import App
from kivy.clock import Clock
from kivy.metrics import dp
from kivy.properties import DictProperty, ObjectProperty, StringProperty
from kivy.uix.screenmanager import FadeTransition, ScreenManager

from app.clock import Clock as DomainClock, ScaledClock, SystemClock
from app.cues import Cue, CuePlayer, PlyerSpeech, PlyerVibrator
from app.routine import DEFAULT_ROUTINE, RoutineError, load_routine
from app.storage.errors import StoreError
from screens.palette import palette

log = logging.getLogger(__name__)

# Screens are built on first visit, to keep start-up fast.
SCREENS = {
    "home": "screens.home:HomeScreen",
    "session": "screens.session:SessionScreen",
    "summary": "screens.summary:SummaryScreen",
    "startup_error": "screens.startup_error:StartupErrorScreen",
    "caregiver_entry": "screens.caregiver_entry:CaregiverEntryScreen",
    "caregiver": "screens.caregiver:CaregiverScreen",
    "plan_edit": "screens.plan_edit:PlanEditScreen",
    "progress": "screens.progress:ProgressScreen",
    "history": "screens.history:HistoryScreen",
    "session_detail": "screens.session_detail:SessionDetailScreen",
    "backups": "screens.backups:BackupsScreen",
    "settings": "screens.settings:SettingsScreen",
    "welcome": "screens.welcome:WelcomeScreen",
    "safety": "screens.safety:SafetyScreen",
    "about_you": "screens.about_you:AboutYouScreen",
    "your_plan": "screens.your_plan:YourPlanScreen",
}
COLUMN_DP = 760  # widest the content grows on a desktop window


def default_data_dir() -> str:
    """App.user_data_dir, worked out before the app (and its window) exists."""
    return SmileBackApp(data_dir="unused").user_data_dir


class SmileBackApp(App):
    title = "SmileBack"
    theme = DictProperty(palette(high_contrast=False))
    demo_banner = StringProperty("")
    notice = StringProperty("")  # something the patient must be told (a repaired record, a reminder)
    last_cue = StringProperty("")
    companion = ObjectProperty(None, allownone=True)

    def __init__(self, data_dir: Path | str | None = None, time_scale: float = 1.0,
                 clock: DomainClock | None = None, cue_sink=None, routine_path: Path | None = None,
                 notifier=None, remember_window: bool = True, **kwargs):
        super().__init__(**kwargs)
        self._data_dir, self._time_scale = data_dir, time_scale
        self._clock, self._cue_sink, self._notifier = clock, cue_sink, notifier
        self._routine_path = routine_path or DEFAULT_ROUTINE
        self._remember_window = remember_window
        self.runner = None  # the session in hand, if any
        self.caregiver = None  # the open caregiver session, if any
        if time_scale != 1.0:
            self.demo_banner = f"Demo speed: timers run {time_scale:g}x faster"

    def load_kv(self, filename=None):
        """smileback.kv once per process (Kivy would load it again for every app instance)."""
        from screens import load_kv_beside

        load_kv_beside(__file__)
        return True

    def build(self):
        import screens.widgets  # noqa: F401  (registers shared widgets and their kv rules)

        # On a wide desktop window the app keeps a readable column in the middle.
        self.manager = ScreenManager(transition=FadeTransition(duration=0.12), size_hint_max_x=dp(COLUMN_DP))
        self.go("home")  # drawn at once; the record opens just after the first frame
        from kivy.core.window import Window
        from kivy.factory import Factory

        Window.bind(on_flip=self._open_after_first_frame)
        Window.bind(on_keyboard=self._on_keyboard)
        shell = Factory.Shell()
        shell.add_widget(self.manager)
        return shell

    KEYS = {32: "space", 13: "enter", 271: "enter", 27: "escape"}

    def _on_keyboard(self, _window, key, *_):
        """Space pauses or resumes, Enter goes on, Escape (Android's back) goes back."""
        name = self.KEYS.get(key)
        if name is None or self.companion is None:
            return False
        handler = getattr(self.manager.current_screen, "on_key", None)
        if handler and handler(name):
            return True
        if name == "escape" and self.manager.current not in ("home", "welcome", "safety"):
            self.go("home")
            return True
        return False

    def _open_after_first_frame(self, window) -> None:
        window.unbind(on_flip=self._open_after_first_frame)
        Clock.schedule_once(lambda _dt: self.open_record(), 0)

    def open_record(self) -> None:
        """Open the health record (SQLAlchemy's import is most of start-up) and show it."""
        try:
            self.companion = self._make_companion()
        except (RoutineError, StoreError) as error:
            log.error("start-up stopped: %s", error)
            self.go("startup_error", message=str(error))
            return
        self._load_preferences()
        self._start_reminders()
        from app.profile import load_profile

        if load_profile(self.companion.store).needs_first_run:
            self.go("welcome")
        else:
            self.screen("home").refresh()

    def _make_companion(self, store=None):
        from app.companion import Companion
        from app.storage.opening import open_store

        clock = self._clock or SystemClock()
        if self._time_scale != 1.0:
            clock = ScaledClock(clock, self._time_scale)
        routine = load_routine(self._routine_path)  # a bad routine stops us before any file is touched
        if store is None:
            opened = open_store(Path(self.data_dir), clock.now().date(), clock.now())
            store, self.notice = opened.store, opened.notice or ""
        if not hasattr(self, "_player"):
            self._player = self._cue_sink or CuePlayer(PlyerSpeech(), self._sound(), PlyerVibrator())
        return Companion(store, routine, clock, self.on_cue, self._time_scale)

    @property
    def data_dir(self) -> str:
        return str(self._data_dir or self.user_data_dir)

    def replace_store(self, store) -> None:
        """After a restore: the same app on a freshly opened record."""
        self.runner = None
        self.companion = self._make_companion(store)
        self._load_preferences()
        self._start_reminders()

    # --- preferences: theme, text size, cues ------------------------------------------

    def _load_preferences(self) -> None:
        from app.settings import load_preferences

        self.apply_preferences(load_preferences(self.companion.store), save=False)

    def apply_preferences(self, prefs, save: bool = True) -> None:
        from kivy.metrics import Metrics

        from app.settings import save_preferences

        if save:
            save_preferences(self.companion.store, prefs)
            self._reschedule_android_alarms()
        self.preferences = prefs
        self.theme = palette(high_contrast=prefs.high_contrast)
        Metrics.fontscale = prefs.text_scale  # every kv size in sp follows at once
        if isinstance(self._player, CuePlayer):
            self._player.prefs = prefs.cue_preferences()
        self.companion.auto_advance = prefs.auto_advance

    # --- reminders ---------------------------------------------------------------------

    def _start_reminders(self) -> None:
        from app.reminders import ReminderScheduler, schedule_android_alarms, settled_days

        if schedule_android_alarms(self.companion.store, self.companion.clock, settled_days(self.companion)):
            return  # Android's alarms fire even with the app closed
        self._reminders = ReminderScheduler.for_companion(self.companion, self._notify)
        if not hasattr(self, "_reminder_watch"):
            self._reminder_watch = Clock.schedule_interval(lambda _dt: self._reminders.check(), 60)

    def _reschedule_android_alarms(self) -> None:
        """Reminder times may have changed: Android's alarms hold their own copy."""
        from app.reminders import schedule_android_alarms, settled_days

        schedule_android_alarms(self.companion.store, self.companion.clock, settled_days(self.companion))

    def _notify(self, title: str, message: str) -> None:
        from app.cues import PlyerNotifier

        if self._notifier is None:
            self._notifier = PlyerNotifier(fallback=self._show_banner)
        self._notifier.notify(title, message)

    def _show_banner(self, title: str, message: str) -> None:
        """Where the platform has no notifications, say it inside the app."""
        self.notice = f"{title}: {message}"

    @staticmethod
    def _sound():
        from screens.sound import KivySound

        return KivySound()

    def on_cue(self, cue: Cue) -> None:
        self.last_cue = cue.text
        self._player(cue)

    def screen(self, name: str):
        if not self.manager.has_screen(name):
            module_name, class_name = SCREENS[name].split(":")
            screen_class = getattr(importlib.import_module(module_name), class_name)
            self.manager.add_widget(screen_class(name=name))
        return self.manager.get_screen(name)

    def go(self, name: str, **kwargs) -> None:
        screen = self.screen(name)
        for key, value in kwargs.items():
            setattr(screen, key, value)
        self.manager.current = name

    # --- caregiver mode: ends when left, or after 5 minutes without a touch ----------

    def start_caregiver_mode(self) -> None:
        from kivy.core.window import Window

        from app.caregiver.pin import CaregiverSession

        self.caregiver = CaregiverSession(self.companion.clock)
        Window.bind(on_touch_down=self._caregiver_touched)
        self._caregiver_watch = Clock.schedule_interval(self._check_caregiver_idle, 1)
        self.go("caregiver")

    def _caregiver_touched(self, *_):
        if self.caregiver:
            self.caregiver.touch()

    def _check_caregiver_idle(self, _dt) -> None:
        if self.caregiver and self.caregiver.expired():
            self.end_caregiver_mode()

    def end_caregiver_mode(self) -> None:
        from kivy.core.window import Window

        Window.unbind(on_touch_down=self._caregiver_touched)
        if self.caregiver:
            self.caregiver.end()
            self._caregiver_watch.cancel()
        self.caregiver = None
        self.go("home")

    def on_pause(self):
        self._save_progress()
        return True  # keep the session in memory while Android pauses us

    def on_stop(self):
        self._save_progress()
        if self._remember_window:
            from screens.window_state import remember_window

            remember_window(Path(self.data_dir))
        # Kivy's clock outlives the app (in tests, several apps run in one process).
        self.manager.current_screen.dispatch("on_leave")
        for event in ("_reminder_watch", "_caregiver_watch"):
            if hasattr(self, event):
                getattr(self, event).cancel()
        if self.companion:
            self.companion.store.close()

    def _save_progress(self) -> None:
        if self.runner is not None:
            self.runner.checkpoint()
