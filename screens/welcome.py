"""First run, screen 1 of 4: what SmileBack does and does not do.

Also home to what the four first-run screens share: the tick-box button, and
`finish_first_run`, which closes the first run for good (it never shows again).
"""
from __future__ import annotations

from dataclasses import replace

from kivy.app import App
from kivy.properties import BooleanProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.label import Label
from kivy.uix.screenmanager import Screen

from app.profile import load_profile, save_profile
from screens import load_kv_beside

STEPS = 4  # welcome, safety, about you, your plan


class TickButton(ButtonBehavior, Label):
    """A large tick box and its words, the whole row one touch target."""

    checked = BooleanProperty(False)


def finish_first_run(app) -> None:
    """Mark the first run done and go home. Without the safety confirmation, back to the note."""
    store = app.companion.store
    profile = load_profile(store)
    if not profile.safety_confirmed:
        app.go("safety", from_home=False, skipping=True)
        return
    save_profile(store, replace(profile, first_run_done=True))
    app.go("home")
    app.screen("home").refresh()


def scroll_to_top(screen) -> None:
    scroller = screen.ids.get("scroller")
    if scroller is not None:
        scroller.scroll_y = 1


class WelcomeScreen(Screen):
    step_text = f"Getting started: step 1 of {STEPS}"

    def on_pre_enter(self, *_):
        scroll_to_top(self)

    def next(self) -> None:
        App.get_running_app().go("safety", from_home=False, skipping=False)

    def skip(self) -> None:
        """Skipping set-up still passes through the safety note: it cannot be skipped."""
        App.get_running_app().go("safety", from_home=False, skipping=True)


load_kv_beside(__file__)
