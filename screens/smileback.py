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
from app.cues import CuePlayer, PlyerSpeech, PlyerVibrator
from app.routine import DEFAULT_ROUTINE
from screens.fonts import use_text_font
from screens.palette import palette

log = logging.getLogger(__name__)

# Screens are built on first visit, to keep start-up fast. Each name: the screen, and the
# presenter (in app/presenters) that makes its decisions.
SCREENS = {
    "home": ("screens.home:HomeScreen", "app.presenters.home:HomePresenter"),
    "session": ("screens.session:SessionScreen", "app.presenters.session:SessionPresenter"),
    "summary": ("screens.summary:SummaryScreen", "app.presenters.summary:SummaryPresenter"),
    "startup_error": ("screens.startup_error:StartupErrorScreen", None),
    "repair_notice": ("screens.repair_notice:RepairNoticeScreen", "app.presenters.first_run:RepairNoticePresenter"),
    "caregiver_entry": ("screens.caregiver_entry:CaregiverEntryScreen",
                        "app.presenters.caregiver:CaregiverEntryPresenter"),
    "caregiver": ("screens.caregiver:CaregiverScreen", "app.presenters.caregiver:DashboardPresenter"),
    "plan_edit": ("screens.plan_edit:PlanEditScreen", "app.presenters.caregiver:PlanEditPresenter"),
    "care_plan": ("screens.care_plan:CarePlanScreen", "app.presenters.care_plan:CarePlanPresenter"),
    "progress": ("screens.progress:ProgressScreen", "app.presenters.progress:ProgressPresenter"),
    "history": ("screens.history:HistoryScreen", "app.presenters.history:HistoryPresenter"),
    "session_detail": ("screens.session_detail:SessionDetailScreen",
                       "app.presenters.history:SessionDetailPresenter"),
    "backups": ("screens.backups:BackupsScreen", "app.presenters.backups:BackupsPresenter"),
    "settings": ("screens.settings:SettingsScreen", "app.presenters.settings:SettingsPresenter"),
    "welcome": ("screens.welcome:WelcomeScreen", "app.presenters.first_run:WelcomePresenter"),
    "safety": ("screens.safety:SafetyScreen", "app.presenters.first_run:SafetyPresenter"),
    "about_you": ("screens.about_you:AboutYouScreen", "app.presenters.first_run:AboutYouPresenter"),
    "your_plan": ("screens.your_plan:YourPlanScreen", "app.presenters.first_run:YourPlanPresenter"),
    "injection": ("screens.injection:InjectionScreen", "app.presenters.injection:InjectionPresenter"),
    "checkin": ("screens.checkin:CheckInScreen", "app.presenters.treatment:CheckInPresenter"),
    "get_help": ("screens.get_help:GetHelpScreen", "app.presenters.treatment:GetHelpPresenter"),
    "help_numbers": ("screens.help_numbers:HelpNumbersScreen", None),  # its form is a part
    "choose_items": ("screens.choose_items:ChooseItemsScreen", "app.presenters.ratings:ChooseItemsPresenter"),
    "rate": ("screens.rate:RateScreen", "app.presenters.ratings:RatePresenter"),
    "trends": ("screens.trends:TrendsScreen", "app.presenters.ratings:TrendsPresenter"),
    "clinician_scores": ("screens.clinician_scores:ClinicianScoresScreen",
                         "app.presenters.clinician_scores:ClinicianScoresPresenter"),
    "photo_sets": ("screens.photo_sets:PhotoSetsScreen", "app.presenters.photos:PhotoSetsPresenter"),
    "photo_capture": ("screens.photo_capture:PhotoCaptureScreen", "app.presenters.photos:CapturePresenter"),
    "photo_compare": ("screens.photo_compare:PhotoCompareScreen", "app.presenters.photos:ComparePresenter"),
}
# Presenters that are given a device port as well, by the app attribute that holds it.
PORTS = {"photo_capture": ("camera",)}
# Parts of a screen with presenters of their own: (widget id, presenter), each made with the
# core and the part itself as its view (and the app as navigator, for those in NAVIGATING_PARTS).
PARTS = {
    "home": (("cycle_card", "app.presenters.treatment:CycleCardPresenter"),
             ("care_card", "app.presenters.treatment:CarePresenter"),
             ("rating_prompt", "app.presenters.ratings:RatingPromptPresenter")),
    "caregiver": (("treatment_section", "app.presenters.caregiver_treatment:CaregiverTreatmentPresenter"),),
    "photo_sets": (("measuring", "app.presenters.face:MeasuringPresenter"),),
    "help_numbers": (("form", "app.presenters.treatment:HelpNumbersPresenter"),),
}
NAVIGATING_PARTS = {"app.presenters.ratings:RatingPromptPresenter"}  # a tap on them opens another screen
COLUMN_DP = 760  # widest the content grows on a desktop window


