"""The guided session: the step, its picture, a large countdown, and big buttons.

The screen's clock calls the presenter's `beat()` a few times a second; the presenter
ticks the runner (which keeps time on its own monotonic clock) and hands back what to show.
"""
from __future__ import annotations

from kivy.clock import Clock
from kivy.properties import BooleanProperty, NumericProperty, StringProperty

from screens import load_kv_beside
from screens.widgets import PresentedScreen

load_kv_beside(__file__)

BEAT_SECONDS = 0.2


class SessionScreen(PresentedScreen):
    step_label = StringProperty("")
    title = StringProperty("")
    part_title = StringProperty("")
    instruction = StringProperty("")
    countdown = StringProperty("")
    status_line = StringProperty("")
    next_text = StringProperty("")
    main_text = StringProperty("")
    picture = StringProperty("heat")
    focus = StringProperty("face")
    direction = StringProperty("")
    side = StringProperty("unknown")
    progress = NumericProperty(0)
    can_skip = BooleanProperty(True)
    warning = StringProperty("")  # what could not be saved, while the record refuses writes

    def on_pre_enter(self, *_):
        self.presenter.enter()
        self._beat = Clock.schedule_interval(lambda _dt: self.presenter.beat(), BEAT_SECONDS)

    def on_leave(self, *_):
        self._beat.cancel()
