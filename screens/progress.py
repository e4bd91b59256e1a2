"""Progress: streaks, a month calendar, adherence, minutes each week and how often each step is done.

Every figure comes from the presenter (app/presenters/progress.py); this screen draws it.
"""
from __future__ import annotations

from datetime import date

from kivy.app import App
from kivy.graphics import Color, Ellipse, Line, RoundedRectangle
from kivy.metrics import dp
from kivy.properties import BooleanProperty, ObjectProperty, StringProperty
from kivy.uix.gridlayout import GridLayout
from kivy.uix.label import Label
from kivy.uix.widget import Widget

from app.vocabulary import DayStatus
from screens import load_kv_beside
from screens.timeline_chart import TimelineChart  # noqa: F401  (registered for kv)
from screens.widgets import PresentedScreen, fill

# Each day status -> the theme role of its cell. "today" (not done yet) and "none"
# (before anything was asked) look like days still to come; today is also outlined.
CELL_ROLE = {"done": "done", "partial": "partial", "missed": "missed", "rest": "rest",
             "today": "future", "future": "future", "none": "future"}
SWIPE_DP = 60  # a horizontal move this long, and mostly sideways, turns the month


class CalendarDay(Label):
    """One day: its number on a cell coloured by status, and a mark so colour is not the only sign.

    Marks: done a tick, partly done a half-filled circle, missed an empty circle, rest a dash.
    """

    day = ObjectProperty(None, allownone=True)
    status = StringProperty("none")
    is_today = BooleanProperty(False)
    theme = ObjectProperty(None, allownone=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.bind(pos=self._redraw, size=self._redraw, status=self._redraw, is_today=self._redraw,
                  theme=self._redraw)
        self._redraw()

    @property
    def words(self) -> str:
        return DayStatus(self.status).words  # shown in the legend, kept on each cell for readers

    def _redraw(self, *_):
        theme = self.theme or App.get_running_app().theme
        self.canvas.before.clear()
        self.canvas.after.clear()
        with self.canvas.before:
            Color(*theme[CELL_ROLE.get(self.status, "future")])
            RoundedRectangle(pos=self.pos, size=self.size, radius=[dp(6)])
            if CELL_ROLE.get(self.status) == "future":
                Color(*theme["outline"])
                Line(rounded_rectangle=(self.x, self.y, self.width, self.height, dp(6)), width=dp(1))
        with self.canvas.after:
            if self.is_today:  # a ring in the focus colour, and inside it one that shows on any cell colour
                Color(*theme["today"])
                Line(rounded_rectangle=(self.x + dp(1.5), self.y + dp(1.5), self.width - dp(3),
                                        self.height - dp(3), dp(6)), width=dp(2.5))
                Color(*theme["on_calendar"])
                Line(rounded_rectangle=(self.x + dp(4.5), self.y + dp(4.5), self.width - dp(9),
                                        self.height - dp(9), dp(4)), width=dp(1.2))
            Color(*theme["on_calendar"])
            self._draw_mark()

    def _draw_mark(self) -> None:
        cx = self.center_x
        if self.text:  # under the day number, kept clear of it at any text size
            r = min(max(dp(4), min(self.width, self.height) * 0.16), dp(10))
            cy = self.y + dp(8) + r
        else:
            r = max(dp(4), min(self.width, self.height) * 0.3)
            cy = self.center_y
        if self.status == "done":
            Line(points=[cx - r, cy + r * 0.05, cx - r * 0.3, cy - r * 0.7, cx + r, cy + r * 0.8],
                 width=dp(2), joint="round", cap="round")
        elif self.status == "partial":
            Line(circle=(cx, cy, r), width=dp(1.4))
            Ellipse(pos=(cx - r, cy - r), size=(2 * r, 2 * r), angle_start=180, angle_end=360)
        elif self.status == "missed":
            Line(circle=(cx, cy, r), width=dp(1.4))
        elif self.status == "rest":
            Line(points=[cx - r, cy, cx + r, cy], width=dp(2), cap="round")


class LegendMark(CalendarDay):
    pass


class SwipeArea(GridLayout):
    """Turns a sideways swipe into on_swipe(direction): -1 for the earlier month, +1 for the later."""

    __events__ = ("on_swipe",)

    def on_touch_down(self, touch):
        if self.collide_point(*touch.opos) and not touch.is_mouse_scrolling:
            touch.grab(self)
        return super().on_touch_down(touch)

    def on_touch_up(self, touch):
        if touch.grab_current is self:
            touch.ungrab(self)
            dx, dy = touch.x - touch.ox, touch.y - touch.oy
            if abs(dx) >= dp(SWIPE_DP) and abs(dx) > 1.5 * abs(dy):
                self.dispatch("on_swipe", -1 if dx > 0 else 1)
                return True
            return False
        return super().on_touch_up(touch)

    def on_swipe(self, direction):
        pass


class ProgressScreen(PresentedScreen):
    month_text = StringProperty("")
    can_go_later = BooleanProperty(False)
    current_streak_text = StringProperty("")
    best_streak_text = StringProperty("")
    adherence_text = StringProperty("")
    minutes_chart = ObjectProperty(None, allownone=True)
    steps_chart = ObjectProperty(None, allownone=True)
    minutes_caption = StringProperty("")
    timeline = ObjectProperty(None, allownone=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.cells: dict[date, CalendarDay] = {}

    def on_pre_enter(self, *_):
        self.presenter.enter()

    def show(self, model) -> None:
        self.month_text, self.can_go_later = model.month_text, model.can_go_later
        self.current_streak_text, self.best_streak_text = model.current_streak_text, model.best_streak_text
        self.adherence_text = model.adherence_text
        self.minutes_chart, self.minutes_caption = model.minutes_chart, model.minutes_caption
        self.steps_chart = model.steps_chart
        self._show_calendar(model.calendar, model.today)
        fill(self.ids.steps_box, model.steps)
        self.timeline = model.timeline
        if model.timeline is not None:
            fill(self.ids.timeline_events_box, model.timeline.events)
            fill(self.ids.timeline_months_box, model.timeline.months_text)

    def _show_calendar(self, calendar, today: date) -> None:
        grid = self.ids.calendar_grid
        grid.clear_widgets()
        self.cells = {}
        theme = App.get_running_app().theme
        for _ in range(calendar[0][0].weekday()):
            grid.add_widget(Widget())
        for day, status in calendar:
            cell = CalendarDay(day=day, status=status, is_today=(day == today), text=str(day.day),
                               theme=theme, bold=(day == today))
            self.cells[day] = cell
            grid.add_widget(cell)


load_kv_beside(__file__)
