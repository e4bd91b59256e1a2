"""The finish moment on the summary: the session's day filling in in this week's strip,
the streak, and a line under it. One gentle fill, once; nothing loops or flashes, for a
patient who has just taken a towel off their face. What it says is decided in
app/presenters/summary.py; this only draws it."""
from __future__ import annotations

from kivy.animation import Animation
from kivy.properties import StringProperty

from screens import load_kv_beside
from screens.widgets import Card

FILL_SECONDS = 0.8

load_kv_beside(__file__)


class FinishMoment(Card):
    headline = StringProperty("")
    streak_text = StringProperty("")
    detail = StringProperty("")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._shown = None  # the FinishView drawn
        self._due = False  # its fill is still to play

    def show(self, view) -> None:
        """Draw a FinishView: as it ends, or, when it animates, as the day was before the session."""
        if view == self._shown:
            return  # the same moment re-shown with the summary (a rating chosen): no second fill
        self._shown = view
        self.headline, self.streak_text, self.detail = view.headline, view.streak_text, view.detail
        strip = self.ids.week_strip
        strip.statuses = list(view.week)
        for mark in strip.marks():
            Animation.cancel_all(mark, "sweep")
            mark.sweep = -1
        self._due = view.animate and view.fill_from != view.fill_to
        self.marked().sweep = 360 * (view.fill_from if self._due else view.fill_to)

    def marked(self):
        return self.ids.week_strip.marks()[self._shown.marked]

    def play(self) -> None:
        """Once the summary is in view: fill the day's mark, one time."""
        if self._due:
            self._due = False
            Animation(sweep=360 * self._shown.fill_to, d=FILL_SECONDS, t="out_quad").start(self.marked())
