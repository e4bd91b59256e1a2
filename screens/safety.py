"""First run, screen 2 of 4: when to stop and seek care. It cannot be skipped.

Opened again from Home later (`from_home`), it shows the text and a Back button, with
nothing to confirm again.
"""
from __future__ import annotations

from kivy.properties import BooleanProperty, StringProperty

from app.presenters.first_run import first_run_step
from screens import load_kv_beside
import screens.journal_widgets  # noqa: F401  (the numbers card's labels)
from screens.welcome import scroll_to_top
from screens.widgets import PresentedScreen

load_kv_beside(__file__)


class SafetyScreen(PresentedScreen):
    from_home = BooleanProperty(False)
    skipping = BooleanProperty(False)
    confirmed = BooleanProperty(False)
    emergency_number = StringProperty("")
    clinician_number = StringProperty("")
    step_text = first_run_step(2)

    def on_kv_post(self, *_):
        # Only one bar is in the layout at a time (the other is kept here, detached).
        self._bars = {False: self.ids.first_run_bar.__self__, True: self.ids.home_bar.__self__}  # strong refs
        self._skip_rest = self.ids.skip_rest_button.__self__
        self.on_from_home(self, self.from_home)
        self.on_skipping(self, self.skipping)

    def on_from_home(self, _screen, from_home: bool) -> None:
        bars = getattr(self, "_bars", None)
        if bars is None:
            return
        for bar in bars.values():
            if bar.parent is not None:
                bar.parent.remove_widget(bar)
        self.ids.layout.add_widget(bars[bool(from_home)])

    def on_skipping(self, _screen, skipping: bool) -> None:
        """After "Skip set-up", Continue already finishes: no second skip button."""
        skip_rest = getattr(self, "_skip_rest", None)
        if skip_rest is None:
            return
        row = self.ids.button_row
        if skipping and skip_rest.parent is not None:
            row.remove_widget(skip_rest)
        elif not skipping and skip_rest.parent is None:
            row.add_widget(skip_rest, index=len(row.children))  # on the left, as before

    def on_pre_enter(self, *_):
        self.presenter.enter()
        scroll_to_top(self)
