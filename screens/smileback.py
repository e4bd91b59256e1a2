"""The Kivy application: wires app/ objects to the screens and owns the window."""
from __future__ import annotations

import importlib
import logging
from pathlib import Path

from kivy.app import App
from kivy.clock import Clock
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
CAREGIVER_SCREENS = ("caregiver", "plan_edit")


class SmileBackApp(App):
    title = "SmileBack"
    theme = DictProperty(palette(high_contrast=False))
    demo_banner = StringProperty("")
    last_cue = StringProperty("")
    companion = ObjectProperty(None, allownone=True)

    def __init__(self, data_dir: Path | str | None = None, time_scale: float = 1.0,
                 clock: DomainClock | None = None, cue_sink=None, routine_path: Path | None = None, **kwargs):
        super().__init__(**kwargs)
        self._data_dir, self._time_scale = data_dir, time_scale
        self._clock, self._cue_sink = clock, cue_sink
        self._routine_path = routine_path or DEFAULT_ROUTINE
        self.runner = None  # the session in hand, if any
        self.caregiver = None  # the open caregiver session, if any
        if time_scale != 1.0:
            self.demo_banner = f"Demo speed: timers run {time_scale:g}x faster"

    def build(self):
        import screens.widgets  # noqa: F401  (registers shared widgets and their kv rules)

        self.manager = ScreenManager(transition=FadeTransition(duration=0.12))
        self.go("home")  # drawn at once; the record opens just after the first frame
        from kivy.core.window import Window

        Window.bind(on_flip=self._open_after_first_frame)
        return self.manager

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
        self.screen("home").refresh()

    def _make_companion(self):
        from app.companion import Companion
        from app.storage.repository import Store

        clock = self._clock or SystemClock()
        if self._time_scale != 1.0:
            clock = ScaledClock(clock, self._time_scale)
        store = Store(Path(self._data_dir or self.user_data_dir))
        player = self._cue_sink or CuePlayer(PlyerSpeech(), self._sound(), PlyerVibrator())
        self._player = player
        return Companion(store, load_routine(self._routine_path), clock, self.on_cue, self._time_scale)

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
        if self.companion:
            self.companion.store.close()

    def _save_progress(self) -> None:
        if self.runner is not None:
            self.runner.checkpoint()