def default_data_dir() -> str:
    """App.user_data_dir, worked out before the app (and its window) exists."""
    return SmileBackApp(data_dir="unused").user_data_dir


def _load(path: str):
    module_name, name = path.split(":")
    return getattr(importlib.import_module(module_name), name)


class SmileBackApp(App):
    """Wiring and navigation: builds the core once the record is open, gives each screen its
    presenter, and carries Kivy's events (keys, touches, the clock) to them."""

    title = "SmileBack"
    theme = DictProperty(palette(high_contrast=False))
    demo_banner = StringProperty("")
    notice = StringProperty("")  # something the patient must be told (a repaired record, a reminder)
    core = ObjectProperty(None, allownone=True)

    def __init__(self, data_dir: Path | str | None = None, time_scale: float = 1.0,
                 clock: DomainClock | None = None, cue_sink=None, routine_path: Path | None = None,
                 notifier=None, remember_window: bool = True, camera=None, face_landmarker=None, **kwargs):
        super().__init__(**kwargs)
        self._data_dir, self._time_scale = data_dir, time_scale
        self._clock, self._cue_sink, self._notifier = clock, cue_sink, notifier
        self._routine_path = routine_path or DEFAULT_ROUTINE
        self._remember_window = remember_window
        self._camera = camera  # app.camera.Camera; Kivy's (screens/camera_port.py) unless given
        self._face_landmarker = face_landmarker  # a landmarker or its builder; the device's own unless given
        if time_scale != 1.0:
            self.demo_banner = f"Demo speed: timers run {time_scale:g}x faster"

    def load_kv(self, filename=None):
        """smileback.kv once per process (Kivy would load it again for every app instance)."""
        from screens import load_kv_beside

        load_kv_beside(__file__)
        return True

    def build(self):
        import screens.widgets  # noqa: F401  (registers shared widgets and their kv rules)

        use_text_font()  # before any text is drawn: every script a name or note may use

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
        if name is None or self.core is None:
            return False
        if self.manager.current_screen.on_key(name):
            return True
        if name == "escape" and self.manager.current not in ("home", "welcome", "safety"):
            self.go("home")
            return True
        return False

    def _open_after_first_frame(self, window) -> None:
        window.unbind(on_flip=self._open_after_first_frame)
        if self._remember_window:
            from screens.window_state import keep_window_on_screen

            keep_window_on_screen()
        Clock.schedule_once(lambda _dt: self.open_record(), 0)

    def open_record(self) -> None:
        """Open the health record (SQLAlchemy's import is most of start-up) and show it."""
        from app.core import StartupError, open_record

        try:
            started = open_record(Path(self.data_dir), self._routine_path, self._exercise_clock())
        except StartupError as error:
            log.error("start-up stopped: %s", error)
            self.go("startup_error", message=str(error))
            return
        self._make_core(started.record, started.routine)
        from app.presenters.first_run import needs_first_run

        if started.repaired:  # said first, on a screen of its own
            self.go("repair_notice", message=started.notice)
            return
        self.notice = started.notice  # a banner on Home (today's backup could not be made)
        from app.presenters.summary import resume_unsaved_summary

        if needs_first_run(self.core):
            self.go("welcome")
        elif resume_unsaved_summary(self.core):  # killed on the summary: the note as typed, offered again
            self.go("summary")
        else:
            self.screen("home").presenter.enter()

    def _make_core(self, record, routine) -> None:
        from app.core import Core

        player = self._cue_sink or CuePlayer(PlyerSpeech(), self._sound(), PlyerVibrator())
        self.core = Core(record, routine, self._exercise_clock(), player, wall_clock=self._clock or SystemClock(),
                         notify=self._notify, face_landmarker=self._face_landmarker)
        self.core.on_preferences(self._show_preferences)
        self._reminder_watch = Clock.schedule_interval(lambda _dt: self.core.check_reminders(), 60)
        for name in self.manager.screen_names:
            self._attach_presenter(self.manager.get_screen(name))

    def _exercise_clock(self) -> DomainClock:
        clock = self._clock or SystemClock()
        return ScaledClock(clock, self._time_scale) if self._time_scale != 1.0 else clock

    @property
    def data_dir(self) -> str:
        return str(self._data_dir or self.user_data_dir)

    def _show_preferences(self, prefs) -> None:
        """What only the UI can apply: the theme and the text size (every kv size in sp follows)."""
        from kivy.metrics import Metrics

        self.theme = palette(high_contrast=prefs.high_contrast)
        Metrics.fontscale = prefs.text_scale

    def _notify(self, title: str, message: str) -> None:
        from app.cues import PlyerNotifier

        if self._notifier is None:
            self._notifier = PlyerNotifier(fallback=self._show_banner)
        self._notifier.notify(title, message)

    def _show_banner(self, title: str, message: str) -> None:
        """Where the platform has no notifications, say it inside the app."""
        self.notice = f"{title}: {message}"

    @property
    def camera(self):
        """Looked for only when the photo capture first opens: never at start-up."""
        if self._camera is None:
            from screens.camera_port import KivyCamera

            self._camera = KivyCamera()
        return self._camera

    @staticmethod
    def _sound():
        from screens.sound import KivySound

        return KivySound()

    # --- navigation ------------------------------------------------------------------------

    def screen(self, name: str):
        if not self.manager.has_screen(name):
            screen = _load(SCREENS[name][0])(name=name)
            self._attach_presenter(screen)
            self.manager.add_widget(screen)
        return self.manager.get_screen(name)

    def _attach_presenter(self, screen) -> None:
        presenter_path = SCREENS[screen.name][1]
        if self.core is None:
            return
        if presenter_path:
            ports = tuple(getattr(self, port) for port in PORTS.get(screen.name, ()))
            screen.presenter = _load(presenter_path)(self.core, self, screen, *ports)
        for widget_id, part_presenter in PARTS.get(screen.name, ()):
            part = screen.ids[widget_id]
            navigator = (self,) if part_presenter in NAVIGATING_PARTS else ()
            part.presenter = _load(part_presenter)(self.core, *navigator, part)

    def go(self, name: str, **params) -> None:
        """The Navigator the presenters are given: `params` go to the screen's presenter first."""
        if self.core is not None and self.core.caregiver is not None:
            from app.presenters.caregiver import ends_caregiver_mode

            if ends_caregiver_mode(name):  # left by Escape or any other way, not only by Leave
                self._stop_caregiver_mode()
        screen = self.screen(name)
        presenter = getattr(screen, "presenter", None)
        if params and presenter is not None:
            presenter.prepare(**params)
        elif params:
            for key, value in params.items():  # a screen without a presenter (the start-up error)
                setattr(screen, key, value)
        self.manager.current = name

    def close_app(self) -> None:
        self.stop()

    # --- caregiver mode: the core times it; the window reports touches ---------------------

    def start_caregiver_mode(self) -> None:
        from kivy.core.window import Window

        self.core.start_caregiver_mode()
        Window.bind(on_touch_down=self._caregiver_touched)
        self._caregiver_watch = Clock.schedule_interval(self._check_caregiver_idle, 1)
        self.go("caregiver")

    def _caregiver_touched(self, *_):
        self.core.caregiver_touched()

    def _check_caregiver_idle(self, _dt) -> None:
        if self.core.caregiver_expired():
            self.end_caregiver_mode()

    def end_caregiver_mode(self) -> None:
        self._stop_caregiver_mode()
        self.go("home")

    def _stop_caregiver_mode(self) -> None:
        from kivy.core.window import Window

        Window.unbind(on_touch_down=self._caregiver_touched)
        if hasattr(self, "_caregiver_watch"):
            self._caregiver_watch.cancel()
        self.core.end_caregiver_mode()

    def on_pause(self):
        if self.core:
            self.core.save_progress()
        return True  # keep the session in memory while Android pauses us

    def on_stop(self):
        if self._remember_window:
            from screens.window_state import remember_window

            remember_window(Path(self.data_dir))
        # Kivy's clock outlives the app (in tests, several apps run in one process).
        self.manager.current_screen.dispatch("on_leave")
        for event in ("_reminder_watch", "_caregiver_watch"):
            if hasattr(self, event):
                getattr(self, event).cancel()
        if self.core:
            self.core.close()
