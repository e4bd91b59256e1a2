"""Home: today's status, the streak, the routine, and one large button to begin."""
from __future__ import annotations

from typing import TYPE_CHECKING

from kivy.app import App
from kivy.clock import Clock
from kivy.properties import BooleanProperty, StringProperty

from screens import load_kv_beside
import screens.treatment_cards  # noqa: F401  (the treatment cards in home.kv)
from screens.widgets import PresentedScreen, WrapLabel

if TYPE_CHECKING:  # the presenter's module loads the record's libraries: not before the first frame
    from app.presenters.home import HomeModel

load_kv_beside(__file__)


class HomeScreen(PresentedScreen):
    greeting_text = StringProperty("")
    date_text = StringProperty("")
    status_text = StringProperty("Opening your record...")  # until the record is open
    streak_text = StringProperty("")
    start_text = StringProperty("Please wait")
    interrupted_text = StringProperty("")
    close_text = StringProperty("")
    has_interrupted = BooleanProperty(False)
    week_text = StringProperty("")
    recovery_text = StringProperty("")

    def on_pre_enter(self, *_):
        self.refresh()
        self._rollover = Clock.schedule_interval(lambda _dt: self.presenter and self.presenter.check_day(), 30)

    def on_leave(self, *_):
        self._rollover.cancel()

    def show(self, model: HomeModel) -> None:
        self.greeting_text, self.date_text = model.greeting, model.date_text
        self.status_text, self.streak_text = model.status_text, model.streak_text
        self.start_text, self.recovery_text = model.start_text, model.recovery_text
        self.interrupted_text, self.close_text = model.interrupted_text, model.close_text
        self.has_interrupted = bool(model.interrupted_text)
        self.week_text = model.week_text
        self.ids.week_strip.statuses = list(model.week)
        box = self.ids.steps_box
        box.clear_widgets()
        for line in model.steps:
            box.add_widget(WrapLabel(text=line))
        if model.message:  # shown in the app's banner on Home, until dismissed
            App.get_running_app().notice = model.message
        for part in (self.ids.cycle_card, self.ids.rating_prompt, self.ids.care_card):  # they read the record afresh with Home
            part.refresh()

    def start_or_resume(self) -> None:
        if self.presenter is not None:  # the record opens just after the first frame
            self.presenter.start_or_resume()
