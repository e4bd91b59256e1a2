"""First run, screen 2 of 4: when to stop and seek care. It cannot be skipped.

The patient confirms once that they have read it. Afterwards Home opens the same
note with `app.go("safety", from_home=True)`: the text and a Back button, nothing
to confirm again.
"""
from __future__ import annotations

from dataclasses import replace

from kivy.app import App
from kivy.properties import BooleanProperty
from kivy.uix.screenmanager import Screen

from app.profile import load_profile, save_profile
from screens import load_kv_beside
from screens.welcome import STEPS, finish_first_run, scroll_to_top

load_kv_beside(__file__)


class SafetyScreen(Screen):
    from_home = BooleanProperty(False)   # opened from Home: read only, Back goes home
    skipping = BooleanProperty(False)    # "Skip set-up" on the welcome screen: Continue finishes
    confirmed = BooleanProperty(False)   # the "I have read this" tick
    step_text = f"Getting started: step 2 of {STEPS}"

    def on_kv_post(self, *_):
        # Only one bar is in the layout at a time (the other is kept here, detached).
        self._bars = {False: self.ids.first_run_bar.__self__, True: self.ids.home_bar.__self__}  # strong refs
        self._skip_rest = self.ids.skip_rest_button.__self__
        self.on_from_home(self, self.from_home)
        self.on_skipping(self, self.skipping)

    def on_from_home(self, _screen, from_home: bool) -> None:
        """From Home the confirmation is already kept: a Back button, nothing to tick again."""
        bars = getattr(self, "_bars", None)
        if bars is None:
            return
        layout = self.ids.layout
        for bar in bars.values():
            if bar.parent is not None:
                bar.parent.remove_widget(bar)
        layout.add_widget(bars[bool(from_home)])

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
        self.confirmed = load_profile(App.get_running_app().companion.store).safety_confirmed
        scroll_to_top(self)

    def toggle(self) -> None:
        self.confirmed = not self.confirmed

    def _store(self) -> bool:
        if not self.confirmed:
            return False
        store = App.get_running_app().companion.store
        profile = load_profile(store)
        if not profile.safety_confirmed:
            save_profile(store, replace(profile, safety_confirmed=True))
        return True

    def go_on(self) -> None:
        if not self._store():
            return  # the button is disabled until then; this is a second lock
        app = App.get_running_app()
        if self.skipping:
            finish_first_run(app)
        else:
            app.go("about_you")

    def skip_rest(self) -> None:
        if self._store():
            finish_first_run(App.get_running_app())

    def back(self) -> None:
        app = App.get_running_app()
        app.go("home" if self.from_home else "welcome")

    def on_key(self, name: str) -> bool:
        """Escape (Android's back): home when opened from Home, else the welcome screen."""
        if name == "escape":
            self.back()
            return True
        return False
